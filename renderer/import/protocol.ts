/** Messages between the import session (main thread) and the import workers. */
import type { PrepareOptions, PreparedFile } from '../../shared/model/import';

/** A file to prepare: a browser `File` (read in the worker), bytes (Electron), or a read error. */
export type WorkerInputFile = { name: string; file: File } | { name: string; bytes: Uint8Array } | { name: string; error: string };

/** Main thread → worker: a slice of the import's files and their indices in the whole import. */
export type ToWorker = { type: 'prepare'; files: WorkerInputFile[]; indices: number[]; options: PrepareOptions };

/** Worker → main thread: prepared files in small batches, in slice order, then `done`. */
export type FromWorker = { type: 'prepared'; items: Array<{ index: number; file: PreparedFile }> } | { type: 'done' };

/**
 * Messages between the three kinds of thread of an import: the main thread (ImportSession),
 * the preparing workers (import-worker.ts) and the one writing worker (write-worker.ts).
 *
 *   preparers ──prepared files──▶ writer ──(keeps a copy) relays──▶ main thread
 *   main thread ──write batch n: records without text──▶ writer ──written n──▶ main thread
 *
 * The writer sees every prepared file before the main thread does, so whatever the main
 * thread decides to write is already held by the writer, and the article texts are never
 * serialised on the main thread.
 */
import type { PrepareOptions, PreparedFile } from '../../shared/model/import';
import type { DocumentRecord } from '../../shared/model/types';
import type { Phrase } from '../../shared/phrases/phrase';

/** A file to prepare: a browser `File` (read in the worker), bytes (Electron), or a read error. */
export type WorkerInputFile = { name: string; file: File } | { name: string; bytes: Uint8Array } | { name: string; error: string; errorPhrase?: Phrase };

/**
 * Main thread → preparing worker: part of the worker's slice of the import's files, their
 * indices in the whole import, the port to send results to (in the first message; the
 * worker itself when absent), and whether more files follow in later messages (a slice is
 * dealt in parts, so that no single message holds the UI thread).
 */
export type ToPreparer = { type: 'prepare'; files: WorkerInputFile[]; indices: number[]; options: PrepareOptions; port?: MessagePort; more?: boolean };

/** Preparing worker → writer (relayed to the main thread): prepared files in small batches, in slice order, then `done`. */
export type FromPreparer = { type: 'prepared'; items: Array<{ index: number; file: PreparedFile }> } | { type: 'done' };

/** A document as the main thread sends it for writing: everything but the text and signature, which the writer holds. */
export type RecordToWrite = Omit<DocumentRecord, 'text' | 'minhash'>;

/** Main thread → writer. */
export type ToWriter =
  /** Open the database (null: do not write, only relay) and listen to the preparers' ports. */
  | { type: 'start'; database: string | null; ports: MessagePort[] }
  /** Write these new documents, made of the articles of `files`, in one IndexedDB transaction; then forget `files`. */
  | { type: 'write'; id: number; files: number[]; records: RecordToWrite[] }
  /** Forget `files` (everything in them was a duplicate, or was written on the main thread). */
  | { type: 'release'; files: number[] };

/** Writer → main thread: first `ready`, then the relayed preparer messages and write outcomes. */
export type FromWriter =
  | FromPreparer
  | { type: 'ready'; writes: boolean; reason?: string }
  | { type: 'written'; id: number }
  | { type: 'write-failed'; id: number; message: string };

/**
 * `writeSnapshot({ info, json, keep })`: writes a corpus snapshot atomically into the
 * user data folder under a name main makes from `info`, then keeps only the newest `keep`.
 */
import { join } from 'node:path';
import type { WriteSnapshotPayload, WriteSnapshotResult } from '../../../shared/ipc/contract';
import { snapshotFileName } from '../../../shared/snapshots/snapshot-files';
import { corpusSnapshotFolder, pruneSnapshotFiles, type SnapshotFs } from '../snapshot-folder';

/** Dependencies of {@link writeSnapshot}. */
export interface WriteSnapshotDeps {
  /** `<user data>/snapshots`. */
  root: string;
  fs: SnapshotFs;
  /** Atomic write (see `writeFileAtomic`). */
  writeFileAtomic: (path: string, data: string) => Promise<void>;
}

/**
 * Writes the snapshot (all of it or, on failure, nothing: the previous snapshots are
 * untouched), then deletes the oldest beyond `keep`. A failed write rejects.
 */
export async function writeSnapshot(request: WriteSnapshotPayload, deps: WriteSnapshotDeps): Promise<WriteSnapshotResult> {
  const folder = corpusSnapshotFolder(deps.root, request.info.corpusId);
  const id = snapshotFileName(request.info);
  await deps.fs.mkdir(folder, { recursive: true });
  await deps.writeFileAtomic(join(folder, id), request.json);
  await pruneSnapshotFiles(deps.fs, deps.root, request.info.corpusId, request.keep);
  return { id };
}

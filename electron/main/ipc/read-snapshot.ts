/** `readSnapshot({ corpusId, id })`: the native-format file of one snapshot, to restore it. */
import { join } from 'node:path';
import type { ReadSnapshotResult } from '../../../shared/ipc/contract';
import { isSnapshotFileName } from '../../../shared/snapshots/snapshot-files';
import { corpusSnapshotFolder, type SnapshotFs } from '../snapshot-folder';

/** Dependencies of {@link readSnapshot}. */
export interface ReadSnapshotDeps {
  /** `<user data>/snapshots`. */
  root: string;
  fs: SnapshotFs;
}

/** Reads one snapshot file; `{ missing: true }` when it is gone. Only snapshot file names are read. */
export async function readSnapshot(request: { corpusId: string; id: string }, deps: ReadSnapshotDeps): Promise<ReadSnapshotResult> {
  if (!isSnapshotFileName(request.id)) throw new Error(`Not a snapshot: ${JSON.stringify(request.id)}`);
  try {
    return { json: await deps.fs.readFile(join(corpusSnapshotFolder(deps.root, request.corpusId), request.id), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    throw error;
  }
}

/** `listSnapshots({ corpusId })`: the snapshots of a corpus in the user data folder, newest first. */
import type { ListSnapshotsResult } from '../../../shared/ipc/contract';
import { listSnapshotFiles, type SnapshotFs } from '../snapshot-folder';

/** Dependencies of {@link listSnapshots}. */
export interface ListSnapshotsDeps {
  /** `<user data>/snapshots`. */
  root: string;
  fs: SnapshotFs;
}

/** Lists the snapshot files of a corpus (other files in the folder are ignored). */
export async function listSnapshots(request: { corpusId: string }, deps: ListSnapshotsDeps): Promise<ListSnapshotsResult> {
  return { snapshots: await listSnapshotFiles(deps.fs, deps.root, request.corpusId) };
}

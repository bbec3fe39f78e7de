/** `deleteSnapshots({ corpusId })`: deletes the snapshot files of a corpus that was deleted. */
import type { DeleteSnapshotsResult } from '../../../shared/ipc/contract';
import { deleteSnapshotFiles, type SnapshotFs } from '../snapshot-folder';

/** Dependencies of {@link deleteSnapshots}. */
export interface DeleteSnapshotsDeps {
  /** `<user data>/snapshots`. */
  root: string;
  fs: SnapshotFs;
}

/** Deletes the corpus's snapshot files (only files main made) and its folder once empty. */
export async function deleteSnapshots(request: { corpusId: string }, deps: DeleteSnapshotsDeps): Promise<DeleteSnapshotsResult> {
  return { deleted: await deleteSnapshotFiles(deps.fs, deps.root, request.corpusId) };
}

/**
 * The snapshot folder in the user data folder: `<user data>/snapshots/<corpusId>/`, one file
 * per snapshot (see shared/snapshots/snapshot-files.ts for the names). Only files whose
 * names main makes are listed, read or deleted; anything else in the folder is left alone.
 */
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotInfo } from '../../shared/snapshots/snapshot-info';
import { SNAPSHOT_CORPUS_ID, newestFirst, parseSnapshotFileName } from '../../shared/snapshots/snapshot-files';

/** The file-system functions the snapshot handlers use; `node:fs/promises` by default. */
export interface SnapshotFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  /** Removes an empty folder (fails when it is not empty). */
  rmdir(path: string): Promise<void>;
}

/** The real file system. */
export const nodeSnapshotFs: SnapshotFs = {
  mkdir: (path, options) => fsPromises.mkdir(path, options),
  readdir: (path) => fsPromises.readdir(path),
  readFile: (path, encoding) => fsPromises.readFile(path, encoding),
  rm: (path, options) => fsPromises.rm(path, options),
  rmdir: (path) => fsPromises.rmdir(path),
};

/** The folder of one corpus's snapshots. Refuses an id that is not a plain folder name. */
export function corpusSnapshotFolder(root: string, corpusId: string): string {
  if (!SNAPSHOT_CORPUS_ID.test(corpusId)) throw new Error(`Not a corpus id: ${JSON.stringify(corpusId)}`);
  return join(root, corpusId);
}

/** The snapshots in a corpus folder, newest first; none when the folder does not exist. */
export async function listSnapshotFiles(fs: SnapshotFs, root: string, corpusId: string): Promise<SnapshotInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(corpusSnapshotFolder(root, corpusId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return newestFirst(names.map((name) => parseSnapshotFileName(name, corpusId)).filter((info): info is SnapshotInfo => info !== null));
}

/** Deletes a corpus's oldest snapshots beyond `keep` (at least one is always kept). */
export async function pruneSnapshotFiles(fs: SnapshotFs, root: string, corpusId: string, keep: number): Promise<void> {
  const folder = corpusSnapshotFolder(root, corpusId);
  const old = (await listSnapshotFiles(fs, root, corpusId)).slice(Math.max(1, keep));
  for (const info of old) await fs.rm(join(folder, info.id), { force: true });
}

/**
 * Deletes every snapshot file of a corpus (the corpus itself was deleted), then its folder
 * when nothing else is left in it. Files main did not make are left alone, and so is the
 * folder that holds them. Resolves with how many snapshots were deleted.
 */
export async function deleteSnapshotFiles(fs: SnapshotFs, root: string, corpusId: string): Promise<number> {
  const folder = corpusSnapshotFolder(root, corpusId);
  const snapshots = await listSnapshotFiles(fs, root, corpusId);
  for (const info of snapshots) await fs.rm(join(folder, info.id), { force: true });
  try {
    if ((await fs.readdir(folder)).length === 0) await fs.rmdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return snapshots.length;
}

/**
 * The command line's folder walk, for `isnad inspect|import` and `isnad convert` alike: the
 * rule of every folder walk (`folderEntryVerdict`, shared/formats/intake/folder-entries.ts) —
 * hidden files and folders, symbolic links, other non-regular files and the files `accept`
 * does not take are skipped, each with why — and one sentence for saying so on stderr
 * (`skippedLine`).
 */
import { lstat, readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { NOT_AN_ARTICLE, byFolderPath, folderEntryVerdict, type FolderEntryKind } from '../shared/formats/intake/folder-entries';
import { isProbablyArticleFile } from '../shared/formats/intake/file-kinds';

/** A file a walk takes: where it is, and its name relative to the walked folder's parent ("news/2019/a.txt"). */
export interface WalkedFile {
  path: string;
  name: string;
}

/** An entry a walk left out, named as {@link WalkedFile.name} ("news/.git"), and why. */
export interface SkippedEntry {
  name: string;
  reason: string;
}

/** The line `isnad` writes on stderr for an entry a folder walk skipped. */
export function skippedLine(entry: SkippedEntry): string {
  return `skipped ${entry.name}: ${entry.reason}`;
}

/** What a listed entry is, links not followed (`lstat` when the listing does not say). */
async function entryKind(entry: Dirent, path: string): Promise<FolderEntryKind> {
  const kind = (e: { isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean }): FolderEntryKind | null =>
    e.isSymbolicLink() ? 'symlink' : e.isDirectory() ? 'folder' : e.isFile() ? 'file' : null;
  return kind(entry) ?? (await lstat(path).then(kind, () => null)) ?? 'other';
}

/**
 * Walks the folder `root` (recursively) by the rule of every folder walk: the files `accept`
 * takes (article files by default), and every entry skipped with why (a file `accept` does
 * not take, with `notAccepted`), both in the order of every folder walk (`byFolderPath`,
 * whatever order the disk lists them in). The folder itself is not judged by its
 * name (nor is a link named as `root` refused: it is followed). A folder that cannot be
 * listed throws.
 */
export async function walkFolder(
  root: string,
  accept: (name: string) => boolean = isProbablyArticleFile,
  notAccepted: string = NOT_AN_ARTICLE,
): Promise<{ files: WalkedFile[]; skipped: SkippedEntry[] }> {
  const top = resolve(root);
  const files: WalkedFile[] = [];
  const skipped: SkippedEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(dirname(top), path).split(sep).join('/');
      const verdict = folderEntryVerdict(entry.name, await entryKind(entry, path), accept, notAccepted);
      if (verdict.action === 'skip') skipped.push({ name, reason: verdict.reason });
      else if (verdict.action === 'enter') await walk(path);
      else files.push({ path, name });
    }
  };
  await walk(top);
  return { files: files.sort(byFolderPath), skipped: skipped.sort(byFolderPath) };
}

/**
 * Which entries of a folder an import reads, one rule for the three folder walks: the
 * browser's folder picker and dropped folders (renderer/platform/folders.ts), the desktop
 * app's folder reader (electron/main/ipc/open-article-folder.ts) and `isnad inspect|import|convert`
 * on a folder (cli/folder-walk.ts). Every entry left out is reported with why:
 * - a hidden file (".DS_Store") is skipped as a hidden file, a hidden folder (".git") as a
 *   hidden folder, once, without opening it (nothing inside it is read or listed);
 * - a symbolic link is skipped, never followed (a link could lead out of the chosen folder or
 *   round in a loop), as is anything that is neither a file nor a folder (a pipe, a socket);
 * - a file the walk does not take (not an article, or not a brat file) is skipped with the
 *   walk's own reason.
 * The folder (or file) the user chose is never judged by its own name: a walk starts inside it.
 * Reasons are English sentences (`skipReasonText`), as hosts report them; the interface says
 * them in its language (`skipReasonPhrase`).
 */
import { skipReasonText } from '../../phrases/skip-reasons';
import { isProbablyArticleFile } from './file-kinds';

/** What an entry of a folder is, as its listing (or `lstat`) tells, links not followed. */
export type FolderEntryKind = 'file' | 'folder' | 'symlink' | 'other';

/** What a walk does with an entry: read the file, enter the folder, or skip it saying why. */
export type FolderEntryVerdict = { action: 'read' } | { action: 'enter' } | { action: 'skip'; reason: string };

/** Reason given for a file of the folder that is not an article. */
export const NOT_AN_ARTICLE = skipReasonText('skip.notArticle');

/** True for a name a file manager hides (".DS_Store", ".git"). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/**
 * The verdict on one entry met inside the chosen folder: `name` is the entry's own name
 * (not its path), `kind` what it is, links not followed. `accept` says which files are read
 * (article files by default); others are skipped with `notAccepted`.
 */
export function folderEntryVerdict(name: string, kind: FolderEntryKind, accept: (name: string) => boolean = isProbablyArticleFile, notAccepted: string = NOT_AN_ARTICLE): FolderEntryVerdict {
  if (isHiddenName(name)) return { action: 'skip', reason: skipReasonText(kind === 'folder' ? 'skip.hiddenFolder' : 'skip.hidden') };
  if (kind === 'symlink') return { action: 'skip', reason: skipReasonText('skip.symlink') };
  if (kind === 'folder') return { action: 'enter' };
  if (kind === 'other') return { action: 'skip', reason: skipReasonText('skip.notRegular') };
  return accept(name) ? { action: 'read' } : { action: 'skip', reason: notAccepted };
}

/**
 * The same rule for a file known only by its path inside the walk ("news/.git/config", as a
 * browser's folder picker lists a tree: files only, with relative paths whose first part is
 * the folder chosen): the hidden folder or file that hides it (`{ name: 'news/.git', … }`,
 * reported once for all the files inside), or the file itself when `accept` does not take
 * it, or null when it is read.
 */
export function pathVerdict(path: string, accept: (name: string) => boolean = isProbablyArticleFile, notAccepted: string = NOT_AN_ARTICLE): { name: string; reason: string } | null {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i += 1) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const verdict = folderEntryVerdict(part, last ? 'file' : 'folder', accept, notAccepted);
    if (verdict.action === 'skip') return { name: parts.slice(0, i + 1).join('/'), reason: verdict.reason };
  }
  if (parts.length === 1 && !accept(path)) return { name: path, reason: notAccepted };
  return null;
}

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
 * Every walk gives its files (and its skips) in one order, {@link compareFolderPaths}.
 * Reasons are English sentences (`skipReasonText`), as hosts report them; the interface says
 * them in its language (`skipReasonPhrase`).
 */
import { skipReasonText } from '../../phrases/skip-reasons';
import { decimalDigitValue } from '../../text/chars';
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

/** Where a run of digits stands among other characters: where "0" does (no other character is there). */
const DIGITS_AS_CODE = 0x30;

/** The end of the run of digits of `text` that starts at `start`. */
function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && decimalDigitValue(text.charCodeAt(end)) >= 0) end += 1;
  return end;
}

/** Where the number written by the run of digits `text[start, end)` begins: past its leading zeros, one digit kept. */
function pastLeadingZeros(text: string, start: number, end: number): number {
  let at = start;
  while (at < end - 1 && decimalDigitValue(text.charCodeAt(at)) === 0) at += 1;
  return at;
}

/**
 * Compares the runs of digits `a[aStart, aEnd)` and `b[bStart, bEnd)` by the numbers they
 * write, then (the same number written differently: "02", "2", "٢") by their code units.
 */
function compareDigitRuns(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
  let i = pastLeadingZeros(a, aStart, aEnd);
  let j = pastLeadingZeros(b, bStart, bEnd);
  if (aEnd - i !== bEnd - j) return aEnd - i - (bEnd - j);
  for (; i < aEnd; i += 1, j += 1) {
    const difference = decimalDigitValue(a.charCodeAt(i)) - decimalDigitValue(b.charCodeAt(j));
    if (difference) return difference;
  }
  for (i = aStart, j = bStart; i < aEnd && j < bEnd; i += 1, j += 1) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j);
    if (difference) return difference;
  }
  return aEnd - aStart - (bEnd - bStart);
}

/**
 * The order in which every folder walk gives its files and its skips: by path relative to
 * the folder's parent ("news/2019/a.txt"), compared UTF-16 code unit by code unit — the same
 * on every machine and in every locale, whatever order the file system or the browser listed
 * the folder in — except that a run of digits is compared as the number it writes, so
 * "2.txt" comes before "10.txt" and «خبر ٢» before «خبر ١٠» (Arabic-Indic digits count too;
 * the same number written differently, "02" and "2", is ordered by its code units). So:
 * upper-case Latin letters come before lower-case ("B.txt", "a.txt"), Latin before Arabic,
 * Arabic letters in Unicode order (ا ب ت …: the alphabet's order but for hamza forms, ة and ى);
 * "-" and "." come before "/" ("a-b.txt", "a.txt", then the folder "a/…"), and digits after
 * it; the files of a folder are never split by other entries. Returns < 0, 0 (the same path)
 * or > 0, as `Array.prototype.sort` wants.
 */
export function compareFolderPaths(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aDigit = decimalDigitValue(a.charCodeAt(i)) >= 0;
    const bDigit = decimalDigitValue(b.charCodeAt(j)) >= 0;
    if (aDigit && bDigit) {
      const aEnd = digitRunEnd(a, i);
      const bEnd = digitRunEnd(b, j);
      const byNumber = compareDigitRuns(a, i, aEnd, b, j, bEnd);
      if (byNumber) return byNumber;
      i = aEnd;
      j = bEnd;
    } else {
      const difference = (aDigit ? DIGITS_AS_CODE : a.charCodeAt(i)) - (bDigit ? DIGITS_AS_CODE : b.charCodeAt(j));
      if (difference) return difference;
      i += 1;
      j += 1;
    }
  }
  return a.length - i - (b.length - j);
}

/** {@link compareFolderPaths} for entries named by their relative path (files read, entries skipped). */
export function byFolderPath(a: { name: string }, b: { name: string }): number {
  return compareFolderPaths(a.name, b.name);
}

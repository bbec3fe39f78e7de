/**
 * `openArticleFolder()`: shows the folder dialog, walks the chosen folder's tree and reads
 * its article files — and nothing outside that folder. Hidden files and folders (".git",
 * ".DS_Store") are skipped (a hidden folder is not opened), symbolic links are never
 * followed, and each is reported as skipped by name with why, as files that are not articles
 * are: the rule of every folder walk (`folderEntryVerdict`, shared/formats/intake/folder-entries.ts). Reading shares the per-file and total limits
 * of `openArticleFiles()` ({@link readFilesWithinLimits}).
 */
import * as fsPromises from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { isProbablyArticleFile } from '../../../shared/formats/intake/file-kinds';
import { NOT_AN_ARTICLE, byFolderPath, compareFolderPaths, folderEntryVerdict, type FolderEntryKind } from '../../../shared/formats/intake/folder-entries';
import { MAX_FOLDER_DEPTH, MAX_FOLDER_ENTRIES } from '../../../shared/ipc/channels';
import type { ArticleFileResult, OpenArticleFolderResult, SkippedFile } from '../../../shared/ipc/contract';
import { ReadRefusedError, errorDetail, notReadEntry, readFilesWithinLimits } from './open-article-files';
import type { ReadFileHandle, ReadFs, ShowOpenDialog } from './open-article-files';
import type { DialogText } from './dialog-text';
import { skipReasonText } from '../../../shared/phrases/skip-reasons';
import { phrase, type Phrase } from '../../../shared/phrases/phrase';

/** Options given to the native folder dialog, its title in the language of `t`. */
export function folderDialogOptions(t: DialogText): OpenDialogOptions {
  return { title: t('dialog.title.importFolder'), properties: ['openDirectory'] };
}

/** Reason given for a file of the folder that is not an article. */
export { NOT_AN_ARTICLE };

/** Reason given for a symbolic link in the folder. */
export const SYMBOLIC_LINK = skipReasonText('skip.symlink');

/** Reason given for a socket, pipe or device in the folder. */
export const NOT_A_REGULAR_FILE = skipReasonText('skip.notRegular');

/** One entry of a folder listing (a subset of `Dirent`). */
export interface FolderEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** What `lstat` tells (a subset of `Stats`): the kind of entry and its identity. */
export interface EntryStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  dev: number;
  ino: number;
}

/** An open file whose identity can be compared with an earlier `lstat`. */
export interface IdentifiedFileHandle extends ReadFileHandle {
  stat(): Promise<{ isFile(): boolean; size: number; dev: number; ino: number }>;
}

/** The file-system functions used; `node:fs/promises` by default. */
export interface FolderFs {
  /** Lists a folder lazily (so a huge folder can be left early); never follows a link itself. */
  opendir(path: string): Promise<AsyncIterable<FolderEntry>>;
  lstat(path: string): Promise<EntryStats>;
  realpath(path: string): Promise<string>;
  open(path: string, flags: 'r'): Promise<IdentifiedFileHandle>;
}

/** Dependencies of {@link openArticleFolder}. */
export interface OpenArticleFolderDeps extends ReadArticleFolderOptions {
  showOpenDialog: ShowOpenDialog;
  /** The dialog's words, in the interface language. */
  t: DialogText;
}

/** Limits and file system of {@link readArticleFolder}; the contract's limits by default. */
export interface ReadArticleFolderOptions {
  fs?: FolderFs;
  /** Per-file limit; `MAX_ARTICLE_FILE_BYTES` by default. */
  maxFileBytes?: number;
  /** Limit for the whole reply; `MAX_OPEN_TOTAL_BYTES` by default. */
  maxTotalBytes?: number;
  /** Deepest folder entered (the chosen folder is depth 0); {@link MAX_FOLDER_DEPTH} by default. */
  maxDepth?: number;
  /** Most files and folders looked at; {@link MAX_FOLDER_ENTRIES} by default. */
  maxEntries?: number;
  /** Which files are read (by name); article files by default (`isProbablyArticleFile`). */
  accept?: (name: string) => boolean;
  /** Why another file is skipped; {@link NOT_AN_ARTICLE} by default. */
  notAccepted?: string;
}

const nodeFolderFs: FolderFs = {
  opendir: (path) => fsPromises.opendir(path),
  lstat: (path) => fsPromises.lstat(path),
  realpath: (path) => fsPromises.realpath(path),
  open: (path, flags) => fsPromises.open(path, flags),
};

/** True when `candidate` is `root` itself or lies inside it (both absolute, resolved). */
export function isInsideFolder(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** Why a folder could not be listed, as a phrase naming it. */
export function folderErrorPhrase(name: string, error: unknown): Phrase {
  if (error instanceof ReadRefusedError) return phrase('folder.notRead', { folder: name, reason: error.reason });
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return phrase('folder.unreadable', { folder: name, error: phrase('readError.folderGone') });
    case 'EACCES':
    case 'EPERM':
      return phrase('folder.unreadable', { folder: name, error: phrase('readError.denied') });
    case 'ENOTDIR':
      return phrase('folder.notFolder', { folder: name });
    default:
      return phrase('folder.readFailed', { folder: name, detail: errorDetail(error) });
  }
}

/**
 * A {@link ReadFs} that opens only regular files inside `realRoot`: the path must not be a
 * symbolic link, must resolve inside the folder, and the file opened must be the one
 * checked (same device and inode), so a file swapped in the meantime is refused.
 */
export function confinedReadFs(realRoot: string, fs: FolderFs): ReadFs {
  return {
    async open(path, flags) {
      const checked = await fs.lstat(path);
      if (checked.isSymbolicLink()) throw new ReadRefusedError('readRefused.symlink');
      if (!checked.isFile()) throw new ReadRefusedError('readRefused.notRegular');
      const real = await fs.realpath(path);
      if (!isInsideFolder(realRoot, real)) throw new ReadRefusedError('readRefused.outside');
      const handle = await fs.open(real, flags);
      try {
        const opened = await handle.stat();
        if (opened.dev !== checked.dev || opened.ino !== checked.ino) {
          throw new ReadRefusedError('readRefused.changed');
        }
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
      return handle;
    },
  };
}

/** What the walk found, in order: files to read, and folders it could not (or would not) enter. */
type WalkItem = { kind: 'file'; path: string; name: string } | { kind: 'error'; name: string; error: Phrase };

interface Walk {
  items: WalkItem[];
  skipped: SkippedFile[];
  seen: number;
  full: boolean;
}

/** The kind of a listed entry for {@link folderEntryVerdict} (a link is a link, not what it points to). */
function entryKind(entry: FolderEntry): FolderEntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'folder';
  return entry.isFile() ? 'file' : 'other';
}

/** Classifies an entry whose kind the listing did not tell (some file systems do not). */
async function kindOf(entry: FolderEntry, path: string, fs: FolderFs): Promise<FolderEntry> {
  if (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()) return entry;
  try {
    const stats = await fs.lstat(path);
    return { name: entry.name, isFile: () => stats.isFile(), isDirectory: () => stats.isDirectory(), isSymbolicLink: () => stats.isSymbolicLink() };
  } catch {
    return entry;
  }
}

/**
 * Lists one folder (sorted by `compareFolderPaths`), records its files and walks its
 * subfolders, depth first.
 * Stops everything once `maxEntries` entries have been seen.
 */
async function walkFolder(
  path: string,
  name: string,
  depth: number,
  walk: Walk,
  context: { fs: FolderFs; realRoot: string; maxDepth: number; maxEntries: number; accept: (name: string) => boolean; notAccepted: string },
): Promise<void> {
  const { fs } = context;
  const entries: FolderEntry[] = [];
  try {
    if (depth > 0) {
      // Entered only as a real folder inside the chosen one, never through a link.
      const checked = await fs.lstat(path);
      if (checked.isSymbolicLink() || !checked.isDirectory()) throw new ReadRefusedError('readRefused.notFolder');
      if (!isInsideFolder(context.realRoot, await fs.realpath(path))) throw new ReadRefusedError('readRefused.outside');
    }
    for await (const entry of await fs.opendir(path)) {
      if (walk.seen >= context.maxEntries) {
        walk.full = true;
        break; // closes the listing
      }
      walk.seen += 1;
      entries.push(entry);
    }
  } catch (error) {
    walk.items.push({ kind: 'error', name, error: folderErrorPhrase(name, error) });
    return;
  }
  entries.sort((a, b) => compareFolderPaths(a.name, b.name));
  const prefix = name === '' ? '' : `${name}/`;
  for (const listed of entries) {
    const childPath = join(path, listed.name);
    const childName = `${prefix}${listed.name}`;
    const entry = await kindOf(listed, childPath, fs);
    // The rule every folder walk follows (hidden entries and links skipped and reported).
    const verdict = folderEntryVerdict(listed.name, entryKind(entry), context.accept, context.notAccepted);
    if (verdict.action === 'skip') {
      walk.skipped.push({ name: childName, reason: verdict.reason });
    } else if (verdict.action === 'enter') {
      if (walk.full) continue; // the tree is too large: the root's error entry says so
      if (depth + 1 > context.maxDepth) {
        walk.items.push({ kind: 'error', name: childName, error: phrase('folder.tooDeep', { folder: childName, count: context.maxDepth }) });
      } else {
        await walkFolder(childPath, childName, depth + 1, walk, context);
      }
    } else {
      walk.items.push({ kind: 'file', path: childPath, name: childName });
    }
  }
}

/**
 * Walks the folder at `root` and reads its article files (or the files `accept` takes). Names are relative to the
 * folder's parent with '/' ("news/2019/a.txt", like a browser's `webkitRelativePath`).
 * Hidden files and folders (not opened), symbolic links, other non-regular files and
 * non-articles come back in `skipped`; folders too deep, unreadable folders and a tree with
 * more than `maxEntries` entries come back as error entries in `files` (that last one last).
 * Both lists are in the order of every folder walk (`compareFolderPaths`). Never throws.
 */
export async function readArticleFolder(
  root: string,
  options: ReadArticleFolderOptions = {},
): Promise<{ files: ArticleFileResult[]; skipped: SkippedFile[] }> {
  const fs = options.fs ?? nodeFolderFs;
  const maxDepth = options.maxDepth ?? MAX_FOLDER_DEPTH;
  const maxEntries = options.maxEntries ?? MAX_FOLDER_ENTRIES;
  const rootName = basename(root);
  const shownRoot = rootName || root;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (error) {
    return { files: [notReadEntry(shownRoot, folderErrorPhrase(shownRoot, error))], skipped: [] };
  }

  const walk: Walk = { items: [], skipped: [], seen: 0, full: false };
  const accept = options.accept ?? isProbablyArticleFile;
  const notAccepted = options.notAccepted ?? NOT_AN_ARTICLE;
  await walkFolder(root, rootName, 0, walk, { fs, realRoot, maxDepth, maxEntries, accept, notAccepted });
  // Files (with the folders not entered) and skips in the order of every folder walk.
  walk.items.sort(byFolderPath);
  walk.skipped.sort(byFolderPath);
  if (walk.full) {
    walk.items.push({ kind: 'error', name: shownRoot, error: phrase('folder.tooManyEntries', { folder: shownRoot, count: maxEntries }) });
  }

  const toRead = walk.items.filter((item): item is Extract<WalkItem, { kind: 'file' }> => item.kind === 'file');
  const read = await readFilesWithinLimits(
    toRead.map((item) => item.path),
    toRead.map((item) => item.name),
    {
      fs: confinedReadFs(realRoot, fs),
      maxFileBytes: options.maxFileBytes,
      maxTotalBytes: options.maxTotalBytes,
      overTotal: (name, limit) => phrase(options.accept ? 'file.overFolderFilesTotal' : 'file.overFolderTotal', { file: name, limit }),
    },
  );
  let next = 0;
  const files = walk.items.map((item): ArticleFileResult => {
    if (item.kind === 'error') return notReadEntry(item.name, item.error);
    const result = read[next];
    next += 1;
    return result ?? notReadEntry(item.name, phrase('file.lost', { file: item.name }));
  });
  return { files, skipped: walk.skipped };
}

/**
 * Shows the folder dialog (its title in the language of `deps.t`) and reads the article
 * files of the chosen folder's tree (see {@link readArticleFolder}). Cancel →
 * `{ cancelled: true }`, without touching the disk.
 */
export async function openArticleFolder(deps: OpenArticleFolderDeps): Promise<OpenArticleFolderResult> {
  const choice = await deps.showOpenDialog(folderDialogOptions(deps.t));
  const root = choice.filePaths[0];
  if (choice.canceled || root === undefined) return { cancelled: true };
  return readArticleFolder(root, deps);
}

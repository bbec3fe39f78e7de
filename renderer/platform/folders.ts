/**
 * Folder import in the browser: a directory picker (`<input webkitdirectory>`) or a dropped
 * folder (`webkitGetAsEntry`), walked recursively. Hidden files and folders, and files that
 * are not articles (or, for a brat dataset folder, not .txt, .ann or annotation.conf), are
 * skipped and reported by name with why, as the desktop app and the command line do
 * (shared/formats/intake/folder-entries.ts).
 */
import { isBratFolderFile, NOT_A_BRAT_FILE } from '../../shared/formats/dataset-detect';
import { isProbablyArticleFile } from '../../shared/formats/intake';
import { byFolderPath, isHiddenName, pathVerdict } from '../../shared/formats/intake/folder-entries';
import { DEFAULT_MAX_FILE_BYTES } from '../../shared/text/decode';
import type { WorkerInputFile } from '../import/protocol';
import { toWorkerFiles } from './host';
import { skipReasonText } from '../../shared/phrases/skip-reasons';
import { appendAll } from '../../shared/arrays';

/** Article files and skipped files of a folder. */
export interface FolderContents {
  files: WorkerInputFile[];
  skipped: Array<{ name: string; reason: string }>;
}

/**
 * Splits a list of files (with relative names whose first part is the folder chosen or
 * dropped) into those `accept` takes and skips, by the rule of every folder walk
 * (`pathVerdict`): a hidden file, a hidden folder (once, for all the files inside it) and
 * the rest with `notAccepted`. (A browser lists files only, so it cannot tell links.)
 */
function splitFolderFiles(files: Array<{ file: File; name: string }>, accept: (name: string) => boolean, notAccepted: string): FolderContents {
  const taken: Array<{ file: File; name: string }> = [];
  const skipped: FolderContents['skipped'] = [];
  const reported = new Set<string>();
  // In the order of every folder walk, whatever order the browser listed the folder in.
  const sorted = [...files].sort(byFolderPath);
  for (const entry of sorted) {
    const skip = pathVerdict(entry.name, accept, notAccepted);
    if (!skip) taken.push(entry);
    else if (!reported.has(skip.name)) {
      reported.add(skip.name);
      skipped.push(skip);
    }
  }
  const names = new Map(taken.map((a) => [a.file, a.name]));
  return { files: toWorkerFiles(taken.map((a) => a.file), DEFAULT_MAX_FILE_BYTES, (file) => names.get(file) ?? file.name), skipped };
}

/** Splits a list of files (with relative names) into articles to import and skips. */
export function splitArticleFiles(files: Array<{ file: File; name: string }>): FolderContents {
  return splitFolderFiles(files, isProbablyArticleFile, skipReasonText('skip.notArticle'));
}

/** Splits the files of a brat folder into its .txt, .ann and annotation.conf files and skips. */
export function splitBratFolderFiles(files: Array<{ file: File; name: string }>): FolderContents {
  return splitFolderFiles(files, isBratFolderFile, NOT_A_BRAT_FILE);
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          appendAll(all, batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * Collects the files of a dropped entry; inside a dropped folder, hidden files and folders
 * are skipped by the rule of every folder walk, a hidden folder without being read.
 */
async function walk(entry: FileSystemEntry, out: Array<{ file: File; name: string }>, skipped: FolderContents['skipped'], top: boolean): Promise<void> {
  const name = entry.fullPath.replace(/^\//, '');
  if (!top && isHiddenName(entry.name)) {
    skipped.push({ name, reason: skipReasonText(entry.isDirectory ? 'skip.hiddenFolder' : 'skip.hidden') });
    return;
  }
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), name });
    return;
  }
  if (entry.isDirectory) {
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out, skipped, false);
  }
}

/**
 * Collects the files of a drop: plain files as they are, folders walked recursively.
 * Returns whether a folder was part of the drop (then non-articles are skipped, not refused),
 * and every file with its name (datasets among them are recognised by the caller); with a
 * folder, files and skips come in the order of every folder walk (`byFolderPath`).
 */
export async function filesFromDrop(transfer: DataTransfer): Promise<{ contents: FolderContents; hadFolder: boolean; all: Array<{ file: File; name: string }> }> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  const hadFolder = entries.some((e) => e?.isDirectory);
  const files = [...transfer.files];
  if (!hadFolder) return { contents: { files: toWorkerFiles(files, DEFAULT_MAX_FILE_BYTES), skipped: [] }, hadFolder, all: files.map((file) => ({ file, name: file.name })) };
  const collected: Array<{ file: File; name: string }> = [];
  const hidden: FolderContents['skipped'] = [];
  for (const entry of entries) if (entry) await walk(entry, collected, hidden, true);
  collected.sort(byFolderPath);
  const contents = splitArticleFiles(collected);
  const skipped = [...hidden, ...contents.skipped].sort(byFolderPath);
  return { contents: { files: contents.files, skipped }, hadFolder, all: collected };
}

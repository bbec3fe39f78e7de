/**
 * `openArticleFiles()`: shows the open dialog and reads the files the user chose — and only
 * those. Files that are too large are refused unread; one bad file never fails the others.
 * The reading half ({@link readFilesWithinLimits}) is shared with `openArticleFolder()`.
 */
import * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileFilter, OpenDialogOptions } from 'electron';
import { SUPPORTED_EXTENSIONS, classifyFileName } from '../../../shared/formats/intake/file-kinds';
import { MAX_ARTICLE_FILE_BYTES, MAX_OPEN_TOTAL_BYTES } from '../../../shared/ipc/channels';
import type { ArticleFileResult, OpenArticleFilesResult } from '../../../shared/ipc/contract';

/** Dialog filter names for the article formats, by intake format (several may share one). */
const FORMAT_FILTER_NAMES: Readonly<Record<string, string>> = {
  text: 'Text and Markdown',
  markdown: 'Text and Markdown',
  html: 'Web pages',
  json: 'JSON, JSON Lines and CSV',
  jsonl: 'JSON, JSON Lines and CSV',
  csv: 'JSON, JSON Lines and CSV',
  docx: 'Word documents',
};

/**
 * The open dialog's filters: every article format intake reads (its `SUPPORTED_EXTENSIONS`),
 * then one filter per kind of format, then "All files" (a file of any name may be chosen
 * by hand: intake sniffs its format from the content).
 */
export function articleFileFilters(extensions: readonly string[] = SUPPORTED_EXTENSIONS): FileFilter[] {
  const groups = new Map<string, string[]>();
  for (const extension of extensions) {
    const verdict = classifyFileName(`file.${extension}`);
    const format = 'format' in verdict ? verdict.format : extension;
    const name = FORMAT_FILTER_NAMES[format] ?? `${format.toUpperCase()} files`;
    groups.set(name, [...(groups.get(name) ?? []), extension]);
  }
  return [
    { name: 'Articles', extensions: [...extensions] },
    ...[...groups].map(([name, groupExtensions]) => ({ name, extensions: groupExtensions })),
    { name: 'All files', extensions: ['*'] },
  ];
}

/** Options given to the native open dialog. */
export const OPEN_DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Open articles',
  properties: ['openFile', 'multiSelections'],
  filters: articleFileFilters(),
};

/** A native open dialog (Electron's `dialog.showOpenDialog`, bound to the calling window). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** The read-only file handle operations used (a subset of `FileHandle`). */
export interface ReadFileHandle {
  stat(): Promise<{ isFile(): boolean; size: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** The file-system functions used; `node:fs/promises` by default. */
export interface ReadFs {
  open(path: string, flags: 'r'): Promise<ReadFileHandle>;
}

/** Dependencies of {@link openArticleFiles}. */
export interface OpenArticleFilesDeps {
  showOpenDialog: ShowOpenDialog;
  fs?: ReadFs;
  /** Per-file limit; {@link MAX_ARTICLE_FILE_BYTES} by default. */
  maxFileBytes?: number;
  /** Limit for the whole reply; {@link MAX_OPEN_TOTAL_BYTES} by default. */
  maxTotalBytes?: number;
}

const nodeReadFs: ReadFs = { open: (path, flags) => fsPromises.open(path, flags) };

/** "20 MiB", "1.5 MiB", "512 KiB", "12 bytes". */
export function formatSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Thrown by a {@link ReadFs} that refuses to open a path (outside the chosen folder, not a
 * regular file…): `reason` completes the sentence "“name” was not read: …".
 */
export class ReadRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`Refused to read: ${reason}`);
    this.name = 'ReadRefusedError';
  }
}

/** A human sentence for a failed read, naming the file. */
export function describeReadError(name: string, error: unknown): string {
  if (error instanceof ReadRefusedError) return `"${name}" was not read: ${error.reason}.`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `"${name}" could not be read: the file no longer exists.`;
    case 'EACCES':
    case 'EPERM':
      return `"${name}" could not be read: permission denied.`;
    case 'EISDIR':
      return `"${name}" is a folder, not a file.`;
    case 'EBUSY':
      return `"${name}" could not be read: the file is locked by another program.`;
    default: {
      const detail = code ?? (error instanceof Error ? error.message : String(error));
      return `"${name}" could not be read (${detail}).`;
    }
  }
}

/** Thrown inside {@link readChosenFile} when a file turns out larger than allowed. */
class TooLarge {
  constructor(readonly size: number) {}
}

/** Outcome of reading one chosen file, before it is phrased for the renderer. */
type ReadOutcome =
  | { kind: 'ok'; name: string; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'too-large'; name: string; size: number }
  | { kind: 'error'; name: string; error: string };

async function readChosenFile(path: string, name: string, maxBytes: number, fs: ReadFs): Promise<ReadOutcome> {
  let handle: ReadFileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'error', name, error: `"${name}" is not a regular file.` };
    if (stat.size > maxBytes) throw new TooLarge(stat.size);
    // Room for one byte more than expected, to notice a file that grew since stat().
    let buffer = new Uint8Array(Math.min(stat.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) throw new TooLarge(total);
        const bigger = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1));
        bigger.set(buffer);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw new TooLarge(total);
    // An exact-size copy: IPC clones the whole underlying buffer, not just the view.
    return { kind: 'ok', name, bytes: buffer.slice(0, total) };
  } catch (error) {
    if (error instanceof TooLarge) return { kind: 'too-large', name, size: error.size };
    return { kind: 'error', name, error: describeReadError(name, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLargeMessage(name: string, size: number, maxBytes: number): string {
  return `"${name}" is larger than ${formatSize(maxBytes)} (${formatSize(size)}); it was not opened.`;
}

/**
 * Reads one chosen file, refusing it unread when it is larger than `maxBytes` (checked on
 * the open handle, and again while reading in case the file grows). Never throws: failures
 * become `{ name, error }` with a sentence naming the file.
 */
export async function readArticleFile(path: string, maxBytes: number, fs: ReadFs = nodeReadFs): Promise<ArticleFileResult> {
  const name = basename(path);
  const outcome = await readChosenFile(path, name, maxBytes, fs);
  switch (outcome.kind) {
    case 'ok':
      return { name: outcome.name, bytes: outcome.bytes };
    case 'too-large':
      return { name: outcome.name, error: tooLargeMessage(outcome.name, outcome.size, maxBytes) };
    case 'error':
      return { name: outcome.name, error: outcome.error };
  }
}

/** Limits and file system of {@link readFilesWithinLimits}. */
export interface ReadLimits {
  fs?: ReadFs | undefined;
  /** Per-file limit; {@link MAX_ARTICLE_FILE_BYTES} by default. */
  maxFileBytes?: number | undefined;
  /** Limit for the whole reply; {@link MAX_OPEN_TOTAL_BYTES} by default. */
  maxTotalBytes?: number | undefined;
  /**
   * The sentence for a file left out because the reply is full, given its name and the
   * formatted total limit. By default: "… the files chosen together exceed …".
   */
  overTotal?: ((name: string, limit: string) => string) | undefined;
}

const chosenTogether = (name: string, limit: string): string =>
  `"${name}" was not opened: the files chosen together exceed ${limit}. Open it on its own.`;

/**
 * Reads `paths` in order, each reported under the name at the same index of `names`. A
 * file over `maxFileBytes` is refused unread by name; once the reply holds `maxTotalBytes`,
 * further files come back as errors (see `overTotal`). A failed read becomes an error entry
 * naming the file, so one bad file never fails the others; throws only when `paths` and
 * `names` differ in length (a bug of the caller).
 */
export async function readFilesWithinLimits(
  paths: readonly string[],
  names: readonly string[],
  deps: ReadLimits = {},
): Promise<ArticleFileResult[]> {
  if (paths.length !== names.length) throw new Error('readFilesWithinLimits: one name per path is needed.');
  const fs = deps.fs ?? nodeReadFs;
  const maxFileBytes = deps.maxFileBytes ?? MAX_ARTICLE_FILE_BYTES;
  const maxTotalBytes = deps.maxTotalBytes ?? MAX_OPEN_TOTAL_BYTES;
  const overTotal = deps.overTotal ?? chosenTogether;
  const files: ArticleFileResult[] = [];
  let total = 0;
  // Sequential on purpose: bounded memory, and the reply keeps the given order.
  for (const [index, path] of paths.entries()) {
    const name = names[index] ?? basename(path);
    const limit = Math.min(maxFileBytes, maxTotalBytes - total);
    const outcome = await readChosenFile(path, name, limit, fs);
    if (outcome.kind === 'ok') {
      total += outcome.bytes.byteLength;
      files.push({ name, bytes: outcome.bytes });
    } else if (outcome.kind === 'error') {
      files.push({ name, error: outcome.error });
    } else if (outcome.size > maxFileBytes) {
      files.push({ name, error: tooLargeMessage(name, outcome.size, maxFileBytes) });
    } else {
      files.push({ name, error: overTotal(name, formatSize(maxTotalBytes)) });
    }
  }
  return files;
}

/**
 * Shows the open dialog (several files) and reads each chosen file in order, under its base
 * name. Cancel gives `{ files: [] }`. Once the reply holds `maxTotalBytes`, further files
 * come back as errors asking to open them on their own.
 */
export async function openArticleFiles(deps: OpenArticleFilesDeps): Promise<OpenArticleFilesResult> {
  const result = await deps.showOpenDialog(OPEN_DIALOG_OPTIONS);
  if (result.canceled) return { files: [] };
  const paths = result.filePaths;
  return { files: await readFilesWithinLimits(paths, paths.map((path) => basename(path)), deps) };
}

/**
 * `openArticleFiles()`: shows the open dialog and reads the files the user chose — and only
 * those. Files that are too large are refused unread; one bad file never fails the others.
 * The reading half ({@link readFilesWithinLimits}) is shared with `openArticleFolder()`.
 * Why a file was not read is a phrase (shared/phrases), sent with its English sentence so
 * that the renderer says it in the interface language.
 */
import * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileFilter, OpenDialogOptions } from 'electron';
import { SUPPORTED_EXTENSIONS, classifyFileName } from '../../../shared/formats/intake/file-kinds';
import { MAX_ARTICLE_FILE_BYTES, MAX_OPEN_TOTAL_BYTES } from '../../../shared/ipc/channels';
import type { ArticleFileError, ArticleFileResult, OpenArticleFilesResult } from '../../../shared/ipc/contract';
import type { MessageKey } from '../../../shared/i18n/i18n';
import { english, phrase, type Phrase } from '../../../shared/phrases/phrase';
import { byteSizePhrase, tooLargeParams } from '../../../shared/phrases/sizes';
import { allFilesFilter, type DialogText } from './dialog-text';

/** Dialog filter names for the article formats, by intake format (several may share one). */
const FORMAT_FILTER_NAMES: Readonly<Record<string, MessageKey>> = {
  text: 'dialog.filter.textAndMarkdown',
  markdown: 'dialog.filter.textAndMarkdown',
  html: 'dialog.filter.webPages',
  json: 'dialog.filter.records',
  jsonl: 'dialog.filter.records',
  csv: 'dialog.filter.records',
  docx: 'dialog.filter.wordDocuments',
};

/** The filter name of an intake format, in the language of `t` ("XYZ files" for a format without its own name). */
function formatFilterName(t: DialogText, format: string): string {
  const key = FORMAT_FILTER_NAMES[format];
  return key ? t(key) : t('dialog.filter.formatFiles', { format: format.toUpperCase() });
}

/**
 * The open dialog's filters, named in the language of `t`: every article format intake reads
 * (its `SUPPORTED_EXTENSIONS`), then one filter per kind of format, then "All files" (a file
 * of any name may be chosen by hand: intake sniffs its format from the content).
 */
export function articleFileFilters(t: DialogText, extensions: readonly string[] = SUPPORTED_EXTENSIONS): FileFilter[] {
  const groups = new Map<string, string[]>();
  for (const extension of extensions) {
    const verdict = classifyFileName(`file.${extension}`);
    const name = formatFilterName(t, 'format' in verdict ? verdict.format : extension);
    groups.set(name, [...(groups.get(name) ?? []), extension]);
  }
  return [
    { name: t('dialog.filter.articles'), extensions: [...extensions] },
    ...[...groups].map(([name, groupExtensions]) => ({ name, extensions: groupExtensions })),
    allFilesFilter(t),
  ];
}

/** Options given to the native open dialog, its title and filter names in the language of `t`. */
export function openDialogOptions(t: DialogText): OpenDialogOptions {
  return {
    title: t('dialog.title.openArticles'),
    properties: ['openFile', 'multiSelections'],
    filters: articleFileFilters(t),
  };
}

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
  /** The dialog's words, in the interface language. */
  t: DialogText;
  fs?: ReadFs;
  /** Per-file limit; {@link MAX_ARTICLE_FILE_BYTES} by default. */
  maxFileBytes?: number;
  /** Limit for the whole reply; {@link MAX_OPEN_TOTAL_BYTES} by default. */
  maxTotalBytes?: number;
}

const nodeReadFs: ReadFs = { open: (path, flags) => fsPromises.open(path, flags) };

/** A file main did not read, as the renderer gets it: the English sentence and its phrase. */
export function notReadEntry(name: string, why: Phrase): ArticleFileError {
  return { name, error: english(why), phrase: why };
}

/** A reason of a {@link ReadRefusedError}: one of the `readRefused.*` phrases. */
export type ReadRefusal = 'readRefused.symlink' | 'readRefused.notRegular' | 'readRefused.outside' | 'readRefused.changed' | 'readRefused.notFolder';

/**
 * Thrown by a {@link ReadFs} that refuses to open a path (outside the chosen folder, not a
 * regular file…): `reason` completes the sentence "“name” was not read: …".
 */
export class ReadRefusedError extends Error {
  readonly reason: Phrase;

  constructor(refusal: ReadRefusal) {
    const reason = phrase(refusal);
    super(`Refused to read: ${english(reason)}`);
    this.reason = reason;
    this.name = 'ReadRefusedError';
  }
}

/** The error code of a failed file-system call, else its message: what a sentence names when it knows no better. */
export function errorDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Why a file could not be read, as a phrase naming it. */
export function readErrorPhrase(name: string, error: unknown): Phrase {
  if (error instanceof ReadRefusedError) return phrase('file.notRead', { file: name, reason: error.reason });
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return phrase('file.unreadable', { file: name, error: phrase('readError.fileGone') });
    case 'EACCES':
    case 'EPERM':
      return phrase('file.unreadable', { file: name, error: phrase('readError.denied') });
    case 'EISDIR':
      return phrase('file.isFolder', { file: name });
    case 'EBUSY':
      return phrase('file.unreadable', { file: name, error: phrase('readError.locked') });
    default:
      return phrase('file.readFailed', { file: name, detail: errorDetail(error) });
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
  | { kind: 'error'; name: string; error: Phrase };

async function readChosenFile(path: string, name: string, maxBytes: number, fs: ReadFs): Promise<ReadOutcome> {
  let handle: ReadFileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'error', name, error: phrase('file.notRegular', { file: name }) };
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
    return { kind: 'error', name, error: readErrorPhrase(name, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Why a file over the per-file limit was refused: its size and the limit, as the browser build says it. */
function tooLargePhrase(name: string, size: number, maxBytes: number): Phrase {
  return phrase('file.tooLarge', tooLargeParams(name, size, maxBytes));
}

/**
 * Reads one chosen file, refusing it unread when it is larger than `maxBytes` (checked on
 * the open handle, and again while reading in case the file grows). Never throws: failures
 * become `{ name, error, phrase }` naming the file.
 */
export async function readArticleFile(path: string, maxBytes: number, fs: ReadFs = nodeReadFs): Promise<ArticleFileResult> {
  const name = basename(path);
  const outcome = await readChosenFile(path, name, maxBytes, fs);
  switch (outcome.kind) {
    case 'ok':
      return { name: outcome.name, bytes: outcome.bytes };
    case 'too-large':
      return notReadEntry(outcome.name, tooLargePhrase(outcome.name, outcome.size, maxBytes));
    case 'error':
      return notReadEntry(outcome.name, outcome.error);
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
   * Why a file is left out because the reply is full, given its name and the total limit
   * as a size phrase. By default: "… the files chosen together exceed …".
   */
  overTotal?: ((name: string, limit: Phrase) => Phrase) | undefined;
}

const chosenTogether = (name: string, limit: Phrase): Phrase => phrase('file.overChosenTotal', { file: name, limit });

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
      files.push(notReadEntry(name, outcome.error));
    } else if (outcome.size > maxFileBytes) {
      files.push(notReadEntry(name, tooLargePhrase(name, outcome.size, maxFileBytes)));
    } else {
      files.push(notReadEntry(name, overTotal(name, byteSizePhrase(maxTotalBytes, 'down'))));
    }
  }
  return files;
}

/**
 * Shows the open dialog (several files; its words in the language of `deps.t`) and reads
 * each chosen file in order, under its base name. Cancel gives `{ files: [] }`. Once the
 * reply holds `maxTotalBytes`, further files come back as errors asking to open them on
 * their own.
 */
export async function openArticleFiles(deps: OpenArticleFilesDeps): Promise<OpenArticleFilesResult> {
  const result = await deps.showOpenDialog(openDialogOptions(deps.t));
  if (result.canceled) return { files: [] };
  const paths = result.filePaths;
  return { files: await readFilesWithinLimits(paths, paths.map((path) => basename(path)), deps) };
}

/**
 * The one typed contract between the renderer and the Electron main process.
 *
 * - The preload (`electron/preload/`) implements {@link IsnadApi} and exposes it as
 *   `window.isnad`: one named function per message, never `ipcRenderer` itself.
 * - Main (`electron/main/ipc/register.ts`) validates the arguments of every call with the
 *   `*Args` schema of its channel and the result with the `*Response` schema before replying.
 *
 * Pure TypeScript: no DOM, no Node (zod only).
 */
import { z } from '../security/zod';
import {
  INTERFACE_LANGUAGES,
  INVOKE_CHANNELS,
  IPC_CHANNELS,
  ISNAD_API_KEY,
  ISNAD_API_METHODS,
  MAX_ARTICLE_FILE_BYTES,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  MAX_OPEN_TOTAL_BYTES,
  MAX_SNAPSHOT_CHARS,
  MENU_COMMANDS,
} from './channels';
import { SNAPSHOT_REASONS, SNAPSHOT_LIMITS } from '../snapshots/snapshot-info';
import { SNAPSHOT_CORPUS_ID, SNAPSHOT_TIME, isSnapshotFileName } from '../snapshots/snapshot-files';
import { ENGLISH_PHRASES } from '../phrases/english-phrases';
import type { Phrase, PhraseCode, PhraseParam } from '../phrases/phrase';
import type { InterfaceLanguage, InvokeChannel, IpcChannel, IsnadApiMethod } from './channels';

export {
  INTERFACE_LANGUAGES,
  INVOKE_CHANNELS,
  IPC_CHANNELS,
  ISNAD_API_KEY,
  ISNAD_API_METHODS,
  MAX_ARTICLE_FILE_BYTES,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  MAX_OPEN_TOTAL_BYTES,
  MAX_SNAPSHOT_CHARS,
  MENU_COMMANDS,
};
export type { InterfaceLanguage, InvokeChannel, IpcChannel, IsnadApiMethod };

// ---------------------------------------------------------------------------------------
// Menu commands (main → renderer)
// ---------------------------------------------------------------------------------------

/** A command sent by the application menu (one of `MENU_COMMANDS`); the renderer maps each to an action. */
export const MenuCommandSchema = z.enum(MENU_COMMANDS);

/** A command sent by the application menu. */
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

// ---------------------------------------------------------------------------------------
// Phrases (why main did not read a file, said in the renderer's language)
// ---------------------------------------------------------------------------------------

const PHRASE_CODES = Object.keys(ENGLISH_PHRASES) as [PhraseCode, ...PhraseCode[]];

/** A phrase code this build knows (a key of `ENGLISH_PHRASES`), nothing else; the refusal does not list them all. */
export const PhraseCodeSchema = z.enum(PHRASE_CODES, { error: 'not a phrase code of this build' });

/** A parameter name as message templates write it (`{file}`, `{count}`): a letter, then word characters. */
const PhraseParamName = z.string().regex(/^[A-Za-z]\w{0,31}$/, 'a phrase parameter name is a placeholder name');

/** A phrase parameter: text, a finite number, a nested phrase, or a list of these. */
export const PhraseParamSchema: z.ZodType<PhraseParam> = z.lazy(() => z.union([z.string(), z.number(), PhraseSchema, z.array(PhraseParamSchema)]));

/** A phrase (see shared/phrases/phrase.ts): a known code and its parameters, plain data only. */
export const PhraseSchema: z.ZodType<Phrase> = z.strictObject({
  code: PhraseCodeSchema,
  params: z.record(PhraseParamName, PhraseParamSchema).optional(),
});

// ---------------------------------------------------------------------------------------
// openArticleFiles
// ---------------------------------------------------------------------------------------

/** Arguments of `openArticleFiles()`: none. */
export const OpenArticleFilesArgs = z.tuple([]);

/** A file the user chose and main read: its base name and its raw bytes (not decoded). */
export const ArticleFileBytesSchema = z.strictObject({
  name: z.string(),
  bytes: z.instanceof(Uint8Array),
});

/**
 * A file the user chose that main did not read (too large, unreadable…): why, by name —
 * `error` in English (for logs and older renderers) and `phrase`, the same said in any
 * interface language.
 */
export const ArticleFileErrorSchema = z.strictObject({
  name: z.string(),
  error: z.string().min(1),
  phrase: PhraseSchema.optional(),
});

/** A file main did not read. */
export type ArticleFileError = z.infer<typeof ArticleFileErrorSchema>;

/** One entry of the open result: either bytes or an error, never both. */
export const ArticleFileResultSchema = z.union([ArticleFileBytesSchema, ArticleFileErrorSchema]);

/** One entry of the open result. */
export type ArticleFileResult = z.infer<typeof ArticleFileResultSchema>;

/** Result of `openArticleFiles()`: one entry per chosen file, in order; empty on cancel. */
export const OpenArticleFilesResponse = z.strictObject({
  files: z.array(ArticleFileResultSchema),
});

/** Result of `openArticleFiles()`. */
export type OpenArticleFilesResult = z.infer<typeof OpenArticleFilesResponse>;

// ---------------------------------------------------------------------------------------
// openArticleFolder
// ---------------------------------------------------------------------------------------

/** Arguments of `openArticleFolder()`: none. */
export const OpenArticleFolderArgs = z.tuple([]);

/** A file of the folder that was not read because it is not an article (by its name). */
export const SkippedFileSchema = z.strictObject({
  name: z.string(),
  reason: z.string().min(1),
});

/** A file of the folder that was not read. */
export type SkippedFile = z.infer<typeof SkippedFileSchema>;

/**
 * Result of `openArticleFolder()`: the article files of the chosen folder's tree (bytes or
 * an error, names relative to the folder's parent with '/' — "news/2019/a.txt") and what
 * was skipped with why (not an article, hidden, a link); or `{ cancelled: true }`.
 */
export const OpenArticleFolderResponse = z.union([
  z.strictObject({
    files: z.array(ArticleFileResultSchema),
    skipped: z.array(SkippedFileSchema),
  }),
  z.strictObject({ cancelled: z.literal(true) }),
]);

/** Result of `openArticleFolder()`. */
export type OpenArticleFolderResult = z.infer<typeof OpenArticleFolderResponse>;

// ---------------------------------------------------------------------------------------
// openDatasetFiles, openDatasetFolder
// ---------------------------------------------------------------------------------------

/** Arguments of `openDatasetFiles()`: none. */
export const OpenDatasetFilesArgs = z.tuple([]);

/** Arguments of `openDatasetFolder()`: none. */
export const OpenDatasetFolderArgs = z.tuple([]);

/**
 * Result of `openDatasetFolder()`: the chosen folder's name, its brat files (.txt, .ann,
 * annotation.conf; bytes or an error, named relative to the folder's parent with '/') and
 * the other files, skipped unread; or `{ cancelled: true }`.
 */
export const OpenDatasetFolderResponse = z.union([
  z.strictObject({
    folder: z.string(),
    files: z.array(ArticleFileResultSchema),
    skipped: z.array(SkippedFileSchema),
  }),
  z.strictObject({ cancelled: z.literal(true) }),
]);

/** Result of `openDatasetFolder()`. */
export type OpenDatasetFolderResult = z.infer<typeof OpenDatasetFolderResponse>;

// ---------------------------------------------------------------------------------------
// saveExport
// ---------------------------------------------------------------------------------------

/** Characters a suggested file name may not contain (path separators, NUL, controls). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_FILE_NAME_CHARS = /[/\\\u0000-\u001f\u007f]/;

/** Payload of `saveExport`: the file name proposed in the dialog and the text to write. */
export const SaveExportRequest = z.strictObject({
  /** A bare file name (no folder), e.g. "corpus.isnad.json". */
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !FORBIDDEN_FILE_NAME_CHARS.test(name), 'suggestedName must be a bare file name')
    .refine((name) => name !== '.' && name !== '..', 'suggestedName must be a bare file name'),
  /** The full export, already serialised by `shared/` export code. */
  contents: z.union([z.string(), z.instanceof(Uint8Array)]),
});

/** Payload of `saveExport`. */
export type SaveExportPayload = z.infer<typeof SaveExportRequest>;

/** Arguments of `saveExport(request)`: exactly one request object. */
export const SaveExportArgs = z.tuple([SaveExportRequest]);

/** Result of `saveExport`: where it was saved, or that the user cancelled. */
export const SaveExportResponse = z.union([
  z.strictObject({ saved: z.literal(true), path: z.string().min(1) }),
  z.strictObject({ saved: z.literal(false), reason: z.literal('cancelled') }),
  /** The write failed (the file at the path, if any, is untouched): why, in English and as a phrase. */
  z.strictObject({ saved: z.literal(false), reason: z.literal('failed'), error: z.string().min(1), phrase: PhraseSchema.optional() }),
]);

/** Result of `saveExport`: saved, cancelled, or not written and why. */
export type SaveExportResult = z.infer<typeof SaveExportResponse>;

// ---------------------------------------------------------------------------------------
// getAppInfo
// ---------------------------------------------------------------------------------------

/** Arguments of `getAppInfo()`: none. */
export const GetAppInfoArgs = z.tuple([]);

/** Result of `getAppInfo()`: the app version (package.json) and `process.platform`. */
export const GetAppInfoResponse = z.strictObject({
  version: z.string().min(1),
  platform: z.string().min(1),
});

/** Result of `getAppInfo()`. */
export type AppInfo = z.infer<typeof GetAppInfoResponse>;

// ---------------------------------------------------------------------------------------
// setMenuLanguage
// ---------------------------------------------------------------------------------------

/** Arguments of `setMenuLanguage({ language })`: one of the interface languages, nothing else. */
export const SetMenuLanguageArgs = z.tuple([z.strictObject({ language: z.enum(INTERFACE_LANGUAGES) })]);

/** Result of `setMenuLanguage`: nothing (the menu is rebuilt). */
export const SetMenuLanguageResponse = z.undefined();

// ---------------------------------------------------------------------------------------
// Snapshots: writeSnapshot, listSnapshots, readSnapshot
// ---------------------------------------------------------------------------------------

/** A corpus id usable as one folder name. */
const SnapshotCorpusId = z.string().regex(SNAPSHOT_CORPUS_ID, 'corpusId must be a plain id');

/** A snapshot id: one of the file names main itself makes (no folders, nothing else). */
const SnapshotId = z.string().max(200).refine(isSnapshotFileName, 'id must be a snapshot file name');

/** The facts of a snapshot, as the list shows them. */
export const SnapshotInfoSchema = z.strictObject({
  id: SnapshotId,
  corpusId: SnapshotCorpusId,
  takenAt: z.string().regex(SNAPSHOT_TIME),
  reason: z.enum(SNAPSHOT_REASONS),
  documents: z.number().int().nonnegative().max(999_999_999),
  spans: z.number().int().nonnegative().max(999_999_999),
});

/**
 * Payload of `writeSnapshot`: the snapshot's facts (main names the file from them), the
 * native-format file, and how many snapshots of the corpus to keep (older ones are deleted).
 */
export const WriteSnapshotRequest = z.strictObject({
  info: SnapshotInfoSchema.omit({ id: true }),
  json: z.string().min(2).max(MAX_SNAPSHOT_CHARS),
  keep: z.number().int().min(SNAPSHOT_LIMITS.minKeep).max(SNAPSHOT_LIMITS.maxKeep),
});

/** Payload of `writeSnapshot`. */
export type WriteSnapshotPayload = z.infer<typeof WriteSnapshotRequest>;

/** Arguments of `writeSnapshot(request)`. */
export const WriteSnapshotArgs = z.tuple([WriteSnapshotRequest]);

/** Result of `writeSnapshot`: the new snapshot's id. A failed write rejects. */
export const WriteSnapshotResponse = z.strictObject({ id: SnapshotId });

/** Result of `writeSnapshot`. */
export type WriteSnapshotResult = z.infer<typeof WriteSnapshotResponse>;

/** Arguments of `listSnapshots({ corpusId })`. */
export const ListSnapshotsArgs = z.tuple([z.strictObject({ corpusId: SnapshotCorpusId })]);

/** Result of `listSnapshots`: newest first; empty when there are none. */
export const ListSnapshotsResponse = z.strictObject({ snapshots: z.array(SnapshotInfoSchema) });

/** Result of `listSnapshots`. */
export type ListSnapshotsResult = z.infer<typeof ListSnapshotsResponse>;

/** Arguments of `readSnapshot({ corpusId, id })`. */
export const ReadSnapshotArgs = z.tuple([z.strictObject({ corpusId: SnapshotCorpusId, id: SnapshotId })]);

/** Result of `readSnapshot`: the file's text, or `{ missing: true }` when it is gone. */
export const ReadSnapshotResponse = z.union([z.strictObject({ json: z.string().max(MAX_SNAPSHOT_CHARS) }), z.strictObject({ missing: z.literal(true) })]);

/** Result of `readSnapshot`. */
export type ReadSnapshotResult = z.infer<typeof ReadSnapshotResponse>;

/** Arguments of `deleteSnapshots({ corpusId })`. */
export const DeleteSnapshotsArgs = z.tuple([z.strictObject({ corpusId: SnapshotCorpusId })]);

/** Result of `deleteSnapshots`: how many snapshot files were deleted. A failed deletion rejects. */
export const DeleteSnapshotsResponse = z.strictObject({ deleted: z.number().int().nonnegative() });

/** Result of `deleteSnapshots`. */
export type DeleteSnapshotsResult = z.infer<typeof DeleteSnapshotsResponse>;

// ---------------------------------------------------------------------------------------
// The table main registers from, and the renderer-facing API
// ---------------------------------------------------------------------------------------

/**
 * Every renderer → main message: its channel, the schema of its argument list and the
 * schema of its result. Main registers exactly these channels and nothing else.
 */
export const IPC_CONTRACT = {
  openArticleFiles: {
    channel: IPC_CHANNELS.openArticleFiles,
    args: OpenArticleFilesArgs,
    response: OpenArticleFilesResponse,
  },
  openArticleFolder: {
    channel: IPC_CHANNELS.openArticleFolder,
    args: OpenArticleFolderArgs,
    response: OpenArticleFolderResponse,
  },
  openDatasetFiles: {
    channel: IPC_CHANNELS.openDatasetFiles,
    args: OpenDatasetFilesArgs,
    response: OpenArticleFilesResponse,
  },
  openDatasetFolder: {
    channel: IPC_CHANNELS.openDatasetFolder,
    args: OpenDatasetFolderArgs,
    response: OpenDatasetFolderResponse,
  },
  saveExport: {
    channel: IPC_CHANNELS.saveExport,
    args: SaveExportArgs,
    response: SaveExportResponse,
  },
  getAppInfo: {
    channel: IPC_CHANNELS.getAppInfo,
    args: GetAppInfoArgs,
    response: GetAppInfoResponse,
  },
  writeSnapshot: {
    channel: IPC_CHANNELS.writeSnapshot,
    args: WriteSnapshotArgs,
    response: WriteSnapshotResponse,
  },
  listSnapshots: {
    channel: IPC_CHANNELS.listSnapshots,
    args: ListSnapshotsArgs,
    response: ListSnapshotsResponse,
  },
  readSnapshot: {
    channel: IPC_CHANNELS.readSnapshot,
    args: ReadSnapshotArgs,
    response: ReadSnapshotResponse,
  },
  deleteSnapshots: {
    channel: IPC_CHANNELS.deleteSnapshots,
    args: DeleteSnapshotsArgs,
    response: DeleteSnapshotsResponse,
  },
  setMenuLanguage: {
    channel: IPC_CHANNELS.setMenuLanguage,
    args: SetMenuLanguageArgs,
    response: SetMenuLanguageResponse,
  },
} as const;

/** Names of the renderer → main messages. */
export type InvokeMessage = keyof typeof IPC_CONTRACT;

/**
 * What `window.isnad` looks like to the renderer (only `renderer/platform/` uses it).
 * It is absent in the plain-browser build.
 */
export interface IsnadApi {
  /**
   * Shows the native open dialog (several files; every article format intake reads —
   * txt, md, html, json, jsonl, csv, tsv, docx… — and all files) and returns the chosen
   * files' bytes. Cancel → `{ files: [] }`. A file larger than {@link MAX_ARTICLE_FILE_BYTES}
   * or unreadable comes back as `{ name, error }`.
   */
  openArticleFiles(): Promise<OpenArticleFilesResult>;
  /**
   * Shows the native folder dialog and returns the article files of the whole folder tree
   * named relative to the folder's parent with '/' ("news/2019/a.txt"), plus what was
   * skipped, with why: hidden files and folders (not opened), symbolic links (not followed),
   * files that are not articles. Same
   * per-file and total limits as `openArticleFiles`. Cancel → `{ cancelled: true }`.
   */
  openArticleFolder(): Promise<OpenArticleFolderResult>;
  /**
   * Shows the native open dialog for dataset files (filters for JSON, JSON Lines, CoNLL/BIO,
   * brat .txt + .ann, and all files; several at once) and returns the chosen files' bytes,
   * with the limits of `openArticleFiles`. Cancel → `{ files: [] }`.
   */
  openDatasetFiles(): Promise<OpenArticleFilesResult>;
  /**
   * Shows the native folder dialog and returns the brat files (.txt, .ann, annotation.conf)
   * of the folder tree, like `openArticleFolder` (same limits; hidden files and folders and
   * links skipped), the other files as skipped, and the folder's name. Cancel → `{ cancelled: true }`.
   */
  openDatasetFolder(): Promise<OpenDatasetFolderResult>;
  /**
   * Shows the save dialog proposing `suggestedName` (filters from its extension), then writes `contents` (text as UTF-8, or bytes such as a zip)
   * atomically. Cancel → `{ saved: false, reason: 'cancelled' }`; a failed write rejects.
   */
  saveExport(request: SaveExportPayload): Promise<SaveExportResult>;
  /**
   * Subscribes to commands chosen in the application menu (and their accelerators).
   * Returns a function that unsubscribes this callback.
   */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** The application version and platform (`process.platform` of main). */
  getAppInfo(): Promise<AppInfo>;
  /**
   * Writes a snapshot of a corpus atomically into `<user data>/snapshots/<corpusId>/` (main
   * chooses the file name from `info`), then deletes that corpus's oldest snapshots beyond
   * `keep`. Resolves with the snapshot's id; a failed write rejects and changes nothing.
   */
  writeSnapshot(request: WriteSnapshotPayload): Promise<WriteSnapshotResult>;
  /** The snapshots of a corpus, newest first (only files main wrote are listed). */
  listSnapshots(request: { corpusId: string }): Promise<ListSnapshotsResult>;
  /** The native-format file of one snapshot, or `{ missing: true }`. */
  readSnapshot(request: { corpusId: string; id: string }): Promise<ReadSnapshotResult>;
  /**
   * Deletes every snapshot file of a corpus (after the corpus itself was deleted), and its
   * folder once empty; files main did not write are left alone.
   */
  deleteSnapshots(request: { corpusId: string }): Promise<DeleteSnapshotsResult>;
  /** Tells main the interface language, so that the application menu speaks it too. */
  setMenuLanguage(request: { language: InterfaceLanguage }): Promise<void>;
}

/** Compile-time check that `ISNAD_API_METHODS` lists exactly the keys of `IsnadApi`. */
type _Assert<T extends true> = T;
type _SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type _ApiMethodsMatch = _Assert<_SameKeys<IsnadApiMethod, keyof IsnadApi>>;

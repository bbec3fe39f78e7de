/**
 * The zod-free half of the IPC contract: channel names, menu command names, limits and the
 * shape of `window.isnad`. Kept apart from `contract.ts` so that the sandboxed preload can
 * import these constants without bundling zod. Always import through `contract.ts` except
 * from the preload.
 */

/** Name of the global under which the preload exposes the API (`window.isnad`). */
export const ISNAD_API_KEY = 'isnad';

/**
 * The IPC channel names, one per message. Renderer → main channels are used with
 * `ipcRenderer.invoke`/`ipcMain.handle`; `menuCommand` is the only main → renderer channel.
 */
export const IPC_CHANNELS = {
  /** Renderer → main: show the open dialog and return the chosen files' bytes. */
  openArticleFiles: 'isnad:open-article-files',
  /** Renderer → main: show the folder dialog and return the article files of the folder tree. */
  openArticleFolder: 'isnad:open-article-folder',
  /** Renderer → main: show the open dialog for dataset files and return the chosen files' bytes. */
  openDatasetFiles: 'isnad:open-dataset-files',
  /** Renderer → main: show the folder dialog and return the brat files (.txt, .ann, annotation.conf) of the folder tree. */
  openDatasetFolder: 'isnad:open-dataset-folder',
  /** Renderer → main: show the save dialog and write an export atomically. */
  saveExport: 'isnad:save-export',
  /** Renderer → main: application version and platform. */
  getAppInfo: 'isnad:get-app-info',
  /** Renderer → main: store a snapshot of a corpus in the user data folder (and keep the last N). */
  writeSnapshot: 'isnad:write-snapshot',
  /** Renderer → main: the snapshots of a corpus in the user data folder. */
  listSnapshots: 'isnad:list-snapshots',
  /** Renderer → main: the file of one snapshot, to restore it. */
  readSnapshot: 'isnad:read-snapshot',
  /** Renderer → main: delete the snapshot files of a corpus that was deleted. */
  deleteSnapshots: 'isnad:delete-snapshots',
  /** Renderer → main: the interface language the window uses, for the application menu. */
  setMenuLanguage: 'isnad:set-menu-language',
  /** Main → renderer: a command chosen in the application menu. */
  menuCommand: 'isnad:menu-command',
} as const;

/** Any channel name of the contract. */
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** The renderer → main channels, i.e. the only ones main registers handlers for. */
export const INVOKE_CHANNELS = [
  IPC_CHANNELS.openArticleFiles,
  IPC_CHANNELS.openArticleFolder,
  IPC_CHANNELS.openDatasetFiles,
  IPC_CHANNELS.openDatasetFolder,
  IPC_CHANNELS.saveExport,
  IPC_CHANNELS.getAppInfo,
  IPC_CHANNELS.writeSnapshot,
  IPC_CHANNELS.listSnapshots,
  IPC_CHANNELS.readSnapshot,
  IPC_CHANNELS.deleteSnapshots,
  IPC_CHANNELS.setMenuLanguage,
] as const;

/** The interface languages (shared/i18n), as `setMenuLanguage` accepts them. */
export const INTERFACE_LANGUAGES = ['en', 'ar'] as const;

/** An interface language. */
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** A renderer → main channel name. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Commands the application menu sends to the renderer (validated by `MenuCommandSchema`). */
export const MENU_COMMANDS = [
  'open',
  'open-folder',
  'export',
  'undo',
  'redo',
  'next-document',
  'previous-document',
  'next-unfinished',
  'done-next',
  'search',
  'find-next',
  'find-previous',
  'toggle-suggestions',
  'command-palette',
  'shortcuts',
  'keyboard-settings',
  'import-dataset',
  'import-dataset-folder',
  'corpora',
] as const;

/** Largest article file main will read: larger files come back as an error entry, unread. */
export const MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Most bytes one `openArticleFiles()` or `openArticleFolder()` call returns in total. Files
 * beyond it come back as error entries naming them (open them in a second go): one IPC
 * reply must stay well below Chromium's IPC message size limit.
 */
export const MAX_OPEN_TOTAL_BYTES = 100 * 1024 * 1024;

/** Deepest folder `openArticleFolder()` enters, counted from the chosen folder (depth 0). */
export const MAX_FOLDER_DEPTH = 32;

/** Most files and folders `openArticleFolder()` looks at in one folder tree. */
export const MAX_FOLDER_ENTRIES = 100_000;

/** The function names of `window.isnad`, exactly (nothing else is exposed). */
export const ISNAD_API_METHODS = ['openArticleFiles', 'openArticleFolder', 'openDatasetFiles', 'openDatasetFolder', 'saveExport', 'onMenuCommand', 'getAppInfo', 'writeSnapshot', 'listSnapshots', 'readSnapshot', 'deleteSnapshots', 'setMenuLanguage'] as const;

/** Largest snapshot file main writes or reads (UTF-16 code units of the JSON text). */
export const MAX_SNAPSHOT_CHARS = 400 * 1024 * 1024;

/** One function name of `window.isnad`. */
export type IsnadApiMethod = (typeof ISNAD_API_METHODS)[number];

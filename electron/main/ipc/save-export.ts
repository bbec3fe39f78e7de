/**
 * `saveExport({ suggestedName, contents })`: shows the save dialog (its words in the
 * interface language) and writes the export atomically to the path the user chose.
 */
import { join } from 'node:path';
import type { FileFilter, SaveDialogOptions } from 'electron';
import type { MessageKey } from '../../../shared/i18n/i18n';
import type { SaveExportPayload, SaveExportResult } from '../../../shared/ipc/contract';
import { english, phrase, type Phrase } from '../../../shared/phrases/phrase';
import { saveErrorReason } from '../../../shared/phrases/save-errors';
import { allFilesFilter, type DialogText } from './dialog-text';
import { errorDetail } from './open-article-files';

/** A native save dialog (Electron's `dialog.showSaveDialog`, bound to the calling window). */
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/** Dependencies of {@link saveExport}. */
export interface SaveExportDeps {
  showSaveDialog: ShowSaveDialog;
  /** Atomic write (see `writeFileAtomic`); strings are written as UTF-8. */
  writeFileAtomic: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Folder the dialog opens in (e.g. the user's Documents); the dialog's own default if absent. */
  defaultDirectory?: string | undefined;
  /** The dialog's words, in the interface language. */
  t: DialogText;
}

/** Filter names of the export formats, by extension. */
const SAVED_TYPE_NAMES: Readonly<Record<string, MessageKey>> = {
  json: 'dialog.saveType.json',
  jsonl: 'dialog.saveType.jsonl',
  zip: 'dialog.saveType.zip',
  conll: 'dialog.saveType.conll',
  jsonld: 'dialog.saveType.jsonld',
  txt: 'dialog.saveType.txt',
};

/** The dialog's file-type filter for the suggested name's extension, named in the language of `t`. */
function filtersFor(t: DialogText, suggestedName: string): FileFilter[] {
  const ext = /\.([a-z0-9]+)$/i.exec(suggestedName)?.[1]?.toLowerCase();
  if (!ext) return [];
  const key = SAVED_TYPE_NAMES[ext];
  return [{ name: key ? t(key) : t('dialog.saveType.other', { format: ext.toUpperCase() }), extensions: [ext] }];
}

/** Options given to the native save dialog for `suggestedName`, its title and filter names in the language of `t`. */
export function saveDialogOptions(t: DialogText, suggestedName: string, defaultDirectory?: string): SaveDialogOptions {
  return {
    title: t('dialog.title.export'),
    defaultPath: defaultDirectory ? join(defaultDirectory, suggestedName) : suggestedName,
    filters: [...filtersFor(t, suggestedName), allFilesFilter(t)],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Why the export could not be written to `path`, as a phrase naming the path (the reason by
 * the error's code, `saveErrorReason`: a missing file here means the chosen folder is gone).
 */
export function saveErrorPhrase(path: string, error: unknown): Phrase {
  const known = saveErrorReason((error as NodeJS.ErrnoException | undefined)?.code);
  return known ? phrase('save.failed', { path, reason: known }) : phrase('save.failedDetail', { path, detail: errorDetail(error) });
}

/**
 * Asks where to save, then writes `contents` there atomically. Cancel (or an empty path)
 * gives `{ saved: false, reason: 'cancelled' }`. A failed write gives `reason: 'failed'` and
 * why, naming the path, in English and as a phrase; the previous file at that path, if any,
 * is left untouched.
 */
export async function saveExport(request: SaveExportPayload, deps: SaveExportDeps): Promise<SaveExportResult> {
  const choice = await deps.showSaveDialog(saveDialogOptions(deps.t, request.suggestedName, deps.defaultDirectory));
  if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };
  const path = choice.filePath;
  try {
    await deps.writeFileAtomic(path, request.contents);
  } catch (error) {
    const why = saveErrorPhrase(path, error);
    return { saved: false, reason: 'failed', error: english(why), phrase: why };
  }
  return { saved: true, path };
}

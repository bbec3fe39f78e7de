/**
 * `saveExport({ suggestedName, contents })`: shows the save dialog and writes the export
 * atomically to the path the user chose.
 */
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveExportPayload, SaveExportResult } from '../../../shared/ipc/contract';

/** A native save dialog (Electron's `dialog.showSaveDialog`, bound to the calling window). */
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/** Dependencies of {@link saveExport}. */
export interface SaveExportDeps {
  showSaveDialog: ShowSaveDialog;
  /** Atomic write (see `writeFileAtomic`); strings are written as UTF-8. */
  writeFileAtomic: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Folder the dialog opens in (e.g. the user's Documents); the dialog's own default if absent. */
  defaultDirectory?: string | undefined;
}

const KNOWN_TYPES: Record<string, string> = { json: 'JSON', jsonl: 'JSON Lines', zip: 'Zip archive', conll: 'CoNLL', jsonld: 'JSON-LD', txt: 'Text' };

/** The dialog's file-type filter for the suggested name's extension. */
function filtersFor(suggestedName: string): Array<{ name: string; extensions: string[] }> {
  const ext = /\.([a-z0-9]+)$/i.exec(suggestedName)?.[1]?.toLowerCase();
  return ext ? [{ name: KNOWN_TYPES[ext] ?? ext.toUpperCase(), extensions: [ext] }] : [];
}

/** Options given to the native save dialog for `suggestedName`. */
export function saveDialogOptions(suggestedName: string, defaultDirectory?: string): SaveDialogOptions {
  return {
    title: 'Export',
    defaultPath: defaultDirectory ? join(defaultDirectory, suggestedName) : suggestedName,
    filters: [...filtersFor(suggestedName), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Asks where to save, then writes `contents` there atomically. Cancel (or an empty path)
 * gives `{ saved: false, reason: 'cancelled' }`. A failed write rejects with a message
 * naming the path; the previous file at that path, if any, is left untouched.
 */
export async function saveExport(request: SaveExportPayload, deps: SaveExportDeps): Promise<SaveExportResult> {
  const choice = await deps.showSaveDialog(saveDialogOptions(request.suggestedName, deps.defaultDirectory));
  if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };
  const path = choice.filePath;
  try {
    await deps.writeFileAtomic(path, request.contents);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not save the export to "${path}": ${detail}`, { cause: error });
  }
  return { saved: true, path };
}

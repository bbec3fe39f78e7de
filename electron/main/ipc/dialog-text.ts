/**
 * The words of main's native file dialogs (titles and filter names), in the interface
 * language: every dialog handler takes a translator of the shared catalogue (shared/i18n,
 * `dialog.*` keys), which index.ts makes in the language the menu speaks (see
 * `dialogLanguage` in menu-language.ts). Extensions are never translated.
 *
 * Type-only Electron imports, so the dialog options can be tested in Node.
 */
import type { FileFilter } from 'electron';
import type { MessageKey } from '../../../shared/i18n/i18n';

/** The interface's translator, as far as the dialogs need it (`createTranslator(language)` fits). */
export type DialogText = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The last filter of every file dialog: any file, whatever its name. */
export function allFilesFilter(t: DialogText): FileFilter {
  return { name: t('dialog.filter.allFiles'), extensions: ['*'] };
}

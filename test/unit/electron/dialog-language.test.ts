/**
 * Main's native file dialogs speak the interface language: every title and filter name comes
 * from the shared catalogue in the language the menu speaks (the system's before the menu is
 * built), while the extensions stay the same in every language.
 */
import type { FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Language } from '../../../shared/i18n/i18n';
import type { DialogText } from '../../../electron/main/ipc/dialog-text';
import { articleFileFilters, openArticleFiles, openDialogOptions } from '../../../electron/main/ipc/open-article-files';
import type { ShowOpenDialog } from '../../../electron/main/ipc/open-article-files';
import { folderDialogOptions, openArticleFolder } from '../../../electron/main/ipc/open-article-folder';
import { datasetDialogOptions, openDatasetFiles } from '../../../electron/main/ipc/open-dataset-files';
import { datasetFolderDialogOptions, openDatasetFolder } from '../../../electron/main/ipc/open-dataset-folder';
import { saveDialogOptions, saveExport } from '../../../electron/main/ipc/save-export';
import { MenuLanguage, dialogLanguage } from '../../../electron/main/menu-language';

const ARABIC_LETTER = /[\u0600-\u06ff]/;
const PLACEHOLDER = /\{\w+\}/;

/** Export names, one for each extension the exporters write, then one of an extension without its own name, and one without any. */
const SUGGESTED_NAMES = ['corpus.isnad.json', 'corpus.jsonl', 'corpus-brat.zip', 'corpus.conll', 'corpus.jsonld', 'corpus.txt', 'corpus.csv', 'corpus'];

/** Every dialog main shows, with its words in the language of `t`. */
function everyDialog(t: DialogText): Record<string, OpenDialogOptions | SaveDialogOptions> {
  return {
    'open articles': openDialogOptions(t),
    'open articles (an extension intake has no name for)': { filters: articleFileFilters(t, ['txt', 'xyz']) },
    'import a folder': folderDialogOptions(t),
    'import a dataset': datasetDialogOptions(t),
    'import a brat folder': datasetFolderDialogOptions(t),
    ...Object.fromEntries(SUGGESTED_NAMES.map((name) => [`export ${name}`, saveDialogOptions(t, name)])),
  };
}

/** The words of a dialog a user reads: its title (if any) and its filters' names. */
function wordsOf(options: OpenDialogOptions | SaveDialogOptions): string[] {
  return [...(options.title === undefined ? [] : [options.title]), ...(options.filters ?? []).map((filter) => filter.name)];
}

const extensionsOf = (filters: FileFilter[] | undefined): string[][] => (filters ?? []).map((filter) => filter.extensions);

describe('native file dialogs in Arabic', () => {
  const arabic = everyDialog(createTranslator('ar'));

  it.each(Object.keys(arabic))('%s: the title and every filter name are Arabic, every placeholder filled', (dialog) => {
    const words = wordsOf(arabic[dialog] ?? {});
    expect(words.length).toBeGreaterThan(0);
    for (const text of words) {
      expect(text, text).toMatch(ARABIC_LETTER);
      expect(text, text).not.toMatch(PLACEHOLDER);
    }
  });

  it('name the formats and tools in Latin script inside the Arabic', () => {
    const names = wordsOf(arabic['import a dataset'] ?? {}).join(' ');
    for (const name of ['JSON Lines', 'doccano', 'Label Studio', 'spaCy', 'Web Annotation', 'CoNLL', 'brat', '.txt', '.ann']) expect(names).toContain(name);
    expect(wordsOf(arabic['open articles (an extension intake has no name for)'] ?? {})).toContain('ملفات XYZ');
    expect(wordsOf(arabic['export corpus.csv'] ?? {})).toContain('ملفات CSV');
  });

  it('word the titles as the menu items that open them', () => {
    const ar = createTranslator('ar');
    const menuItem = (key: Parameters<typeof ar>[0]) => ar(key).replace(/…$/, '');
    expect(arabic['import a folder']?.title).toContain(menuItem('menu.importFolder'));
    expect(arabic['import a dataset']?.title).toBe(menuItem('menu.importDataset'));
    expect(arabic['import a brat folder']?.title).toContain(menuItem('menu.importBratFolder'));
    expect(arabic['export corpus.jsonl']?.title).toBe(menuItem('menu.export'));
    expect(arabic['open articles']?.title).toContain(menuItem('menu.open'));
  });

  it('keep every extension, in the same filters and order, as in English', () => {
    const english = everyDialog(createTranslator('en'));
    for (const [dialog, options] of Object.entries(arabic)) {
      expect(extensionsOf(options.filters), dialog).toEqual(extensionsOf(english[dialog]?.filters));
      expect(options.properties, dialog).toEqual(english[dialog]?.properties);
    }
  });
});

describe('native file dialogs in English', () => {
  const english = everyDialog(createTranslator('en'));

  it('read as before', () => {
    const expected: Record<string, string[]> = {
      'open articles': ['Open articles', 'Articles', 'Text and Markdown', 'Web pages', 'JSON, JSON Lines and CSV', 'Word documents', 'All files'],
      'open articles (an extension intake has no name for)': ['Articles', 'Text and Markdown', 'XYZ files', 'All files'],
      'import a folder': ['Import a folder of articles'],
      'import a dataset': [
        'Import a dataset',
        'Datasets',
        'JSON and JSON Lines (Isnad, doccano, Label Studio, spaCy, Web Annotation)',
        'CoNLL / BIO',
        'brat standoff (.txt + .ann)',
        'All files',
      ],
      'import a brat folder': ['Import a brat folder (.txt + .ann)'],
      'export corpus.isnad.json': ['Export', 'JSON', 'All files'],
      'export corpus.jsonl': ['Export', 'JSON Lines', 'All files'],
      'export corpus-brat.zip': ['Export', 'Zip archive', 'All files'],
      'export corpus.conll': ['Export', 'CoNLL', 'All files'],
      'export corpus.jsonld': ['Export', 'JSON-LD', 'All files'],
      'export corpus.txt': ['Export', 'Text', 'All files'],
      'export corpus.csv': ['Export', 'CSV', 'All files'],
      'export corpus': ['Export', 'All files'],
    };
    expect(Object.fromEntries(Object.entries(english).map(([dialog, options]) => [dialog, wordsOf(options)]))).toEqual(expected);
  });
});

describe('the dialog handlers', () => {
  /** A dialog that records the options it was shown with, then is cancelled. */
  function cancelledDialog(): { shown: Array<OpenDialogOptions | SaveDialogOptions>; show: ShowOpenDialog } {
    const shown: Array<OpenDialogOptions | SaveDialogOptions> = [];
    return {
      shown,
      show: async (options) => {
        shown.push(options);
        return { canceled: true, filePaths: [] };
      },
    };
  }

  it.each<Language>(['ar', 'en'])('show each dialog in the language of the translator they are given (%s)', async (language) => {
    const t = createTranslator(language);
    const dialog = cancelledDialog();
    await openArticleFiles({ t, showOpenDialog: dialog.show });
    await openArticleFolder({ t, showOpenDialog: dialog.show });
    await openDatasetFiles({ t, showOpenDialog: dialog.show });
    await openDatasetFolder({ t, showOpenDialog: dialog.show });
    await saveExport(
      { suggestedName: 'corpus.jsonl', contents: '' },
      {
        t,
        showSaveDialog: async (options) => {
          dialog.shown.push(options);
          return { canceled: true };
        },
        writeFileAtomic: async () => undefined,
      },
    );
    expect(dialog.shown).toEqual([
      openDialogOptions(t),
      folderDialogOptions(t),
      datasetDialogOptions(t),
      datasetFolderDialogOptions(t),
      saveDialogOptions(t, 'corpus.jsonl'),
    ]);
  });
});

describe('dialogLanguage', () => {
  const newMenu = () => new MenuLanguage({ platform: 'linux', isPackaged: true, appName: 'Isnad', sendCommand: () => undefined }, () => undefined);

  it('is the language the menu speaks', () => {
    const menu = newMenu();
    menu.applySystem(['ar-SY', 'en-GB']);
    expect(dialogLanguage(menu, ['ar-SY', 'en-GB'])).toBe('ar');
    // The window reported English: the dialogs follow it, whatever the system prefers.
    menu.apply('en');
    expect(dialogLanguage(menu, ['ar-SY', 'en-GB'])).toBe('en');
    menu.apply('ar');
    expect(dialogLanguage(menu, ['en-US'])).toBe('ar');
  });

  it("is the system's (the window's rule) before the menu is built", () => {
    const menu = newMenu();
    expect(menu.language).toBeNull();
    expect(dialogLanguage(menu, ['fr-FR', 'ar-EG'])).toBe('ar');
    expect(dialogLanguage(menu, ['fr-FR'])).toBe('en');
    expect(dialogLanguage(menu, [])).toBe('en');
  });
});

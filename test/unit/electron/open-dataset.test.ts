import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenArticleFilesResponse, OpenDatasetFolderResponse } from '../../../shared/ipc/contract';
import { NOT_A_BRAT_FILE } from '../../../shared/formats/dataset-detect';
import { datasetDialogOptions, openDatasetFiles } from '../../../electron/main/ipc/open-dataset-files';
import { datasetFolderDialogOptions, openDatasetFolder } from '../../../electron/main/ipc/open-dataset-folder';
import type { ShowOpenDialog } from '../../../electron/main/ipc/open-article-files';
import { createTranslator } from '../../../shared/i18n/i18n';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-dataset-'));
  outside = await mkdtemp(join(tmpdir(), 'isnad-dataset-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function tree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, contents);
  }
}

const decoder = new TextDecoder();
/** The dialogs' words in English, as the tests read them. */
const englishText = createTranslator('en');
const chose =
  (paths: string[]): ShowOpenDialog =>
  async () => ({ canceled: false, filePaths: paths });

describe('openDatasetFiles (Import dataset… in Electron)', () => {
  it('offers the dataset formats first, each kind on its own, and all files last', () => {
    const options = datasetDialogOptions(englishText);
    expect(options.title).toBe('Import a dataset');
    const filters = options.filters ?? [];
    expect(filters[0]).toEqual({ name: 'Datasets', extensions: expect.arrayContaining(['conll', 'jsonl', 'json', 'ann', 'txt']) });
    expect(filters.find((f) => f.name.startsWith('brat'))?.extensions).toEqual(['txt', 'ann', 'conf']);
    expect(filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
  });

  it('reads the chosen files by base name, and answers an empty list on cancel', async () => {
    await tree(dir, { 'a.txt': 'قال الوزير', 'a.ann': 'T1\tPER 4 10\tالوزير\n' });
    let seen: unknown;
    const result = await openDatasetFiles({
      t: englishText,
      showOpenDialog: async (options) => {
        seen = options;
        return { canceled: false, filePaths: [join(dir, 'a.txt'), join(dir, 'a.ann')] };
      },
    });
    expect(seen).toEqual(datasetDialogOptions(englishText));
    expect(result.files.map((f) => f.name)).toEqual(['a.txt', 'a.ann']);
    expect(decoder.decode((result.files[0] as { bytes: Uint8Array }).bytes)).toBe('قال الوزير');
    expect(OpenArticleFilesResponse.safeParse(result).success).toBe(true);
    await expect(openDatasetFiles({ t: englishText, showOpenDialog: async () => ({ canceled: true, filePaths: [] }) })).resolves.toEqual({ files: [] });
  });
});

describe('openDatasetFolder (a brat folder in Electron)', () => {
  it('reads the .txt, .ann and annotation.conf files of the tree and skips the rest by name', async () => {
    await tree(dir, {
      'brat/annotation.conf': '[entities]\nPER\n',
      'brat/2019/a.txt': 'نص',
      'brat/2019/a.ann': 'T1\tPER 0 2\tنص\n',
      'brat/notes.pdf': '%PDF',
      'brat/.hidden.ann': 'x',
    });
    await writeFile(join(outside, 'secret.ann'), 'T1\tPER 0 1\tx\n');
    await symlink(join(outside, 'secret.ann'), join(dir, 'brat', 'linked.ann'));
    const result = await openDatasetFolder({ t: englishText, showOpenDialog: chose([join(dir, 'brat')]) });
    if ('cancelled' in result) throw new Error('unexpected cancel');
    expect(result.folder).toBe('brat');
    expect(result.files.map((f) => f.name)).toEqual(['brat/2019/a.ann', 'brat/2019/a.txt', 'brat/annotation.conf']);
    expect(result.skipped).toEqual(expect.arrayContaining([{ name: 'brat/notes.pdf', reason: NOT_A_BRAT_FILE }]));
    expect(result.skipped.map((s) => s.name)).toContain('brat/linked.ann'); // a link is never followed
    expect(result.files.map((f) => f.name)).not.toContain('brat/linked.ann');
    expect(OpenDatasetFolderResponse.safeParse(result).success).toBe(true);
  });

  it('asks for one folder and answers { cancelled: true } on cancel', async () => {
    expect(datasetFolderDialogOptions(englishText)).toEqual({ title: 'Import a brat folder (.txt + .ann)', properties: ['openDirectory'] });
    await expect(openDatasetFolder({ t: englishText, showOpenDialog: async () => ({ canceled: true, filePaths: [] }) })).resolves.toEqual({ cancelled: true });
  });
});

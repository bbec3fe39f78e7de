import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveExportResponse } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { saveDialogOptions, saveExport } from '../../../electron/main/ipc/save-export';
import type { ShowSaveDialog } from '../../../electron/main/ipc/save-export';
import { createTranslator } from '../../../shared/i18n/i18n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The dialog's words in English, as the tests read them. */
const englishText = createTranslator('en');

const request = { suggestedName: 'corpus.isnad.json', contents: '{"spans":["إسناد"]}' };

describe('saveExport', () => {
  it('proposes the suggested name in the given folder with a JSON filter', () => {
    const options = saveDialogOptions(englishText, 'corpus.json', dir);
    expect(options.title).toBe('Export');
    expect(options.defaultPath).toBe(join(dir, 'corpus.json'));
    expect(options.filters).toEqual([
      { name: 'JSON', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(saveDialogOptions(englishText, 'corpus.json').defaultPath).toBe('corpus.json');
  });

  it('returns cancelled and writes nothing when the dialog is cancelled', async () => {
    const writes: string[] = [];
    for (const choice of [{ canceled: true, filePath: '' }, { canceled: false, filePath: '' }, { canceled: true }]) {
      const result = await saveExport(request, {
        t: englishText,
        showSaveDialog: async () => choice,
        writeFileAtomic: async (path) => {
          writes.push(path);
        },
      });
      expect(result).toEqual({ saved: false, reason: 'cancelled' });
      expect(SaveExportResponse.safeParse(result).success).toBe(true);
    }
    expect(writes).toEqual([]);
  });

  it('writes the contents atomically to the chosen path (UTF-8), replacing an older file', async () => {
    const target = join(dir, 'chosen.json');
    await writeFile(target, 'an older export');
    let offered: string | undefined;
    const showSaveDialog: ShowSaveDialog = async (options) => {
      offered = options.defaultPath;
      return { canceled: false, filePath: target };
    };
    const result = await saveExport(request, { t: englishText, showSaveDialog, writeFileAtomic, defaultDirectory: dir });
    expect(offered).toBe(join(dir, 'corpus.isnad.json'));
    expect(result).toEqual({ saved: true, path: target });
    expect(SaveExportResponse.safeParse(result).success).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(request.contents);
    expect(await readdir(dir)).toEqual(['chosen.json']);
  });

  it('rejects with a clear message naming the path when the write fails, leaving the old file', async () => {
    const target = join(dir, 'chosen.json');
    await writeFile(target, 'an older export');
    const promise = saveExport(request, {
      t: englishText,
      showSaveDialog: async () => ({ canceled: false, filePath: target }),
      writeFileAtomic: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    await expect(promise).rejects.toThrow(`Could not save the export to "${target}": EACCES: permission denied`);
    expect(await readFile(target, 'utf8')).toBe('an older export');
  });

  it('rejects when the chosen folder does not exist', async () => {
    const target = join(dir, 'no-such-folder', 'x.json');
    await expect(
      saveExport(request, { t: englishText, showSaveDialog: async () => ({ canceled: false, filePath: target }), writeFileAtomic }),
    ).rejects.toThrow(/^Could not save the export to ".*x\.json": ENOENT/);
  });
});

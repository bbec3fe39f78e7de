import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveExportResponse } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { saveDialogOptions, saveExport } from '../../../electron/main/ipc/save-export';
import type { ShowSaveDialog } from '../../../electron/main/ipc/save-export';
import { createTranslator } from '../../../shared/i18n/i18n';
import { withoutIsolates } from '../helpers/isolates';

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

  it('says why a write failed, naming the path, in English and as a phrase Arabic says whole; the old file is left', async () => {
    const target = join(dir, 'chosen.json');
    await writeFile(target, 'an older export');
    const result = await saveExport(request, {
      t: englishText,
      showSaveDialog: async () => ({ canceled: false, filePath: target }),
      writeFileAtomic: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    expect(SaveExportResponse.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({ saved: false, reason: 'failed', error: `The export could not be saved to “${target}”: permission denied.` });
    const phrase = result.saved || result.reason !== 'failed' ? undefined : result.phrase;
    expect(withoutIsolates(createTranslator('ar').phrase(phrase!))).toBe(`تعذّر حفظ التصدير في «${target}»: رُفض الإذن بالكتابة فيه.`);
    expect(await readFile(target, 'utf8')).toBe('an older export');
  });

  it('a full disk, a read-only disk and a folder of that name are said as such; another error by its code', async () => {
    const failing = (code: string) => ({ t: englishText, showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'x.json') }), writeFileAtomic: async () => { throw Object.assign(new Error(`${code}: …`), { code }); } });
    const said = async (code: string): Promise<string> => {
      const result = await saveExport(request, failing(code));
      return result.saved || result.reason !== 'failed' ? '' : result.error;
    };
    expect(await said('ENOSPC')).toMatch(/: the disk is full\.$/u);
    expect(await said('EROFS')).toMatch(/: the disk is read-only\.$/u);
    expect(await said('EISDIR')).toMatch(/: a folder has that name\.$/u);
    expect(await said('EIO')).toMatch(/ \(EIO\)\.$/u);
  });

  it('a chosen folder that does not exist: not saved, and said so', async () => {
    const target = join(dir, 'no-such-folder', 'x.json');
    const result = await saveExport(request, { t: englishText, showSaveDialog: async () => ({ canceled: false, filePath: target }), writeFileAtomic });
    expect(result).toMatchObject({ saved: false, reason: 'failed' });
    expect(!result.saved && result.reason === 'failed' && result.error).toMatch(/^The export could not be saved to “.*x\.json”: its folder does not exist\.$/u);
  });
});

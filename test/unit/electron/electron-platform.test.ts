import { describe, expect, it } from 'vitest';
import type { IsnadApi, MenuCommand, OpenArticleFolderResult } from '../../../shared/ipc/contract';
import { electronPlatform } from '../../../renderer/platform/electron';
import { describeImport } from '../../../renderer/app/import-report';
import { createTranslator } from '../../../shared/i18n/i18n';
import { importFiles, type IncomingFile } from '../../../shared/model/import';
import { english, phrase } from '../../../shared/phrases/phrase';
import { byteSizePhrase } from '../../../shared/phrases/sizes';
import { stateWithDocument, testContext } from '../helpers/tagged';

/** A stand-in for `window.isnad` whose folder dialog answers `folder`. */
function fakeApi(folder: OpenArticleFolderResult): IsnadApi & { emit(command: MenuCommand): void } {
  const listeners = new Set<(command: MenuCommand) => void>();
  return {
    openArticleFiles: async () => ({ files: [{ name: 'a.txt', bytes: new Uint8Array([1]) }, { name: 'b.txt', error: 'too large' }] }),
    openArticleFolder: async () => folder,
    openDatasetFiles: async () => ({ files: [{ name: 'news.conll', bytes: new Uint8Array([2]) }] }),
    openDatasetFolder: async () => ('cancelled' in folder ? folder : { folder: 'brat', files: folder.files, skipped: folder.skipped }),
    saveExport: async () => ({ saved: false, reason: 'cancelled' }),
    getAppInfo: async () => ({ version: '0.1.0', platform: 'linux' }),
    writeSnapshot: async (request) => ({ id: `${request.info.takenAt.replace(/:/g, '-')}.${request.info.reason}.${request.info.documents}d.${request.info.spans}s.isnad.json` }),
    listSnapshots: async ({ corpusId }) => ({ snapshots: [{ id: '2026-11-29T10-15-00.000Z.quit.3d.4s.isnad.json', corpusId, takenAt: '2026-11-29T10:15:00.000Z', reason: 'quit', documents: 3, spans: 4 }] }),
    readSnapshot: async ({ id }) => (id.startsWith('2026') ? { json: '{"format":"isnad-corpus"}' } : { missing: true }),
    deleteSnapshots: async ({ corpusId }) => (corpusId === 'locked' ? Promise.reject(new Error('EACCES: permission denied')) : { deleted: 3 }),
    setMenuLanguage: async () => undefined,
    onMenuCommand: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    emit: (command) => {
      for (const listener of listeners) listener(command);
    },
  };
}

describe('the Electron host platform', () => {
  it('a save main reports as failed is a failed outcome with its phrase, not a cancel', async () => {
    const why = phrase('save.failed', { path: '/x.json', reason: phrase('saveError.readOnly') });
    const api = { ...fakeApi({ cancelled: true }), saveExport: async () => ({ saved: false as const, reason: 'failed' as const, error: english(why), phrase: why }) };
    expect(await electronPlatform(api).saveExport('x.json', '{}')).toEqual({ saved: false, reason: 'failed', message: 'The export could not be saved to “/x.json”: the disk is read-only.', phrase: why });
    const cancelled = await electronPlatform(fakeApi({ cancelled: true })).saveExport('x.json', '{}');
    expect(cancelled).toEqual({ saved: false, reason: 'cancelled' });
  });

  it('keeps snapshots as files through main: write, list, read (a missing one is null)', async () => {
    const storage = electronPlatform(fakeApi({ cancelled: true })).snapshots!;
    const id = await storage.write({ info: { corpusId: 'c', takenAt: '2026-11-29T10:15:00.000Z', reason: 'manual', documents: 1, spans: 2 }, json: '{}' }, 5);
    expect(id).toBe('2026-11-29T10-15-00.000Z.manual.1d.2s.isnad.json');
    expect((await storage.list('c')).map((s) => [s.reason, s.documents, s.spans])).toEqual([['quit', 3, 4]]);
    await expect(storage.read('c', '2026-11-29T10-15-00.000Z.quit.3d.4s.isnad.json')).resolves.toBe('{"format":"isnad-corpus"}');
    await expect(storage.read('c', 'gone')).resolves.toBeNull();
    await expect(storage.forget!('c')).resolves.toBe(3);
    await expect(storage.forget!('locked')).rejects.toThrow(/permission denied/);
  });

  it('maps a cancelled folder dialog to null', async () => {
    await expect(electronPlatform(fakeApi({ cancelled: true })).pickArticleFolder()).resolves.toBeNull();
  });

  it('turns the folder reply into worker input and skips', async () => {
    const bytes = new Uint8Array([0xd8, 0xa7]);
    const platform = electronPlatform(
      fakeApi({
        files: [
          { name: 'news/2019/a.txt', bytes },
          { name: 'news/big.txt', error: '"news/big.txt" is larger than 20 MiB (21 MiB); it was not opened.' },
        ],
        skipped: [{ name: 'news/photo.jpg', reason: 'not an article file' }],
      }),
    );
    await expect(platform.pickArticleFolder()).resolves.toEqual({
      files: [
        { name: 'news/2019/a.txt', bytes },
        { name: 'news/big.txt', error: '"news/big.txt" is larger than 20 MiB (21 MiB); it was not opened.' },
      ],
      skipped: [{ name: 'news/photo.jpg', reason: 'not an article file' }],
    });
  });

  it('turns chosen files into worker input', async () => {
    await expect(electronPlatform(fakeApi({ cancelled: true })).pickArticleFiles()).resolves.toEqual([
      { name: 'a.txt', bytes: new Uint8Array([1]) },
      { name: 'b.txt', error: 'too large' },
    ]);
  });

  it('hands main’s phrase to the worker input, so the import report says it in the interface language', async () => {
    const tooLarge = phrase('file.tooLarge', { file: 'news/big.txt', size: byteSizePhrase(21 * 1024 * 1024, 'whole-up'), limit: byteSizePhrase(20 * 1024 * 1024, 'whole-up') });
    const outside = phrase('file.notRead', { file: 'news/b.txt', reason: phrase('readRefused.outside') });
    const platform = electronPlatform(
      fakeApi({
        files: [
          { name: 'news/big.txt', error: english(tooLarge), phrase: tooLarge },
          { name: 'news/b.txt', error: english(outside), phrase: outside },
          { name: 'news/old.txt', error: '"news/old.txt" could not be read.' }, // an older main: no phrase
        ],
        skipped: [],
      }),
    );
    const picked = await platform.pickArticleFolder();
    expect(picked?.files).toEqual([
      { name: 'news/big.txt', error: '“news/big.txt” is too large to import (21 MB; the limit is 20 MB).', errorPhrase: tooLarge },
      { name: 'news/b.txt', error: '“news/b.txt” was not read: it is outside the chosen folder.', errorPhrase: outside },
      { name: 'news/old.txt', error: '"news/old.txt" could not be read.' },
    ]);
    expect(picked?.files[2]).not.toHaveProperty('errorPhrase');
    await expect(platform.pickDatasetFolder()).resolves.toMatchObject({ files: [{ errorPhrase: tooLarge }, { errorPhrase: outside }, { name: 'news/old.txt' }] });

    // The worker passes error entries on as they are; the report then speaks Arabic.
    const outcome = importFiles(stateWithDocument('نص'), (picked?.files ?? []) as IncomingFile[], testContext());
    expect(describeImport(outcome.report, createTranslator('ar')).details).toEqual([
      'الملف «\u2068news/big.txt\u2069» أكبر من أن يُستورد (21 ميغابايت؛ والحد الأقصى 20 ميغابايت).',
      'لم يُقرأ الملف «\u2068news/b.txt\u2069»: يقع خارج المجلد المختار.',
      '"news/old.txt" could not be read.',
    ]);
  });

  it('asks main for dataset files and brat folders through their own dialogs', async () => {
    const bytes = new Uint8Array([0x54]);
    const platform = electronPlatform(fakeApi({ files: [{ name: 'brat/a.ann', bytes }], skipped: [{ name: 'brat/notes.pdf', reason: 'not a brat file' }] }));
    await expect(platform.pickDatasetFiles()).resolves.toEqual([{ name: 'news.conll', bytes: new Uint8Array([2]) }]);
    await expect(platform.pickDatasetFolder()).resolves.toEqual({ folder: 'brat', files: [{ name: 'brat/a.ann', bytes }], skipped: [{ name: 'brat/notes.pdf', reason: 'not a brat file' }] });
    await expect(electronPlatform(fakeApi({ cancelled: true })).pickDatasetFolder()).resolves.toBeNull();
  });

  it('passes every menu command through, open-folder included', () => {
    const api = fakeApi({ cancelled: true });
    const received: string[] = [];
    const unsubscribe = electronPlatform(api).onMenuCommand((command) => received.push(command));
    for (const command of ['open', 'open-folder', 'export', 'undo', 'redo', 'import-dataset', 'corpora'] as const) api.emit(command);
    unsubscribe();
    api.emit('open');
    expect(received).toEqual(['open', 'open-folder', 'export', 'undo', 'redo', 'import-dataset', 'corpora']);
  });
});

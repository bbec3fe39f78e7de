/**
 * Why main did not read a file crosses IPC as a phrase beside its English sentence: the
 * contract lets through only phrases of known codes made of plain data, main's reply is
 * checked against it, and every refusal main makes is said whole in Arabic.
 */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ArticleFileErrorSchema, OpenArticleFilesResponse, OpenArticleFolderResponse, PhraseSchema } from '../../../shared/ipc/contract';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { guardHandler } from '../../../electron/main/ipc/register';
import { ReadRefusedError, readErrorPhrase, type ReadRefusal } from '../../../electron/main/ipc/open-article-files';
import { folderErrorPhrase, readArticleFolder } from '../../../electron/main/ipc/open-article-folder';
import { createTranslator } from '../../../shared/i18n/i18n';
import { english, phrase, type Phrase } from '../../../shared/phrases/phrase';
import { byteSizePhrase } from '../../../shared/phrases/sizes';

const arabic = createTranslator('ar');
const ARABIC_LETTER = /[\u0600-\u06ff]/;

const tooLarge = phrase('file.tooLarge', { file: 'x.txt', size: byteSizePhrase(21 * 1024 * 1024, 'whole-up'), limit: byteSizePhrase(20 * 1024 * 1024, 'whole-up') });

describe('PhraseSchema (the contract)', () => {
  it('accepts a phrase of a known code with text, number, nested-phrase and list parameters', () => {
    const value = phrase('file.notArticle', { file: 'a.txt', why: phrase('notArticle.images') });
    expect(PhraseSchema.parse(value)).toEqual(value);
    expect(PhraseSchema.parse(tooLarge)).toEqual(tooLarge);
    const listed = phrase('records.noFieldListed', { file: 'a.json', field: 'text', fields: ['body', phrase('value.null'), 3] });
    expect(PhraseSchema.parse(listed)).toEqual(listed);
    expect(PhraseSchema.parse(phrase('refusal.selectFirst'))).toEqual({ code: 'refusal.selectFirst' });
  });

  it.each<[string, unknown]>([
    ['an unknown code', { code: 'file.deleteEverything' }],
    ['a code that is not a string', { code: 7 }],
    ['no code', { params: { file: 'a' } }],
    ['a nested phrase of an unknown code', { code: 'file.notArticle', params: { file: 'a', why: { code: 'nope' } } }],
    ['a function parameter', { code: 'file.empty', params: { file: () => 'a' } }],
    ['a plain object parameter', { code: 'file.empty', params: { file: { name: 'a' } } }],
    ['an object inside a list', { code: 'file.empty', params: { file: ['a', { toString: 'x' }] } }],
    ['a boolean parameter', { code: 'file.empty', params: { file: true } }],
    ['a null parameter', { code: 'file.empty', params: { file: null } }],
    ['an infinite number', { code: 'size.bytes', params: { count: Number.POSITIVE_INFINITY } }],
    ['NaN', { code: 'size.bytes', params: { count: Number.NaN } }],
    ['a parameter name that is not a placeholder name', { code: 'file.empty', params: { 'a b': 'c' } }],
    ['params that are not a record', { code: 'file.empty', params: ['a'] }],
    ['an extra key', { code: 'file.empty', params: { file: 'a' }, html: '<b>' }],
    ['a string instead of a phrase', 'file.empty'],
  ])('refuses %s', (_what, value) => {
    expect(PhraseSchema.safeParse(value).success).toBe(false);
  });

  it('drops a parameter named __proto__ (it never reaches the parsed phrase), and names an unknown code briefly', () => {
    const parsed = PhraseSchema.parse(JSON.parse('{"code": "file.empty", "params": {"__proto__": {"polluted": 1}, "file": "a.txt"}}'));
    expect(parsed).toEqual(phrase('file.empty', { file: 'a.txt' }));
    expect(Object.keys(parsed.params ?? {})).toEqual(['file']);
    expect(Object.getPrototypeOf(parsed.params)).toBe(Object.prototype);
    const refused = PhraseSchema.safeParse({ code: 'file.deleteEverything' });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(['not a phrase code of this build']);
  });

  it('keeps an error entry without a phrase valid (an older main), and refuses one with a bad phrase', () => {
    expect(ArticleFileErrorSchema.safeParse({ name: 'a.txt', error: 'could not be read' }).success).toBe(true);
    expect(ArticleFileErrorSchema.safeParse({ name: 'x.txt', error: english(tooLarge), phrase: tooLarge }).success).toBe(true);
    expect(ArticleFileErrorSchema.safeParse({ name: 'a.txt', error: 'x', phrase: { code: 'nope' } }).success).toBe(false);
    expect(OpenArticleFilesResponse.safeParse({ files: [{ name: 'a.txt', bytes: new Uint8Array(), phrase: tooLarge }] }).success).toBe(false);
    expect(OpenArticleFolderResponse.safeParse({ files: [{ name: 'a.txt', error: 'x', phrase: { code: 'file.empty', params: { file: {} } } }], skipped: [] }).success).toBe(false);
  });

  it('is checked on main’s reply: a phrase outside the contract never reaches the renderer', async () => {
    const rendererDir = join('/opt/Isnad/resources/app.asar/out/renderer');
    const event = { senderFrame: { url: pathToFileURL(join(rendererDir, 'index.html')).href, parent: null } };
    const options = { origin: { rendererDir }, warn: () => undefined };
    const good = { files: [{ name: 'x.txt', error: english(tooLarge), phrase: tooLarge }] };
    await expect(guardHandler('openArticleFiles', async () => good, options)(event)).resolves.toEqual(good);
    const bad = { files: [{ name: 'x.txt', error: 'x', phrase: { code: 'file.empty', params: { file: () => 'x' } } }] };
    await expect(guardHandler('openArticleFiles', async () => bad, options)(event)).rejects.toThrow(
      new RegExp(`^Internal error in ${IPC_CHANNELS.openArticleFiles}`),
    );
  });
});

/** Every kind of refusal main makes for a file or a folder. */
function mainRefusals(): Phrase[] {
  const failed = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const refusals: ReadRefusal[] = ['readRefused.symlink', 'readRefused.notRegular', 'readRefused.outside', 'readRefused.changed', 'readRefused.notFolder'];
  const limit = byteSizePhrase(100 * 1024 * 1024, 'whole-up');
  return [
    tooLarge,
    ...['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'EBUSY', 'EIO'].map((code) => readErrorPhrase('news/a.txt', failed(code))),
    ...refusals.map((refusal) => readErrorPhrase('news/a.txt', new ReadRefusedError(refusal))),
    ...['ENOENT', 'EACCES', 'ENOTDIR', 'EIO'].map((code) => folderErrorPhrase('news', failed(code))),
    folderErrorPhrase('news/sub', new ReadRefusedError('readRefused.outside')),
    phrase('file.notRegular', { file: 'news/pipe' }),
    phrase('file.lost', { file: 'news/a.txt' }),
    phrase('file.overChosenTotal', { file: 'a.txt', limit }),
    phrase('file.overFolderTotal', { file: 'news/a.txt', limit }),
    phrase('file.overFolderFilesTotal', { file: 'brat/a.ann', limit }),
    ...[0, 1, 2, 3, 32, 100].map((count) => phrase('folder.tooDeep', { folder: 'news/a/b', count })),
    ...[0, 1, 2, 5, 99, 100_000].map((count) => phrase('folder.tooManyEntries', { folder: 'news', count })),
  ];
}

describe('main’s refusals in the interface language', () => {
  it('pass the contract and are said whole in Arabic, every placeholder filled', () => {
    for (const value of mainRefusals()) {
      expect(PhraseSchema.safeParse(value).success, value.code).toBe(true);
      const said = arabic.phrase(value);
      expect(said, value.code).toMatch(ARABIC_LETTER);
      expect(said, value.code).not.toMatch(/\{\w+\}/);
      // Latin letters only inside isolated data (file names, an error code).
      expect(said.replace(/\u2068[^\u2069]*\u2069/g, ''), value.code).not.toMatch(/[A-Za-z]/);
    }
  });

  it('start each Arabic sentence with Arabic, so that a Latin name does not turn the line', () => {
    for (const value of mainRefusals()) expect(arabic.phrase(value), value.code).toMatch(/^[^A-Za-z\u0600-\u06ff]*[\u0600-\u06ff]/);
  });

  it('say sizes and counts in Arabic', () => {
    expect(arabic.phrase(tooLarge)).toBe('الملف «\u2068x.txt\u2069» أكبر من أن يُستورد (21 ميغابايت؛ والحد الأقصى 20 ميغابايت).');
    expect(arabic.phrase(readErrorPhrase('news/a.txt', new ReadRefusedError('readRefused.outside')))).toBe(
      'لم يُقرأ الملف «\u2068news/a.txt\u2069»: يقع خارج المجلد المختار.',
    );
    expect(arabic.phrase(phrase('folder.tooDeep', { folder: 'n/d33', count: 32 }))).toBe('لم يُفتح المجلد «\u2068n/d33\u2069»: يقع على عمق يزيد على 32 مجلدًا.');
  });

  it('come from a real folder read with the phrase beside its English', async () => {
    const { files } = await readArticleFolder('/no/such/folder/anywhere');
    expect(files).toEqual([{ name: 'anywhere', error: 'The folder “anywhere” could not be read: it no longer exists.', phrase: folderErrorPhrase('anywhere', { code: 'ENOENT' }) }]);
    const [entry] = files;
    expect(entry && 'phrase' in entry && entry.phrase && arabic.phrase(entry.phrase)).toBe('تعذّرت قراءة المجلد «\u2068anywhere\u2069»: لم يعد موجودًا.');
  });
});

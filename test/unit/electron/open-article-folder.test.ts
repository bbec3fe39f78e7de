import { execFileSync } from 'node:child_process';
import * as fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FOLDER_DEPTH, MAX_FOLDER_ENTRIES, OpenArticleFolderResponse } from '../../../shared/ipc/contract';
import type { ArticleFileResult } from '../../../shared/ipc/contract';
import {
  NOT_AN_ARTICLE,
  SYMBOLIC_LINK,
  folderDialogOptions,
  isInsideFolder,
  openArticleFolder,
  readArticleFolder,
} from '../../../electron/main/ipc/open-article-folder';
import type { FolderFs } from '../../../electron/main/ipc/open-article-folder';
import type { ShowOpenDialog } from '../../../electron/main/ipc/open-article-files';
import { english, phrase } from '../../../shared/phrases/phrase';
import type { Phrase } from '../../../shared/phrases/phrase';
import { byteSizePhrase } from '../../../shared/phrases/sizes';
import { createTranslator } from '../../../shared/i18n/i18n';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-folder-'));
  outside = await mkdtemp(join(tmpdir(), 'isnad-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const encoder = new TextEncoder();
/** The dialog's words in English, as the tests read them. */
const englishText = createTranslator('en');
const decoder = new TextDecoder();

/** Writes `files` (relative path → contents) under `root`, creating folders. */
async function tree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, contents);
  }
}

const chose =
  (path: string): ShowOpenDialog =>
  async () => ({ canceled: false, filePaths: [path] });

/** The real file system, recording what is listed and opened; `override` replaces calls. */
function recordingFs(override: Partial<FolderFs> = {}): FolderFs & { listed: string[]; opened: string[] } {
  const listed: string[] = [];
  const opened: string[] = [];
  return {
    listed,
    opened,
    opendir: async (path) => {
      listed.push(path);
      return override.opendir ? override.opendir(path) : fsPromises.opendir(path);
    },
    lstat: (path) => (override.lstat ? override.lstat(path) : fsPromises.lstat(path)),
    realpath: (path) => (override.realpath ? override.realpath(path) : fsPromises.realpath(path)),
    open: async (path, flags) => {
      opened.push(path);
      return override.open ? override.open(path, flags) : fsPromises.open(path, flags);
    },
  };
}

const names = (files: ArticleFileResult[]): string[] => files.map((file) => file.name);
/** The entry main sends for a file or folder it did not read: the phrase and its English. */
const notRead = (name: string, why: Phrase): ArticleFileResult => ({ name, error: english(why), phrase: why });
/** The size phrase a refusal against a limit uses. */
const size = (bytes: number): Phrase => byteSizePhrase(bytes, 'whole-up');
/** A limit as refusals write it: rounded down, never more than the limit. */
const limitSize = (bytes: number): Phrase => byteSizePhrase(bytes, 'down');
const textOf = (file: ArticleFileResult | undefined): string | undefined =>
  file && 'bytes' in file ? decoder.decode(file.bytes) : undefined;

describe('openArticleFolder', () => {
  it('asks for one folder', () => {
    expect(folderDialogOptions(englishText)).toEqual({ title: 'Import a folder of articles', properties: ['openDirectory'] });
  });

  it('answers { cancelled: true } on cancel, without touching the disk', async () => {
    const fs = recordingFs();
    await tree(dir, { 'news/a.txt': 'x' });
    let asked = 0;
    const result = await openArticleFolder({
      t: englishText,
      showOpenDialog: async (options) => {
        asked += 1;
        expect(options).toEqual(folderDialogOptions(englishText));
        return { canceled: true, filePaths: [join(dir, 'news')] };
      },
      fs,
    });
    expect(result).toEqual({ cancelled: true });
    expect(asked).toBe(1);
    expect(fs.listed).toEqual([]);
    expect(fs.opened).toEqual([]);
    expect(OpenArticleFolderResponse.safeParse(result).success).toBe(true);
    // No folder chosen counts as a cancel too.
    await expect(openArticleFolder({ t: englishText, showOpenDialog: async () => ({ canceled: false, filePaths: [] }), fs })).resolves.toEqual({
      cancelled: true,
    });
  });

  it('reads the article files of nested folders, named relative to the parent with "/"', async () => {
    const cp1256 = new Uint8Array([0xc7, 0xe1, 0xde, 0xcf, 0xd3]);
    await tree(dir, {
      'news/a.txt': 'الخبر الأول',
      'news/2019/b.md': '# b',
      'news/2019/deep/c.html': '<p>c</p>',
      'news/2019/deep/d.csv': 'text\nd',
      'news/2019/deep/e.docx': 'not really a zip',
      'news/raw.txt': cp1256,
      'news/empty/.keep': '',
    });
    const result = await openArticleFolder({ t: englishText, showOpenDialog: chose(join(dir, 'news')) });
    if ('cancelled' in result) throw new Error('unexpected cancel');
    expect(names(result.files)).toEqual([
      'news/2019/b.md',
      'news/2019/deep/c.html',
      'news/2019/deep/d.csv',
      'news/2019/deep/e.docx',
      'news/a.txt',
      'news/raw.txt',
    ]);
    expect(textOf(result.files[4])).toBe('الخبر الأول');
    expect(textOf(result.files[0])).toBe('# b');
    const raw = result.files[5];
    expect(raw && 'bytes' in raw && raw.bytes).toEqual(cp1256); // bytes arrive undecoded
    expect(result.skipped).toEqual([{ name: 'news/empty/.keep', reason: 'hidden file' }]);
    for (const file of result.files) expect(file.name).not.toContain('\\');
    expect(OpenArticleFolderResponse.safeParse(result).success).toBe(true);
  });

  it('sorts names as a file manager does', async () => {
    await tree(dir, { 'n/10.txt': '10', 'n/2.txt': '2', 'n/1.txt': '1' });
    const { files } = await readArticleFolder(join(dir, 'n'));
    expect(names(files)).toEqual(['n/1.txt', 'n/2.txt', 'n/10.txt']);
  });

  it('skips hidden files and folders, reporting each, without opening a hidden folder', async () => {
    await tree(dir, {
      'news/.DS_Store': 'mac',
      'news/.hidden.txt': 'hidden article',
      'news/.git/config': '[core]',
      'news/.git/notes.txt': 'not an article of the corpus',
      'news/sub/.secret/x.txt': 'no',
      'news/sub/y.txt': 'yes',
    });
    const fs = recordingFs();
    const result = await readArticleFolder(join(dir, 'news'), { fs });
    expect(names(result.files)).toEqual(['news/sub/y.txt']);
    expect(result.skipped).toEqual([
      { name: 'news/.DS_Store', reason: 'hidden file' },
      { name: 'news/.git', reason: 'hidden folder (not opened)' },
      { name: 'news/.hidden.txt', reason: 'hidden file' },
      { name: 'news/sub/.secret', reason: 'hidden folder (not opened)' },
    ]);
    expect(fs.listed).toEqual([join(dir, 'news'), join(dir, 'news', 'sub')]);
    expect(fs.opened).toEqual([join(await fsPromises.realpath(dir), 'news', 'sub', 'y.txt')]);
  });

  it('reports files that are not articles as skipped, by relative name', async () => {
    await tree(dir, {
      'news/a.txt': 'a',
      'news/photo.jpg': 'jpeg',
      'news/2019/report.pdf': 'pdf',
      'news/2019/README': 'no extension',
      'news/2019/~$lock.docx': 'office lock',
      'news/Thumbs.db': 'windows',
    });
    const result = await readArticleFolder(join(dir, 'news'));
    expect(names(result.files)).toEqual(['news/a.txt']);
    expect(result.skipped).toEqual([
      // In the order of every folder walk (compareFolderPaths): code units, numbers by value.
      { name: 'news/2019/README', reason: NOT_AN_ARTICLE },
      { name: 'news/2019/report.pdf', reason: NOT_AN_ARTICLE },
      { name: 'news/2019/~$lock.docx', reason: NOT_AN_ARTICLE },
      { name: 'news/Thumbs.db', reason: NOT_AN_ARTICLE },
      { name: 'news/photo.jpg', reason: NOT_AN_ARTICLE },
    ]);
    expect(NOT_AN_ARTICLE).toBe('not an article file');
  });

  it.skipIf(process.platform === 'win32')('never follows symbolic links (to files or folders, inside or outside)', async () => {
    await tree(outside, { 'secret.txt': 'outside secret', 'docs/leak.txt': 'leak' });
    await tree(dir, { 'news/a.txt': 'a', 'news/sub/b.txt': 'b' });
    const news = join(dir, 'news');
    await symlink(join(outside, 'secret.txt'), join(news, 'outside.txt'));
    await symlink(join(outside, 'docs'), join(news, 'outside-folder'));
    await symlink(join(news, 'a.txt'), join(news, 'inside-link.txt'));
    await symlink(join(news, 'sub'), join(news, 'sub-link'));
    await symlink(news, join(news, 'sub', 'loop')); // a cycle, were it followed
    const fs = recordingFs();
    const result = await readArticleFolder(news, { fs });
    expect(names(result.files)).toEqual(['news/a.txt', 'news/sub/b.txt']);
    expect(result.skipped).toEqual([
      { name: 'news/inside-link.txt', reason: SYMBOLIC_LINK },
      { name: 'news/outside-folder', reason: SYMBOLIC_LINK },
      { name: 'news/outside.txt', reason: SYMBOLIC_LINK },
      { name: 'news/sub-link', reason: SYMBOLIC_LINK },
      { name: 'news/sub/loop', reason: SYMBOLIC_LINK },
    ]);
    expect(fs.listed).toEqual([news, join(news, 'sub')]);
    for (const opened of fs.opened) expect(opened.startsWith(await fsPromises.realpath(outside))).toBe(false);
    expect(JSON.stringify(result.files.map(textOf))).not.toContain('secret');
  });

  it.skipIf(process.platform === 'win32')('follows the chosen folder itself when it is a link the user picked', async () => {
    await tree(outside, { 'real/a.txt': 'a' });
    await symlink(join(outside, 'real'), join(dir, 'picked'));
    const result = await readArticleFolder(join(dir, 'picked'));
    expect(names(result.files)).toEqual(['picked/a.txt']);
  });

  it.skipIf(process.platform === 'win32')('skips pipes and other non-regular files without blocking on them', async () => {
    await tree(dir, { 'news/a.txt': 'a' });
    try {
      execFileSync('mkfifo', [join(dir, 'news', 'pipe.txt')]);
    } catch {
      return; // no mkfifo here
    }
    const result = await readArticleFolder(join(dir, 'news'));
    expect(names(result.files)).toEqual(['news/a.txt']);
    expect(result.skipped).toEqual([{ name: 'news/pipe.txt', reason: 'not a regular file' }]);
  });

  it('refuses an oversize file by name without reading it, and reads the others', async () => {
    await tree(dir, { 'news/big.txt': 'x'.repeat(101), 'news/small.txt': 'ok' });
    let bigReads = 0;
    const fs = recordingFs({
      open: async (path, flags) => {
        const handle = await fsPromises.open(path, flags);
        return {
          stat: () => handle.stat(),
          close: () => handle.close(),
          read: (buffer, offset, length, position) => {
            if (path.endsWith('big.txt')) bigReads += 1;
            return handle.read(buffer, offset, length, position);
          },
        };
      },
    });
    const result = await readArticleFolder(join(dir, 'news'), { fs, maxFileBytes: 100 });
    expect(result.files).toEqual([
      notRead('news/big.txt', phrase('file.tooLarge', { file: 'news/big.txt', size: size(101), limit: limitSize(100) })),
      { name: 'news/small.txt', bytes: encoder.encode('ok') },
    ]);
    expect(result.files[0]).toMatchObject({ error: '“news/big.txt” is too large to import (1 KB; the limit is 100 bytes).' });
    expect(bigReads).toBe(0);
  });

  it('uses the 20 MiB per-file limit by default', async () => {
    await mkdir(join(dir, 'news'));
    const handle = await fsPromises.open(join(dir, 'news', 'huge.txt'), 'w');
    await handle.truncate(20 * 1024 * 1024 + 1); // sparse
    await handle.close();
    const { files } = await readArticleFolder(join(dir, 'news'));
    expect(files).toEqual([notRead('news/huge.txt', phrase('file.tooLarge', { file: 'news/huge.txt', size: size(20 * 1024 * 1024 + 1), limit: limitSize(20 * 1024 * 1024) }))]);
    expect(files[0]).toMatchObject({ error: '“news/huge.txt” is too large to import (20.1 MB; the limit is 20 MB).' });
  });

  it('caps the total bytes of one reply and names the files left out', async () => {
    await tree(dir, { 'news/a.txt': 'z'.repeat(40), 'news/b/c.txt': 'z'.repeat(40), 'news/d.txt': 'z'.repeat(40) });
    const { files } = await readArticleFolder(join(dir, 'news'), { maxFileBytes: 50, maxTotalBytes: 100 });
    expect(files.map((file) => ('bytes' in file ? `${file.name}: ${file.bytes.byteLength}` : file.error))).toEqual([
      'news/a.txt: 40',
      'news/b/c.txt: 40',
      '“news/d.txt” was not opened: the folder’s article files together exceed 100 bytes. Import its subfolders one at a time.',
    ]);
    expect(files[2]).toEqual(notRead('news/d.txt', phrase('file.overFolderTotal', { file: 'news/d.txt', limit: limitSize(100) })));
    // A folder read for other files (a brat dataset) says "files", not "article files".
    const dataset = await readArticleFolder(join(dir, 'news'), { maxFileBytes: 50, maxTotalBytes: 100, accept: () => true });
    expect(dataset.files[2]).toEqual(notRead('news/d.txt', phrase('file.overFolderFilesTotal', { file: 'news/d.txt', limit: limitSize(100) })));
  });

  it('enters folders down to the depth limit and names the folder not entered', async () => {
    await tree(dir, { 'n/a.txt': 'a', 'n/l1/b.txt': 'b', 'n/l1/l2/c.txt': 'c', 'n/l1/l2/l3/d.txt': 'd', 'n/l1/l2/l3/l4/e.txt': 'e' });
    const { files } = await readArticleFolder(join(dir, 'n'), { maxDepth: 2 });
    expect(files).toEqual([
      { name: 'n/a.txt', bytes: encoder.encode('a') },
      { name: 'n/l1/b.txt', bytes: encoder.encode('b') },
      { name: 'n/l1/l2/c.txt', bytes: encoder.encode('c') },
      notRead('n/l1/l2/l3', phrase('folder.tooDeep', { folder: 'n/l1/l2/l3', count: 2 })),
    ]);
    expect(files[3]).toMatchObject({ error: 'The folder “n/l1/l2/l3” was not opened: it is nested more than 2 folders deep.' });
    expect(OpenArticleFolderResponse.safeParse({ files, skipped: [] }).success).toBe(true);
  });

  it(`caps the depth at ${MAX_FOLDER_DEPTH} folders by default`, async () => {
    expect(MAX_FOLDER_DEPTH).toBe(32);
    const levels = Array.from({ length: MAX_FOLDER_DEPTH + 1 }, (_, index) => `d${index + 1}`);
    await tree(dir, {
      [`n/${levels.slice(0, MAX_FOLDER_DEPTH).join('/')}/deepest-read.txt`]: 'ok',
      [`n/${levels.join('/')}/too-deep.txt`]: 'no',
    });
    const { files } = await readArticleFolder(join(dir, 'n'));
    expect(files.map((file) => ('bytes' in file ? file.name.split('/').pop() : file.error))).toEqual([
      expect.stringMatching(/^The folder “n\/d1\/.*\/d33” was not opened: it is nested more than 32 folders deep\.$/),
      'deepest-read.txt',
    ]);
  });

  it('stops after the entry limit with a clear error entry', async () => {
    expect(MAX_FOLDER_ENTRIES).toBe(100_000);
    const files: Record<string, string> = {};
    for (let index = 1; index <= 8; index += 1) files[`n/${index}.txt`] = String(index);
    await tree(dir, files);
    const fs = recordingFs();
    const result = await readArticleFolder(join(dir, 'n'), { fs, maxEntries: 5 });
    // Five entries are looked at (which five is up to the file system's listing order).
    expect(result.files.filter((file) => 'bytes' in file)).toHaveLength(5);
    expect(result.files.at(-1)).toEqual(notRead('n', phrase('folder.tooManyEntries', { folder: 'n', count: 5 })));
    expect(result.files.at(-1)).toMatchObject({
      error: 'The folder “n” holds more than 5 files and folders; only the first 5 were looked at. Import its subfolders one at a time.',
    });
    expect(result.files).toHaveLength(6);
    expect(fs.opened).toHaveLength(5);
  });

  it('enters no further folder once the entry limit is reached', async () => {
    await tree(dir, { 'n/sub1/1.txt': '1', 'n/sub1/2.txt': '2', 'n/sub1/3.txt': '3', 'n/sub2/4.txt': '4' });
    const fs = recordingFs();
    const { files } = await readArticleFolder(join(dir, 'n'), { fs, maxEntries: 4 });
    expect(fs.listed).toEqual([join(dir, 'n'), join(dir, 'n', 'sub1')]);
    expect(files.filter((file) => 'bytes' in file).map((file) => file.name.slice(0, 7))).toEqual(['n/sub1/', 'n/sub1/']);
    expect(files.at(-1)).toEqual(notRead('n', phrase('folder.tooManyEntries', { folder: 'n', count: 4 })));
  });

  it('does not report the limit when the tree is exactly at it', async () => {
    await tree(dir, { 'n/a.txt': 'a', 'n/b.txt': 'b' });
    const { files } = await readArticleFolder(join(dir, 'n'), { maxEntries: 2 });
    expect(names(files)).toEqual(['n/a.txt', 'n/b.txt']);
    expect(files.every((file) => 'bytes' in file)).toBe(true);
  });

  it('reads only inside the chosen folder, checking each resolved path', async () => {
    await tree(dir, { 'news/a.txt': 'a', 'news/b.txt': 'b' });
    await tree(outside, { 'b.txt': 'outside' });
    const realNews = await fsPromises.realpath(join(dir, 'news'));
    // A file that resolves elsewhere (swapped for a link after the listing, say).
    const fs = recordingFs({
      realpath: async (path) => (path.endsWith('b.txt') ? join(outside, 'b.txt') : fsPromises.realpath(path)),
    });
    const { files } = await readArticleFolder(join(dir, 'news'), { fs });
    expect(files).toEqual([
      { name: 'news/a.txt', bytes: encoder.encode('a') },
      notRead('news/b.txt', phrase('file.notRead', { file: 'news/b.txt', reason: phrase('readRefused.outside') })),
    ]);
    expect(files[1]).toMatchObject({ error: '“news/b.txt” was not read: it is outside the chosen folder.' });
    expect(fs.opened).toEqual([join(realNews, 'a.txt')]);
  });

  it('refuses a file replaced between the check and the read', async () => {
    await tree(dir, { 'news/a.txt': 'a', 'news/b.txt': 'b' });
    const fs = recordingFs({
      open: async (path, flags) => fsPromises.open(path.endsWith('a.txt') ? path.replace(/a\.txt$/, 'b.txt') : path, flags),
    });
    const { files } = await readArticleFolder(join(dir, 'news'), { fs });
    expect(files).toEqual([
      notRead('news/a.txt', phrase('file.notRead', { file: 'news/a.txt', reason: phrase('readRefused.changed') })),
      { name: 'news/b.txt', bytes: encoder.encode('b') },
    ]);
    expect(files[0]).toMatchObject({ error: '“news/a.txt” was not read: it changed while the folder was being read.' });
  });

  it('does not enter a subfolder that resolves outside the chosen folder', async () => {
    await tree(dir, { 'news/sub/a.txt': 'a', 'news/b.txt': 'b' });
    const fs = recordingFs({
      realpath: async (path) => (path.endsWith('sub') ? outside : fsPromises.realpath(path)),
    });
    const { files } = await readArticleFolder(join(dir, 'news'), { fs });
    expect(files).toEqual([
      { name: 'news/b.txt', bytes: encoder.encode('b') },
      notRead('news/sub', phrase('folder.notRead', { folder: 'news/sub', reason: phrase('readRefused.outside') })),
    ]);
    expect(files[1]).toMatchObject({ error: 'The folder “news/sub” was not read: it is outside the chosen folder.' });
    expect(fs.listed).toEqual([join(dir, 'news')]);
  });

  it('reports an unreadable subfolder by name and reads the rest', async () => {
    await tree(dir, { 'news/locked/a.txt': 'a', 'news/b.txt': 'b' });
    const fs = recordingFs({
      opendir: async (path) => {
        if (path.endsWith('locked')) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
        return fsPromises.opendir(path);
      },
    });
    const { files } = await readArticleFolder(join(dir, 'news'), { fs });
    expect(files).toEqual([
      { name: 'news/b.txt', bytes: encoder.encode('b') },
      notRead('news/locked', phrase('folder.unreadable', { folder: 'news/locked', error: phrase('readError.denied') })),
    ]);
    expect(files[1]).toMatchObject({ error: 'The folder “news/locked” could not be read: permission denied.' });
  });

  it('reports a chosen folder that vanished or is a file', async () => {
    await expect(readArticleFolder(join(dir, 'gone'))).resolves.toEqual({
      files: [notRead('gone', phrase('folder.unreadable', { folder: 'gone', error: phrase('readError.folderGone') }))],
      skipped: [],
    });
    expect(english(phrase('folder.unreadable', { folder: 'gone', error: phrase('readError.folderGone') }))).toBe('The folder “gone” could not be read: it no longer exists.');
    await tree(dir, { 'file.txt': 'x' });
    await expect(readArticleFolder(join(dir, 'file.txt'))).resolves.toEqual({
      files: [{ name: 'file.txt', error: '“file.txt” is not a folder.', phrase: phrase('folder.notFolder', { folder: 'file.txt' }) }],
      skipped: [],
    });
  });

  it('answers an empty folder with empty lists', async () => {
    await mkdir(join(dir, 'empty'));
    const result = await openArticleFolder({ t: englishText, showOpenDialog: chose(join(dir, 'empty')) });
    expect(result).toEqual({ files: [], skipped: [] });
    expect(OpenArticleFolderResponse.safeParse(result).success).toBe(true);
  });
});

describe('isInsideFolder', () => {
  it('accepts the folder and what lies below it, nothing else', () => {
    expect(isInsideFolder('/home/u/news', '/home/u/news')).toBe(true);
    expect(isInsideFolder('/home/u/news', '/home/u/news/2019/a.txt')).toBe(true);
    expect(isInsideFolder('/home/u/news', '/home/u/news/..a.txt')).toBe(true);
    expect(isInsideFolder('/home/u/news', '/home/u/news-evil/a.txt')).toBe(false);
    expect(isInsideFolder('/home/u/news', '/home/u/a.txt')).toBe(false);
    expect(isInsideFolder('/home/u/news', '/etc/passwd')).toBe(false);
    expect(isInsideFolder('/home/u/news', '/home/u/news/../x')).toBe(false);
  });
});

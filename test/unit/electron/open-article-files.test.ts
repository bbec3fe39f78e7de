import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenArticleFilesResponse } from '../../../shared/ipc/contract';
import { MAX_ARTICLE_FILE_BYTES } from '../../../shared/ipc/contract';
import { SUPPORTED_EXTENSIONS } from '../../../shared/formats/intake';
import { english, phrase, type Phrase } from '../../../shared/phrases/phrase';
import { byteSizePhrase } from '../../../shared/phrases/sizes';
import { createTranslator } from '../../../shared/i18n/i18n';
import {
  ReadRefusedError,
  articleFileFilters,
  openArticleFiles,
  openDialogOptions,
  readArticleFile,
  readErrorPhrase,
  readFilesWithinLimits,
} from '../../../electron/main/ipc/open-article-files';
import type { ReadFs, ShowOpenDialog } from '../../../electron/main/ipc/open-article-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-open-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chose =
  (...paths: string[]): ShowOpenDialog =>
  async () => ({ canceled: false, filePaths: paths });

const encoder = new TextEncoder();
/** The dialog's words in English, as the tests read them. */
const englishText = createTranslator('en');

/** The size phrase a refusal against a limit uses (KB rounded up, MB to a tenth). */
const size = (bytes: number) => byteSizePhrase(bytes, 'whole-up');
/** A limit as refusals write it: rounded down, never more than the limit. */
const limitSize = (bytes: number): Phrase => byteSizePhrase(bytes, 'down');

/** The real fs, but `open` of the given paths fails with `code`. */
function fsFailingOn(paths: string[], code: string): ReadFs & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    open: async (path, flags) => {
      opened.push(path);
      if (paths.includes(path)) throw Object.assign(new Error(`${code}: simulated`), { code });
      return fsPromises.open(path, flags);
    },
  };
}

describe('openArticleFiles', () => {
  it('offers every article format intake reads, then all files, several at once', () => {
    const options = openDialogOptions(englishText);
    expect(options.title).toBe('Open articles');
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    const filters = options.filters ?? [];
    // The first (default) filter is every supported extension, straight from intake.
    expect(filters[0]).toEqual({ name: 'Articles', extensions: [...SUPPORTED_EXTENSIONS] });
    expect(filters[0]?.extensions).toEqual(
      expect.arrayContaining(['txt', 'md', 'html', 'htm', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'docx']),
    );
    expect(filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    // The per-kind filters between them cover exactly the supported extensions, once each.
    const grouped = filters.slice(1, -1).flatMap((filter) => filter.extensions);
    expect([...grouped].sort()).toEqual([...SUPPORTED_EXTENSIONS].sort());
    expect(filters.find((filter) => filter.name === 'Word documents')?.extensions).toEqual(['docx']);
    expect(filters.find((filter) => filter.name === 'Web pages')?.extensions).toEqual(expect.arrayContaining(['html', 'htm']));
  });

  it('groups extensions it does not know under their own name', () => {
    expect(articleFileFilters(englishText, ['txt', 'xyz'])).toEqual([
      { name: 'Articles', extensions: ['txt', 'xyz'] },
      { name: 'Text and Markdown', extensions: ['txt'] },
      { name: 'XYZ files', extensions: ['xyz'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('returns an empty list when the dialog is cancelled, without touching the disk', async () => {
    const fs = fsFailingOn([], 'EIO');
    const result = await openArticleFiles({
      t: englishText,
      showOpenDialog: async () => ({ canceled: true, filePaths: [join(dir, 'ignored.txt')] }),
      fs,
    });
    expect(result).toEqual({ files: [] });
    expect(fs.opened).toEqual([]);
  });

  it('reads several chosen files, in order, as raw bytes with their base names', async () => {
    const a = join(dir, 'خبر.txt');
    const b = join(dir, 'corpus.json');
    const cp1256 = new Uint8Array([0xc7, 0xe1, 0xde, 0xcf, 0xd3]); // not UTF-8: must arrive untouched
    await writeFile(a, 'الخبر الأول\n');
    await writeFile(b, cp1256);
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(a, b) });
    expect(result.files.map((file) => file.name)).toEqual(['خبر.txt', 'corpus.json']);
    const [first, second] = result.files;
    expect(first && 'bytes' in first && first.bytes).toEqual(encoder.encode('الخبر الأول\n'));
    expect(second && 'bytes' in second && second.bytes).toEqual(cp1256);
    // What crosses IPC is exactly the file: no larger backing buffer.
    for (const file of result.files) {
      if ('bytes' in file) expect(file.bytes.buffer.byteLength).toBe(file.bytes.byteLength);
    }
    expect(OpenArticleFilesResponse.safeParse(result).success).toBe(true);
  });

  it('reads an empty file as zero bytes', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(empty) });
    expect(result.files).toEqual([{ name: 'empty.txt', bytes: new Uint8Array(0) }]);
  });

  it('refuses an oversize file by name without reading it, and still reads the others', async () => {
    const big = join(dir, 'huge.txt');
    const small = join(dir, 'small.txt');
    await writeFile(big, 'x'.repeat(101));
    await writeFile(small, 'ok');
    let reads = 0;
    const fs: ReadFs = {
      open: async (path, flags) => {
        const handle = await fsPromises.open(path, flags);
        return {
          stat: () => handle.stat(),
          close: () => handle.close(),
          read: (buffer, offset, length, position) => {
            if (path === big) reads += 1;
            return handle.read(buffer, offset, length, position);
          },
        };
      },
    };
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(big, small), fs, maxFileBytes: 100 });
    expect(result.files).toHaveLength(2);
    const [refused, read] = result.files;
    expect(refused).toEqual({
      name: 'huge.txt',
      error: '“huge.txt” is too large to import (1 KB; the limit is 100 bytes).',
      phrase: phrase('file.tooLarge', { file: 'huge.txt', size: size(101), limit: limitSize(100) }),
    });
    expect(reads).toBe(0);
    expect(read).toEqual({ name: 'small.txt', bytes: encoder.encode('ok') });
  });

  it('uses a 20 MiB limit by default', async () => {
    expect(MAX_ARTICLE_FILE_BYTES).toBe(20 * 1024 * 1024);
    const big = join(dir, 'big.txt');
    const handle = await fsPromises.open(big, 'w');
    await handle.truncate(MAX_ARTICLE_FILE_BYTES + 1); // sparse: no 20 MiB written
    await handle.close();
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(big) });
    expect(result.files).toEqual([
      {
        name: 'big.txt',
        error: '“big.txt” is too large to import (20.1 MB; the limit is 20 MB).',
        phrase: phrase('file.tooLarge', { file: 'big.txt', size: phrase('size.megabytes', { size: 20.1 }), limit: phrase('size.megabytes', { size: 20 }) }),
      },
    ]);
  });

  it('accepts a file of exactly the limit', async () => {
    const edge = join(dir, 'edge.txt');
    await writeFile(edge, 'y'.repeat(100));
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(edge), maxFileBytes: 100 });
    const [entry] = result.files;
    expect(entry && 'bytes' in entry && entry.bytes.byteLength).toBe(100);
  });

  it('notices a file that grows past the limit while being read', async () => {
    const path = join(dir, 'growing.log');
    await writeFile(path, 'abc');
    const fs: ReadFs = {
      open: async (p, flags) => {
        const handle = await fsPromises.open(p, flags);
        return {
          stat: () => handle.stat(), // says 3 bytes
          close: () => handle.close(),
          read: async (buffer, offset, length) => {
            buffer.fill(0x61, offset, offset + length); // ...but data keeps coming
            return { bytesRead: length };
          },
        };
      },
    };
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(path), fs, maxFileBytes: 10 });
    expect(result.files).toEqual([
      { name: 'growing.log', error: expect.stringContaining('is too large to import'), phrase: phrase('file.tooLarge', { file: 'growing.log', size: size(11), limit: limitSize(10) }) },
    ]);
  });

  it('reports an unreadable, a vanished and a folder entry by name, and reads the rest', async () => {
    const locked = join(dir, 'locked.txt');
    const gone = join(dir, 'gone.txt');
    const folder = join(dir, 'folder.md');
    const fine = join(dir, 'fine.md');
    await writeFile(locked, 'secret');
    await mkdir(folder);
    await writeFile(fine, '# ok');
    const fs = fsFailingOn([locked], 'EACCES');
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(locked, gone, folder, fine), fs });
    expect(result.files).toEqual([
      {
        name: 'locked.txt',
        error: '“locked.txt” could not be read: permission denied.',
        phrase: phrase('file.unreadable', { file: 'locked.txt', error: phrase('readError.denied') }),
      },
      {
        name: 'gone.txt',
        error: '“gone.txt” could not be read: the file no longer exists.',
        phrase: phrase('file.unreadable', { file: 'gone.txt', error: phrase('readError.fileGone') }),
      },
      {
        name: 'folder.md',
        error: expect.stringMatching(/^“folder\.md” is (not a regular file|a folder)/),
        phrase: { code: expect.stringMatching(/^file\.(notRegular|isFolder)$/), params: { file: 'folder.md' } },
      },
      { name: 'fine.md', bytes: encoder.encode('# ok') },
    ]);
    expect(OpenArticleFilesResponse.safeParse(result).success).toBe(true);
  });

  it('never throws for a read error mid-file', async () => {
    const path = join(dir, 'bad-sector.txt');
    await writeFile(path, 'data');
    const fs: ReadFs = {
      open: async (p, flags) => {
        const handle = await fsPromises.open(p, flags);
        return {
          stat: () => handle.stat(),
          close: () => handle.close(),
          read: async () => {
            throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          },
        };
      },
    };
    const entry = await readArticleFile(path, 100, fs);
    expect(entry).toEqual({
      name: 'bad-sector.txt',
      error: '“bad-sector.txt” could not be read (EIO).',
      phrase: phrase('file.readFailed', { file: 'bad-sector.txt', detail: 'EIO' }),
    });
  });

  it('caps the total size of one reply and names the files left out', async () => {
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(dir, name));
    for (const path of paths) await writeFile(path, 'z'.repeat(40));
    const result = await openArticleFiles({ t: englishText, showOpenDialog: chose(...paths), maxFileBytes: 50, maxTotalBytes: 100 });
    expect(result.files.map((file) => ('bytes' in file ? file.bytes.byteLength : file.error))).toEqual([
      40,
      40,
      '“c.txt” was not opened: the files chosen together exceed 100 bytes. Open it on its own.',
    ]);
    expect(result.files[2]).toMatchObject({ phrase: phrase('file.overChosenTotal', { file: 'c.txt', limit: limitSize(100) }) });
    expect(OpenArticleFilesResponse.safeParse(result).success).toBe(true);
  });

  it('reads files under the names given, with the same limits (shared with the folder import)', async () => {
    const paths = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => join(dir, name));
    await writeFile(paths[0] as string, 'z'.repeat(40));
    await writeFile(paths[1] as string, 'z'.repeat(60)); // over the per-file limit
    await writeFile(paths[2] as string, 'z'.repeat(40));
    await writeFile(paths[3] as string, 'z'.repeat(40)); // over the total
    const files = await readFilesWithinLimits(paths, ['news/a.txt', 'news/b.txt', 'news/2019/c.txt', 'news/d.txt'], {
      maxFileBytes: 50,
      maxTotalBytes: 100,
      overTotal: (name, limit) => phrase('file.skipped', { file: name, reason: limit }),
    });
    const tooLarge = phrase('file.tooLarge', { file: 'news/b.txt', size: size(60), limit: limitSize(50) });
    const leftOut = phrase('file.skipped', { file: 'news/d.txt', reason: limitSize(100) });
    expect(files).toEqual([
      { name: 'news/a.txt', bytes: encoder.encode('z'.repeat(40)) },
      { name: 'news/b.txt', error: english(tooLarge), phrase: tooLarge },
      { name: 'news/2019/c.txt', bytes: encoder.encode('z'.repeat(40)) },
      { name: 'news/d.txt', error: '“news/d.txt” skipped: 100 bytes.', phrase: leftOut },
    ]);
    await expect(readFilesWithinLimits(paths, ['one'])).rejects.toThrow(/one name per path/);
  });

  it('phrases a refusal of the file system by name, its reason nested', () => {
    const refusal = new ReadRefusedError('readRefused.outside');
    expect(refusal.message).toBe('Refused to read: it is outside the chosen folder');
    const said = readErrorPhrase('a/b.txt', refusal);
    expect(said).toEqual(phrase('file.notRead', { file: 'a/b.txt', reason: phrase('readRefused.outside') }));
    expect(english(said)).toBe('“a/b.txt” was not read: it is outside the chosen folder.');
  });

  it('phrases each kind of read error, and an unknown one by its code or message', () => {
    const failed = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
    expect(english(readErrorPhrase('a.txt', failed('EPERM')))).toBe('“a.txt” could not be read: permission denied.');
    expect(english(readErrorPhrase('a.txt', failed('EBUSY')))).toBe('“a.txt” could not be read: the file is locked by another program.');
    expect(readErrorPhrase('a', failed('EISDIR'))).toEqual(phrase('file.isFolder', { file: 'a' }));
    expect(english(readErrorPhrase('a', failed('EISDIR')))).toBe('“a” is a folder, not a file.');
    expect(readErrorPhrase('a.txt', new Error('disk on fire'))).toEqual(phrase('file.readFailed', { file: 'a.txt', detail: 'disk on fire' }));
    expect(readErrorPhrase('a.txt', 'thrown text')).toEqual(phrase('file.readFailed', { file: 'a.txt', detail: 'thrown text' }));
  });
});

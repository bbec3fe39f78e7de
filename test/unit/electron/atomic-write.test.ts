import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempNameFor, tempPathFor, writeFileAtomic } from '../../../electron/main/atomic-write';
import type { AtomicWriteFs } from '../../../electron/main/atomic-write';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real fs, with rename replaced. */
function fsWithRename(rename: AtomicWriteFs['rename']): AtomicWriteFs {
  return {
    open: (path, flags, mode) => fsPromises.open(path, flags, mode),
    rm: (path, options) => fsPromises.rm(path, options),
    rename,
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file with the exact contents (UTF-8) and leaves no temp file', async () => {
    const target = join(dir, 'export.json');
    const text = '{"title":"إسناد — خبر"}\n';
    await writeFileAtomic(target, text);
    expect(await readFile(target, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('replaces an existing file and writes bytes as given', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'old contents that are longer than the new ones');
    await writeFileAtomic(target, new Uint8Array([0x7b, 0x7d]));
    expect(await readFile(target, 'utf8')).toBe('{}');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('writes through a temp file in the same folder, synced before the rename', async () => {
    const target = join(dir, 'export.json');
    const calls: string[] = [];
    const fs: AtomicWriteFs = {
      open: async (path, flags, mode) => {
        const handle = await fsPromises.open(path, flags, mode);
        calls.push(`open ${path === dir ? 'dir' : path.startsWith(dir) ? 'in-dir' : 'elsewhere'} ${flags}`);
        return {
          writeFile: async (data, options) => {
            calls.push('write');
            await handle.writeFile(data, options);
          },
          sync: async () => {
            calls.push('sync');
            await handle.sync();
          },
          close: async () => {
            calls.push('close');
            await handle.close();
          },
        };
      },
      rename: async (from, to) => {
        calls.push('rename');
        expect(to).toBe(target);
        expect(isTempNameFor('export.json', from.slice(dir.length + 1))).toBe(true);
        await fsPromises.rename(from, to);
      },
      rm: (path, options) => fsPromises.rm(path, options),
    };
    await writeFileAtomic(target, 'x', { fs, platform: 'linux' });
    expect(calls.slice(0, 5)).toEqual(['open in-dir wx', 'write', 'sync', 'close', 'rename']);
    expect(await readFile(target, 'utf8')).toBe('x');
  });

  it('leaves the existing target untouched and removes the temp file when the rename fails', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'precious');
    const failure = Object.assign(new Error('EXDEV: simulated rename failure'), { code: 'EXDEV' });
    const fs = fsWithRename(async () => {
      throw failure;
    });
    await expect(writeFileAtomic(target, 'new', { fs, platform: 'linux' })).rejects.toBe(failure);
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('fails cleanly when a directory is in the way of the target', async () => {
    const target = join(dir, 'export.json');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const target = join(dir, 'missing', 'export.json');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temp file when the write itself fails', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'precious');
    const fs: AtomicWriteFs = {
      open: async (path, flags, mode) => {
        const handle = await fsPromises.open(path, flags, mode);
        return {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename: (from, to) => fsPromises.rename(from, to),
      rm: (path, options) => fsPromises.rm(path, options),
    };
    await expect(writeFileAtomic(target, 'new', { fs, platform: 'linux' })).rejects.toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('retries a briefly locked rename on Windows only', async () => {
    const target = join(dir, 'export.json');
    let attempts = 0;
    const flaky = fsWithRename(async (from, to) => {
      attempts += 1;
      if (attempts < 3) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      await fsPromises.rename(from, to);
    });
    await writeFileAtomic(target, 'ok', { fs: flaky, platform: 'win32' });
    expect(attempts).toBe(3);
    expect(await readFile(target, 'utf8')).toBe('ok');

    attempts = 0;
    await expect(writeFileAtomic(target, 'again', { fs: flaky, platform: 'linux' })).rejects.toThrow('EPERM');
    expect(attempts).toBe(1);
    expect(await readFile(target, 'utf8')).toBe('ok');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('names temp files next to the target with a random suffix', () => {
    const a = tempPathFor(join(dir, 'out.json'));
    const b = tempPathFor(join(dir, 'out.json'));
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, '.out.json.'))).toBe(true);
    expect(a.endsWith('.tmp')).toBe(true);
  });
});

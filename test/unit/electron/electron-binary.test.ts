import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultExecutableName, findElectronBinary } from '../../electron/electron-binary';

let dir: string;
let pkg: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-electron-bin-'));
  pkg = join(dir, 'node_modules', 'electron');
  await mkdir(pkg, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function executable(path: string, mode = 0o755): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, mode);
}

const linux = { platform: 'linux' as const };

describe('findElectronBinary', () => {
  it('reports a missing path.txt (binary never downloaded)', () => {
    const result = findElectronBinary({ electronPackageDir: pkg, env: {}, ...linux });
    expect(result).toEqual({ found: false, reason: expect.stringContaining('path.txt is missing') });
  });

  it('reports path.txt pointing at a missing dist', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    const result = findElectronBinary({ electronPackageDir: pkg, env: {}, ...linux });
    expect(result).toEqual({ found: false, reason: expect.stringContaining(join(pkg, 'dist', 'electron')) });
  });

  it('finds dist/<path.txt>', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await executable(join(pkg, 'dist', 'electron'));
    expect(findElectronBinary({ electronPackageDir: pkg, env: {}, ...linux })).toEqual({
      found: true,
      executablePath: join(pkg, 'dist', 'electron'),
    });
  });

  it('refuses a non-executable file on POSIX', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await executable(join(pkg, 'dist', 'electron'), 0o644);
    const result = findElectronBinary({ electronPackageDir: pkg, env: {}, ...linux });
    // root may execute anything with any x bit; with none it may not.
    expect(result.found).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt', async () => {
    const override = join(dir, 'custom-electron');
    await executable(join(override, 'electron'));
    expect(findElectronBinary({ electronPackageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, ...linux })).toEqual({
      found: true,
      executablePath: join(override, 'electron'),
    });
    await writeFile(join(pkg, 'path.txt'), 'bin/electron-custom');
    await executable(join(override, 'bin', 'electron-custom'));
    expect(findElectronBinary({ electronPackageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, ...linux })).toEqual({
      found: true,
      executablePath: join(override, 'bin', 'electron-custom'),
    });
  });

  it('reports an override folder without the executable, even if dist has one', async () => {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await executable(join(pkg, 'dist', 'electron'));
    const override = join(dir, 'empty');
    await mkdir(override);
    const result = findElectronBinary({ electronPackageDir: pkg, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, ...linux });
    expect(result).toEqual({ found: false, reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
  });

  it('knows the executable names per platform', () => {
    expect(defaultExecutableName('linux')).toBe('electron');
    expect(defaultExecutableName('win32')).toBe('electron.exe');
    expect(defaultExecutableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('reports the real state of this checkout', () => {
    const result = findElectronBinary({ electronPackageDir: join(import.meta.dirname, '..', '..', '..', 'node_modules', 'electron') });
    if (!result.found) expect(result.reason).not.toBe('');
    else expect(result.executablePath).toMatch(/electron|Electron/);
  });
});

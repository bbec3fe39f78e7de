/**
 * Atomic file replacement: the target either keeps its old contents or gets all of the new
 * ones, never a truncated mix, even if the app or the machine dies mid-write.
 */
import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file handle operations `writeFileAtomic` uses (a subset of `FileHandle`). */
export interface AtomicWriteFileHandle {
  writeFile(data: string | Uint8Array, options?: { encoding?: 'utf8' }): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system functions `writeFileAtomic` uses; `node:fs/promises` by default. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

/** Options of {@link writeFileAtomic}, mostly for tests. */
export interface AtomicWriteOptions {
  /** File-system functions to use instead of `node:fs/promises`. */
  fs?: AtomicWriteFs;
  /** Platform whose rename quirks to handle (retries on Windows); `process.platform` by default. */
  platform?: NodeJS.Platform;
}

const nodeFs: AtomicWriteFs = {
  open: (path, flags, mode) => fsPromises.open(path, flags, mode),
  rename: (from, to) => fsPromises.rename(from, to),
  rm: (path, options) => fsPromises.rm(path, options),
};

/** The temporary file name used next to `target`: hidden, same folder, random suffix. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a temporary file name was made by {@link tempPathFor} for `targetName`. */
export function isTempNameFor(targetName: string, candidate: string): boolean {
  return candidate.startsWith(`.${targetName}.`) && /\.[0-9a-f]{12}\.tmp$/.test(candidate);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * On Windows a rename over a file that another process (an indexer, an antivirus) has
 * just opened fails briefly with EPERM/EACCES/EBUSY; retry a few times before giving up.
 */
async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  const delays = platform === 'win32' ? [20, 50, 100, 200, 400] : [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const delay = delays[attempt];
      if (delay === undefined || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await sleep(delay);
    }
  }
}

/** Flushes a directory entry (the rename) to disk where the platform allows it; best effort. */
async function syncDirectory(fs: AtomicWriteFs, dir: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return; // Directories cannot be opened for fsync on Windows.
  let handle: AtomicWriteFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // The data itself is already synced; losing only the rename on power loss is acceptable.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` (a string is written as UTF-8) to `target` atomically: writes a temporary
 * file in the same folder (so the rename never crosses file systems), fsyncs it, then
 * renames it over `target`. On any failure the temporary file is removed, `target` is left
 * as it was, and the error is rethrown.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const temp = tempPathFor(target);
  let handle: AtomicWriteFileHandle | undefined;
  try {
    // 'wx': create exclusively, so an existing file (or a planted symlink) is never reused.
    handle = await fs.open(temp, 'wx', 0o666);
    await handle.writeFile(data, typeof data === 'string' ? { encoding: 'utf8' } : undefined);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    await renameWithRetry(fs, temp, target, platform);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dirname(target), platform);
}

/**
 * The atomic write under a real crash: a child Node process runs `writeFileAtomic` and is
 * killed with SIGKILL (no cleanup runs) at a chosen step. The target must hold either its old
 * contents or all of the new ones, never a part.
 */
import { fork } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempNameFor, writeFileAtomic } from '../../../electron/main/atomic-write';

let dir: string;
let child: string;

/** The child: writes `size` characters to the target, and stops (hangs) at `step`, telling the parent. */
const CHILD = `
import * as fs from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.mjs';
const [target, step, size] = process.argv.slice(2);
const hang = (where) => { process.send(where); return new Promise(() => undefined); };
const data = 'ب'.repeat(Number(size));
await writeFileAtomic(target, data, {
  platform: 'linux',
  fs: {
    open: async (path, flags, mode) => {
      const handle = await fs.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      return {
        writeFile: async (d, o) => {
          if (step === 'mid-write') {
            await handle.write(d.slice(0, d.length / 2), null, 'utf8');
            await hang('mid-write');
          }
          await handle.writeFile(d, o);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    rename: async (from, to) => {
      if (step === 'before-rename') await hang('before-rename');
      await fs.rename(from, to);
    },
    rm: (path, options) => fs.rm(path, options),
  },
});
process.send('done');
await hang('after');
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-crash-'));
  const source = await readFile(fileURLToPath(new URL('../../../electron/main/atomic-write.ts', import.meta.url)), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  await writeFile(join(dir, 'atomic-write.mjs'), outputText);
  child = join(dir, 'child.mjs');
  await writeFile(child, CHILD);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the child until it reports `step`, then kills it with SIGKILL. */
function crashAt(target: string, step: 'mid-write' | 'before-rename' | 'done', size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = fork(child, [target, step, String(size)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    proc.stderr!.on('data', (chunk) => (stderr += chunk));
    proc.on('message', (message) => {
      if (message === step) proc.kill('SIGKILL');
    });
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child ended without being killed: ${stderr}`))));
  });
}

describe('writeFileAtomic when the process is killed', () => {
  const size = 2_000_000; // 4 MB of UTF-8

  it.each(['mid-write', 'before-rename'] as const)('killed %s: the old file is intact, whole', async (step) => {
    const target = join(dir, `export-${step}.json`);
    await writeFile(target, 'the previous export');
    await crashAt(target, step, size);
    expect(await readFile(target, 'utf8')).toBe('the previous export');
    // What is left is a hidden temporary file, never the target's name; the next save works.
    const left = (await readdir(dir)).filter((name) => name.includes(`export-${step}.json`) && name !== `export-${step}.json`);
    expect(left.length).toBeLessThanOrEqual(1);
    for (const name of left) expect(isTempNameFor(`export-${step}.json`, name)).toBe(true);
    await writeFileAtomic(target, 'the next export');
    expect(await readFile(target, 'utf8')).toBe('the next export');
  });

  it('killed just after it returned: the new file is complete', async () => {
    const target = join(dir, 'export-done.json');
    await writeFile(target, 'the previous export');
    await crashAt(target, 'done', size);
    const text = await readFile(target, 'utf8');
    expect(text.length).toBe(size);
    expect(text).toBe('ب'.repeat(size));
  });
});

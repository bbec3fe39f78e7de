/**
 * Packages the built app with electron-builder (`--dir --linux`, offline) against a
 * stand-in Electron distribution, then checks what went into resources/app.asar: the
 * bundles and package.json, and nothing else (no node_modules, sources, maps or .env).
 *
 * The stand-in is a shell script carrying Electron's fuse sentinel, so the configured
 * Electron fuses are flipped in it exactly as in a real binary and can be checked too.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISNAD_API_KEY, ISNAD_API_METHODS } from '../../shared/ipc/channels';

const root = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** Electron's fuse wire marker (from @electron/fuses), followed by version 1 and 8 fuses. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtraPrivileges. */
const DEFAULT_FUSES = '10110001';

const REQUIRED_BUILD_FILES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

let work: string;
let asarPath: string;
let executablePath: string;
let entries: string[];

async function makeStandInElectron(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging tests: it cannot run the app" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(`${DEFAULT_FUSES}\n`, 'latin1'),
  ]);
  await writeFile(join(dir, 'electron'), script);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), await readFile(join(root, 'node_modules', 'electron', 'LICENSE')));
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  await writeFile(join(dir, 'version'), version);
}

beforeAll(async () => {
  const missing = REQUIRED_BUILD_FILES.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    throw new Error(`The app is not built (missing ${missing.join(', ')}). Run \`npm run build\` before \`npm run test:package\`.`);
  }
  const electronPackage = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  };
  work = await mkdtemp(join(tmpdir(), 'isnad-package-'));
  const dist = join(work, 'electron-dist');
  const output = join(work, 'release');
  await makeStandInElectron(dist, electronPackage.version);

  const builder = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  const args = [
    '--config',
    'electron.builder.yml',
    '--dir',
    '--linux',
    `-c.electronDist=${dist}`,
    `-c.electronVersion=${electronPackage.version}`,
    `-c.directories.output=${output}`,
  ];
  try {
    await run(builder, args, {
      cwd: root,
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        // No signing identity lookup (macOS keychain / Windows certificate store).
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        // No timestamp-server calls when signing on Windows (a no-op for --linux --dir).
        ELECTRON_BUILDER_OFFLINE: 'true',
        // Keep any download attempt from hanging on a proxy: nothing should be fetched.
        ELECTRON_BUILDER_CACHE: join(work, 'cache'),
        ELECTRON_CACHE: join(work, 'cache'),
      },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout}\n${stderr}`, { cause: error });
  }

  const unpacked = (await readdir(output)).find((name) => name.startsWith('linux') && name.endsWith('unpacked'));
  if (!unpacked) throw new Error(`No linux-*unpacked folder in ${output}: ${(await readdir(output)).join(', ')}`);
  asarPath = join(output, unpacked, 'resources', 'app.asar');
  executablePath = join(output, unpacked, 'isnad');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packaged app (electron-builder --dir --linux)', () => {
  it('holds the built bundles and package.json', () => {
    for (const file of ['package.json', ...REQUIRED_BUILD_FILES]) expect(entries).toContain(file);
  });

  it('holds nothing but out/ and package.json', () => {
    const outside = entries.filter((entry) => entry !== 'package.json' && entry !== 'out' && !entry.startsWith('out/'));
    expect(outside).toEqual([]);
  });

  it('holds no node_modules, sources, tests, TypeScript, source maps or .env files', () => {
    const forbidden = entries.filter(
      (entry) =>
        /(^|\/)node_modules(\/|$)/.test(entry) ||
        /^(electron|renderer|shared|test|src|build|release|dist|dist-web)(\/|$)/.test(entry) ||
        /\.(ts|tsx|mts|cts|map)$/.test(entry) ||
        /(^|\/)\.env(\.|$)/.test(entry),
    );
    expect(forbidden).toEqual([]);
  });

  it('starts out/main/index.js as an ES module', () => {
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest['main']).toBe('out/main/index.js');
    expect(manifest['type']).toBe('module');
    expect(manifest['devDependencies']).toBeUndefined();
    expect(manifest['scripts']).toBeUndefined();
  });

  it('has the configured Electron fuses flipped in the executable', async () => {
    const binary = await readFile(executablePath);
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + (binary[at + 1] ?? 0)).toString('latin1');
    // RunAsNode off, CookieEncryption unchanged, NODE_OPTIONS off, --inspect off,
    // asar integrity on, only app.asar, V8 snapshot unchanged, file:// privileges unchanged.
    expect(wire).toBe('00001101');
  });

  it('ships a sandbox-safe preload: CommonJS that requires only electron and exposes only the contract', () => {
    const source = extractFile(asarPath, 'out/preload/index.cjs').toString('utf8');
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const electronStub = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    runInNewContext(source, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`the preload requires ${name}, which a sandboxed preload cannot`);
        return electronStub;
      },
    });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual([ISNAD_API_KEY]);
    expect(Object.keys(exposed[ISNAD_API_KEY] as object).sort()).toEqual([...ISNAD_API_METHODS].sort());
    // Only the zod-free constants are bundled (zod stays in main, where validation happens).
    expect(source).not.toMatch(/\$?Zod[A-Z]\w*|ZodError/);
    expect(source.length).toBeLessThan(20_000);
  });
});

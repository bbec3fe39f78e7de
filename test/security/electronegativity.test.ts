/**
 * The Electronegativity gate (`npm run test:security`): scans electron/, renderer/ and shared/
 * together (the global checks — CSP, navigation limits, permission handler — need main and
 * renderer in one run) and fails on any HIGH or MEDIUM finding not accepted, with its reason,
 * in SECURITY.md; on an accepted finding that no longer occurs; and on a file it could not
 * parse. Electronegativity lives in tools/electronegativity with its own lockfile, apart from
 * the app's dependencies; `.ci/run` installs it, and this suite installs it once when missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeVerdict, judgeScan, parseAcceptedFindings } from './electronegativity-findings';
import type { ScanResult } from './electronegativity-findings';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');
const toolDir = join(root, 'tools', 'electronegativity');
const SCANNED = ['electron', 'renderer', 'shared'];
/**
 * Not run: it downloads Electron's release list at scan time (no network here or in CI, so it
 * would silently check nothing) — see SECURITY.md.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

let work: string;

async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function scan(folder: string): Promise<ScanResult> {
  const { stdout } = await run(process.execPath, [join(toolDir, 'scan.mjs'), folder, await electronVersion(), EXCLUDED_CHECKS.join(',')], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ScanResult;
}

beforeAll(async () => {
  if (!existsSync(join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'package.json'))) {
    console.warn('Electronegativity is not installed yet: npm run setup:security');
    await run('npm', ['run', 'setup:security'], { cwd: root });
  }
  work = await mkdtemp(join(tmpdir(), 'isnad-electronegativity-'));
  await Promise.all(SCANNED.map((dir) => cp(join(root, dir), join(work, 'app', dir), { recursive: true })));
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('reports nothing HIGH or MEDIUM in electron/, renderer/ and shared/ beyond the findings SECURITY.md accepts', async () => {
    const result = await scan(join(work, 'app'));
    const accepted = parseAcceptedFindings(await readFile(join(root, 'SECURITY.md'), 'utf8'));
    expect(result.checks.atomic).toBeGreaterThan(30);
    expect(describeVerdict(judgeScan(result, accepted))).toEqual([]);
  }, 120_000);

  it('catches an insecure window (so a clean report means something)', async () => {
    const result = await scan(join(root, 'test', 'fixtures', 'security', 'insecure-app'));
    const gated = result.issues.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').map((f) => f.id);
    expect(gated).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
  }, 120_000);
});

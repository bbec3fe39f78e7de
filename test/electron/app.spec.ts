/**
 * The built app in real Electron: window, isolation, the preload API, CSP and navigation
 * guards, and the toolbar. Skipped (with the reason printed) only when the Electron binary
 * is absent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { ISNAD_API_METHODS } from '../../shared/ipc/channels';
import { findElectronBinary } from './electron-binary';

const root = resolve(import.meta.dirname, '..', '..');
const binary = findElectronBinary({ electronPackageDir: join(root, 'node_modules', 'electron') });
const skipReason = binary.found ? '' : `Electron binary absent: ${binary.reason}`;
if (!binary.found) console.log(`[test:electron] skipping the Electron end-to-end tests. ${skipReason}`);

test.describe('Isnad in Electron', () => {
  test.skip(!binary.found, skipReason);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let profile: string | undefined;

  test.beforeAll(async () => {
    if (!binary.found) return;
    const mainBundle = join(root, 'out', 'main', 'index.js');
    if (!existsSync(mainBundle) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
      throw new Error('The app is not built (out/ is incomplete). Run `npm run build` before `npm run test:electron`.');
    }
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env['ELECTRON_RENDERER_URL']; // test the built renderer, never a dev server
    delete env['ELECTRON_RUN_AS_NODE'];
    // A fresh profile: never the developer's own database, and no clash with a running Isnad.
    profile = mkdtempSync(join(tmpdir(), 'isnad-electron-e2e-'));
    env['ISNAD_USER_DATA_DIR'] = profile;
    app = await electron.launch({
      executablePath: binary.executablePath,
      // The app folder: package.json's "main" (out/main/index.js) is started, with the
      // app's name and version. Chromium refuses to run as root without --no-sandbox;
      // the renderer sandbox checked below is Electron's and stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      cwd: root,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('uses the throw-away profile', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(profile);
  });

  test('opens one window titled Isnad', async () => {
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
    expect(titles).toHaveLength(1);
    expect(titles[0]).toContain('Isnad');
    expect(page.url()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/);
  });

  test('runs the renderer isolated and sandboxed', async () => {
    // getLastWebPreferences() is not in Electron's typings; use it where it exists.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const prefs = contents.getLastWebPreferences?.();
      if (!prefs) return null;
      const { contextIsolation, sandbox, nodeIntegration, webSecurity, webviewTag } = prefs;
      return { contextIsolation, sandbox, nodeIntegration, webSecurity, webviewTag };
    });
    if (preferences !== null) {
      expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    }

    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w['require'], process: typeof w['process'], module: typeof w['module'], Buffer: typeof w['Buffer'], ipcRenderer: typeof w['ipcRenderer'] };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', ipcRenderer: 'undefined' });
  });

  test('exposes exactly the contract as window.isnad', async () => {
    const api = await page.evaluate(() => {
      const isnad = (window as unknown as { isnad?: Record<string, unknown> }).isnad;
      return isnad ? Object.keys(isnad).sort().map((key) => [key, typeof isnad[key]]) : null;
    });
    expect(api).toEqual([...ISNAD_API_METHODS].sort().map((key) => [key, 'function']));

    const info = await page.evaluate(() => (window as unknown as { isnad: { getAppInfo(): Promise<unknown> } }).isnad.getAppInfo());
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(info).toEqual({ version: manifest.version, platform: process.platform });

    const refused = await page.evaluate(() =>
      (window as unknown as { isnad: { saveExport(request: unknown): Promise<unknown> } }).isnad
        .saveExport({ suggestedName: '../../escape.json', contents: '' })
        .then(
          () => 'accepted',
          (error: Error) => error.message,
        ),
    );
    expect(refused).toContain('invalid arguments');
  });

  test('enforces the Content-Security-Policy (no inline script)', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolveOutcome) => {
          document.addEventListener('securitypolicyviolation', (event) => resolveOutcome(`blocked by ${event.effectiveDirective}`), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__isnadInline = true';
          document.head.append(script);
          setTimeout(() => resolveOutcome((window as unknown as { __isnadInline?: boolean }).__isnadInline ? 'ran' : 'not run'), 2000);
        }),
    );
    expect(outcome).toMatch(/^blocked by script-src/);
  });

  test('refuses navigation away from the app and new windows', async () => {
    const before = page.url();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('offers File → Import Folder… with its accelerator', async () => {
    const item = await app.evaluate(({ Menu }) => {
      const found = Menu.getApplicationMenu()?.getMenuItemById('open-folder');
      return found ? { label: found.label, accelerator: found.accelerator ?? null } : null;
    });
    expect(item).toEqual({ label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O' });
  });

  test('has a toolbar button to open articles', async () => {
    await expect(page.getByRole('toolbar').getByRole('button', { name: /^Open/ }).first()).toBeVisible();
  });

  test('keeps snapshots as files in the user data folder and restores from them', async () => {
    await page.getByRole('button', { name: 'Snapshots', exact: true }).click();
    const view = page.getByRole('main', { name: 'Snapshots' });
    await expect(view).toContainText('the snapshots folder in Isnad’s user data folder');
    await view.getByRole('button', { name: 'Take a snapshot now' }).click();
    await expect(view.getByRole('list', { name: 'Stored snapshots' }).getByRole('listitem')).toHaveCount(1);
    const corpusFolders = readdirSync(join(profile!, 'snapshots'));
    expect(corpusFolders).toHaveLength(1);
    const files = readdirSync(join(profile!, 'snapshots', corpusFolders[0]!));
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z\.manual\.3d\.8s\.isnad\.json$/)]);
    const file = JSON.parse(readFileSync(join(profile!, 'snapshots', corpusFolders[0]!, files[0]!), 'utf8')) as { format: string; documents: unknown[] };
    expect(file).toMatchObject({ format: 'isnad-corpus' });
    expect(file.documents).toHaveLength(3);
    await view.getByRole('button', { name: /^Restore the snapshot of / }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(view.getByRole('list', { name: 'Stored snapshots' }).getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Snapshots', exact: true }).click();
  });
});

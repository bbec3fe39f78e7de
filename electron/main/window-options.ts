/**
 * The pure parts of the main window: its security-relevant web preferences, its title and
 * where the built bundles are. No Electron imports at run time, so tests can check them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebPreferences } from 'electron';

/** Name shown in the title bar; a page title lacking it gets it appended. */
export const PRODUCT_NAME = 'Isnad';

/**
 * Web preferences of every app window: isolated and sandboxed renderer without Node, web
 * security on, no insecure content, no webview, no spellchecker (it would send words to a
 * service on some platforms and mark Arabic text everywhere).
 */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** The window title for a page title: the product name is always in it. */
export function windowTitleFor(pageTitle: string): string {
  const title = pageTitle.trim();
  if (!title) return PRODUCT_NAME;
  return title.includes(PRODUCT_NAME) ? title : `${title} — ${PRODUCT_NAME}`;
}

/**
 * Paths of the built bundles, given the URL of the main bundle (out/main/index.js):
 * out/renderer and out/preload/index.cjs, inside app.asar when packaged.
 */
export function bundlePaths(mainBundleUrl: string): { rendererDir: string; preloadPath: string } {
  const mainDir = fileURLToPath(new URL('.', mainBundleUrl));
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
  };
}

/**
 * The pure parts of the main window: its title and where the built bundles are. No Electron
 * imports at run time, so tests can check them. (Its web preferences are written out in
 * window.ts, inside the `new BrowserWindow` call, where Electronegativity can read them.)
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Name shown in the title bar; a page title lacking it gets it appended. */
export const PRODUCT_NAME = 'Isnad';

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

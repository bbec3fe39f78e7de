/**
 * The main window and the web security around it: isolated, sandboxed renderer; strict
 * Content-Security-Policy; no navigation away from the app, no new windows, no webviews,
 * no permissions.
 */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Session, WebContents } from 'electron';
import { buildContentSecurityPolicy, isAppUrl, withContentSecurityPolicy } from './app-url';
import type { AppOrigin } from './app-url';
import { PRODUCT_NAME, windowTitleFor } from './window-options';

/**
 * Session-wide protections, installed once before any window loads: deny every permission
 * request and check, set the app's CSP on its own pages, and refuse file:// requests
 * outside the renderer folder (a compromised page cannot read other local files).
 */
export function installSessionSecurity(session: Session, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  const policy = buildContentSecurityPolicy(origin.devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (isAppUrl(details.url, origin)) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
    } else {
      callback({});
    }
  });

  session.webRequest.onBeforeRequest({ urls: ['file://*/*'] }, (details, callback) => {
    callback({ cancel: !isAppUrl(details.url, origin) });
  });
}

/**
 * Per-webContents protections: every new window is denied, navigation (including
 * redirects and subframes) is allowed only to the app's own URLs, webviews never attach.
 * Installed for every webContents from `app.on('web-contents-created')`.
 */
export function hardenWebContents(contents: WebContents, origin: AppOrigin): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Empty subframes (about:blank, srcdoc) stay allowed: they carry the page's origin and
    // policy, and IPC only ever answers the top frame.
    if (!event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc')) return;
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Options of {@link createMainWindow}. */
export interface MainWindowOptions {
  origin: AppOrigin;
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
}

/** Creates the main window and loads the renderer (dev server URL or out/renderer/index.html). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    // Written out here, in the constructor call, so Electronegativity (which reads one file
    // at a time) verifies them on every run: isolated and sandboxed renderer without Node,
    // web security on, no insecure content, no webview, no middle-click (auxclick) new
    // windows, no spellchecker (it would send words to a service on some platforms and
    // mark Arabic text everywhere).
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });

  window.on('page-title-updated', (event, title) => {
    const wanted = windowTitleFor(title);
    if (wanted !== title) {
      event.preventDefault();
      window.setTitle(wanted);
    }
  });
  window.once('ready-to-show', () => window.show());

  const { devServerUrl, rendererDir } = options.origin;
  const loading = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(join(rendererDir, 'index.html'));
  loading.catch((error: unknown) => console.error('Isnad could not load its window:', error));
  return window;
}

/**
 * The main window and session protections, with Electron replaced by recording stand-ins:
 * what `createMainWindow` asks of BrowserWindow, and what `installSessionSecurity` and
 * `hardenWebContents` answer to permission requests, page loads, navigation and new windows.
 * (test/electron checks the same against a real Electron where the binary exists.)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<Record<string, unknown>> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: Record<string, unknown>) {
      created.push(options);
    }
    on(): void {}
    once(): void {}
    loadFile(): Promise<void> {
      return Promise.resolve();
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return { BrowserWindow };
});

const { createMainWindow, hardenWebContents, installSessionSecurity } = await import('../../../electron/main/window');

const rendererDir = '/opt/Isnad/resources/app.asar/out/renderer';
const origin = { rendererDir };
const appPage = pathToFileURL(join(rendererDir, 'index.html')).href;

type Listener = (...args: never[]) => unknown;

/** A session that records the handlers installed on it. */
function recordingSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => (handlers['permissionRequest'] = h),
    setPermissionCheckHandler: (h: Listener) => (handlers['permissionCheck'] = h),
    setDevicePermissionHandler: (h: Listener) => (handlers['devicePermission'] = h),
    webRequest: {
      onHeadersReceived: (h: Listener) => (handlers['headers'] = h),
      onBeforeRequest: (_filter: unknown, h: Listener) => (handlers['beforeRequest'] = h),
    },
  };
  return { session, handlers };
}

/** A webContents that records its event listeners and window-open handler. */
function recordingContents() {
  const listeners: Record<string, Listener> = {};
  let openHandler: Listener | undefined;
  const contents = {
    setWindowOpenHandler: (h: Listener) => (openHandler = h),
    on: (name: string, h: Listener) => (listeners[name] = h),
  };
  const fire = (name: string, event: Record<string, unknown>): boolean => {
    let prevented = false;
    (listeners[name] as (e: unknown) => void)({ ...event, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => (openHandler as (d: { url: string }) => unknown)({ url }) };
}

beforeEach(() => {
  created.length = 0;
});

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer, without Node, webviews or middle-click windows', () => {
    createMainWindow({ origin, preloadPath: '/app/out/preload/index.cjs' });
    expect(created).toHaveLength(1);
    expect(created[0]!['webPreferences']).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });
});

describe('installSessionSecurity', () => {
  it('denies every permission request, check and device', () => {
    const { session, handlers } = recordingSession();
    installSessionSecurity(session as never, origin);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const answer = vi.fn();
      (handlers['permissionRequest'] as (...a: unknown[]) => void)({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect((handlers['permissionCheck'] as (...a: unknown[]) => boolean)({}, permission)).toBe(false);
    }
    expect((handlers['devicePermission'] as (...a: unknown[]) => boolean)({})).toBe(false);
  });

  it('sets the CSP on the app page only, and refuses file:// outside the renderer', () => {
    const { session, handlers } = recordingSession();
    installSessionSecurity(session as never, origin);
    const headers = vi.fn();
    (handlers['headers'] as (...a: unknown[]) => void)({ url: appPage, responseHeaders: { 'content-security-policy': ['default-src *'] } }, headers);
    const policy = (headers.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']![0]!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('default-src *');

    const request = vi.fn();
    (handlers['beforeRequest'] as (...a: unknown[]) => void)({ url: pathToFileURL('/etc/passwd').href }, request);
    (handlers['beforeRequest'] as (...a: unknown[]) => void)({ url: appPage }, request);
    expect(request.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
  });
});

describe('hardenWebContents', () => {
  it('denies every new window, whatever the URL', () => {
    const { contents, open } = recordingContents();
    hardenWebContents(contents as never, origin);
    for (const url of ['https://example.com/', appPage, 'javascript:alert(1)', 'about:blank']) expect(open(url)).toEqual({ action: 'deny' });
  });

  it('keeps navigation and redirects on the app page and never attaches a webview', () => {
    const { contents, fire } = recordingContents();
    hardenWebContents(contents as never, origin);
    for (const url of ['https://example.com/', 'javascript:alert(1)', 'data:text/html,<script>1</script>', pathToFileURL('/etc/passwd').href]) {
      expect(fire('will-navigate', { url })).toBe(true);
      expect(fire('will-redirect', { url })).toBe(true);
      expect(fire('will-frame-navigate', { url, isMainFrame: false })).toBe(true);
    }
    expect(fire('will-navigate', { url: appPage })).toBe(false);
    expect(fire('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false })).toBe(false);
    expect(fire('will-frame-navigate', { url: 'about:blank', isMainFrame: true })).toBe(true);
    expect(fire('will-attach-webview', {})).toBe(true);
  });
});

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  isAppUrl,
  isTrustedSender,
  parseDevServerUrl,
  withContentSecurityPolicy,
} from '../../../electron/main/app-url';
import { PRODUCT_NAME, bundlePaths, windowTitleFor } from '../../../electron/main/window-options';

const rendererDir = '/opt/Isnad/resources/app.asar/out/renderer';

describe('isAppUrl', () => {
  it('accepts pages and assets under the renderer folder', () => {
    const origin = { rendererDir };
    expect(isAppUrl(pathToFileURL(join(rendererDir, 'index.html')).href, origin)).toBe(true);
    expect(isAppUrl(`${pathToFileURL(join(rendererDir, 'index.html')).href}?q=1#/x`, origin)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(rendererDir, 'assets', 'index-abc.js')).href, origin)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(rendererDir, 'assets', 'نص عربي.woff2')).href, origin)).toBe(true);
    expect(isAppUrl('file://localhost' + join(rendererDir, 'index.html'), origin)).toBe(true);
  });

  it('refuses everything else', () => {
    const origin = { rendererDir };
    for (const url of [
      pathToFileURL(rendererDir).href,
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(join(rendererDir, '..', 'main', 'index.js')).href,
      pathToFileURL(`${rendererDir}2/index.html`).href,
      'https://example.com/',
      'devtools://devtools/bundled/inspector.html',
      'chrome://gpu',
      'javascript:alert(1)',
      'blob:file:///abc',
      '',
    ]) {
      expect(isAppUrl(url, origin), url).toBe(false);
    }
  });
});

describe('parseDevServerUrl', () => {
  it('accepts loopback http(s) and keeps only the origin', () => {
    expect(parseDevServerUrl('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5174/index.html')).toBe('http://127.0.0.1:5174');
    expect(parseDevServerUrl('https://[::1]:8443')).toBe('https://[::1]:8443');
  });

  it('refuses remote hosts, other schemes, credentials and garbage', () => {
    for (const value of [
      undefined,
      '',
      'http://evil.example:5173',
      'http://localhost.evil.example',
      'file:///tmp/index.html',
      'javascript:alert(1)',
      'http://user:pw@localhost:5173',
      'localhost:5173',
    ]) {
      expect(parseDevServerUrl(value), String(value)).toBeUndefined();
    }
  });
});

describe('isTrustedSender', () => {
  it('needs a live top-level frame on an app URL', () => {
    const origin = { rendererDir };
    const url = pathToFileURL(join(rendererDir, 'index.html')).href;
    expect(isTrustedSender({ url, parent: null }, origin)).toBe(true);
    expect(isTrustedSender({ url, parent: {} }, origin)).toBe(false);
    expect(isTrustedSender(null, origin)).toBe(false);
    expect(isTrustedSender(undefined, origin)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('is the strict policy in production', () => {
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('lets the dev server HMR socket (and the React Refresh preamble) through in dev', () => {
    const policy = buildContentSecurityPolicy('http://localhost:5173');
    expect(policy).toContain("connect-src 'self' ws://localhost:5173;");
    expect(policy).toContain("script-src 'self' 'unsafe-inline';");
    expect(policy).toContain("object-src 'none'");
    expect(buildContentSecurityPolicy('https://127.0.0.1:8443')).toContain("connect-src 'self' wss://127.0.0.1:8443;");
  });

  it('replaces any CSP header the response carried, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html', 'X-Other': ['a', 'b'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'X-Other': ['a', 'b'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('window options', () => {
  it('always shows the product name in the title', () => {
    expect(windowTitleFor('')).toBe(PRODUCT_NAME);
    expect(windowTitleFor('Isnad — corpus')).toBe('Isnad — corpus');
    expect(windowTitleFor('خبر.txt')).toBe('خبر.txt — Isnad');
  });

  it('finds the preload and renderer next to the main bundle', () => {
    expect(bundlePaths('file:///opt/Isnad/resources/app.asar/out/main/index.js')).toEqual({
      rendererDir: '/opt/Isnad/resources/app.asar/out/renderer',
      preloadPath: '/opt/Isnad/resources/app.asar/out/preload/index.cjs',
    });
  });
});

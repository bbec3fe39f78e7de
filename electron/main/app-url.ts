/**
 * What counts as "the app's own page": the built renderer under out/renderer (file://) or,
 * in development only, the electron-vite dev server. Used for the IPC sender check, the
 * navigation guard and the Content-Security-Policy. No Electron imports: tested in Node.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app's own pages come from. */
export interface AppOrigin {
  /** Absolute path of the built renderer folder (…/out/renderer, possibly inside app.asar). */
  rendererDir: string;
  /** The dev server origin (e.g. "http://localhost:5173") when running `electron-vite dev`. */
  devServerUrl?: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses `ELECTRON_RENDERER_URL`. Only an http(s) URL on a loopback host is accepted, so an
 * environment variable can never point the app (and its IPC) at a remote site. Returns the
 * URL without a trailing path, or undefined.
 */
export function parseDevServerUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  if (url.username || url.password) return undefined;
  return url.origin;
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Whether `url` is one of the app's own pages: a file:// URL inside `rendererDir`, or (in
 * development) a URL with exactly the dev server's origin. Everything else is foreign,
 * including about:blank, data:, blob:, devtools: and other file:// paths.
 */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    if (parsed.host !== '' && parsed.host !== 'localhost') return false;
    let path: string;
    try {
      path = fileURLToPath(parsed);
    } catch {
      return false; // e.g. an encoded slash, or a UNC host on Windows
    }
    return isInside(origin.rendererDir, path);
  }
  if (origin.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    return parsed.origin === new URL(origin.devServerUrl).origin;
  }
  return false;
}

/** The part of an IPC event's `senderFrame` the sender check reads. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/**
 * Whether an IPC message may be served: it must come from a live top-level frame showing
 * one of the app's own pages. A null frame (navigated away or destroyed) is refused.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, origin: AppOrigin): boolean {
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url, origin);
}

export { buildContentSecurityPolicy } from '../../shared/security/csp';

/**
 * Response headers with the app's CSP set (replacing any CSP header the server sent, in any
 * letter case). Used from `session.webRequest.onHeadersReceived` for the app's own pages.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

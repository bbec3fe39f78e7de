/**
 * Watches a page for any sign that a script from an imported file ran: payloads in the
 * crafted files set `window.__pwned`, open dialogs and request `/pwned/…` (a same-origin
 * URL the CSP would allow, so only not running stops it). The trap records those, every
 * Content-Security-Policy violation (a blocked attempt means markup reached the DOM), every
 * request that leaves the app's origin, and any element carrying an inline event handler.
 */
import { expect, type Page } from '@playwright/test';

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

export class ScriptTrap {
  readonly dialogs: string[] = [];
  readonly pwnedRequests: string[] = [];
  /** Every request the page made (compared with the app's origin at the end). */
  readonly requests: string[] = [];

  private constructor(readonly page: Page) {}

  /** Installs the trap before the app loads. */
  static async install(page: Page): Promise<ScriptTrap> {
    const trap = new ScriptTrap(page);
    page.on('dialog', (dialog) => {
      trap.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => trap.requests.push(request.url()));
    await page.route('**/pwned/**', async (route) => {
      trap.pwnedRequests.push(route.request().url());
      await route.fulfill({ status: 204, body: '' });
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} (${event.sample})`);
      });
    });
    return trap;
  }

  /** Fails if anything ran, was blocked, left the origin or carries an inline handler. */
  async expectNothingRan(): Promise<void> {
    const inPage = await this.page.evaluate(() => ({
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      violations: window.__cspViolations ?? ['(trap not installed)'],
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`)),
      injected: [...document.querySelectorAll('script:not([src]), iframe, object, embed, svg script, meta[http-equiv]')].map((el) => el.outerHTML.slice(0, 80)),
    }));
    const origin = new URL(this.page.url()).origin;
    const foreignRequests = this.requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect({ ...inPage, dialogs: this.dialogs, pwnedRequests: this.pwnedRequests, foreignRequests }).toEqual({
      pwned: null,
      violations: [],
      handlers: [],
      // The app's own <meta http-equiv="Content-Security-Policy"> is the only one allowed.
      injected: [expect.stringContaining('Content-Security-Policy')],
      dialogs: [],
      pwnedRequests: [],
      foreignRequests: [],
    });
  }
}

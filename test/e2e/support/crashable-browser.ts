/**
 * A Chromium on a persistent profile that a test can kill like a crash: the browser is
 * started here (not by Playwright), in its own process group, and Playwright attaches over
 * the DevTools protocol. `crash()` sends SIGKILL to the whole group — no unload handler, no
 * shutdown, no flush runs — and `CrashableBrowser.launch` on the same profile starts again.
 * (Playwright's `launchPersistentContext` does not expose the browser's process, and closing
 * it is an orderly shutdown.)
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumArgs, chromiumPath } from '../../../playwright.config';

/** A running browser on `profileDir`. */
export class CrashableBrowser {
  private constructor(
    private readonly process: ChildProcess,
    readonly browser: Browser,
    readonly context: BrowserContext,
    private readonly downloads: CDPSession | null,
  ) {}

  /** Calls `listener` on each download progress event (state, bytes received), when downloads are on. */
  onDownloadProgress(listener: (event: { state: string; receivedBytes: number; totalBytes: number }) => void): void {
    this.downloads?.on('Browser.downloadProgress', listener);
  }

  /** Starts Chromium (headless) on the profile and connects. Downloads go to `downloadDir` when given. */
  static async launch(profileDir: string, options: { downloadDir?: string } = {}): Promise<CrashableBrowser> {
    const child = spawn(chromiumPath, [...chromiumArgs, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--no-default-browser-check', '--lang=en-GB', 'about:blank'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code}): ${stderr}`));
      });
    });
    child.stderr!.resume();
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0]!;
    let downloads: CDPSession | null = null;
    if (options.downloadDir) {
      downloads = await browser.newBrowserCDPSession();
      await downloads.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: options.downloadDir, eventsEnabled: true });
    }
    return new CrashableBrowser(child, browser, context, downloads);
  }

  /** The first tab (a new one if there is none). */
  async page(): Promise<Page> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    await page.setViewportSize({ width: 1360, height: 860 });
    return page;
  }

  /** Kills every process of the browser with SIGKILL and waits until the browser process is gone. */
  async crash(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      process.kill(-this.process.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
    // Renderer and utility processes die with the group; give the kernel a moment to reap them.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** An orderly close (end of a test). */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.crash();
  }
}

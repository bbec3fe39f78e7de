/**
 * What the browser holds for the open article beyond its DOM, read through the DevTools
 * protocol (Chromium): which paragraphs have a layout, and what the accessibility tree
 * exposes to a screen reader. Long articles let go of the layout of paragraphs far from view
 * (editor/progressive-layout.ts); these tell a test what that left.
 */
import type { CDPSession, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import type { IsnadPage } from './isnad-page';

/**
 * Writes `file`, an article of 602 paragraphs (about 80 kB, 20 chunks) titled «مقال طويل
 * للتخطيط», whose paragraphs are numbered («الفقرة 1:» …) and whose last one names
 * «المتحدث» once, then imports and opens it.
 */
export async function openLongArticle(isnad: IsnadPage, file: string): Promise<void> {
  const paragraphs = Array.from({ length: 600 }, (_, k) => `الفقرة ${k + 1}: قال مصدر في الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة بحضور الوفود كلها.`);
  await writeFile(file, `مقال طويل للتخطيط\n\n${paragraphs.join('\n\n')}\n\nوفي الختام أعلن المتحدث باسم اللجنة موعد الجولة المقبلة.\n`);
  await isnad.openFiles([file]);
  await isnad.openDocument(/مقال طويل للتخطيط/);
}

export class ArticleLayout {
  private session: CDPSession | null = null;

  constructor(readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /**
   * The article's paragraphs (elements with `data-start`) and how many of them have a layout
   * object now, from a DOM snapshot (which lays out what the page itself would, nothing more).
   */
  async paragraphsWithLayout(): Promise<{ paragraphs: number; laidOut: number }> {
    const cdp = await this.cdp();
    const { documents, strings } = (await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [] })) as unknown as {
      documents: Array<{ nodes: { attributes: number[][] }; layout: { nodeIndex: number[] } }>;
      strings: string[];
    };
    const doc = documents[0]!;
    const dataStart = strings.indexOf('data-start');
    const isParagraph = doc.nodes.attributes.map((attributes) => attributes.some((name, k) => k % 2 === 0 && name === dataStart));
    const withLayout = new Set(doc.layout.nodeIndex);
    let paragraphs = 0;
    let laidOut = 0;
    isParagraph.forEach((paragraph, node) => {
      if (!paragraph) return;
      paragraphs += 1;
      if (withLayout.has(node)) laidOut += 1;
    });
    return { paragraphs, laidOut };
  }

  /**
   * Whether the accessibility tree (what a screen reader reads) has a text node reading `text`.
   * The browser must be in full accessibility mode, as a running screen reader puts it
   * (`--force-renderer-accessibility`): otherwise Chromium builds the tree only for what is
   * rendered, and the DevTools protocol reports that part.
   */
  async accessibleTextIncludes(text: string): Promise<boolean> {
    const cdp = await this.cdp();
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
    return nodes.some((node) => node.role?.value === 'StaticText' && (node.name?.value ?? '').includes(text));
  }

  /** The article pane's scrollable height, in pixels (what its scrollbar reflects). */
  async height(): Promise<number> {
    return this.page.locator('.article-pane').evaluate((pane) => pane.scrollHeight);
  }

  /** Waits until the pane's height has stayed the same for `quietMs` (background layout done). */
  async settledHeight(quietMs = 1500): Promise<number> {
    let last = await this.height();
    let since = Date.now();
    for (;;) {
      await this.page.waitForTimeout(250);
      const now = await this.height();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) {
        return now;
      }
    }
  }

  /** Scrolls the pane back to its top at once (as Ctrl+Home would). */
  async scrollToTop(): Promise<void> {
    await this.page.locator('.article-pane').evaluate((pane) => (pane.scrollTop = 0));
  }

  /** Scrolls the pane from top to bottom a screen per frame, as a fling would, and back to the top. */
  async scrollThrough(): Promise<void> {
    await this.page.locator('.article-pane').evaluate(
      (pane) =>
        new Promise<void>((resolve) => {
          pane.scrollTop = 0;
          const step = (): void => {
            const before = pane.scrollTop;
            pane.scrollTop = before + pane.clientHeight;
            if (pane.scrollTop === before) {
              pane.scrollTop = 0;
              resolve();
              return;
            }
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    );
  }
}

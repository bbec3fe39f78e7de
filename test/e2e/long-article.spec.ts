import { expect, test } from '@playwright/test';
import { ArticleLayout, openLongArticle } from './pages/article-layout';
import { IsnadPage } from './pages/isnad-page';
import { isolated } from './support/isolates';

// A long article lays out only what is near the view: paragraphs far from it let go of their
// layout (so that the browser's memory-reducing collection has little to compact), while the
// text stays in the DOM and exactly where it was (screen-reader.spec.ts checks the
// accessibility tree).
test('a long article keeps the layout only near the view, and stays exact, readable, searchable and labellable everywhere', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const isnad = new IsnadPage(page);
  const layout = new ArticleLayout(page);
  await isnad.goto();
  await openLongArticle(isnad, testInfo.outputPath('long-article.txt'));

  // Once background layout has measured every part, only the paragraphs near the view keep a layout.
  const height = await layout.settledHeight();
  const atRest = await layout.paragraphsWithLayout();
  expect(atRest.paragraphs).toBe(602);
  expect(atRest.laidOut).toBeGreaterThan(0);
  expect(atRest.laidOut).toBeLessThan(150);

  // Scrolling through lays every part out again; once the reader stops, the far ones let go
  // again, and the article's height (its scrollbar) has not moved by a pixel.
  await layout.scrollThrough();
  await expect.poll(async () => (await layout.paragraphsWithLayout()).laidOut, { timeout: 10_000 }).toBeLessThan(150);
  expect(await layout.height()).toBe(height);

  // A search match at the far end is scrolled to, selected and labelled with its exact offsets.
  await isnad.searchBox.fill('المتحدث');
  await expect(isnad.matchStatus).toHaveText('1 match for “المتحدث”');
  await isnad.searchBox.press('Enter');
  await expect(isnad.status).toContainText(`Match 1 of 1 for “${isolated('المتحدث')}”.`);
  expect(await isnad.selectedText()).toBe('المتحدث');
  await page.keyboard.press('1');
  await expect(isnad.spanItem(/PER.*المتحدث/)).toBeVisible();
  expect(await isnad.highlightedTexts('PER')).toEqual(['المتحدث']);

  // Back at the top, the end lets go of its layout again; the span is still there when it returns.
  await layout.scrollToTop();
  await expect.poll(async () => (await layout.paragraphsWithLayout()).laidOut, { timeout: 10_000 }).toBeLessThan(150);
  await isnad.scrollArticleToEnd();
  await expect.poll(() => isnad.highlightedTexts('PER')).toEqual(['المتحدث']);

  const { json } = await isnad.exportJson();
  const exported = json.documents.find((d) => d.title === 'مقال طويل للتخطيط')!;
  expect(json.offsetUnit).toBe('codepoint');
  const at = [...exported.text.slice(0, exported.text.indexOf('المتحدث'))].length;
  expect(exported.spans.map((s) => [s.label, s.start, s.end, s.text])).toEqual([['PER', at, at + [...'المتحدث'].length, 'المتحدث']]);
});

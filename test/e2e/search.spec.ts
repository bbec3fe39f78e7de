import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { IsnadPage } from './pages/isnad-page';

// A document with 200,000 matches of its query: before, highlighting them passed every range
// as an argument of `new Highlight(...)`, the stack overflowed and the window went white.
test('a document with 200,000 matches is counted and highlighted, and the window keeps working', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const file = testInfo.outputPath('many-matches.txt');
  const paragraph = Array.from({ length: 100 }, () => 'كلمة').join(' ');
  await writeFile(file, `كثير التطابقات\n\n${Array.from({ length: 2000 }, () => paragraph).join('\n\n')}\n`);
  await isnad.openFiles([file]);
  await isnad.openDocument(/كثير التطابقات/);

  await isnad.searchBox.fill('كلمة');
  await expect(isnad.matchStatus).toHaveText('200000 matches for “كلمة”', { timeout: 30_000 });
  await expect(isnad.listStatus).toHaveText(/^1 of \d+ documents$/);
  // Matches are highlighted where the reader is, not all at once.
  await expect.poll(() => isnad.searchRangeCount()).toBeGreaterThan(0);
  expect(await isnad.searchRangeCount()).toBeLessThan(200_000);

  // The window still works: another query, then no query.
  await isnad.searchBox.fill('التطابقات');
  await expect(isnad.matchStatus).toHaveText('1 match for “التطابقات”');
  await expect.poll(() => isnad.searchRangeCount()).toBe(1);
  await isnad.searchBox.fill('');
  await expect(isnad.matchStatus).toHaveCount(0);
  await expect(isnad.article).toBeVisible();
  expect(await isnad.searchRangeCount()).toBe(0);

  // Searching again after no query, the matches follow the reader to the end of the article.
  await isnad.searchBox.fill('كلمة');
  await expect(isnad.matchStatus).toHaveText('200000 matches for “كلمة”', { timeout: 30_000 });
  expect(await isnad.searchRangesInLastParagraph()).toBe(0);
  await isnad.scrollArticleToEnd();
  await expect.poll(() => isnad.searchRangesInLastParagraph(), { timeout: 10_000 }).toBe(100);
  expect(errors).toEqual([]);
});

test('an error while rendering shows what happened and a way to reload, not a white window', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.documentList.getByRole('button').first().click();
  await expect(isnad.article).toBeVisible();
  // Painting a search highlight happens while React commits the article view: make it fail.
  await page.evaluate(() => {
    Highlight.prototype.add = () => {
      throw new Error('painting failed');
    };
  });
  await isnad.searchBox.fill('ال');
  await expect(isnad.crashScreen).toBeVisible();
  await expect(isnad.crashScreen).toContainText('Your work is saved');
  await expect(isnad.crashScreen).toContainText('Error: painting failed');
  await isnad.crashScreen.getByRole('button', { name: 'Reload' }).click();
  await expect(isnad.openButton).toBeVisible();
  await expect(isnad.crashScreen).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { IsnadPage } from './pages/isnad-page';
import { SourcesView } from './pages/sources-view';
import { isolated } from './support/isolates';

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


test('Enter in the search box and F3 step through the matches of the open article, each selected for a label key', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/نوفوستي: مباحثات/);
  // Ctrl+F goes to the search box, as in any desktop program.
  await isnad.article.focus();
  await page.keyboard.press('Control+f');
  await expect(isnad.searchBox).toBeFocused();
  // With harakat typed, the word is still found however the article writes it.
  await page.keyboard.type('نُوفُوستي');
  await expect(isnad.matchStatus).toHaveText('2 matches for “نُوفُوستي”');

  await page.keyboard.press('Enter');
  await expect(isnad.status).toContainText(`Match 1 of 2 for “${isolated('نُوفُوستي')}”.`);
  await expect(isnad.article).toBeFocused();
  expect(await isnad.selectedText()).toBe('نوفوستي');
  const { start: titleStart } = await isnad.paragraphText('نوفوستي: مباحثات');
  expect(await isnad.selectionOffsets()).toEqual({ anchor: titleStart, focus: titleStart + 'نوفوستي'.length });

  // F3: the next one, in the body («ريا نوفوستي»); a label key marks exactly the match.
  await page.keyboard.press('F3');
  await expect(isnad.status).toContainText(`Match 2 of 2 for “${isolated('نُوفُوستي')}”.`);
  const body = await isnad.paragraphText('نقلت وكالة');
  const at = body.start + body.text.indexOf('نوفوستي');
  expect(await isnad.selectionOffsets()).toEqual({ anchor: at, focus: at + 'نوفوستي'.length });
  await page.keyboard.press('6');
  await expect(isnad.spanItem(/SOURCE.*نوفوستي/)).toBeVisible();
  expect(await isnad.highlightedTexts('SOURCE')).toContain('نوفوستي');

  // Past the last match the search goes round to the first; Shift+F3 goes back round to the last.
  await page.keyboard.press('F3');
  await expect(isnad.status).toContainText(`Match 1 of 2 for “${isolated('نُوفُوستي')}”, from the start again.`);
  await page.keyboard.press('Shift+F3');
  await expect(isnad.status).toContainText(`Match 2 of 2 for “${isolated('نُوفُوستي')}”, from the end again.`);

  // From the sources view, F3 shows the article again, at the match after the one selected there.
  const sources = new SourcesView(page);
  await sources.open();
  await expect(isnad.article).toBeHidden();
  await page.keyboard.press('F3');
  await expect(isnad.status).toContainText(`Match 1 of 2 for “${isolated('نُوفُوستي')}”, from the start again.`);
  await expect(isnad.article).toBeFocused();
  expect(await isnad.selectedText()).toBe('نوفوستي');

  // A word the document does not have says so, and keyboard focus stays in the search box.
  await isnad.searchBox.fill('قاسيون');
  await expect(isnad.matchStatus).toHaveText('0 matches for “قاسيون”');
  await isnad.searchBox.press('Enter');
  await expect(isnad.status).toContainText(`No match for “${isolated('قاسيون')}” in this document.`);
  await expect(isnad.searchBox).toBeFocused();
});

test('a match at the end of a long article is scrolled into view and selected', async ({ page }, testInfo) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const file = testInfo.outputPath('long-with-one-match.txt');
  const paragraph = 'قال مصدر في الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة بحضور الوفود كلها.';
  await writeFile(file, `مقال طويل بكلمة واحدة نادرة\n\n${Array.from({ length: 800 }, () => paragraph).join('\n\n')}\n\nوفي الختام أعلن المتحدث باسم اللجنة موعد الجولة المقبلة.\n`);
  await isnad.openFiles([file]);
  await isnad.openDocument(/مقال طويل بكلمة واحدة نادرة/);
  await isnad.searchBox.fill('المتحدث');
  await expect(isnad.matchStatus).toHaveText('1 match for “المتحدث”');
  await isnad.searchBox.press('Enter');
  await expect(isnad.status).toContainText(`Match 1 of 1 for “${isolated('المتحدث')}”.`);
  expect(await isnad.selectedText()).toBe('المتحدث');
  // The selected match is inside the visible part of the article pane.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const range = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
        const pane = document.querySelector('.article-pane')!.getBoundingClientRect();
        return range.height > 0 && range.top >= pane.top && range.bottom <= pane.bottom;
      }),
    )
    .toBe(true);
});

test('keys pressed right after Enter in the search box act on the match, even before the query is searched', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/نوفوستي: مباحثات/);
  await isnad.searchBox.focus();
  // Typed, Enter and a label key at typing speed: the query is not searched yet when 6 arrives.
  await page.keyboard.type('نوفوستي', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('6');
  await expect(isnad.spanItem(/SOURCE.*نوفوستي/)).toBeVisible();
  await expect(isnad.searchBox).toHaveValue('نوفوستي');
  const { start } = await isnad.paragraphText('نوفوستي: مباحثات');
  expect(await isnad.highlightedTexts('SOURCE')).toEqual(['نوفوستي']);
  // The first match was marked: the caret waits at the new span's end.
  expect(await isnad.selectionOffsets()).toEqual({ anchor: start + 'نوفوستي'.length, focus: start + 'نوفوستي'.length });

  // Enter three times from there (the second match, round to the first, the second again),
  // then a label key: each Enter waits for the one before, and the second match is marked.
  await isnad.searchBox.fill('');
  await isnad.searchBox.focus();
  await page.keyboard.type('نوفوستي', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  await expect(isnad.spanItem(/ORG.*نوفوستي/)).toBeVisible();
  await expect(isnad.searchBox).toHaveValue('نوفوستي');
  const body = await isnad.paragraphText('نقلت وكالة');
  const end = body.start + body.text.indexOf('نوفوستي') + 'نوفوستي'.length;
  expect(await isnad.selectionOffsets()).toEqual({ anchor: end, focus: end });

  // A word the article lacks: the key after Enter marks nothing and is not typed into the box.
  await isnad.searchBox.fill('');
  await isnad.searchBox.focus();
  await page.keyboard.type('قاسيون', { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(isnad.status).toContainText(`No match for “${isolated('قاسيون')}” in this document.`);
  await expect(isnad.searchBox).toHaveValue('قاسيون');
  await expect(isnad.searchBox).toBeFocused();
  expect(await isnad.highlightedTexts('PER')).not.toContain('نوفوستي');
});

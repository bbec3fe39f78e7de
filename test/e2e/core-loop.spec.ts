import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));

test.describe('the core loop', () => {
  test('a newcomer sees the sample corpus, laid out right to left in the bundled font', async ({ page }) => {
    const isnad = new IsnadPage(page);
    await isnad.goto();
    await expect(isnad.documentList.getByRole('listitem')).toHaveCount(3);
    await expect(isnad.documentButton(/موسكو تعلن عن محادثات جديدة/)).toHaveAccessibleName(/In progress, 8 spans/);
    await expect(isnad.documentButton(/قاسيون: ارتفاع أسعار الخبز/)).toHaveAccessibleName(/To do, 0 spans/);
    for (const label of ['PER — Person', 'ORG — Organisation', 'LOC — Location', 'DATE — Date', 'CLAIM — Claim', 'SOURCE — Source', 'CUE — Cue']) {
      await expect(isnad.labelButton(new RegExp(label))).toBeVisible();
    }
    const first = isnad.article.locator('p').first();
    await expect(first).toHaveCSS('direction', 'rtl');
    await expect(first).toHaveCSS('font-family', /Noto Naskh Arabic/);
    expect(await page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'قال'))).toBe(true);
    await isnad.openDocument(/نوفوستي: مباحثات روسية أممية/);
    await expect(isnad.article.locator('p', { hasText: 'Summary: RIA Novosti' })).toHaveCSS('direction', 'ltr');
    await expect(isnad.article.locator('p', { hasText: 'ريا نوفوستي (RIA Novosti)' })).toHaveCSS('direction', 'rtl');
  });

  test('open UTF-8 and Windows-1256 files, mark a word by hotkey, reload, undo, redo, export', async ({ page }) => {
    const isnad = new IsnadPage(page);
    await isnad.goto();

    await isnad.openFiles([fixture('qasioun-shelling-utf8.txt'), fixture('novosti-delegation-cp1256.txt'), fixture('photo.png')]);
    await expect(isnad.status).toContainText('Imported 2 documents');
    await expect(isnad.status).toContainText('Refused 1 file');
    await expect(isnad.status).toContainText('photo.png');
    await expect(isnad.documentList.getByRole('listitem')).toHaveCount(5);

    await isnad.openDocument(/نوفوستي: وفد روسي يزور دمشق/);
    await expect(page.getByText(/Encoding: Windows-1256 \(Arabic\), detected \d+%/)).toBeVisible();
    await expect(isnad.article).toContainText('نقلت وكالة نوفوستي الروسية للأنباء عن مصدر دبلوماسي');
    const paragraphs = isnad.article.locator('p');
    await expect(paragraphs).toHaveCount(3);
    for (const p of await paragraphs.all()) await expect(p).toHaveCSS('direction', 'rtl');

    await isnad.openDocument(/قاسيون: قصف على ريف حماة/);
    await expect(page.getByText('Encoding: UTF-8')).toBeVisible();
    await expect(isnad.article.locator('p', { hasText: 'Syrian Observatory' })).toHaveCSS('direction', 'ltr');

    // Select part of a word: snapping takes the whole word; the hotkey marks it.
    await isnad.selectText('ماة', 1);
    await page.keyboard.press('3');
    await expect(isnad.spanItem('LOC — Location: حماة')).toBeVisible();
    expect(await isnad.highlightedTexts('LOC')).toEqual(['حماة']);
    await expect(isnad.documentButton(/قاسيون: قصف على ريف حماة/)).toHaveAccessibleName(/In progress, 1 span$/);

    // Keyboard selection: Shift+Left extends forward in an Arabic paragraph.
    await isnad.placeCaretBefore('وكالة قاسيون');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => isnad.selectedText()).toBe('وكالة قاسيون');
    await page.keyboard.press('6');
    await expect(isnad.spanItem('SOURCE — Source: وكالة قاسيون')).toBeVisible();

    // Clicking a label button works too; an entity nested in the source.
    await isnad.selectText('قاسيون', 1);
    await isnad.labelButton(/ORG — Organisation/).click();
    await expect(isnad.spanItem('ORG — Organisation: قاسيون')).toBeVisible();
    expect(await isnad.highlightedTexts('SOURCE')).toEqual(['وكالة قاسيون']);

    await page.reload();
    await expect(isnad.openButton).toBeVisible();
    await expect(isnad.article).toContainText('اللطامنة');
    await expect(isnad.spanItems()).toHaveCount(3);
    expect(await isnad.highlightedTexts('LOC')).toEqual(['حماة']);

    // Undo removes the last span, redo restores it, each durable.
    await page.keyboard.press('Control+z');
    await expect(isnad.spanItem('ORG — Organisation: قاسيون')).toHaveCount(0);
    await page.reload();
    await expect(isnad.spanItems()).toHaveCount(2);
    await isnad.undoButton.click();
    await expect(isnad.spanItems()).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(isnad.spanItems()).toHaveCount(2);
    await expect(isnad.spanItem('SOURCE — Source: وكالة قاسيون')).toBeVisible();

    // Delete removes the focused span.
    await isnad.spanItem('LOC — Location: حماة').click();
    await page.keyboard.press('Delete');
    await expect(isnad.spanItem('LOC — Location: حماة')).toHaveCount(0);
    expect(await isnad.highlightedTexts('LOC')).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect(isnad.spanItem('LOC — Location: حماة')).toBeVisible();

    const { download, json } = await isnad.exportJson();
    expect(download.suggestedFilename()).toMatch(/^isnad-sample-corpus-\d{4}-\d{2}-\d{2}\.json$/);
    expect(json).toMatchObject({ format: 'isnad-corpus', formatVersion: 2, offsetUnit: 'codepoint' });
    expect(json.documents).toHaveLength(5);
    const legacy = json.documents.find((d) => d.meta.fileName === 'novosti-delegation-cp1256.txt')!;
    expect(legacy.meta.encoding).toBe('windows-1256');
    expect(legacy.text).not.toContain('\r');
    const qasioun = json.documents.find((d) => d.meta.fileName === 'qasioun-shelling-utf8.txt')!;
    expect(qasioun.spans.map((s) => `${s.label}:${s.text}`).sort()).toEqual(['LOC:حماة', 'SOURCE:وكالة قاسيون']);
    let spans = 0;
    for (const doc of json.documents) {
      const codePoints = Array.from(doc.text);
      for (const span of doc.spans) {
        expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
        spans += 1;
      }
    }
    expect(spans).toBe(8 + 2);
    await expect(isnad.status).toContainText('Exported 5 documents and 10 spans');
  });

  test('undo works across documents and shows the document it changed', async ({ page }) => {
    const isnad = new IsnadPage(page);
    await isnad.goto();
    await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
    await isnad.selectText('دمشق', 1);
    await page.keyboard.press('3');
    await expect(isnad.spanItem('LOC — Location: دمشق')).toBeVisible();
    await isnad.openDocument(/نوفوستي: مباحثات روسية أممية/);
    await isnad.selectText('موسكو');
    await page.keyboard.press('3');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(isnad.documentButton(/قاسيون: ارتفاع أسعار الخبز/)).toHaveAttribute('aria-current', 'page');
    await expect(isnad.spanItems()).toHaveCount(0);
    await expect(isnad.status).toContainText('Undid: Add LOC span');
  });
});

import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { ArticleLayout, openLongArticle } from './pages/article-layout';
import { IsnadPage } from './pages/isnad-page';

// Chromium in full accessibility mode, as a running screen reader puts it. Without it, Chromium
// builds the accessibility tree only for what is rendered. (In it, Chromium lays out whatever
// it exposes, so a long article's letting go of layout far from view saves nothing then.)
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--force-renderer-accessibility'] } });

test('with a screen reader running, the whole of a long article is in the accessibility tree, far from view too', async ({ page }, testInfo) => {
  const isnad = new IsnadPage(page);
  const layout = new ArticleLayout(page);
  await isnad.goto();
  await openLongArticle(isnad, testInfo.outputPath('long-article.txt'));
  await layout.settledHeight();
  expect(await layout.accessibleTextIncludes('الفقرة 300:')).toBe(true);
  expect(await layout.accessibleTextIncludes('أعلن المتحدث باسم اللجنة')).toBe(true);
});

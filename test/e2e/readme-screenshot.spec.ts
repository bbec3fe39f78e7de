import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';

/**
 * Regenerates the README screenshot (docs/screenshot.png) from the sample corpus, and
 * checks on the way that the sample article shows its example spans.
 * In `npm test` the picture goes to test-results/; `npm run screenshot` (which sets
 * README_SCREENSHOT=1) overwrites docs/screenshot.png.
 */
const target = process.env.README_SCREENSHOT ? '../../docs/screenshot.png' : '../../test-results/readme-screenshot.png';

test('README screenshot of the sample article', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await expect(isnad.spanItems()).toHaveCount(8);
  await isnad.spanItem('SOURCE — Source: مصدر في الخارجية').click();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: fileURLToPath(new URL(target, import.meta.url)) });
});

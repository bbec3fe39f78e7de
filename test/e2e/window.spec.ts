/**
 * The window's own details: the page has an icon (the browser's tab shows it, and no request
 * for /favicon.ico fails), and dialog text is in the window's font.
 */
import { expect, test } from '@playwright/test';
import { IsnadPage } from './pages/isnad-page';

test('the page links an icon that loads', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href!, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
});

test('the corpora dialog names a corpus in the window font, not the article font', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.corpusButton.click();
  const dialog = isnad.corpusDialog;
  const name = dialog.getByRole('rowheader', { name: /Sample corpus/ }).getByText('Sample corpus', { exact: true });
  const heading = dialog.getByRole('heading', { name: 'Corpora' });
  const fontOf = (element: Element): string => getComputedStyle(element).fontFamily;
  expect(await name.evaluate(fontOf)).toBe(await heading.evaluate(fontOf));
  expect(await name.evaluate(fontOf)).not.toMatch(/Naskh/);
});

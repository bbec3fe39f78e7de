/**
 * The window's own details: the page has an icon (the browser's tab shows it, and no request
 * for /favicon.ico fails), and dialog text is in the window's font.
 */
import { expect, test, type Page } from '@playwright/test';
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

/** Each toolbar separator: whether its neighbours are on different lines, and whether it shows. */
async function toolbarSeparators(page: Page): Promise<Array<{ wrapped: boolean; visible: boolean }>> {
  // (Separators are decoration, hidden from assistive technology: found by their class.)
  return page.locator('.toolbar > .separator').evaluateAll((elements) =>
    elements.map((separator) => {
      const a = separator.previousElementSibling!.getBoundingClientRect();
      const b = separator.nextElementSibling!.getBoundingClientRect();
      return { wrapped: b.top >= a.bottom || a.top >= b.bottom, visible: getComputedStyle(separator).visibility === 'visible' };
    }),
  );
}

test('the toolbar shows no group separator at the end or start of a line, however it wraps', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const narrow = await toolbarSeparators(page);
  expect(narrow.some((s) => s.wrapped)).toBe(true);
  for (const s of narrow) expect(s.visible).toBe(!s.wrapped);
  // Wider, the groups share lines again and their separators show.
  await page.setViewportSize({ width: 1900, height: 700 });
  await expect.poll(async () => (await toolbarSeparators(page)).filter((s) => s.visible).length).toBeGreaterThan(narrow.filter((s) => s.visible).length);
  for (const s of await toolbarSeparators(page)) expect(s.visible).toBe(!s.wrapped);
});

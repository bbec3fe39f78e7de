import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));

test('dropping files on the window imports them, refusing what is not text', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const files = await Promise.all(
    ['anadolu-meeting-utf16le.txt', 'photo.png'].map(async (name) => ({ name, bytes: [...(await readFile(fixture(name)))] })),
  );
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const target = document.querySelector('main')!;
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
  await isnad.confirmImport();
  await expect(isnad.status).toContainText('Imported 1 document.');
  await expect(isnad.status).toContainText('“photo.png” is not an article: images are not imported');
  await expect(isnad.article).toContainText('قالت وكالة الأناضول إن وزراء الخارجية الثلاثة سيجتمعون يوم الخميس.');
  await expect(page.getByText('Encoding: UTF-16 LE (byte-order mark)')).toBeVisible();
});

test('an export opened in a fresh profile restores the same corpus', async ({ page, browser }) => {
  test.setTimeout(60_000); // three browser profiles
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await isnad.selectText('وزارة التجارة الداخلية');
  await page.keyboard.press('2');
  await expect(isnad.spanItem('ORG — Organisation: وزارة التجارة الداخلية')).toBeVisible();
  const { download, json } = await isnad.exportJson();
  const exported = await download.path();

  // A new browser context is a new, empty IndexedDB: it starts with the sample corpus.
  const context = await browser.newContext();
  const fresh = new IsnadPage(await context.newPage());
  await fresh.goto();
  const renamed = `${exported}.json`;
  await (await import('node:fs/promises')).copyFile(exported, renamed);
  await fresh.openFiles([renamed]);
  // The three sample documents have the same text in both profiles: they are skipped.
  await expect(fresh.status).toContainText('Nothing was imported. Skipped 3 already in the corpus.');
  await context.close();

  // Import dataset… into a new corpus restores the identical corpus, ids and all. (Opened as
  // articles into another corpus, a native file's records get fresh ids: record ids are unique
  // across the corpora of one database.)
  const clean = await browser.newContext();
  const other = new IsnadPage(await clean.newPage());
  await other.goto();
  await other.chooseDataset([renamed]);
  await other.importIntoNewCorpus('Restored corpus');
  await expect(other.status).toContainText('Imported 3 documents and 9 spans (native) into the new corpus “Restored corpus”.');
  await other.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await expect(other.spanItem('ORG — Organisation: وزارة التجارة الداخلية')).toBeVisible();
  const again = await other.exportJson();
  expect(again.json.documents).toEqual(json.documents);
  await clean.close();
});

test('the production page carries a strict Content-Security-Policy and runs without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
  await isnad.selectText('كفرنبل');
  await page.keyboard.press('3');
  await expect(isnad.spanItem('LOC — Location: كفرنبل')).toBeVisible();
  await isnad.exportJson();
  expect(violations).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';

const folder = fileURLToPath(new URL('../fixtures/folder-import', import.meta.url));

test('import a folder of mixed files: mapping, collapsed repeats, report, near-duplicates, search', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import folder/ }).click();
  await (await chooser).setFiles(folder);

  const dialog = isnad.importDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Import 7 files');
  await expect(dialog).toContainText('3 files or folders will be skipped: hidden, links or not articles');
  // Before importing, each file says what detection found, so that an override is an informed choice.
  const legacy = dialog.getByRole('combobox', { name: 'Encoding of folder-import/legacy/novosti-delegation-cp1256.txt' });
  await expect(legacy.locator('option:checked')).toHaveText(/^Automatic: Windows-1256 \(Arabic\), detected \d+%$/);
  await expect(dialog.getByRole('combobox', { name: 'Encoding of folder-import/notes.md' }).locator('option:checked')).toHaveText('Automatic: UTF-8');
  await expect(dialog.getByRole('row', { name: /library-opening\.docx/ })).toContainText('Word document (no encoding to choose)');
  await legacy.selectOption('windows-1256');
  await dialog.getByRole('textbox', { name: 'Text field' }).fill('body');
  await dialog.getByRole('textbox', { name: 'Title field' }).fill('headline');
  await dialog.getByRole('textbox', { name: 'Outlet field' }).fill('source');
  await dialog.getByRole('checkbox', { name: /Collapse repeated paragraphs/ }).check();
  await isnad.confirmImport();

  // The report: one line per file worth mentioning.
  await expect(isnad.status).toContainText('Imported 10 documents.');
  // The folder's hidden and non-article entries are left out, not refused: counted apart.
  await expect(isnad.status).toContainText('Left out 3 entries of the folder (hidden, or not articles).');
  await expect(isnad.status).not.toContainText('Refused');
  await expect(isnad.status).toContainText('Skipped 1 record inside files.');
  await expect(isnad.status).toContainText('folder-import/records/agencies.jsonl, line 3: not valid JSON');
  await expect(isnad.status).toContainText('“folder-import/docs/photo.png” skipped: not an article file.');
  // Hidden files and folders are skipped and reported, as the desktop app and the CLI do.
  await expect(isnad.status).toContainText('“folder-import/.hidden-notes.txt” skipped: hidden file.');
  await expect(isnad.status).toContainText('“folder-import/.drafts” skipped: hidden folder (not opened).');
  await expect(isnad.status).not.toContainText('draft.txt');
  await expect(isnad.status).toContainText('folder-import/legacy/novosti-delegation-cp1256.txt: Plain text, Windows-1256 (Arabic) (chosen by you)');
  await expect(isnad.status).toContainText('folder-import/legacy/repeated-body.txt: Plain text, UTF-8 · 2 repeated paragraphs removed');
  await expect(isnad.status).not.toContainText('نص من السكربت');
  // The report shows its first lines (what went wrong first) and folds the rest away.
  const more = isnad.status.getByText(/^Show \d+ more lines$/);
  await expect(isnad.status.getByText('folder-import/records/agencies.jsonl, line 3: not valid JSON', { exact: false })).toBeVisible();
  await expect(isnad.status.getByText('repeated-body.txt: Plain text', { exact: false })).toBeHidden();
  await more.click();
  await expect(isnad.status.getByText('repeated-body.txt: Plain text', { exact: false })).toBeVisible();
  await expect(isnad.documentList.getByRole('listitem')).toHaveCount(3 + 10);

  // HTML: the article only — no navigation, scripts or cookie banners.
  await isnad.openDocument(/أمطار غزيرة تغلق طرقاً جبلية في الشمال/);
  await expect(isnad.article).not.toContainText('نص من السكربت');
  await expect(isnad.article).not.toContainText('ملفات تعريف الارتباط');
  await page.getByText('Document details').click();
  const details = page.getByRole('form', { name: 'Document details' });
  await expect(details.getByRole('textbox', { name: 'Outlet' })).toHaveValue('صحيفة الوادي');
  await expect(page.locator('.doc-details')).toContainText('HTML page');

  // Repeated body collapsed, and recorded on the document.
  await isnad.openDocument(/مجلس المدينة يقر ميزانية العام الجديد/);
  await expect(isnad.article.locator('p')).toHaveCount(3);
  await expect(page.locator('.doc-details')).toContainText('2 removed at import');

  // Details are editable (not the text) and the edit is durable and undoable.
  await details.getByRole('textbox', { name: 'Outlet' }).fill('نشرة البلدية');
  await details.getByRole('textbox', { name: 'Outlet' }).press('Enter');
  await expect(isnad.documentButton(/مجلس المدينة/)).toContainText('نشرة البلدية');
  await page.reload();
  await isnad.openDocument(/مجلس المدينة يقر ميزانية العام الجديد/);
  await expect(isnad.documentButton(/مجلس المدينة/)).toContainText('نشرة البلدية');

  // Near-duplicates: the same story from two outlets is grouped in the list.
  await expect(isnad.documentButton(/وقف لإطلاق النار في ريف إدلب الجنوبي/)).toHaveAccessibleName(/similar to 1 other \(group 1\)/);
  await expect(isnad.documentButton(/بدء هدنة في ريف إدلب الجنوبي/)).toHaveAccessibleName(/similar to 1 other \(group 1\)/);
  await expect(isnad.documentButton(/معرض للكتاب في حلب/)).not.toHaveAccessibleName(/similar/);

  // Search ignores harakat and hamza forms: "اكد" finds "وأكَّدَ"; highlighted at the original position.
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  await search.fill('اكد مصدر');
  await expect(isnad.documentList.getByRole('listitem')).toHaveCount(1);
  await isnad.openDocument(/ارتفاع أسعار الوقود/);
  expect(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('isnad-search')!].map((r) => r.toString()))).toEqual(['أكَّدَ مصدر']);
  await search.fill('أكَّدَ مصدر');
  await expect(isnad.documentList.getByRole('listitem')).toHaveCount(1);
  await search.fill('الهدنه');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('0 of 13 documents');
  await page.getByRole('checkbox', { name: 'Treat ة as ه' }).check();
  await expect(isnad.documentList.getByRole('listitem')).toHaveCount(1);
  await search.fill('');

  // Filters: by outlet.
  await page.getByRole('combobox', { name: 'Filter by outlet' }).selectOption('وكالة الشمال');
  await expect(isnad.documentList.getByRole('listitem')).toHaveCount(2);
});

test('an empty title is refused in the details and the field shows the stored title again', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.openDocument(/قاسيون: ارتفاع أسعار الخبز/);
  await isnad.openDocumentDetails();
  const stored = await isnad.titleField.inputValue();
  expect(stored).toMatch(/^قاسيون: ارتفاع أسعار الخبز/);

  await isnad.titleField.fill('');
  await isnad.titleField.press('Enter');
  await expect(isnad.status).toContainText('A document needs a title.');
  await expect(isnad.titleField).toHaveValue(stored);
  await expect(isnad.documentButton(/قاسيون: ارتفاع أسعار الخبز/)).toBeVisible();

  // The same when the field is left instead (Tab): refused, the stored title back.
  await isnad.titleField.fill('   ');
  await isnad.titleField.press('Tab');
  await expect(isnad.titleField).toHaveValue(stored);

  // A real change still goes through.
  await isnad.titleField.fill('قاسيون: عنوان جديد');
  await isnad.titleField.press('Enter');
  await expect(isnad.documentButton(/قاسيون: عنوان جديد/)).toBeVisible();
  await expect(isnad.titleField).toHaveValue('قاسيون: عنوان جديد');
});

test('a large import shows its progress and can be cancelled without half-imported documents', async ({ page }) => {
  // 5,000 files are written, handed to the file chooser and imported: allow for a slow machine.
  test.setTimeout(120_000);
  const dir = test.info().outputPath('many');
  await mkdir(dir, { recursive: true });
  const paragraph = 'أعلنت الوكالة في بيان رسمي أن الاجتماع سيعقد الأسبوع المقبل لبحث الملفات العالقة بين الطرفين. ';
  const textOf = (i: number): string => `خبر رقم ${i}\n${paragraph.repeat(40)}${i}\n`;
  await Promise.all(Array.from({ length: 5000 }, (_, i) => writeFile(join(dir, `article-${String(i).padStart(4, '0')}.txt`), textOf(i))));
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import folder/ }).click();
  await (await chooser).setFiles(dir);
  await expect(isnad.importDialog.getByRole('heading')).toHaveText('Import 5000 files');
  await expect(isnad.importDialog).toContainText('…and 4800 more files');
  await isnad.importDialog.getByRole('button', { name: 'Import 5000 files' }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^Importing \d+ of 5000 files/)).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000, intervals: [50] }).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(progress).toHaveCount(0, { timeout: 20_000 });
  await expect(isnad.status).toContainText('Import cancelled');
  const text = (await isnad.status.locator('p').first().textContent()) ?? '';
  const imported = Number(/Imported (\d+) documents?/.exec(text)?.[1] ?? 0);
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(5000);
  // Every imported document is whole: the list holds exactly the reported number, and each has its full text.
  const stored = await page.evaluate(async () => {
    const request = indexedDB.open('isnad');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const db = request.result;
    const docs = await new Promise<Array<{ text: string; meta: { origin: string } }>>((resolve) => {
      const all = db.transaction('documents').objectStore('documents').getAll();
      all.onsuccess = () => resolve(all.result);
    });
    db.close();
    return docs.filter((d) => d.meta.origin === 'file').map((d) => d.text);
  });
  expect(stored.length).toBe(imported);
  for (const text of stored) expect(text).toBe(textOf(Number(/^خبر رقم (\d+)/.exec(text)![1])));
});

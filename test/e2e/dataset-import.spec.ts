import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IsnadPage } from './pages/isnad-page';
import { isolatable } from './support/isolates';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/formats/${path}`, import.meta.url));
const SHOTS = 'test-results/screens';
// ../shared beside the checkout (as CI lays it out), or beside the worktrees' parent.
const NEWSFANE =
  ['../../../shared/corpora/ner_newsfane_gold_first300.conll', '../../../../shared/corpora/ner_newsfane_gold_first300.conll'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p)) ?? 'ner_newsfane_gold_first300.conll';

test('a messy CoNLL file into a new corpus: report of skipped and repaired lines, spans on the right words', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.chooseDataset([fixture('conll/messy-news.conll')]);
  await expect(isnad.datasetDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('conll');
  await expect(isnad.datasetDialog).toContainText('Read 2 documents, 3 spans');
  await expect(isnad.importReport).toContainText('messy-news.conll, line 1 — repaired: Byte-order mark removed.');
  await expect(isnad.importReport).toContainText('line 7 — skipped: Empty token: line skipped.');
  await expect(isnad.importReport).toContainText('line 22 — skipped');
  await expect(isnad.importReport).toContainText(isolatable('Bidi marks removed from the token “وكالة”'));
  await page.screenshot({ path: `${SHOTS}/dataset-import-conll.png` });
  await isnad.importIntoNewCorpus('أخبار مصححة');
  await expect(isnad.status).toContainText('Imported 2 documents and 3 spans (conll) into the new corpus');
  await expect(isnad.documentList.getByRole('button')).not.toHaveCount(0);
  await isnad.openDocument(/^messy-news-1/);
  expect(await isnad.highlightedTexts('ORG')).toEqual(['وكالة سانا']);
  expect(await isnad.highlightedTexts('LOC')).toEqual(['دمشق']);
  await isnad.openDocument(/^messy-news-2/);
  expect(await isnad.highlightedTexts('ORG')).toEqual(['الأمم المتحدة']);
});

test('a brat .txt + .ann pair into a new corpus (an emoji before the spans); the unpaired .ann is reported', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.chooseDataset([fixture('brat/agency-report.txt'), fixture('brat/agency-report.ann'), fixture('brat/orphan.ann')]);
  await expect(isnad.datasetDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('brat');
  await expect(isnad.importReport).toContainText('orphan.ann — skipped: Unpaired: no orphan.txt was given with it');
  await isnad.importIntoNewCorpus('agency-report');
  await isnad.openDocument(/agency-report/);
  expect(await isnad.highlightedTexts('CLAIM')).toEqual(['المعبر سيفتح غداً']);
  expect(await isnad.highlightedTexts('ORG')).toEqual(['وكالة الأناضول']);
  expect(await isnad.highlightedTexts('CUE')).toEqual(['نقلت']);
});

test('merge a doccano file with a conflict into the open corpus: preview, choice, one undo takes it back', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const { json } = await isnad.exportJson();
  const doc = json.documents[0]!;
  const at = (quote: string): [number, number] => [doc.text.indexOf(quote), doc.text.indexOf(quote) + quote.length];
  // Our reviewer says نوفوستي is a person (the corpus says ORG) and marks كفرنبل as a place.
  const line = JSON.stringify({ id: 1, text: doc.text, label: [[...at('نوفوستي'), 'PER'], [...at('كفرنبل'), 'LOC'], [...at('أنقرة'), 'LOC']] });
  await isnad.chooseDataset([{ name: 'review.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${line}\n{"text": "سطر مقطوع", "label": [[0, 3\n`) }]);
  await expect(isnad.datasetDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('doccano');
  await expect(isnad.importReport).toContainText('line 2 — skipped');
  await isnad.datasetDialog.getByRole('radio', { name: /The open corpus/ }).check();
  await expect(isnad.mergePreview).toContainText('1 already in the corpus (same text)');
  await expect(isnad.mergePreview).toContainText('Identical spans: 1');
  await expect(isnad.mergePreview.getByRole('list', { name: 'Conflicting spans' })).toContainText('other label: corpus ORG “نوفوستي”; file PER “نوفوستي”');
  await isnad.mergePreview.getByRole('combobox', { name: /^Conflicting spans: 1/ }).selectOption('take-incoming');
  await page.screenshot({ path: `${SHOTS}/dataset-merge-preview.png` });
  await isnad.datasetDialog.getByRole('button', { name: /^Merge into/ }).click();
  await expect(isnad.datasetDialog).toBeHidden();
  await expect(isnad.status).toContainText('Merged “review.jsonl”');
  await isnad.openDocument(doc.title);
  expect(await isnad.highlightedTexts('PER')).toEqual(['نوفوستي']);
  expect(await isnad.highlightedTexts('ORG')).not.toContain('نوفوستي');
  expect(await isnad.highlightedTexts('LOC')).toEqual(expect.arrayContaining(['كفرنبل', 'أنقرة']));
  await expect(isnad.undoButton).toHaveAccessibleName('Undo: Merge “review.jsonl”');
  await isnad.undoButton.click();
  await expect(isnad.status).toContainText('Undid: Merge “review.jsonl”');
  expect(await isnad.highlightedTexts('PER')).toEqual([]);
  expect(await isnad.highlightedTexts('ORG')).toContain('نوفوستي');
  expect(await isnad.highlightedTexts('LOC')).not.toContain('كفرنبل');
  // The undo is stored too.
  await page.reload();
  await isnad.openDocument(doc.title);
  expect(await isnad.highlightedTexts('ORG')).toContain('نوفوستي');
});

test('merging a native file brings the attribute values its team added; one undo takes them back', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const { json } = await isnad.exportJson();
  const schema = json.schema as ExportedSchema;
  expect(schema.attributes?.stance ?? []).not.toContain('sarcastic');
  // Another team's copy of this corpus, whose schema has a stance and a claim type of its own.
  const attributes = schema.attributes ?? { quotation: ['direct', 'indirect', 'mixed'], stance: ['asserted', 'hedged', 'denied', 'questioned'], claimType: ['statement'] };
  const theirs = { ...json, schema: { ...schema, attributes: { ...attributes, stance: [...attributes.stance, 'sarcastic'], claimType: [...attributes.claimType, 'rumour'] } } };
  await isnad.chooseDataset([{ name: 'team.isnad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) }]);
  await isnad.datasetDialog.getByRole('radio', { name: /The open corpus/ }).check();
  await expect(isnad.mergePreview).toContainText('Attribute values added to the corpus: sarcastic, rumour.');
  await isnad.datasetDialog.getByRole('button', { name: /^Merge into/ }).click();
  await expect(isnad.datasetDialog).toBeHidden();
  const merged = (await isnad.exportJson()).json.schema as ExportedSchema;
  expect(merged.attributes?.stance).toContain('sarcastic');
  expect(merged.attributes?.claimType).toContain('rumour');
  await isnad.undoButton.click();
  const undone = (await isnad.exportJson()).json.schema as ExportedSchema;
  expect(undone.attributes?.stance ?? []).not.toContain('sarcastic');
  expect(undone.attributes?.claimType ?? []).not.toContain('rumour');
});

/** The schema of a native export, with its attribute values. */
type ExportedSchema = { attributes?: { quotation: string[]; stance: string[]; claimType: string[] } };

test('switch corpora; a reload opens the corpus that was open; rename and delete with confirmation', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await expect(isnad.corpusButton).toHaveAccessibleName('Corpus: Sample corpus');
  await isnad.corpusButton.click();
  await isnad.corpusDialog.getByRole('textbox', { name: 'New corpus name' }).fill('مدونة الاختبار');
  await isnad.corpusDialog.getByRole('button', { name: 'Create empty corpus' }).click();
  await expect(isnad.corpusButton).toHaveAccessibleName(isolatable('Corpus: مدونة الاختبار'));
  await expect(isnad.documentList.getByRole('button', { name: /نوفوستي/ })).toHaveCount(0);
  await page.reload();
  await expect(isnad.corpusButton).toHaveAccessibleName(isolatable('Corpus: مدونة الاختبار'));

  await isnad.corpusButton.click();
  const table = isnad.corpusDialog.getByRole('table', { name: 'Stored corpora' });
  await expect(table.getByRole('row', { name: /Sample corpus/ })).toContainText('3');
  await expect(table.getByRole('row', { name: /مدونة الاختبار/ })).toContainText('0');
  await page.screenshot({ path: `${SHOTS}/corpus-dialog.png` });
  await isnad.corpusDialog.getByRole('button', { name: isolatable('Rename مدونة الاختبار') }).click();
  await isnad.corpusDialog.getByRole('textbox', { name: isolatable('New name for مدونة الاختبار') }).fill('مدونة فارغة');
  await isnad.corpusDialog.getByRole('button', { name: 'Save name' }).click();
  await expect(isnad.corpusButton).toHaveAccessibleName(isolatable('Corpus: مدونة فارغة'));
  await isnad.corpusDialog.getByRole('button', { name: 'Open Sample corpus' }).click();
  await expect(isnad.corpusButton).toHaveAccessibleName('Corpus: Sample corpus');
  await expect(isnad.documentList.getByRole('button', { name: /نوفوستي/ }).first()).toBeVisible();
  await page.reload();
  await expect(isnad.corpusButton).toHaveAccessibleName('Corpus: Sample corpus');

  await isnad.corpusButton.click();
  await isnad.corpusDialog.getByRole('button', { name: 'Delete Sample corpus' }).click();
  const confirm = isnad.corpusDialog.getByRole('alertdialog', { name: 'Delete “Sample corpus”?' });
  await expect(confirm).toContainText('This deletes 3 documents');
  await page.screenshot({ path: `${SHOTS}/corpus-delete-confirm.png` });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await isnad.corpusDialog.getByRole('button', { name: isolatable('Delete مدونة فارغة') }).click();
  await isnad.corpusDialog.getByRole('button', { name: 'Delete corpus and 0 documents' }).click();
  await expect(isnad.status).toContainText(isolatable('Deleted the corpus “مدونة فارغة”'));
  await expect(table.getByRole('row')).toHaveCount(2); // header + Sample corpus
});

test('dropping a CoNLL file opens the dataset dialog, not the article import', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['قال O\nالوزير B-PER\n'], 'tiny.conll', { type: 'text/plain' }));
    return data;
  });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(isnad.datasetDialog).toBeVisible();
  await expect(isnad.importDialog).toBeHidden();
  await expect(isnad.datasetDialog).toContainText('Read 1 document, 1 span');
});

test('the real NewsFANE CoNLL file (BOM, CRLF, direction marks) through the app', async ({ page }) => {
  test.skip(!existsSync(NEWSFANE), `${NEWSFANE} is not here (../shared/corpora is absent)`);
  test.setTimeout(60_000);
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.chooseDataset([NEWSFANE]);
  await expect(isnad.datasetDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('conll');
  await expect(isnad.importReport).toContainText('Byte-order mark removed.');
  await expect(isnad.importReport).toContainText('Bidi marks removed');
  const summary = await isnad.datasetDialog.locator('.dataset-summary').innerText();
  test.info().annotations.push({ type: 'newsfane', description: summary });
  await isnad.importIntoNewCorpus('NewsFANE sample');
  await expect(isnad.status).toContainText('into the new corpus “NewsFANE sample”');
});

test('a brat folder through the corpus dialog (the directory picker): pairs imported, the unpaired .ann reported', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await isnad.corpusButton.click();
  const chooser = page.waitForEvent('filechooser');
  await isnad.corpusDialog.getByRole('button', { name: 'Import brat folder…' }).click();
  await (await chooser).setFiles(fileURLToPath(new URL('../fixtures/formats/brat', import.meta.url)));
  await expect(isnad.datasetDialog).toBeVisible();
  await expect(isnad.datasetDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('brat');
  await expect(isnad.importReport).toContainText('brat/orphan.ann — skipped: Unpaired');
  await isnad.importIntoNewCorpus('brat folder');
  await isnad.openDocument(/agency-report/);
  expect(await isnad.highlightedTexts('ORG')).toEqual(['وكالة الأناضول']);
});

test('the keys and the command palette reach both dialogs', async ({ page }) => {
  const isnad = new IsnadPage(page);
  // What the page says while the key opens the chooser (a refused chooser is reported only there).
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await isnad.goto();
  // Armed before any key: the file chooser is intercepted from well before the key that opens it.
  const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
  await page.keyboard.press('Control+Shift+K');
  await expect(isnad.corpusDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(isnad.corpusDialog).toBeHidden();
  await page.keyboard.press('Control+Shift+D');
  const opened = await chooser.catch((error: unknown) => {
    throw new Error(`Ctrl+Shift+D opened no file chooser (${String(error)}); the page said: ${console.join(' | ') || 'nothing'}`);
  });
  await opened.setFiles([fixture('conll/messy-news.conll')]);
  await expect(isnad.datasetDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await isnad.commandSearch.fill('corpora');
  const option = isnad.commandPalette.getByRole('option').first();
  await expect(option).toContainText('Corpora: open, create, rename, delete…');
  await expect(option.locator('kbd')).toContainText(['Ctrl+Shift+K']);
  await page.keyboard.press('Enter');
  await expect(isnad.corpusDialog).toBeVisible();
});

test.describe('dataset import in the Arabic interface', () => {
  test.use({ locale: 'ar-EG' });

  test('the dialogs, the report and the merge preview speak Arabic; names and file names stay isolated', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('toolbar', { name: 'شريط الأدوات الرئيسي' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^المدوّنة: / })).toBeVisible();
    await page.keyboard.press('Control+Shift+K');
    const corpora = page.getByRole('dialog', { name: 'المدوّنات' });
    await expect(corpora.getByRole('table', { name: 'المدوّنات المحفوظة' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/corpus-dialog-ar.png`, animations: 'disabled' });
    await page.keyboard.press('Escape');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'استيراد مجموعة بيانات…' }).click();
    await (await chooser).setFiles([fixture('conll/messy-news.conll')]);
    const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
    await expect(dialog.getByRole('combobox', { name: 'الصيغة' })).toHaveValue('conll');
    await expect(dialog).toContainText('قُرئ مستندان و3 مقاطع');
    const report = dialog.getByRole('region', { name: 'تقرير الاستيراد' });
    await expect(report).toContainText('messy-news.conll، السطر 7 — تُرك: وحدة لفظية فارغة: تُرك السطر.');
    await page.screenshot({ path: `${SHOTS}/dataset-import-ar.png`, animations: 'disabled' });
    await dialog.getByRole('radio', { name: /^المدوّنة المفتوحة/ }).check();
    const preview = dialog.getByRole('region', { name: 'معاينة الدمج' });
    await expect(preview).toContainText('مستندان جديدان');
    await page.screenshot({ path: `${SHOTS}/dataset-merge-ar.png`, animations: 'disabled' });
    await dialog.getByRole('radio', { name: 'مدوّنة جديدة' }).check();
    await dialog.getByRole('textbox', { name: 'اسم المدوّنة الجديدة' }).fill('أخبار مصححة');
    await dialog.getByRole('button', { name: 'الاستيراد إلى مدوّنة جديدة' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.locator('.status-area')).toContainText('إلى المدوّنة الجديدة «أخبار مصححة»');
  });
});

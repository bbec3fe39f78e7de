import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { IsnadPage } from './pages/isnad-page';

/** Imports an article we write (`text` into `path`) beside the sample corpus and opens it. */
async function openOwnArticle(page: Page, path: string, text: string, title: RegExp): Promise<IsnadPage> {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await writeFile(path, text);
  await isnad.openFiles([path]);
  await isnad.openDocument(title);
  return isnad;
}

test('export a dataset as doccano JSONL: UTF-16 offsets that slice to the quoted spans', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('doccano');
  await expect(dialog).toContainText('UTF-16');
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^isnad-sample-corpus-doccano-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(3);
  // Without attributions doccano's sequence-labelling variant is written: [start, end, label] in UTF-16 units.
  const spans = lines.flatMap((l) => (l.label as Array<[number, number, string]>).map(([start, end, label]) => `${label}:${l.text.slice(start, end)}`));
  expect(spans).toContain('SOURCE:مصدر في الخارجية');
  expect(spans).toContain('CUE:نقلت');
  await expect(isnad.status).toContainText('Exported 3 documents and 8 spans as doccano');
});

test('export only the documents the list shows for a search (Arabic-insensitive)', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  // Written with a stray fatha, the search still finds “الخبز”.
  await isnad.searchBox.fill('الخَبز');
  const list = page.getByRole('navigation', { name: 'Documents' });
  await expect(list.getByRole('button', { name: /ارتفاع أسعار الخبز/ })).toBeVisible();
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  await dialog.getByRole('checkbox', { name: /^Only the 1 document the list shows/ }).check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadPromise;
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { title: string });
  expect(lines.map((l) => l.title)).toEqual(['قاسيون: ارتفاع أسعار الخبز في دمشق']);
});

test('a train/dev/test split is reproducible and comes as a zip of JSON Lines files', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const exportSplit = async (): Promise<Record<string, string>> => {
    await page.getByRole('button', { name: 'Export dataset…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dataset' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    await dialog.getByRole('checkbox', { name: /Split into train/ }).check();
    await dialog.getByRole('spinbutton', { name: 'train %' }).fill('34');
    await dialog.getByRole('spinbutton', { name: 'dev %' }).fill('33');
    await dialog.getByRole('spinbutton', { name: 'test %' }).fill('33');
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
    return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name.split('/').slice(1).join('/'), strFromU8(bytes)]));
  };
  const first = await exportSplit();
  expect(Object.keys(first).sort()).toEqual(['dev/sample-corpus.jsonl', 'test/sample-corpus.jsonl', 'train/sample-corpus.jsonl']);
  const ids = Object.values(first).flatMap((text) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string));
  expect(new Set(ids).size).toBe(3);
  for (const text of Object.values(first)) {
    for (const line of text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))) {
      const cps = Array.from(line.text as string);
      for (const e of line.entities) expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
    }
  }
  const second = await exportSplit();
  expect(second).toEqual(first);
});

test('a long export shows its progress and can be cancelled without writing anything; then it runs to the end', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  // Hold the export worker's script, so that the export waits where a long one would be.
  let releaseWorker: () => void = () => undefined;
  const workerHeld = new Promise<void>((resolve) => (releaseWorker = resolve));
  await page.route(/export-worker[^/]*\.js$/, async (route) => {
    await workerHeld;
    await route.continue();
  });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  const dialog = await isnad.openExportDialog();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByRole('group', { name: 'Export' });
  await expect(progress).toContainText('Exporting jsonl: 0 of 3 documents');
  await expect(progress.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('max', '3');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await progress.getByRole('button', { name: 'Cancel export' }).click();
  await expect(progress).toBeHidden();
  await expect(isnad.status).toContainText('Export cancelled; nothing was written.');
  await expect(dialog).toBeVisible();

  // The toolbar's native export shows its progress in the window, and cancels the same way.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await isnad.exportButton.click();
  await expect(isnad.exportProgress).toContainText('Exporting the corpus: 0 of 3 documents');
  await isnad.exportProgress.getByRole('button', { name: 'Cancel export' }).click();
  await expect(isnad.exportProgress).toBeHidden();
  await expect(isnad.status).toContainText('Export cancelled; nothing was written.');
  expect(downloads).toEqual([]);

  // Let the worker load: the same export now runs to the end and is saved once.
  releaseWorker();
  await isnad.openExportDialog();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  await expect(isnad.exportProgress).toHaveCount(0);
  await expect(isnad.status).toContainText('Exported 3 documents and 8 spans as jsonl');
  expect(downloads).toEqual([download.suggestedFilename()]);
  const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; entities: Array<{ start: number; end: number; text: string }> });
  expect(lines).toHaveLength(3);
  for (const line of lines) for (const e of line.entities) expect(Array.from(line.text).slice(e.start, e.end).join('')).toBe(e.text);
});

test('the export dialog: the split boxes are disabled and look it until the split is ticked; labels stand apart from their boxes; the help is in plain words', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const boxes = ['train %', 'dev %', 'test %', 'Seed'].map((name) => dialog.getByRole('spinbutton', { name }));
  for (const box of boxes) {
    await expect(box).toBeDisabled();
    await expect(box).toHaveCSS('opacity', '0.5');
  }
  await dialog.getByRole('checkbox', { name: /Split into train/ }).check();
  for (const box of boxes) {
    await expect(box).toBeEnabled();
    await expect(box).toHaveCSS('opacity', '1');
    // The label's text ends a few pixels before its box ("train %" then the box, not "train %80").
    const gap = await box.evaluate((input) => {
      const range = document.createRange();
      range.selectNodeContents(input.closest('label')!.firstChild!);
      return input.getBoundingClientRect().left - range.getBoundingClientRect().right;
    });
    expect(gap).toBeGreaterThanOrEqual(4);
  }
  const format = dialog.getByRole('combobox', { name: 'Format' });
  await format.selectOption('doccano');
  await expect(dialog).toContainText('Character positions: UTF-16 code units, as doccano counts; this differs from Python’s count only for emoji');
  await format.selectOption('conll');
  await expect(dialog).toContainText('Character positions: None; the file has one word per line');
  for (const name of ['jsonl', 'doccano', 'label-studio', 'brat', 'conll', 'spacy', 'web-annotation', 'native']) {
    await format.selectOption(name);
    await expect(dialog).not.toContainText(/doccano#|Intl\.Segmenter|emoji\.cy|e2e|str indices|End-exclusive/);
  }
});

test('a unit chosen for JSON Lines is not carried into spaCy or brat, whose files cannot say their unit', async ({ page }, testInfo) => {
  // An emoji before the span: code points and UTF-16 units differ there.
  const isnad = await openOwnArticle(page, testInfo.outputPath('emoji-before.txt'), 'رمز وكلمة\n\n😀 قال المتحدث باسم الوزارة إن الاجتماع انتهى.\n', /رمز وكلمة/);
  await isnad.mark('المتحدث', '1');
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const unit = dialog.getByRole('combobox', { name: 'Offset unit' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  await unit.selectOption('utf16');
  // spaCy: code points, and no other choice.
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('spacy');
  await expect(unit).toBeDisabled();
  await expect(unit.locator('option:checked')).toHaveText(/code points/);
  await dialog.getByRole('checkbox', { name: 'PER' }).check();
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloadPromise;
  const examples = JSON.parse(await readFile(await download.path(), 'utf8')) as Array<[string, { entities: Array<[number, number, string]> }]>;
  const [text, { entities }] = examples.find(([t]) => t.includes('😀'))!;
  const [start, end] = entities[0]!;
  expect(Array.from(text).slice(start, end).join('')).toBe('المتحدث');
  // Back to JSON Lines, whose lines declare their unit: the choice made there is still there.
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
  await expect(unit).toBeEnabled();
  await expect(unit).toHaveValue('utf16');
});

test('CoNLL keeps a span after و or ب when Arabic prefixes are split, and says how many spans it wrote', async ({ page }, testInfo) => {
  const isnad = await openOwnArticle(page, testInfo.outputPath('clitics.txt'), 'زيارة\n\nزار الوزير وروسيا وبالقاهرة الأسبوع الماضي.\n', /زيارة/);
  await isnad.mark('روسيا', '3');
  await isnad.mark('القاهرة', '3');
  await expect(isnad.spanItem('LOC — Location: القاهرة')).toBeVisible();
  const exportConll = async (split: boolean): Promise<{ rows: string[]; spans: number }> => {
    await page.getByRole('button', { name: 'Export dataset…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dataset' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('conll');
    await dialog.getByRole('checkbox', { name: 'LOC' }).check();
    const box = dialog.getByRole('checkbox', { name: 'Split Arabic prefixes (و ف ب ل ك, ال) into tokens of their own' });
    await box.setChecked(split);
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const rows = (await readFile(await (await downloadPromise).path(), 'utf8')).split('\n');
    const said = (await isnad.status.textContent()) ?? '';
    return { rows, spans: Number(/Exported \d+ documents? and (\d+) spans?/u.exec(said)?.[1]) };
  };
  const whole = await exportConll(false);
  expect(whole.rows).toContain('وروسيا O');
  await expect(isnad.status).toContainText('روسيا');
  await expect(isnad.status).toContainText('it would be with Arabic prefixes split into tokens of their own');
  const split = await exportConll(true);
  expect(split.rows.join('|')).toContain('و O|روسيا B-LOC|و O|ب O|ال B-LOC|قاهرة I-LOC');
  // Two more spans written, and the count says so.
  expect(split.spans).toBe(whole.spans + 2);
});

test('a split whose parts do not add up to 100% is not exported; the dialog says why', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  await page.getByRole('button', { name: 'Export dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('checkbox', { name: /Split into train/ }).check();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await dialog.getByRole('spinbutton', { name: 'train %' }).fill('90');
  await expect(dialog.getByRole('alert')).toHaveText('The three parts must add up to 100% (now 110%).');
  await expect(exportButton).toBeDisabled();
  await dialog.getByRole('spinbutton', { name: 'train %' }).fill('80');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(exportButton).toBeEnabled();
});

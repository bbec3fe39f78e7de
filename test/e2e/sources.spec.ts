import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { exportNative } from '../../shared/formats/native';
import { sha256Hex } from '../../shared/model/hash';
import { defaultRegistry } from '../../shared/model/registry';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { AttributionRecord, DocumentRecord, SpanRecord } from '../../shared/model/types';
import { IsnadPage } from './pages/isnad-page';
import { SourcesView } from './pages/sources-view';
import { exactly, isolatable } from './support/isolates';

/** Screenshots of the view go to test-results/ (look at them: Arabic labels must read right to left). */
const screenshot = (name: string): string => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));

async function openSources(page: Page): Promise<{ isnad: IsnadPage; sources: SourcesView }> {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const sources = new SourcesView(page);
  await sources.open();
  return { isnad, sources };
}

/**
 * A native corpus file with two articles whose claims are attributed through chains:
 * Qasioun published "Novosti quoted a ministry source…" and "SANA said…"; SANA published
 * "Reuters reported…" and "Novosti quoted the Kremlin…".
 */
function corpusWithChains(): string {
  let n = 0;
  const ctx = { newId: () => `e2e-${++n}`, now: () => '2026-03-01T00:00:00.000Z', annotator: 'e2e' };
  const corpus = { id: 'e2e-corpus', name: 'Chains', schema: DEFAULT_LABEL_SCHEMA, createdAt: ctx.now() };
  const sources = defaultRegistry(corpus.id, ctx);
  const sourceId = (latin: string): string => sources.find((s) => s.nameLatin === latin)!.id;
  const documents: DocumentRecord[] = [];
  const spans: SpanRecord[] = [];
  const attributions: AttributionRecord[] = [];
  const article = (title: string, publisher: string, text: string, claims: Array<{ quote: string; chain: string[] }>): void => {
    const doc: DocumentRecord = {
      id: ctx.newId(),
      corpusId: corpus.id,
      title,
      text,
      sha256: sha256Hex(text),
      status: 'in-progress',
      order: documents.length,
      publisherId: sourceId(publisher),
      meta: { origin: 'file', fileName: `${title}.txt`, format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: ctx.now() },
    };
    documents.push(doc);
    for (const claim of claims) {
      const start = text.indexOf(claim.quote);
      const span: SpanRecord = { id: ctx.newId(), corpusId: corpus.id, docId: doc.id, start, end: start + claim.quote.length, label: 'CLAIM', annotator: 'e2e', createdAt: ctx.now() };
      spans.push(span);
      // The chain from the outside in: the first source relays the second, and so on.
      let via: string | undefined;
      for (const latin of claim.chain) {
        const a: AttributionRecord = { id: ctx.newId(), corpusId: corpus.id, docId: doc.id, claimSpanId: span.id, sourceId: sourceId(latin), annotator: 'e2e', createdAt: ctx.now(), ...(via ? { viaId: via } : {}) };
        attributions.push(a);
        via = a.id;
      }
    }
  };
  article('قاسيون: محادثات وطريق مغلق', 'Qasioun News Agency', 'ونقلت وكالة نوفوستي عن مصدر في الخارجية الروسية قوله إن المحادثات ستستأنف الأسبوع المقبل.\nوقالت وكالة سانا إن الطريق الدولي ما زال مغلقاً.\n', [
    { quote: 'المحادثات ستستأنف الأسبوع المقبل', chain: ['RIA Novosti', 'Russian Ministry of Foreign Affairs'] },
    { quote: 'الطريق الدولي ما زال مغلقاً', chain: ['SANA'] },
  ]);
  article('سانا: أسعار ولقاء', 'SANA', 'وذكرت رويترز أن أسعار الوقود ارتفعت مجدداً.\nونقلت نوفوستي عن الكرملين أن اللقاء كان إيجابياً.\n', [
    { quote: 'أسعار الوقود ارتفعت مجدداً', chain: ['Reuters'] },
    { quote: 'اللقاء كان إيجابياً', chain: ['RIA Novosti', 'Kremlin'] },
  ]);
  const state = createCorpusState(corpus, documents, spans, sources, attributions);
  const result = exportNative(state, { exportedAt: ctx.now(), offsetUnit: 'codepoint', generator: 'sources.spec' });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.json;
}

test('the default registry is listed with its counts and the graph has an accessible name', async ({ page }) => {
  const { isnad, sources } = await openSources(page);
  for (const [latin, arabic] of [
    ['RIA Novosti', 'وكالة نوفوستي'],
    ['Qasioun News Agency', 'وكالة قاسيون للأنباء'],
    ['SANA', 'الوكالة العربية السورية للأنباء'],
    ['Reuters', 'رويترز'],
  ]) {
    const row = sources.row(new RegExp(`^${arabic} ${latin}$`));
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').first()).toHaveText('News agency');
  }
  await expect(sources.row(/Qasioun News Agency/)).toContainText(isolatable('Ambiguous: قاسيون, Qasioun'));
  await expect(sources.table.getByRole('columnheader')).toHaveText(['Name (Arabic and Latin)', 'Kind', 'Aliases', 'Claims', 'Documents', 'As publisher', 'Relayed', 'Actions']);
  await expect(sources.graph).toBeVisible();
  await expect(sources.main.getByRole('heading', { name: 'Who cites whom' })).toBeVisible();

  await sources.main.getByRole('button', { name: 'Back to the article' }).click();
  await expect(sources.main).toBeHidden();
  await expect(isnad.article).toBeVisible();
  await expect(sources.sourcesButton).toHaveAttribute('aria-pressed', 'false');
});

test('add a source by the form, edit its aliases, delete it', async ({ page }) => {
  const { sources } = await openSources(page);

  // An empty form is refused, with the reason next to the field, which gets the focus.
  await sources.main.getByRole('button', { name: 'Add source', exact: true }).click();
  await expect(sources.sourceDialog).toHaveAccessibleName('Add source');
  await sources.save();
  const arabicName = sources.sourceDialog.getByLabel('Arabic name', { exact: true });
  await expect(arabicName).toBeFocused();
  await expect(arabicName).toHaveAccessibleDescription(/Give the source a name in Arabic or in Latin script/);
  await sources.fill({ arabicName: 'وكالة شام برس', latinName: 'Sham Press', kind: 'News agency', arabicAliases: 'شام برس، شام', latinAliases: 'ShamPress', url: 'not a web address' });
  await sources.save();
  await expect(sources.sourceDialog.getByLabel('URL', { exact: true })).toHaveAccessibleDescription(/must be a web address/);
  await sources.fill({ url: 'https://www.champress.net' });
  await sources.save();
  await expect(sources.sourceDialog).toBeHidden();
  await expect(sources.status).toContainText(isolatable('Added Sham Press (وكالة شام برس) to the registry.'));
  const row = sources.row(/Sham Press/);
  await expect(row).toContainText('شام برس، شام');
  await expect(row).toContainText('ShamPress');

  // A second source with the same names is refused by the form.
  await sources.main.getByRole('button', { name: 'Add source', exact: true }).click();
  await sources.fill({ arabicName: 'وكالة شام برس', latinName: 'sham press' });
  await sources.save();
  await expect(sources.sourceDialog.getByLabel('Latin name', { exact: true })).toHaveAccessibleDescription(/already has these names/);
  await sources.sourceDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(sources.sourceDialog).toBeHidden();
  await expect(sources.main.getByRole('button', { name: 'Add source', exact: true })).toBeFocused();

  // Edit: the aliases come back as comma-separated text; the Arabic comma separates too.
  await sources.action('Edit', 'Sham Press (وكالة شام برس)').click();
  await expect(sources.sourceDialog).toHaveAccessibleName(exactly('Edit Sham Press (وكالة شام برس)'));
  await expect(sources.sourceDialog.getByLabel('Arabic aliases', { exact: true })).toHaveValue('شام برس، شام');
  await sources.fill({ arabicAliases: 'شام برس، شام بريس', latinAliases: 'ShamPress, Cham Press' });
  await sources.save();
  await expect(sources.sourceDialog).toBeHidden();
  await expect(row).toContainText('شام برس، شام بريس');
  await expect(row).toContainText('ShamPress, Cham Press');

  await sources.action('Delete', 'Sham Press (وكالة شام برس)').click();
  await expect(sources.row(/Sham Press/)).toHaveCount(0);
  await expect(sources.status).toContainText(isolatable('Deleted Sham Press (وكالة شام برس) from the registry'));
});

test('merge two sources: the merged names become aliases; undo brings the source back', async ({ page }) => {
  const { isnad, sources } = await openSources(page);
  // Nothing is chosen at first, so Merge waits for a choice; Escape leaves without merging.
  await sources.mergeButton('Sputnik (سبوتنيك)').click();
  await expect(sources.mergeDialog.getByRole('button', { name: 'Merge', exact: true })).toBeDisabled();
  await sources.mergeDialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Escape');
  await expect(sources.mergeDialog).toBeHidden();
  await expect(sources.mergeButton('Sputnik (سبوتنيك)')).toBeFocused();
  await sources.merge('Sputnik (سبوتنيك)', 'RIA Novosti (وكالة نوفوستي)');
  await expect(sources.row(/^سبوتنيك Sputnik$/)).toHaveCount(0);
  const novosti = sources.row(/RIA Novosti/);
  await expect(novosti).toContainText('سبوتنيك');
  await expect(novosti).toContainText('Sputnik');
  await expect(sources.status).toContainText(isolatable('Merged Sputnik (سبوتنيك) into RIA Novosti (وكالة نوفوستي).'));
  await isnad.undoButton.click();
  await expect(sources.row(/^سبوتنيك Sputnik$/)).toHaveCount(1);
  await expect(novosti).not.toContainText('Sputnik');
});

test('export the registry, then import registry files', async ({ page }) => {
  const { isnad, sources } = await openSources(page);
  const { fileName, json } = await sources.exportRegistry();
  expect(fileName).toBe('isnad-registry.json');
  expect(json).toMatchObject({ format: 'isnad-registry', version: 1 });
  expect(json.sources.length).toBeGreaterThanOrEqual(20);
  expect(json.sources).toContainEqual(expect.objectContaining({ nameLatin: 'RIA Novosti', nameAr: 'وكالة نوفوستي', kind: 'news-agency', aliasesLatin: expect.arrayContaining(['Novosti']) }));
  await expect(sources.status).toContainText(`Exported ${json.sources.length} sources`);

  const registry = test.info().outputPath('registry.json');
  await writeFile(
    registry,
    JSON.stringify({
      format: 'isnad-registry',
      version: 1,
      sources: [
        { nameAr: 'وكالة ستيب نيوز', nameLatin: 'Step News Agency', kind: 'news-agency', aliasesAr: ['ستيب نيوز', 'ستيب'], aliasesLatin: ['Step News'], ambiguous: ['ستيب'] },
        { nameAr: 'الدفاع المدني السوري', nameLatin: 'Syria Civil Defence', kind: 'international-org', aliasesAr: ['الخوذ البيضاء'], aliasesLatin: ['White Helmets'], url: 'https://www.syriacivildefence.org' },
        json.sources.find((s) => s.nameLatin === 'RIA Novosti'),
      ],
    }),
  );
  await sources.importRegistry([registry]);
  await expect(sources.status).toContainText('Imported 2 sources, skipped 1 already in the registry.');
  await expect(sources.row(/Step News Agency/)).toContainText(isolatable('Ambiguous: ستيب'));
  await expect(sources.row(/Syria Civil Defence/)).toContainText('الخوذ البيضاء');

  // A bare array works too; importing the same file again adds nothing.
  const bare = test.info().outputPath('bare.json');
  await writeFile(bare, JSON.stringify([{ nameAr: 'عنب بلدي', nameLatin: 'Enab Baladi', kind: 'media-outlet', aliasesAr: [], aliasesLatin: [] }]));
  await sources.importRegistry([bare]);
  await expect(sources.status).toContainText('Imported 1 source, skipped 0 already in the registry.');
  await sources.importRegistry([registry]);
  await expect(sources.status).toContainText('Imported 0 sources, skipped 3 already in the registry.');

  const wrong = test.info().outputPath('wrong.json');
  await writeFile(wrong, JSON.stringify({ sources: [{ nameAr: 'س', nameLatin: 'S', kind: 'newspaper', aliasesAr: [], aliasesLatin: [] }] }));

  // Several files chosen at once are one action: one Undo takes back every source they added; the refused file added nothing.
  const moreA = test.info().outputPath('more-a.json');
  const moreB = test.info().outputPath('more-b.json');
  await writeFile(moreA, JSON.stringify([{ nameAr: 'تلفزيون سوريا', nameLatin: 'Syria TV', kind: 'media-outlet', aliasesAr: [], aliasesLatin: [] }, { nameAr: 'وكالة ستيب نيوز', nameLatin: 'Step News Agency', kind: 'news-agency' }]));
  await writeFile(moreB, JSON.stringify([{ nameAr: 'الشبكة السورية لحقوق الإنسان', nameLatin: 'Syrian Network for Human Rights', kind: 'international-org' }, { nameAr: 'راديو روزنة', nameLatin: 'Rozana Radio', kind: 'media-outlet' }]));
  await sources.importRegistry([moreA, wrong, moreB]);
  await expect(sources.status).toContainText('Imported 3 sources, skipped 1 already in the registry; 1 file refused.');
  await expect(sources.row(/Syria TV/)).toHaveCount(1);
  await expect(sources.row(/Rozana Radio/)).toHaveCount(1);
  await expect(sources.row(/^س S$/)).toHaveCount(0);
  await expect(isnad.undoButton).toHaveAccessibleName('Undo: Import registry more-a.json, more-b.json (3 sources)');
  await isnad.undoButton.click();
  await expect(sources.row(/Syria TV/)).toHaveCount(0);
  await expect(sources.row(/Syrian Network/)).toHaveCount(0);
  await expect(sources.row(/Rozana Radio/)).toHaveCount(0);
  // The earlier imports stay: they were other actions.
  await expect(sources.row(/Step News Agency/)).toHaveCount(1);
  await expect(sources.row(/Enab Baladi/)).toHaveCount(1);
  await expect(isnad.undoButton).toHaveAccessibleName('Undo: Import registry bare.json (1 source)');

  // A file that is not a registry is refused with the reason, as an alert.
  await sources.importRegistry([wrong]);
  await expect(page.getByRole('alert')).toContainText('The registry could not be imported: wrong.json: it is not a source registry (sources[0].kind:');
});

test('the graph shows who cites whom, right to left, with Arabic labels', async ({ page }) => {
  const isnad = new IsnadPage(page);
  await isnad.goto();
  const file = test.info().outputPath('chains.json');
  await writeFile(file, corpusWithChains());
  await isnad.openFiles([file]);
  await expect(isnad.status).toContainText('Imported 2 documents');

  const sources = new SourcesView(page);
  await sources.open();
  await expect(sources.main.getByRole('img', { name: 'Who cites whom: 6 sources, 6 links' })).toBeVisible();
  // Heaviest links first, then by the names of their ends.
  await expect(sources.graphList.getByRole('listitem')).toHaveText(
    [
      'Qasioun News Agency (وكالة قاسيون للأنباء) cites RIA Novosti (وكالة نوفوستي) in its articles (1 claim)',
      'Qasioun News Agency (وكالة قاسيون للأنباء) cites SANA (الوكالة العربية السورية للأنباء) in its articles (1 claim)',
      'RIA Novosti (وكالة نوفوستي) relays Kremlin (الكرملين) (1 claim)',
      'RIA Novosti (وكالة نوفوستي) relays Russian Ministry of Foreign Affairs (وزارة الخارجية الروسية) (1 claim)',
      'SANA (الوكالة العربية السورية للأنباء) cites Reuters (رويترز) in its articles (1 claim)',
      'SANA (الوكالة العربية السورية للأنباء) cites RIA Novosti (وكالة نوفوستي) in its articles (1 claim)',
    ].map(isolatable),
  );

  // Counts in the table: Novosti has two claims in two documents and relayed two.
  const novosti = sources.row(/RIA Novosti/);
  await expect(novosti.getByRole('cell')).toHaveText(['News agency', /نوفوستي/, '2', '2', '0', '2', /^Edit.*Delete$/]);
  await expect(sources.row(/^الوكالة العربية السورية للأنباء SANA$/).getByRole('cell').nth(4)).toHaveText('1');

  // A source that claims point at cannot be deleted; the status area says why.
  await sources.action('Delete', 'RIA Novosti (وكالة نوفوستي)').click();
  await expect(page.getByRole('alert')).toHaveText(exactly('RIA Novosti (وكالة نوفوستي) cannot be deleted: 2 claims point at it. Merge it into another source instead.'));
  await expect(novosti).toHaveCount(1);

  // Right to left: the citing source stands to the right of the one it cites.
  const graph = sources.graph;
  const labelX = async (name: RegExp): Promise<number> => {
    const box = await graph.locator('text', { hasText: name }).boundingBox();
    return box!.x + box!.width / 2;
  };
  expect(await labelX(/^Qasioun News Agency$/)).toBeGreaterThan(await labelX(/^SANA$/));
  expect(await labelX(/^SANA$/)).toBeGreaterThan(await labelX(/^RIA Novosti$/));
  expect(await labelX(/^RIA Novosti$/)).toBeGreaterThan(await labelX(/^Kremlin$/));
  const arabicLabel = graph.locator('text', { hasText: 'وكالة نوفوستي' }).first();
  await expect(arabicLabel).toHaveCSS('direction', 'rtl');
  await expect(arabicLabel).toHaveCSS('font-family', /Noto Naskh Arabic/);

  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: screenshot('sources-view-table.png') });
  await graph.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('sources-view-graph.png') });
});

/**
 * In a 900 px window the registry fits: every row's buttons (and its name) are inside the
 * window, without scrolling the table sideways (its horizontal scrollbar would be below all
 * the rows), in English and in Arabic.
 */
for (const { locale, toolbar, sources: sourcesName, registry } of [
  { locale: 'en-GB', toolbar: 'Main toolbar', sources: 'Sources', registry: 'Registry' },
  { locale: 'ar-EG', toolbar: 'شريط الأدوات الرئيسي', sources: 'المصادر', registry: 'السجل' },
]) {
  test.describe(`in a 900 px window (${locale})`, () => {
    test.use({ locale, viewport: { width: 900, height: 700 } });

    test('each row of the registry shows its name and its buttons inside the window', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('toolbar', { name: toolbar }).getByRole('button', { name: sourcesName, exact: true }).click();
      const table = page.getByRole('main', { name: sourcesName }).getByRole('table', { name: registry });
      await expect(table).toBeVisible();
      const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
      expect(await rows.count()).toBeGreaterThan(20);
      // The first row, the one with the longest names (wrapped), and the last.
      for (const row of [rows.first(), rows.filter({ hasText: 'International Committee of the Red Cross' }), rows.last()]) {
        await row.scrollIntoViewIfNeeded();
        const cells = [row.getByRole('rowheader'), ...(await row.getByRole('button').all())];
        expect(cells).toHaveLength(4);
        for (const cell of cells) {
          const box = await cell.boundingBox();
          expect(box, await cell.textContent() ?? '').not.toBeNull();
          expect(box!.x, `${await cell.textContent()} starts inside the window`).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `${await cell.textContent()} ends inside the window`).toBeLessThanOrEqual(900);
        }
        // Tabbing to a button does not scroll the names out of view.
        await row.getByRole('button').first().focus();
        const name = (await row.getByRole('rowheader').boundingBox())!;
        expect(name.x).toBeGreaterThanOrEqual(0);
        expect(name.x + name.width).toBeLessThanOrEqual(900);
      }
    });
  });
}

/**
 * Crash tests: Chromium on a persistent profile is killed with SIGKILL (no unload handler,
 * no shutdown) in the middle of a burst of edits, of an import and of an export, then
 * started again on the same profile. Every change the app had acknowledged (shown) must be
 * there, and nothing may be half-applied.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsnadPage } from './pages/isnad-page';
import { CrashableBrowser } from './support/crashable-browser';
import { danglingReferences, readStoredRows } from './support/database';

const temporary: string[] = [];
let running: CrashableBrowser | null = null;

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

test.afterEach(async () => {
  await running?.close();
  running = null;
  for (const dir of temporary.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Starts (or restarts) the browser on the profile and opens Isnad. */
async function start(profile: string, baseURL: string, options: { downloadDir?: string } = {}): Promise<{ page: Page; isnad: IsnadPage }> {
  running = await CrashableBrowser.launch(profile, options);
  const page = await running.page();
  const isnad = new IsnadPage(page);
  await page.goto(baseURL);
  await expect(isnad.openButton).toBeVisible({ timeout: 20_000 });
  return { page, isnad };
}

async function crash(): Promise<void> {
  await running!.crash();
  running = null;
}

/** Words of the sample article on the Moscow talks, each with the label key that marks it. */
const BURST: Array<[word: string, occurrence: number, key: string, label: string]> = [
  ['موسكو', 0, '3', 'LOC'],
  ['إدلب', 0, '3', 'LOC'],
  ['التركي', 0, '2', 'ORG'],
  ['الأسبوع المقبل', 0, '4', 'DATE'],
  ['محافظة', 0, '3', 'LOC'],
  ['قاسيون', 0, '2', 'ORG'],
  ['مدنيين', 0, '1', 'PER'],
  ['كفرنبل', 0, '3', 'LOC'],
  ['صباح اليوم', 0, '4', 'DATE'],
  ['الأمم المتحدة', 0, '2', 'ORG'],
  ['جان مارتان', 0, '1', 'PER'],
  ['نيويورك', 0, '3', 'LOC'],
];

test('a browser killed in a burst of edits keeps every acknowledged edit, nothing half-applied, and undo still takes everything back', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const profile = await tempDir('isnad-crash-edits-');
  let { page, isnad } = await start(profile, baseURL!);
  const baseline = await readStoredRows(page);

  // An attribution on the sample claim: deleting the claim must remove it in the same step.
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  await isnad.article.focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
  await expect(isnad.spanPanel.getByRole('status')).toHaveText(/^Focused span: CLAIM — Claim/);
  await page.keyboard.press('a');
  await page.keyboard.type('لنوفوستي');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Attributions in this document' })).toContainText('claim ← RIA Novosti');
  const doc = baseline.documents.find((d) => d.title.startsWith('موسكو تعلن'))!;
  const claim = baseline.spans.find((s) => s.label === 'CLAIM')!;

  // What the app acknowledges is what it shows (it shows a change only once it is stored):
  // every change of the span list reaches the test as it happens, until the kill.
  const acknowledged: string[][] = [];
  await page.exposeFunction('isnadTestSpansShown', (names: string[]) => void acknowledged.push(names));
  await isnad.spanPanel.evaluate((panel) => {
    const report = (): void => {
      const names = [...panel.querySelectorAll('button[aria-label]')].map((b) => b.getAttribute('aria-label')!.replace(/[\u2066-\u2069]/gu, '').replace(/^([A-Z]+) — [^:]+: /, '$1:'));
      void (window as unknown as { isnadTestSpansShown(n: string[]): Promise<void> }).isnadTestSpansShown(names);
    };
    new MutationObserver(report).observe(panel, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
    report();
  });

  // The burst, by keyboard, waiting for nothing: twelve words marked, then the claim deleted
  // (agreeing to lose its attribution), then the kill.
  for (const [word, occurrence, key] of BURST) {
    await isnad.mark(word, key, occurrence);
  }
  await isnad.spanItem(/^CLAIM — /).click();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Delete the span' }).click();
  await crash();

  ({ page, isnad } = await start(profile, baseURL!));
  const rows = await readStoredRows(page);
  expect(danglingReferences(rows)).toEqual([]);

  // Every span ever shown is there; nothing else appeared.
  const stored = rows.spans.filter((s) => s.docId === doc.id).map((s) => `${s.label}:${s.text}`);
  const claimName = `CLAIM:${claim.text}`;
  const everShown = new Set(acknowledged.flat());
  everShown.delete(claimName);
  expect(stored).toEqual(expect.arrayContaining([...everShown]));
  const burst = BURST.map(([word, , , label]) => `${label}:${word}`);
  const sample = baseline.spans.filter((s) => s.docId === doc.id).map((s) => `${s.label}:${s.text}`);
  for (const span of stored) expect([...burst, ...sample]).toContain(span);
  test.info().annotations.push({ type: 'burst', description: `${burst.length + 1} edits; ${acknowledged.at(-1)?.length ?? 0} spans shown at the last report, ${stored.length} stored after the kill` });

  // The claim and its attribution: both there, or both gone (gone if its removal was shown).
  const claimStored = rows.spans.some((s) => s.id === claim.id);
  expect(rows.attributions.filter((a) => a.claimSpanId === claim.id)).toHaveLength(claimStored ? 1 : 0);
  if (acknowledged.some((names) => names.length > 0 && !names.includes(claimName))) expect(claimStored).toBe(false);

  // One undo entry per stored change, no more: the attribution, each new span, the deletion.
  const added = stored.filter((s) => !sample.includes(s)).length;
  const undo = rows.history.filter((h) => h.stack === 'undo');
  expect(undo).toHaveLength(1 + added + (claimStored ? 0 : 1));
  expect(rows.history.filter((h) => h.stack === 'redo')).toEqual([]);

  // The app shows what is stored.
  await isnad.openDocument(/موسكو تعلن عن محادثات جديدة/);
  expect((await isnad.spanNames()).sort()).toEqual([...stored].sort());

  // Undo everything through the UI: each step applies cleanly, and the end is the corpus as it was.
  for (let i = 0; i < undo.length; i += 1) {
    await isnad.undoButton.click();
    await expect(isnad.status).toContainText(/^Undid: /);
  }
  await expect(isnad.undoButton).toBeDisabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const end = await readStoredRows(page);
  expect(end.spans).toEqual(baseline.spans);
  expect(end.attributions).toEqual([]);
  expect(end.documents).toEqual(baseline.documents);
});

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** A native-format file with one document: three spans and an attribution to a registry source. */
function nativeArticle(i: number): string {
  const claim = `أن الطريق بين المدينتين سيفتح أمام المسافرين يوم ${i}`;
  const text = `نشرة رقم ${i}: فتح الطريق\nذكرت وكالة سانا ${claim}.\n`;
  const at = (quote: string) => {
    const start = [...text.slice(0, text.indexOf(quote))].length;
    return { start, end: start + [...quote].length, text: quote };
  };
  const span = (id: string, quote: string, label: string) => ({ id: `${id}-${i}`, ...at(quote), label, annotator: 'tester', createdAt: '2026-12-01T09:00:00.000Z' });
  return JSON.stringify({
    format: 'isnad-corpus',
    formatVersion: 2,
    offsetUnit: 'codepoint',
    exportedAt: '2026-12-01T09:00:00.000Z',
    generator: 'crash test',
    corpus: { id: 'wire', name: 'Wire', createdAt: '2026-12-01T09:00:00.000Z' },
    schema: {
      labels: [
        { id: 'CLAIM', name: 'Claim', kind: 'attribution', colour: '#e9c46a', hotkey: '5' },
        { id: 'SOURCE', name: 'Source', kind: 'attribution', colour: '#e76f51', hotkey: '6' },
        { id: 'CUE', name: 'Cue', kind: 'attribution', colour: '#2a9d8f', hotkey: '7' },
      ],
      allowCrossing: 'different-kind',
    },
    registry: [{ id: 'sana', nameAr: 'وكالة سانا', nameLatin: 'SANA', kind: 'news-agency', aliasesAr: ['سانا'], aliasesLatin: [], createdAt: '2026-12-01T09:00:00.000Z' }],
    documents: [
      {
        id: `wire-${i}`,
        title: `نشرة رقم ${i}`,
        status: 'in-progress',
        order: i,
        text,
        meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '2026-12-01T09:00:00.000Z', sha256: createHash('sha256').update(text).digest('hex') },
        spans: [span('claim', claim, 'CLAIM'), span('source', 'وكالة سانا', 'SOURCE'), span('cue', 'ذكرت', 'CUE')],
        attributions: [{ id: `attr-${i}`, claimSpanId: `claim-${i}`, sourceId: 'sana', mentionSpanId: `source-${i}`, cueSpanId: `cue-${i}`, annotator: 'tester', createdAt: '2026-12-01T09:00:00.000Z' }],
      },
    ],
  });
}

test('a browser killed in the middle of an import keeps each document with all its spans and attributions, or none of it', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const profile = await tempDir('isnad-crash-import-');
  const files = await tempDir('isnad-crash-import-files-');
  const count = 1000;
  const paths = Array.from({ length: count }, (_, i) => join(files, `wire-${String(i).padStart(4, '0')}.json`));
  await Promise.all(paths.map((path, i) => writeFile(path, nativeArticle(i))));

  let { page, isnad } = await start(profile, baseURL!);
  await isnad.openFiles(paths, { confirm: false });
  await isnad.importDialog.getByRole('button', { name: `Import ${count} files` }).click();
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  // Kill once some documents are shown (written) while the import is still running.
  await expect.poll(() => isnad.documentCount(), { timeout: 120_000, intervals: [50] }).toBeGreaterThan(3 + 40);
  await expect(progress).toBeVisible();
  const shown = (await isnad.documentCount()) - 3;
  await crash();

  ({ page, isnad } = await start(profile, baseURL!));
  const rows = await readStoredRows(page);
  expect(danglingReferences(rows)).toEqual([]);
  const imported = rows.documents.filter((d) => d.title.startsWith('نشرة رقم'));
  test.info().annotations.push({ type: 'import', description: `${shown} documents shown at the kill, ${imported.length} of ${count} stored` });
  expect(imported.length).toBeGreaterThanOrEqual(shown);
  expect(imported.length).toBeLessThan(count);
  const spansByDoc = groupBy(rows.spans, (s) => s.docId);
  const attributionsByDoc = groupBy(rows.attributions, (a) => a.docId);
  for (const doc of imported) {
    const i = Number(/\d+/.exec(doc.title)![0]);
    const expected = JSON.parse(nativeArticle(i)) as { documents: Array<{ text: string; meta: { sha256: string }; spans: Array<{ label: string; text: string }> }> };
    expect(doc.sha256).toBe(expected.documents[0]!.meta.sha256);
    expect(doc.textLength).toBe(expected.documents[0]!.text.length);
    expect((spansByDoc.get(doc.id) ?? []).map((s) => `${s.label}:${s.text}`).sort()).toEqual(expected.documents[0]!.spans.map((s) => `${s.label}:${s.text}`).sort());
    expect(attributionsByDoc.get(doc.id) ?? []).toHaveLength(1);
  }
  await expect.poll(() => isnad.documentCount()).toBe(3 + imported.length);
});

/** One native-format file holding `count` long articles (about 60 KB each), quick to import. */
function longArticles(count: number): string {
  const paragraph = 'قالت مصادر محلية إن الأمطار الغزيرة أدت إلى فيضان الوادي وقطع الطريق الرئيسية لساعات، فيما عملت فرق الدفاع المدني على فتحها. ';
  const documents = Array.from({ length: count }, (_, i) => {
    const text = `فيضان الوادي ${i}\n${paragraph.repeat(250)}${i}\n`;
    return {
      id: `valley-${i}`,
      title: `فيضان الوادي ${i}`,
      status: 'todo',
      order: i,
      text,
      meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '2026-12-01T09:00:00.000Z', sha256: createHash('sha256').update(text).digest('hex') },
      spans: [],
      attributions: [],
    };
  });
  return JSON.stringify({ format: 'isnad-corpus', formatVersion: 2, offsetUnit: 'codepoint', exportedAt: '2026-12-01T09:00:00.000Z', generator: 'crash test', corpus: { id: 'valley', name: 'Valley', createdAt: '2026-12-01T09:00:00.000Z' }, schema: { labels: [], allowCrossing: 'different-kind' }, registry: [], documents });
}

test('a browser killed while exporting leaves a complete download or none, and the corpus untouched', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const profile = await tempDir('isnad-crash-export-');
  const downloads = await tempDir('isnad-crash-export-downloads-');
  const files = await tempDir('isnad-crash-export-files-');
  const corpusFile = join(files, 'valley.json');
  await writeFile(corpusFile, longArticles(150));

  let { page } = await start(profile, baseURL!, { downloadDir: downloads });
  const isnad = new IsnadPage(page);
  await isnad.openFiles([corpusFile]);
  await expect(isnad.status).toContainText('Imported 150 documents', { timeout: 120_000 });
  const before = await readStoredRows(page);

  // Kill the moment the download starts to arrive (about 20 MB), or after a few seconds.
  const arriving = new Promise<string>((resolve) => {
    running!.onDownloadProgress((event) => {
      if (event.state === 'inProgress') resolve(`${event.receivedBytes} of ${event.totalBytes} bytes`);
    });
    setTimeout(() => resolve('no progress event'), 10_000);
  });
  await isnad.exportButton.click();
  const when = await arriving;
  await crash();

  const names = await readdir(downloads);
  test.info().annotations.push({ type: 'export', description: `killed at ${when}; left: ${names.join(', ') || 'nothing'}` });
  for (const name of names) {
    if (name.endsWith('.crdownload')) continue; // Chromium's unfinished download: never under the final name
    expect(name).toMatch(/^isnad-sample-corpus-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(join(downloads, name), 'utf8')) as { documents: unknown[] };
    expect(file.documents).toHaveLength(153);
  }

  ({ page } = await start(profile, baseURL!, { downloadDir: downloads }));
  expect(await readStoredRows(page)).toEqual(before);
});

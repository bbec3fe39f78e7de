/**
 * Files crafted to run script — script tags, event handlers (img onerror, svg and body
 * onload), javascript: URLs, SVG payloads, iframes, meta refresh, markup in JSON and JSON
 * Lines fields, in a native export's titles and label names, and in source-registry names —
 * are imported and shown everywhere a user would look. Nothing runs (no dialog, no request,
 * no CSP violation, no handler in the DOM), and the markup is shown as the text it is.
 */
import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { exportNative } from '../../shared/formats/native';
import { sha256Hex } from '../../shared/model/hash';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { IsnadPage } from './pages/isnad-page';
import { ScriptTrap } from './pages/script-trap';
import { SourcesView } from './pages/sources-view';

/** A payload that would announce itself three ways if it ever ran. */
const run = (tag: string): string => `window.__pwned='${tag}';fetch('/pwned/${tag}');alert('${tag}')`;

const EVIL_PAGE = `<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>صفحة مسمومة</title>
<meta http-equiv="refresh" content="0;url=javascript:${run('refresh')}">
<base href="javascript:${run('base')}//">
<script>${run('head-script')}</script>
<script src="/pwned/external-script.js"></script>
<link rel="stylesheet" href="/pwned/style.css">
</head>
<body onload="${run('body-onload')}">
<article><h1 onclick="${run('h1')}">خبر الصفحة المسمومة</h1>
<p>قال المصدر إن الصورة <img src="/pwned/img.png" onerror="${run('img-onerror')}"> لم تظهر.</p>
<p>رابط <a href="javascript:${run('link')}">اضغط هنا</a> في الفقرة.</p>
<p>رسم <svg onload="${run('svg-onload')}"><script>${run('svg-script')}</script><image href="/pwned/svg-image.png"/></svg> بعد الرسم.</p>
<iframe src="javascript:parent.${run('iframe')}" srcdoc="<script>parent.${run('srcdoc')}</script>"></iframe>
<object data="/pwned/object"></object><embed src="/pwned/embed">
<p>&lt;script&gt;${run('escaped')}&lt;/script&gt; كتابة حرفية &lt;img src=x onerror=alert(1)&gt;</p>
</article></body></html>`;

const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="${run('svg-file')}"><script>${run('svg-file-script')}</script></svg>`;

const TITLE_MARKUP = `<img src=x onerror="${run('json-title')}">عنوان`;
const TEXT_MARKUP = `<script>${run('json-text')}</script>نص السجل <b onmouseover="${run('json-b')}">عريض</b>`;

function evilRecords(prefix: string): Array<Record<string, string>> {
  return [
    {
      title: `${prefix} ${TITLE_MARKUP}`,
      text: `${prefix}: ${TEXT_MARKUP}`,
      url: `javascript:${run(`${prefix}-url`)}`,
      outlet: `<svg onload="${run(`${prefix}-outlet`)}">`,
      date: `<iframe src="javascript:${run(`${prefix}-date`)}">`,
    },
  ];
}

/** A native export whose title, text and a label name carry markup, with a span of that label. */
function evilNativeExport(): string {
  const text = `<script>${run('native-text')}</script> خبر التصدير: قالت الوكالة إن الوفد وصل.\n`;
  const doc: DocumentRecord = {
    id: 'evil-doc',
    corpusId: 'evil',
    title: `<img src=x onerror="${run('native-title')}">خبر التصدير`,
    text,
    sha256: sha256Hex(text),
    status: 'todo',
    order: 0,
    meta: { origin: 'file', fileName: '<svg onload=alert(1)>.txt', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '2026-01-01T00:00:00.000Z' },
  };
  const start = text.indexOf('الوكالة');
  const span: SpanRecord = { id: 'evil-span', corpusId: 'evil', docId: doc.id, start, end: start + 'الوكالة'.length, label: 'EVIL', annotator: 'x', createdAt: '2026-01-01T00:00:00.000Z' };
  const schema = { ...DEFAULT_LABEL_SCHEMA, labels: [...DEFAULT_LABEL_SCHEMA.labels, { id: 'EVIL', name: `<img src=x onerror="${run('label')}">Label`, kind: 'entity' as const, colour: '#123456', hotkey: '' }] };
  const state = createCorpusState({ id: 'evil', name: `<script>${run('corpus-name')}</script>`, schema, createdAt: '2026-01-01T00:00:00.000Z' }, [doc], [span]);
  const result = exportNative(state, { exportedAt: '2026-01-01T00:00:00.000Z' });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.json;
}

const EVIL_REGISTRY = {
  format: 'isnad-registry',
  version: 1,
  sources: [
    {
      nameAr: `<img src=x onerror="${run('registry-ar')}">وكالة الشر`,
      nameLatin: `<script>${run('registry-latin')}</script>Evil Agency`,
      kind: 'news-agency',
      aliasesAr: [`<svg onload="${run('registry-alias')}">`],
      aliasesLatin: ['Evil'],
      note: `<iframe src="javascript:${run('registry-note')}"></iframe>`,
      url: `javascript:${run('registry-url')}`,
    },
  ],
};

test('files crafted to run script are shown as text, and nothing in them runs', async ({ page }) => {
  const trap = await ScriptTrap.install(page);
  const isnad = new IsnadPage(page);
  await isnad.goto();

  const files: Array<[string, string]> = [
    ['evil-page.html', EVIL_PAGE],
    ['evil-image.svg', EVIL_SVG],
    ['evil-records.json', JSON.stringify(evilRecords('JSON'))],
    ['evil-lines.jsonl', evilRecords('JSONL').map((r) => JSON.stringify(r)).join('\n')],
    ['evil-notes.md', `---\ntitle: "<img src=x onerror=\\"${run('md-title')}\\">ملاحظات"\n---\n\n<script>${run('md-script')}</script>\n\nفقرة [رابط](javascript:${run('md-link')}) بعدها.\n`],
    ['evil-export.json', evilNativeExport()],
  ];
  const paths: string[] = [];
  for (const [name, contents] of files) {
    const path = test.info().outputPath(name);
    await writeFile(path, contents);
    paths.push(path);
  }
  await isnad.openFiles(paths);
  await expect(isnad.status).toContainText('Imported 5 documents');
  await expect(isnad.status).toContainText('“evil-image.svg” is not an article: images are not imported.');
  await expect(isnad.status).toContainText(`evil-export.json: “\u2068<img src=x onerror="${run('native-title')}">خبر التصدير\u2069”, from an Isnad export (<script>${run('corpus-name')}</script>)`);

  // The HTML page: text only; its own escaped markup stays literal text.
  await isnad.openDocument('خبر الصفحة المسمومة');
  await expect(isnad.article).toContainText('قال المصدر إن الصورة لم تظهر.');
  await expect(isnad.article).toContainText(`<script>${run('escaped')}</script> كتابة حرفية <img src=x onerror=alert(1)>`);

  // JSON and JSON Lines records: markup in the title, text and metadata is shown as typed.
  for (const prefix of ['JSON', 'JSONL']) {
    const title = `${prefix} ${TITLE_MARKUP}`;
    await expect(isnad.documentButton(title)).toBeVisible();
    await isnad.openDocument(title);
    await expect(isnad.article).toContainText(`${prefix}: ${TEXT_MARKUP}`);
    const details = await isnad.openDocumentDetails();
    await expect(details.getByRole('textbox', { name: 'URL' })).toHaveValue(`javascript:${run(`${prefix}-url`)}`);
    await expect(details.getByRole('textbox', { name: 'Outlet' })).toHaveValue(`<svg onload="${run(`${prefix}-outlet`)}">`);
  }

  // Markdown front matter and body.
  await isnad.openDocument(`<img src=x onerror="${run('md-title')}">ملاحظات`);
  await expect(isnad.article).toContainText(`<script>${run('md-script')}</script>`);

  // The native export: title, text, and a label whose name carries markup, with its span.
  await isnad.openDocument(`<img src=x onerror="${run('native-title')}">خبر التصدير`);
  await expect(isnad.article).toContainText(`<script>${run('native-text')}</script> خبر التصدير`);
  await expect(isnad.labelButton(/<img src=x onerror=.*>Label/)).toBeVisible();
  await expect(isnad.spanItem('Label: الوكالة')).toBeVisible();
  expect(await isnad.highlightedTexts('EVIL')).toEqual(['الوكالة']);

  // A source registry whose names, aliases, note and URL carry markup.
  const sources = new SourcesView(page);
  await sources.open();
  const registry = test.info().outputPath('evil-registry.json');
  await writeFile(registry, JSON.stringify(EVIL_REGISTRY));
  await sources.importRegistry([registry]);
  await expect(sources.status).toContainText('Imported 1 source');
  const row = sources.row(new RegExp('Evil Agency'));
  await expect(row).toContainText(`<script>${run('registry-latin')}</script>Evil Agency`);
  await expect(row).toContainText(`<img src=x onerror="${run('registry-ar')}">وكالة الشر`);
  await sources.action('Edit', `${EVIL_REGISTRY.sources[0]!.nameLatin} (${EVIL_REGISTRY.sources[0]!.nameAr})`).click();
  await expect(sources.sourceDialog.getByLabel('URL', { exact: true })).toHaveValue(`javascript:${run('registry-url')}`);
  await expect(sources.sourceDialog.getByLabel('Note', { exact: true })).toHaveValue(EVIL_REGISTRY.sources[0]!.note);

  // Give any deferred payload (timers, image errors, refresh) the time to fire.
  await page.waitForTimeout(1000);
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await trap.expectNothingRan();
});

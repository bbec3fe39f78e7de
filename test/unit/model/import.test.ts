import { describe, expect, it } from 'vitest';
import { importFiles, prepareFile, titleFromText, utf8OfArticle } from '../../../shared/model/import';
import { sha256Hex } from '../../../shared/model/hash';
import { applyTransaction } from '../../../shared/model/transaction';
import { documentsInOrder } from '../../../shared/model/state';
import { stateWithDocument, testContext } from '../helpers/tagged';
import { encodeWindows1256 } from '../helpers/encodings';

const ARTICLE = 'أعلنت وكالة قاسيون للأنباء، اليوم، عن افتتاح مكتب جديد.\r\nوقال المدير إن المكتب سيغطي ريف دمشق.\r\n';

describe('importFiles', () => {
  it('imports UTF-8 and Windows-1256 files in one batch, refuses a binary file, keeps the rest', () => {
    const state = stateWithDocument('نص موجود');
    const files = [
      { name: 'utf8.txt', bytes: new TextEncoder().encode(ARTICLE) },
      { name: 'legacy.txt', bytes: encodeWindows1256('قالت وزارة الخارجية إن الوفد سيصل غداً إلى العاصمة لبحث الأزمة.\r\nوأضافت الوزارة أن الاجتماع سيكون مغلقاً.') },
      { name: 'picture.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
      { name: 'unreadable.txt', error: '“unreadable.txt” could not be read: permission denied' },
    ];
    const outcome = importFiles(state, files, testContext());
    expect(outcome.report.imported.map((i) => i.fileName)).toEqual(['utf8.txt', 'legacy.txt']);
    expect(outcome.report.refused.map((r) => r.fileName)).toEqual(['picture.png', 'unreadable.txt']);
    expect(outcome.report.refused[0]!.message).toContain('picture.png');
    const after = applyTransaction(state, outcome.tx!);
    const [, utf8, legacy] = documentsInOrder(after);
    expect(utf8!.text).toBe(ARTICLE.replaceAll('\r\n', '\n'));
    expect(utf8!.meta).toMatchObject({ encoding: 'utf-8', lineEndings: 'crlf', fileName: 'utf8.txt', origin: 'file' });
    expect(utf8!.title).toBe('أعلنت وكالة قاسيون للأنباء، اليوم، عن افتتاح مكتب جديد.');
    expect(legacy!.text.startsWith('قالت وزارة الخارجية')).toBe(true);
    expect(legacy!.meta.encoding).toBe('windows-1256');
    expect(legacy!.meta.encodingMethod).toBe('detected');
    expect(outcome.report.imported[1]!.detail).toMatch(/1256/);
  });

  it('does not import the same text twice', () => {
    const state = stateWithDocument('نص موجود');
    const bytes = new TextEncoder().encode(ARTICLE);
    const outcome = importFiles(state, [{ name: 'a.txt', bytes }, { name: 'b.txt', bytes }], testContext());
    expect(outcome.report.imported).toHaveLength(1);
    expect(outcome.report.duplicates).toEqual([{ fileName: 'b.txt', title: expect.any(String), existingTitle: expect.any(String), existingFile: 'a.txt' }]);
  });

  it('tells a copy of a file of the same import from a copy of what the corpus held', () => {
    const state = stateWithDocument('نص موجود في المدونة');
    const held = new TextEncoder().encode('نص موجود في المدونة');
    const bytes = new TextEncoder().encode(ARTICLE);
    const outcome = importFiles(state, [{ name: 'news/a.txt', bytes }, { name: 'old.txt', bytes: held }, { name: 'news/copy of a.txt', bytes }], testContext());
    expect(outcome.report.duplicates).toEqual([
      { fileName: 'old.txt', title: 'نص موجود في المدونة', existingTitle: 'Test' },
      { fileName: 'news/copy of a.txt', title: outcome.report.imported[0]!.title, existingTitle: outcome.report.imported[0]!.title, existingFile: 'news/a.txt' },
    ]);
  });

  it('builds titles from the first paragraph, cut at a word', () => {
    expect(titleFromText('\n\nعنوان قصير\nالنص', 'file')).toBe('عنوان قصير');
    const long = 'كلمة '.repeat(40);
    const title = titleFromText(long, 'file');
    expect(title.length).toBeLessThanOrEqual(101);
    expect(title.endsWith('…')).toBe(true);
    expect(titleFromText('   ', 'file')).toBe('file');
  });
});

describe('importFiles with settings', () => {
  const body = 'عنوان\nفقرة أولى طويلة بما يكفي لتعد فقرة مكررة في النص.\nفقرة ثانية مختلفة عن الأولى تماماً.\nفقرة أولى طويلة بما يكفي لتعد فقرة مكررة في النص.\n';
  it('detects repeated paragraphs and keeps them unless asked to collapse', () => {
    const state = stateWithDocument('نص موجود');
    const kept = importFiles(state, [{ name: 'a.txt', bytes: new TextEncoder().encode(body) }], testContext());
    const keptDoc = applyTransaction(state, kept.tx!).documents.get(kept.report.imported[0]!.docId)!;
    expect(keptDoc.text).toBe(body);
    expect(keptDoc.meta.repeatedParagraphs).toBe(1);
    expect(keptDoc.meta.collapsedRepeats).toBeUndefined();
    expect(kept.report.imported[0]!.detail).toContain('1 paragraph repeated (kept)');
    const collapsed = importFiles(state, [{ name: 'a.txt', bytes: new TextEncoder().encode(body) }], testContext(), { collapseRepeatedParagraphs: true });
    const doc = applyTransaction(state, collapsed.tx!).documents.get(collapsed.report.imported[0]!.docId)!;
    expect(doc.text).toBe('عنوان\nفقرة أولى طويلة بما يكفي لتعد فقرة مكررة في النص.\nفقرة ثانية مختلفة عن الأولى تماماً.\n');
    expect(doc.meta.collapsedRepeats).toEqual({ removedParagraphs: 1 });
    expect(doc.meta.repeatedParagraphs).toBe(0);
  });

  it('maps record fields and reports bad records by line, importing the rest', () => {
    const jsonl = ['{"body": "الخبر الأول عن الاجتماع", "headline": "اجتماع", "source": "وكالة أ"}', '{"body": ', '{"headline": "بلا نص"}', '{"body": "الخبر الثاني عن المؤتمر", "source": "وكالة ب"}'].join('\n');
    const state = stateWithDocument('نص موجود');
    const outcome = importFiles(state, [{ name: 'records.jsonl', bytes: new TextEncoder().encode(jsonl) }], testContext(), { fieldMapping: { text: 'body', title: 'headline', outlet: 'source' } });
    const docs = outcome.report.imported.map((i) => applyTransaction(state, outcome.tx!).documents.get(i.docId)!);
    expect(docs.map((d) => [d.title, d.meta.outlet, d.meta.format])).toEqual([
      ['اجتماع', 'وكالة أ', 'jsonl'],
      ['الخبر الثاني عن المؤتمر', 'وكالة ب', 'jsonl'],
    ]);
    expect(outcome.report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^line 2: /), expect.stringMatching(/^line 3: /)]);
  });
});

describe('utf8OfArticle', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const LF = 'قال الوزير إن المحادثات ستستأنف.\nوأضاف أن الوفد وصل 😀 أمس.\n';

  it('gives the file bytes exactly when they are the UTF-8 of the imported text, so hashing them gives the text hash', () => {
    for (const [name, text] of [['lf.txt', LF], ['one-line.txt', 'سطر واحد بلا نهاية']] as const) {
      const file = { name, bytes: encode(text) };
      const prepared = prepareFile(file);
      const utf8 = utf8OfArticle(file, prepared);
      expect(utf8).toBe(file.bytes);
      expect(prepared.kind === 'articles' && prepared.articles[0]!.sha256).toBe(sha256Hex(new TextDecoder().decode(utf8!)));
    }
  });

  it('gives nothing when the text differs from the bytes: BOM, CRLF, legacy encoding, markup, records, collapsed repeats', () => {
    const repeated = 'عنوان\nفقرة أولى طويلة بما يكفي لتعد فقرة مكررة في النص.\nفقرة أولى طويلة بما يكفي لتعد فقرة مكررة في النص.\n';
    const cases: Array<[{ name: string; bytes: Uint8Array }, object?]> = [
      [{ name: 'bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...encode(LF)]) }],
      [{ name: 'crlf.txt', bytes: encode(ARTICLE) }],
      [{ name: 'legacy.txt', bytes: encodeWindows1256('قالت وزارة الخارجية إن الوفد سيصل غداً إلى العاصمة لبحث الأزمة.\nوأضافت الوزارة أن الاجتماع سيكون مغلقاً.') }],
      [{ name: 'page.md', bytes: encode(`# عنوان\n\n${LF}`) }],
      [{ name: 'page.html', bytes: encode(`<html><body><p>${LF}</p></body></html>`) }],
      [{ name: 'records.jsonl', bytes: encode('{"text": "الخبر الأول عن الاجتماع"}') }],
      [{ name: 'repeated.txt', bytes: encode(repeated) }, { collapseRepeatedParagraphs: true }],
    ];
    for (const [file, options] of cases) {
      const prepared = prepareFile(file, options);
      expect(prepared.kind, file.name).toBe('articles');
      expect(utf8OfArticle(file, prepared), file.name).toBeNull();
    }
    expect(utf8OfArticle({ name: 'x.txt', error: 'unreadable' }, { name: 'x.txt', kind: 'refused', message: 'unreadable' })).toBeNull();
  });
});

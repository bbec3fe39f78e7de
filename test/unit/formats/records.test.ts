import { describe, expect, it } from 'vitest';
import type { DecodingInfo, IntakeResult } from '../../../shared/formats/article-draft';
import { detectRecordFields, extractCsvRecords, extractJsonLinesRecords, extractJsonRecords } from '../../../shared/formats/intake/records';
import { describeJsonError, findJsonSyntaxError, lineColumnAt } from '../../../shared/formats/intake/json-errors';
import { detectFileFields, extractArticles } from '../../../shared/formats/intake';
import { utf8 } from './support';

const decoding: DecodingInfo = { encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf' };

function articlesOf(result: IntakeResult | { ok: true; format: 'native' }): Extract<IntakeResult, { ok: true }> {
  if (!result.ok || !('articles' in result)) throw new Error(`expected articles, got ${JSON.stringify(result)}`);
  return result;
}

describe('JSON', () => {
  it('reads a list of objects with the default mapping (numbers written out, record = position)', () => {
    const json = JSON.stringify([
      { id: 17, title: 'عنوان أول', text: 'نص الخبر الأول.\r\nسطر ثان.', url: 'https://example.org/1', date: '2024-03-01', outlet: 'وكالة الشرق' },
      { text: 'نص الخبر الثاني.' },
    ]);
    const result = articlesOf(extractJsonRecords(json, { fileName: 'news.json', decoding }));
    expect(result.articles).toEqual([
      { text: 'نص الخبر الأول.\nسطر ثان.', title: 'عنوان أول', url: 'https://example.org/1', date: '2024-03-01', outlet: 'وكالة الشرق', externalId: '17', format: 'json', decoding, record: 1 },
      { text: 'نص الخبر الثاني.', format: 'json', decoding, record: 2 },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps the text exactly (no trimming, no normalisation) except line endings', () => {
    const text = '  كَتَبَ\u00A0الطالبُ\u200C \r ';
    const result = articlesOf(extractJsonRecords(JSON.stringify([{ text }]), { fileName: 'x.json', decoding }));
    expect(result.articles[0]!.text).toBe('  كَتَبَ\u00A0الطالبُ\u200C \n ');
  });

  it('reads an object holding one list, and a single article object', () => {
    const wrapped = JSON.stringify({ source: 'أرشيف', count: 2, articles: [{ text: 'أ' }, { text: 'ب' }] });
    expect(articlesOf(extractJsonRecords(wrapped, { fileName: 'w.json', decoding })).articles.map((a) => a.text)).toEqual(['أ', 'ب']);
    const one = JSON.stringify({ text: 'خبر واحد', tags: ['طقس', 'محلي'] });
    expect(articlesOf(extractJsonRecords(one, { fileName: 'o.json', decoding })).articles.map((a) => a.text)).toEqual(['خبر واحد']);
  });

  it('follows dotted paths for nested fields', () => {
    const json = JSON.stringify({
      items: [
        { meta: { title: 'عنوان متداخل', source: { name: 'إذاعة المدينة' }, published: 1700000000 }, content: { body: 'نص متداخل.' }, ref: 'a-1' },
      ],
    });
    const result = articlesOf(
      extractJsonRecords(json, { fileName: 'n.json', decoding, mapping: { text: 'content.body', title: 'meta.title', outlet: 'meta.source.name', date: 'meta.published', id: 'ref' } }),
    );
    expect(result.articles).toEqual([{ text: 'نص متداخل.', title: 'عنوان متداخل', outlet: 'إذاعة المدينة', date: '1700000000', externalId: 'a-1', format: 'json', decoding, record: 1 }]);
  });

  it('reports records without usable text, by position, and imports the rest', () => {
    const json = JSON.stringify([{ text: 'جيد' }, { text: '   ' }, { text: 42 }, { title: 'بلا نص' }, 'نص وحده', { text: 'جيد أيضاً' }]);
    const result = articlesOf(extractJsonRecords(json, { fileName: 'p.json', decoding }));
    expect(result.articles.map((a) => [a.record, a.text])).toEqual([[1, 'جيد'], [6, 'جيد أيضاً']]);
    expect(result.problems).toMatchObject([
      { message: 'record 2: field “text” is empty' },
      { message: 'record 3: field “text” is a number, not text' },
      { message: 'record 4: no field “text”' },
      { message: 'record 5: a string, not an object' },
    ]);
  });

  it('refuses a file whose records all lack the text field, listing the fields they have', () => {
    const json = JSON.stringify([{ headline: 'ع', body: 'ن' }, { headline: 'ع2', body: 'ن2', extra: { lang: 'ar' } }]);
    expect(extractJsonRecords(json, { fileName: 'f.json', decoding })).toMatchObject({
      ok: false,
      format: 'json',
      reason: '“f.json” has no field “text” (fields: headline, body, extra.lang). Set the field mapping to the field that holds the article text.',
    });
  });

  it('refuses malformed JSON with the line and column of the error', () => {
    const json = '[\n  {"text": "أ"},\n  {"text": "ب" "title": "ع"}\n]';
    const result = extractJsonRecords(json, { fileName: 'bad.json', decoding });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^“bad\.json” is not valid JSON: line 3, column 16: /);
  });

  it('refuses JSON that holds no records', () => {
    expect(extractJsonRecords('"نص"', { fileName: 's.json', decoding })).toMatchObject({ ok: false, format: 'json', reason: '“s.json” holds a string, not article records.' });
    expect(extractJsonRecords('{"a": [{"text": "x"}], "b": [{"text": "y"}]}', { fileName: 'two.json', decoding })).toMatchObject({ ok: false, reason: expect.stringContaining('has several lists (a, b)') });
  });
});

describe('JSON error positions', () => {
  it('converts engine positions and line/column messages, else scans', () => {
    const text = '{\n  "a": 1,\n  "b" 2\n}';
    expect(describeJsonError(text, new SyntaxError("Expected ':' after property name in JSON at position 18"))).toEqual({ line: 3, column: 7, detail: "Expected ':' after property name" });
    expect(describeJsonError(text, new SyntaxError("Expected ':' after property name in JSON at position 17 (line 3 column 7)"))).toEqual({ line: 3, column: 7, detail: "Expected ':' after property name" });
    expect(describeJsonError(text, new SyntaxError('JSON.parse: expected \':\' after property name in object at line 3 column 7 of the JSON data'))).toEqual({
      line: 3,
      column: 7,
      detail: "expected ':' after property name in object",
    });
    // Safari-like: no position in the message at all.
    expect(describeJsonError(text, new SyntaxError("JSON Parse error: Expected ':' before value in object property definition"))).toEqual({
      line: 3,
      column: 7,
      detail: "expected ':' after the property name, found '2'",
    });
  });

  it('scanner: valid JSON has no error; typical mistakes are found where they are', () => {
    for (const ok of ['{}', '[]', ' [1, -2.5e3, "a\\"b\\u0627", true, false, null, {"x": [{}]}] ', '"نص"']) expect(findJsonSyntaxError(ok), ok).toBeUndefined();
    const cases: Array<[string, number, RegExp]> = [
      ['[1, 2,]', 6, /one too many/],
      ['{"a": 1,}', 8, /one too many/],
      ["{'a': 1}", 1, /property name in double quotes/],
      ['{"a": "x\ny"}', 8, /line break inside a string/],
      ['[1 2]', 3, /expected ',' or '\]'/],
      ['{"a": 1} x', 9, /after the end/],
      ['[1, 2', 5, /ends too early/],
      ['{"a": tru}', 6, /where a value should be/],
    ];
    for (const [text, offset, message] of cases) {
      const found = findJsonSyntaxError(text);
      expect(found?.offset, text).toBe(offset);
      expect(found?.message, text).toMatch(message);
      // The scanner agrees with the engine that the text is broken.
      expect(() => JSON.parse(text)).toThrow();
    }
    expect(lineColumnAt('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });
});

describe('JSON Lines', () => {
  const jsonl = [
    '{"id": "a1", "text": "الخبر الأول"}',
    '{"id": "a2", "text": "الخبر الثاني", "title": "عنوان"}',
    '{"id": "a3", "text": "مكسور',
    '',
    '{"id": "a5", "text": "الخبر الخامس"}',
    '[1, 2]',
    '{"id": "a7", "body": "بلا حقل نص"}',
  ].join('\n');

  it('reports a broken line by its number and imports the others', () => {
    const result = articlesOf(extractJsonLinesRecords(jsonl, { fileName: 'feed.jsonl', decoding }));
    expect(result.articles.map((a) => [a.record, a.externalId, a.text])).toEqual([
      [1, 'a1', 'الخبر الأول'],
      [2, 'a2', 'الخبر الثاني'],
      [5, 'a5', 'الخبر الخامس'],
    ]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^not valid JSON \(column \d+: .+\)$/) });
    expect(result.problems.slice(1)).toMatchObject([
      { line: 6, message: 'a list, not a JSON object' },
      { line: 7, message: 'no field “text”' },
    ]);
  });

  it('refuses when no line has the text field', () => {
    expect(extractJsonLinesRecords('{"body": "أ"}\n{"body": "ب"}\n', { fileName: 'b.jsonl', decoding })).toMatchObject({
      ok: false,
      reason: '“b.jsonl” has no field “text” (fields: body). Set the field mapping to the field that holds the article text.',
    });
  });
});

describe('CSV', () => {
  it('reads quoted multi-line Arabic fields; each record knows the line where its row starts', () => {
    const csv = [
      'id,title,text,outlet',
      '1,عنوان أول,"الفقرة الأولى.',
      'الفقرة الثانية، وفيها ""اقتباس"".",وكالة الشمال',
      '',
      '2,"عنوان, بفاصلة","سطر واحد",',
      '3,بلا نص,,وكالة',
      '4,"متعدد',
      'الأسطر في العنوان","نص الرابع',
      '',
      'بعد سطر فارغ داخل الحقل",',
    ].join('\n');
    const result = articlesOf(extractCsvRecords(csv, { fileName: 'a.csv', decoding }));
    expect(result.articles).toEqual([
      { text: 'الفقرة الأولى.\nالفقرة الثانية، وفيها "اقتباس".', title: 'عنوان أول', outlet: 'وكالة الشمال', externalId: '1', format: 'csv', decoding, record: 2 },
      { text: 'سطر واحد', title: 'عنوان, بفاصلة', externalId: '2', format: 'csv', decoding, record: 5 },
      { text: 'نص الرابع\n\nبعد سطر فارغ داخل الحقل', title: 'متعدد\nالأسطر في العنوان', externalId: '4', format: 'csv', decoding, record: 7 },
    ]);
    expect(result.problems).toMatchObject([{ line: 6, message: 'field “text” is empty' }]);
  });

  it('detects ; and tab delimiters, ignores a UTF-8 BOM, turns CRLF into \\n and matches the column name ignoring case', () => {
    const csv = '\uFEFFText;Title\r\n"نص\r\nبسطرين";عنوان\r\nنص آخر;"ع; ب"\r\n';
    const result = articlesOf(extractCsvRecords(csv, { fileName: 's.csv', decoding }));
    expect(result.articles.map((a) => [a.record, a.text, a.title])).toEqual([
      [2, 'نص\nبسطرين', 'عنوان'],
      [4, 'نص آخر', 'ع; ب'],
    ]);
    const tsv = 'text\ttitle\nنص\tعنوان\n';
    expect(articlesOf(extractCsvRecords(tsv, { fileName: 't.tsv', decoding, delimiter: '\t' })).articles[0]).toMatchObject({ text: 'نص', title: 'عنوان' });
  });

  it('refuses a file without the mapped text column, listing its columns', () => {
    const csv = 'a,b,c\n1,2,3\n';
    expect(extractCsvRecords(csv, { fileName: 'x.csv', decoding })).toMatchObject({
      ok: false,
      format: 'csv',
      reason: '“x.csv” has no column “text” (columns: a, b, c). Set the field mapping to the column that holds the article text.',
    });
  });

  it('reports a row with an unclosed quote', () => {
    const csv = 'text,title\nنص سليم,ع\n"نص لا ينتهي,ع2\n';
    const result = articlesOf(extractCsvRecords(csv, { fileName: 'q.csv', decoding }));
    expect(result.articles.map((a) => a.text)).toEqual(['نص سليم']);
    expect(result.problems).toMatchObject([{ line: 3, message: 'a quoted field is never closed (its quote marks do not pair up)' }]);
  });
});

describe('detectRecordFields', () => {
  it('lists the fields of the first records in order of appearance', () => {
    expect(detectRecordFields('[{"text": "a", "meta": {"title": "t", "tags": ["x"]}}, {"url": "u", "text": "b"}]', 'json')).toEqual(['text', 'meta.title', 'meta.tags', 'url']);
    expect(detectRecordFields('{"text": "a", "id": 1}\nbroken\n{"body": "b"}', 'jsonl')).toEqual(['text', 'id', 'body']);
    expect(detectRecordFields('\uFEFF id ; النص ;العنوان\n1;2;3', 'csv')).toEqual(['id', 'النص', 'العنوان']);
    expect(detectRecordFields('not json', 'json')).toEqual([]);
    const many = Array.from({ length: 60 }, (_, i) => JSON.stringify({ [`f${i}`]: i })).join('\n');
    expect(detectRecordFields(many, 'jsonl')).toHaveLength(50);
  });

  it('through detectFileFields, from the bytes of a file', () => {
    expect(detectFileFields('feed.ndjson', utf8('{"content": "نص", "headline": "ع"}\n'))).toEqual({ ok: true, format: 'jsonl', fields: ['content', 'headline'] });
    expect(detectFileFields('a.txt', utf8('نص'))).toMatchObject({ ok: false });
  });
});

describe('records through extractArticles', () => {
  it('uses the field mapping option', () => {
    const bytes = utf8('headline,body\nعنوان,نص المقال\n');
    const result = articlesOf(extractArticles('m.csv', bytes, { fieldMapping: { text: 'body', title: 'headline' } }));
    expect(result.articles).toMatchObject([{ text: 'نص المقال', title: 'عنوان', format: 'csv', record: 2 }]);
  });

  it('reads a .json file that is really JSON Lines', () => {
    const result = articlesOf(extractArticles('export.json', utf8('{"text": "أ"}\n{"text": "ب"}\n')));
    expect(result.format).toBe('jsonl');
    expect(result.articles.map((a) => a.text)).toEqual(['أ', 'ب']);
  });

  it('refuses broken JSON by name with its line', () => {
    const result = extractArticles('broken.json', utf8('{\n  "items": [\n    {"text": "أ",}\n  ]\n}\n'));
    expect(result).toMatchObject({ ok: false, format: 'json', reason: expect.stringMatching(/^“broken\.json” is not valid JSON: line 3, column \d+: /) });
  });
});

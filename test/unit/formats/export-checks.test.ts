/**
 * The fast paths of the native and JSON Lines exporters: texts indexed once per document,
 * lines checked as they are built, native JSON written one document per line. Each test
 * reads the written file back independently (JSON.parse, Array.from) and compares.
 */
import { problemTexts } from '../../../shared/formats/dataset';
import { describe, expect, it } from 'vitest';
import type { DatasetCorpus } from '../../../shared/formats/dataset';
import { DATASET_FORMATS, FORMAT_NAMES } from '../../../shared/formats/formats';
import { exportJsonl, verifyJsonl, type JsonlLine } from '../../../shared/formats/jsonl';
import { exportNative, nativeJson, parseNative } from '../../../shared/formats/native';
import type { NativeFile } from '../../../shared/formats/native-schema';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { sha256Hex } from '../../../shared/model/hash';
import type { DocumentRecord, SpanRecord } from '../../../shared/model/types';
import { sampleCorpus } from '../../fixtures/formats/jsonl/sample-corpus';

const NOW = '2026-03-01T00:00:00.000Z';
/** A text kept with CRLF line breaks, an emoji before the spans, a flag between them, and harakat. */
const CRLF_TEXT = 'عاجل 😀\r\nقالَ الوزيرُ سامر خليل إنَّ المفاوضاتِ مستمرةٌ.\r\nوأضاف 🇸🇾 أنّ الوفدَ سيصلُ غداً.\r\n';
const QUOTES = [
  ['CUE', 'قالَ'],
  ['PER', 'سامر خليل'],
  ['CLAIM', 'المفاوضاتِ مستمرةٌ'],
  ['CLAIM', 'الوفدَ سيصلُ غداً'],
  ['DATE', 'غداً'],
] as const;

function crlfState(): CorpusState {
  const corpus = { id: 'c', name: 'CRLF corpus', schema: DEFAULT_LABEL_SCHEMA, createdAt: NOW };
  const doc: DocumentRecord = { id: 'd1', corpusId: 'c', title: 'عاجل', text: CRLF_TEXT, sha256: sha256Hex(CRLF_TEXT), status: 'done', order: 0, meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'crlf', importedAt: NOW } };
  const spans: SpanRecord[] = QUOTES.map(([label, quote], i) => {
    const start = CRLF_TEXT.indexOf(quote);
    return { id: `s${i}`, corpusId: 'c', docId: 'd1', start, end: start + quote.length, label, annotator: 'tester', createdAt: NOW };
  });
  return createCorpusState(corpus, [doc], spans);
}

function crlfCorpus(): DatasetCorpus {
  const state = crlfState();
  return {
    name: 'CRLF corpus',
    schema: DEFAULT_LABEL_SCHEMA,
    sources: [],
    documents: [{ id: 'd1', title: 'عاجل', text: CRLF_TEXT, meta: {}, spans: [...state.spans.values()].map(({ id, start, end, label }) => ({ id, start, end, label })), attributions: [] }],
  };
}

/** text[start:end] as Python slices a str: by code point. */
const pythonSlice = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

describe('native export', () => {
  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`keeps CRLF, emoji and flags in the text, and every span slices to its quote (${unit})`, () => {
      const result = exportNative(crlfState(), { exportedAt: NOW, offsetUnit: unit });
      if (!result.ok) throw new Error(result.problems.join('\n'));
      const file = JSON.parse(result.json) as NativeFile;
      const doc = file.documents[0]!;
      expect(doc.text).toBe(CRLF_TEXT);
      expect(doc.spans.map((s) => s.text)).toEqual(QUOTES.map(([, q]) => q));
      for (const span of doc.spans) {
        const read = unit === 'codepoint' ? pythonSlice(doc.text, span.start, span.end) : doc.text.slice(span.start, span.end);
        expect(read).toBe(span.text);
      }
      // After the emoji and the CR of the first line, the first span starts one code point earlier than in UTF-16 units.
      expect(doc.spans[0]!.start).toBe(unit === 'codepoint' ? CRLF_TEXT.indexOf('قالَ') - 1 : CRLF_TEXT.indexOf('قالَ'));
      const back = parseNative(result.json);
      if (!back.ok) throw new Error(back.problems.join('\n'));
      expect(back.value.spans.map(({ start, end }) => [start, end])).toEqual([...crlfState().spans.values()].map(({ start, end }) => [start, end]));
    });
  }

  it('writes the header on the first line and one document per line, as valid JSON', () => {
    const state = crlfState();
    const second: DocumentRecord = { ...state.documents.get('d1')!, id: 'd2', order: 1, text: 'نص ثانٍ', sha256: sha256Hex('نص ثانٍ') };
    const result = exportNative(createCorpusState(state.corpus, [...state.documents.values(), second], [...state.spans.values()]), { exportedAt: NOW });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const lines = result.json.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\{"format":"isnad-corpus","formatVersion":2,.*"documents":\[$/);
    expect(JSON.parse(lines[1]!.replace(/,$/, '')).id).toBe('d1');
    expect(JSON.parse(lines[2]!).id).toBe('d2');
    expect(lines.slice(3)).toEqual([']}', '']);
    expect(JSON.parse(result.json)).toEqual(result.file);
    expect(JSON.parse(nativeJson({ ...result.file, documents: [] })).documents).toEqual([]);
  });

  it('stops with a clear problem when a span would be left out of the file (counts must match)', () => {
    const state = crlfState();
    const orphan: SpanRecord = { ...state.spans.get('s0')!, id: 'orphan', docId: 'no-such-document' };
    const result = exportNative({ ...state, spans: new Map([...state.spans, ['orphan', orphan]]) }, { exportedAt: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/would hold 5 spans; the corpus has 6/);
  });

  it('stops on two spans with one id (a record stored under another key), naming the id', () => {
    const state = crlfState();
    const twin: SpanRecord = { ...state.spans.get('s0')!, id: 's1' };
    const result = exportNative({ ...state, spans: new Map([...state.spans, ['s0', twin]]) }, { exportedAt: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(['The span stored as s0 has the id s1; ids would not be unique.']);
  });

  it('stops on a span whose edge splits an emoji, naming the document', () => {
    const state = crlfState();
    const emoji = CRLF_TEXT.indexOf('😀');
    const bad: SpanRecord = { ...state.spans.get('s0')!, id: 'half', start: emoji + 1, end: emoji + 4 };
    const result = exportNative({ ...state, spans: new Map([...state.spans, ['half', bad]]) }, { exportedAt: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/document “عاجل”: Offset \d+ falls inside a surrogate pair/);
  });
});

describe('JSON Lines export', () => {
  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`keeps CRLF in the text and every entity slices to its quote (${unit}); the file verifies on its own`, () => {
      const outcome = exportJsonl(crlfCorpus(), { offsetUnit: unit });
      if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
      const contents = outcome.files[0]!.contents;
      expect(contents.endsWith('}\n')).toBe(true);
      const [line] = contents.trimEnd().split('\n').map((l) => JSON.parse(l) as JsonlLine);
      expect(line!.text).toBe(CRLF_TEXT);
      expect(line!.offsetUnit).toBe(unit);
      for (const e of line!.entities) expect(unit === 'codepoint' ? pythonSlice(line!.text, e.start, e.end) : line!.text.slice(e.start, e.end)).toBe(e.text);
      expect(verifyJsonl(contents, { documents: 1, spans: QUOTES.length, attributions: 0 })).toEqual([]);
    });
  }

  it('lists claims with their attributions once per claim, in attribution order, with astral offsets in code points', () => {
    const outcome = exportJsonl(sampleCorpus());
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    const lines = outcome.files[0]!.contents.trimEnd().split('\n').map((l) => JSON.parse(l) as JsonlLine);
    expect(lines.map((l) => l.claims.map((c) => [c.id, c.attributions.map((a) => a.id)]))).toEqual([
      [['d1-claim', ['d1-a-ministry', 'd1-a-agency']]],
      [
        ['d2-claim-1', ['d2-a-1']],
        ['d2-claim-2', ['d2-a-2']],
      ],
      [],
    ]);
    const mention = lines[0]!.claims[0]!.attributions[0]!.mention!;
    expect(pythonSlice(lines[0]!.text, mention.start, mention.end)).toBe('مصدر في الوزارة');
  });

  it('stops on a span whose edge splits a flag, and writes no file', () => {
    const corpus = crlfCorpus();
    const flag = CRLF_TEXT.indexOf('🇸🇾');
    corpus.documents[0]!.spans.push({ id: 'half-flag', start: flag + 1, end: flag + 3, label: 'LOC' });
    const outcome = exportJsonl(corpus);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toEqual([expect.stringMatching(/^document “عاجل” \(d1\): Offset \d+ falls inside a surrogate pair/)]);
  });

  it('finds a line whose offsets were shifted by one after writing (independent re-read)', () => {
    const outcome = exportJsonl(crlfCorpus());
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    const line = JSON.parse(outcome.files[0]!.contents) as JsonlLine;
    line.entities[1]!.start += 1;
    line.entities[1]!.end += 1;
    expect(problemTexts(verifyJsonl(`${JSON.stringify(line)}\n`)).join(' ')).toMatch(/entity s1 \[\d+, \d+\) in codepoints reads “.*” but quotes “سامر خليل”/);
  });
});

describe('export progress', () => {
  for (const name of FORMAT_NAMES) {
    it(`${name}: reports documents done before each document, in order`, () => {
      const corpus = sampleCorpus();
      const seen: number[] = [];
      const outcome = DATASET_FORMATS[name].exportCorpus(corpus, { onProgress: (done) => seen.push(done) });
      if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
      expect(seen).toEqual(corpus.documents.map((_, i) => i));
    });
  }
});

describe('a span across a paragraph break (a quotation that goes on in the next paragraph)', () => {
  const text = 'قال المتحدث: «المحادثات ستستأنف\n\nغدا في العاصمة» وأضاف.';
  const quote = 'المحادثات ستستأنف\n\nغدا في العاصمة';
  const corpus = (): DatasetCorpus => ({
    name: 'paragraphs',
    schema: DEFAULT_LABEL_SCHEMA,
    sources: [],
    documents: [{ id: 'd1', title: 'اقتباس', text, meta: {}, spans: [{ id: 's1', start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, label: 'CLAIM' }], attributions: [] }],
  });
  for (const name of FORMAT_NAMES) {
    it(`${name}: is exported and read back whole`, () => {
      const outcome = DATASET_FORMATS[name].exportCorpus(corpus(), {});
      if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
      const back = DATASET_FORMATS[name].importFiles(outcome.files);
      if (!back.ok) throw new Error(back.problems.join('\n'));
      const doc = back.corpus.documents[0]!;
      // (CoNLL keeps tokens, not the spaces between them: its text is rebuilt with one space.)
      const expected = name === 'conll' ? quote.replace('\n\n', ' ') : quote;
      expect(doc.spans.map((s) => [s.label, doc.text.slice(s.start, s.end)])).toEqual([['CLAIM', expected]]);
    });
  }
});

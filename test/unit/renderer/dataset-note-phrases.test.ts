/**
 * The notes dataset readers write on import (what was repaired, what was skipped), read from
 * deliberately messy files of every format: each carries a phrase, the phrase in English is
 * exactly the note's message (what the CLI prints), and in Arabic it is said whole — Arabic
 * words, no placeholder left — with the user's tokens, labels and file names isolated.
 */
import { describe, expect, it } from 'vitest';
import { noteLine, reportLines, type DatasetDraft } from '../../../renderer/app/actions/dataset-import-actions';
import { createTranslator } from '../../../shared/i18n/i18n';
import type { DatasetCorpus, FormatName, FormatNote, OutputFile } from '../../../shared/formats/dataset';
import { schemaForLabels } from '../../../shared/formats/common/imported-schema';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import { decodeDatasetBytes, readDataset } from '../../../shared/formats/dataset-read';
import { english, type Phrase, type PhraseCode } from '../../../shared/phrases/phrase';

const arabic = createTranslator('ar');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;
const PLACEHOLDER = /\{\w+\}/u;

const jsonl = (...lines: unknown[]): string => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');

/** Messy files of each format, each meant to make its reader repair or skip things. */
const MESSY: Array<{ format: FormatName; files: OutputFile[] }> = [
  {
    format: 'conll',
    files: [
      {
        path: 'messy.conll',
        contents: [
          '\uFEFFوقال O',
          'المتحدث\u200f B-PER',
          ' O',
          '\u200f O',
          'باسم X-ORG',
          'وزارة B-ORG الخارجية I-ORG',
          'إن O-ORG تحالف',
          'بيان I-LOC',
          'قصير جدا O extra',
          '\u200f\u200e',
          'نهاية O\r',
          'Reuters B-ORG \u200f',
          ...Array.from({ length: 22 }, () => ' O'),
          '',
        ].join('\n'),
      },
    ],
  },
  {
    format: 'brat',
    files: [
      { path: 'doc.txt', contents: '\uFEFFقالت وكالة رويترز\r\nإن الوزير استقال.\n' },
      {
        path: 'doc.ann',
        contents: [
          'T1\tORG 5 17\tوكالة رويترز',
          'T1\tORG 5 17\tوكالة رويترز',
          'T2\tPER 0 4\tخطأ',
          'T3\tPER 900 905\tبعيد',
          'T4\tCLAIM 19 24;25 31\tإن الوزير',
          'N1\tWikidata T1 Wikidata:Q130879\tReuters',
          '#1\tAnnotatorNotes T1\tملاحظة',
          'E1\tEvent:T1',
          'garbage line',
          'R1\tLikes Arg1:T1 Arg2:T2',
          'R2\tAttributedTo Arg1:T9 Arg2:T1',
          'A1\tColour T1 red',
          'A2\tNegated T1',
        ].join('\n'),
      },
      { path: 'lonely.ann', contents: 'T1\tORG 0 3\tabc\n' },
      { path: 'alone.txt', contents: 'نص وحيد\n' },
    ],
  },
  {
    format: 'doccano',
    files: [
      {
        path: 'messy.jsonl',
        contents:
          '\uFEFF' +
          [
            jsonl(
              { id: 1, text: 'قالت الوكالة إن الوزير استقال', label: [[0, 4, 'ORG'], [5, 3, 'X'], [0, 4], [0, 900, 'PER'], ['a', 'b', 'PER']] },
              { id: 1, text: 'نص ثان', label: [[0, 2, ''], [0, 2, 'ORG']] },
              { text: 'علاقات', entities: [{ id: 1, start_offset: 0, end_offset: 2, label: 'ORG' }, { id: 1, start_offset: 0, end_offset: 3, label: 'PER' }, { start_offset: 0, end_offset: 1, label: 'X' }], relations: [{ from_id: 1, to_id: 9, type: 'said' }, { from_id: 1, to_id: 1, type: 'likes' }] },
              { title: 'no text' },
              '{broken',
            ),
          ]
            .join('')
            .replace(/\n/gu, '\r\n'),
      },
    ],
  },
  {
    format: 'label-studio',
    files: [
      {
        path: 'messy.json',
        contents: JSON.stringify([
          { id: 1, data: { text: 'قالت الوكالة إن الوزير استقال', docId: 'd1' }, annotations: [
            { id: 1, result: [] },
            { id: 2, result: [
              { id: 'r1', type: 'labels', value: { start: 0, end: 4, text: 'قالت', labels: ['ORG'] } },
              { id: 'r2', type: 'labels', value: { start: 0, end: 4, text: 'غلط', labels: ['PER'] } },
              { id: 'r3', type: 'labels', value: { start: 5, end: 900, labels: ['PER'] } },
              { id: 'r4', type: 'choices', value: { choices: ['x'] } },
              { type: 'relation', from_id: 'r1', to_id: 'r9', labels: ['x'] },
              { type: 'relation', from_id: 'r1', to_id: 'r1', labels: [] },
            ] },
          ] },
          { id: 2, data: { text: 'نص آخر', docId: 'd1' }, predictions: [{ result: [] }, { result: [] }] },
          { id: 3, data: { html: '<p>x</p>' } },
        ]),
      },
    ],
  },
  {
    format: 'jsonl',
    files: [
      {
        path: 'messy.isnad.jsonl',
        contents: jsonl(
          { id: 'a', text: 'قالت الوكالة إن الوزير استقال', offsetUnit: 'bytes', entities: [{ id: 'e1', start: 0, end: 4, label: 'ORG', text: 'قالت' }, { id: 'e2', start: 0, end: 4, label: 'ORG', text: 'غلط' }, { id: 'e3', start: 0, end: 4, text: 'قالت' }], claims: [{ id: 'c1', span: { start: 5, end: 900 } }, { id: 'c2', span: { start: 13, end: 29, text: 'إن الوزير استقال' }, attributions: [{ id: 'x1', source: { id: 'src' }, via: 'nowhere' }] }] },
          { id: 'a', text: 'نص ثان', offsetUnit: 'codepoint', entities: [] },
        ),
      },
    ],
  },
  {
    format: 'spacy',
    files: [
      { path: 'messy.json', contents: JSON.stringify([['قالت الوكالة', { entities: [[0, 4, 'ORG'], [0, 900, 'PER'], ['B-ORG', 'O']] }], [5, { entities: [] }], ['نص', { entities: 5 }]]) },
    ],
  },
  {
    format: 'web-annotation',
    files: [
      {
        path: 'messy.jsonld',
        contents: JSON.stringify({
          type: 'AnnotationPage',
          'isnad:documents': [{ id: 'd1', iri: 'urn:doc:d1', text: 'قالت الوكالة إن الوزير استقال' }, { text: 'بلا معرف' }],
          'isnad:sources': [{ nameAr: 'بلا معرف' }],
          items: [
            { type: 'Annotation', body: { type: 'TextualBody', value: 'ORG', purpose: 'tagging' }, target: { source: 'urn:doc:d1' } },
            { id: 'urn:a:1', type: 'Annotation', target: { source: 'urn:doc:d1' } },
            { id: 'urn:a:2', type: 'Annotation', body: { type: 'TextualBody', value: 'ORG', purpose: 'tagging' }, target: {} },
            { id: 'urn:a:3', type: 'Annotation', body: { type: 'TextualBody', value: 'ORG', purpose: 'tagging' }, target: { source: 'urn:doc:missing' } },
            { id: 'urn:a:4', type: 'Annotation', body: { type: 'TextualBody', value: 'ORG', purpose: 'tagging' }, target: { source: 'urn:doc:d1', selector: [{ type: 'TextPositionSelector', start: 2, end: 6 }, { type: 'TextQuoteSelector', exact: 'الوكالة', prefix: 'قالت ', suffix: ' إن' }] } },
            { id: 'urn:a:5', type: 'Annotation', body: { type: 'TextualBody', value: 'PER', purpose: 'tagging' }, target: { source: 'urn:doc:d1', selector: [{ type: 'TextQuoteSelector', exact: 'غائب' }] } },
            { id: 'urn:a:5', type: 'Annotation', body: { type: 'TextualBody', value: 'PER', purpose: 'tagging' }, target: { source: 'urn:doc:d1' } },
            { id: 'urn:l:1', type: 'Annotation', motivation: 'linking', target: [{ id: 'urn:a:99', 'isnad:role': 'claim' }] },
            { type: 'Annotation', motivation: 'linking', target: [] },
          ],
        }),
      },
    ],
  },
  {
    format: 'native',
    files: [
      { path: 'corpus.isnad.json', contents: `\uFEFF${nativeExport()}` },
      { path: 'second.isnad.json', contents: '{}' },
    ],
  },
];

/** A small corpus in Isnad's own format. */
function nativeExport(): string {
  const corpus: DatasetCorpus = { name: 'أخبار', schema: schemaForLabels(['ORG']), sources: [], documents: [{ id: 'd1', title: 'خبر', text: 'قالت الوكالة', meta: {}, spans: [{ id: 's1', start: 5, end: 12, label: 'ORG' }], attributions: [] }] };
  const out = DATASET_FORMATS.native.exportCorpus(corpus, {});
  if (!out.ok) throw new Error('the native export failed');
  return out.files[0]!.contents;
}

function notesOf(format: FormatName, files: OutputFile[]): FormatNote[] {
  const outcome = readDataset(files, format);
  return outcome.ok ? outcome.dataset.notes : [];
}

describe('notes of messy datasets', () => {
  for (const { format, files } of MESSY) {
    it(`${format}: every note has a phrase, English exactly as the message, Arabic whole`, () => {
      const notes = notesOf(format, files);
      expect(notes.length).toBeGreaterThanOrEqual(2);
      for (const note of notes) {
        expect(note.phrase, note.message).toBeDefined();
        expect(english(note.phrase!)).toBe(note.message);
        const said = arabic.phrase(note.phrase!);
        expect(said, note.message).toMatch(ARABIC_LETTER);
        expect(said, said).not.toMatch(PLACEHOLDER);
      }
    });
  }

  it('covers every reader note code at least once across the formats (a code nobody reaches is a sign of a dead message)', () => {
    const codes = new Set(MESSY.flatMap(({ format, files }) => notesOf(format, files)).flatMap((n) => codesIn(n.phrase!)));
    expect(codes.size).toBeGreaterThan(40);
  });

  it('spaCy files that cannot be read beside one that can are notes in Arabic too (the CLI reads several)', () => {
    const files = [{ path: 'broken.json', contents: '[["نص", {' }, { path: 'shape.json', contents: '{"a": 5}' }, ...MESSY.find((m) => m.format === 'spacy')!.files];
    const outcome = DATASET_FORMATS.spacy.importFiles(files);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    const unread = outcome.notes.filter((n) => n.where === 'broken.json' || n.where === 'shape.json');
    expect(unread.map((n) => n.message)).toEqual([expect.stringMatching(/^broken\.json: not valid JSON \(/u), 'shape.json: neither a list of [text, {"entities": …}] nor an object of such lists.']);
    expect(arabic.phrase(unread[1]!.phrase!)).toBe('الملف «\u2068shape.json\u2069» ليس قائمة من \u2068[text, {"entities": …}]\u2069 ولا كائنًا من قوائم كهذه.');
  });

  it('isolates the tokens and labels the user wrote inside the Arabic sentence', () => {
    const notes = notesOf('conll', MESSY[0]!.files);
    const notTag = notes.find((n) => n.phrase?.code === 'conllNote.notTag')!;
    expect(arabic.phrase(notTag.phrase!)).toBe('«\u2068X-ORG\u2069» ليس وسم BIO: قُرئت الوحدة اللفظية «\u2068باسم\u2069» بالوسم O.');
    const summary = notes.find((n) => n.phrase?.code === 'conllNote.more')!;
    expect(summary.message).toMatch(/^\d+ more line\(s\) like this \(empty token\)/u);
    expect(arabic.phrase(summary.phrase!)).toMatch(/مثل هذا \(وحدة لفظية فارغة\)/u);
  });

  it('decoding notes and the report line say the note in Arabic, the file name kept apart', () => {
    const utf16 = decodeDatasetBytes('utf16.conll', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x20, 0x00, 0x4f, 0x00]));
    if (!utf16.ok || !utf16.note) throw new Error('UTF-16 with a BOM should be read with a note');
    expect(utf16.note.message).toBe('Read as UTF-16LE (byte-order mark).');
    expect(arabic.phrase(utf16.note.phrase!)).toBe('قُرئ بترميز \u2068UTF-16LE\u2069 (بحسب علامة ترتيب البايتات).');
    const files = MESSY[0]!.files;
    const draft = { files, unreadable: [], decodingNotes: [utf16.note], outcome: readDataset(files, 'conll') } as unknown as DatasetDraft;
    const lines = reportLines(draft);
    expect(noteLine(lines[0]!, arabic)).toBe('utf16.conll — صُحِّح: قُرئ بترميز \u2068UTF-16LE\u2069 (بحسب علامة ترتيب البايتات).');
    expect(lines.every((l) => l.phrase !== undefined)).toBe(true);
  });
});

function codesIn(value: Phrase): PhraseCode[] {
  return [value.code, ...Object.values(value.params ?? {}).flatMap((p) => (typeof p === 'object' && !Array.isArray(p) ? codesIn(p as Phrase) : []))];
}

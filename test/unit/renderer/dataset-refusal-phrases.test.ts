/**
 * Datasets refused as a whole (nothing could be read): each refusal keeps its English sentence
 * exactly as before (the CLI prints it), carries a phrase whose English is that sentence, and
 * in the Arabic interface is said as a whole Arabic sentence with the file names isolated
 * (FSI … PDI); why a file is not JSON is said in our words, not the JSON engine's. A refusal without a phrase still shows its English.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { problemsOf, type OutputFile, type Refused } from '../../../shared/formats/dataset';
import { decodeDatasetBytes, readDataset } from '../../../shared/formats/dataset-read';
import { guardImport } from '../../../shared/formats/conll-guard';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import { english, phrase } from '../../../shared/phrases/phrase';
import { schemaForLabels } from '../../../shared/formats/common/imported-schema';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;
const PLACEHOLDER = /\{\w+\}/u;
const isolated = (text: string): string => `\u2068${text}\u2069`;

/** The only problem of a refusal, checked: English as the CLI prints it, phrase whose English is that sentence. */
function onlyProblem(outcome: { ok: true } | Refused): { text: string; arabic: string } {
  expect(outcome.ok).toBe(false);
  const problems = outcome.ok ? [] : problemsOf(outcome);
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem!.phrase).toBeDefined();
  expect(english(problem!.phrase!)).toBe(problem!.text);
  expect(englishT.text(problem!.text, problem!.phrase)).toBe(problem!.text);
  const said = arabic.text(problem!.text, problem!.phrase);
  expect(said).toMatch(ARABIC_LETTER);
  expect(said).not.toMatch(PLACEHOLDER);
  expect(said).not.toMatch(/\b(given|could not|holds|valid|error)\b/u);
  return { text: problem!.text, arabic: said };
}

const nativeFile = (contents: string): OutputFile[] => [{ path: 'corpus.isnad.json', contents }];

describe('datasets refused as a whole', () => {
  it('no file at all', () => {
    const { text, arabic: ar } = onlyProblem(readDataset([]));
    expect(text).toBe('No file was given.');
    expect(ar).toBe('لم يُعطَ أي ملف.');
  });

  it('a file whose format cannot be recognised names the file, isolated', () => {
    const { text, arabic: ar } = onlyProblem(readDataset([{ path: 'notes (draft).xyz', contents: 'just words' }]));
    expect(text).toBe('The format of “notes (draft).xyz” could not be recognised; choose it from the list.');
    expect(ar).toContain(isolated('notes (draft).xyz'));
    expect(ar).toContain('اخترها من القائمة');
  });

  it('a brat selection with only an .ann file', () => {
    const outcome = readDataset([{ path: 'news/doc1.ann', contents: 'T1\tORG 0 5\tوكالة\n' }], 'brat');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const last = problemsOf(outcome).at(-1)!;
    expect(last.text).toBe('No brat .txt file was given.');
    expect(arabic.text(last.text, last.phrase)).toBe('لم يُعطَ أي ملف نص (txt) من ملفات brat.');
    // The unpaired .ann note before it is said in Arabic too, placed in its file.
    for (const p of problemsOf(outcome)) expect(arabic.text(p.text, p.phrase)).toMatch(ARABIC_LETTER);
  });

  it('a file with no document that can be read, with the reader’s notes placed by file and line', () => {
    const outcome = readDataset([{ path: 'empty.conll', contents: '\u200f\u200e\n' }], 'conll');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const [first, ...notes] = problemsOf(outcome);
    expect(first!.text).toBe('“empty.conll” holds no document that could be read as conll.');
    expect(arabic.text(first!.text, first!.phrase)).toBe(`لا يحوي الملف «${isolated('empty.conll')}» أي مستند يمكن قراءته بصيغة ${isolated('conll')}.`);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.text).toMatch(/^empty\.conll, line \d+: /u);
      expect(english(note.phrase!)).toBe(note.text);
      expect(arabic.text(note.text, note.phrase)).toMatch(new RegExp(`^${isolated('empty.conll')}، السطر \\d+: [^a-zA-Z]*[\u0600-\u06ff]`, 'u'));
    }
  });

  it('each reader’s “no file” refusal', () => {
    expect(onlyProblem(DATASET_FORMATS.conll.importFiles([])).text).toBe('No CoNLL file was given.');
    expect(onlyProblem(DATASET_FORMATS.spacy.importFiles([])).text).toBe('No spaCy JSON file was given.');
    expect(onlyProblem(DATASET_FORMATS['web-annotation'].importFiles([])).text).toBe('No Web Annotation (.jsonld/.json) file was given.');
    expect(onlyProblem(DATASET_FORMATS.native.importFiles([])).text).toBe('No file was given.');
  });

  it('not valid JSON: where and what, in the interface language (the engine’s English words are not the explanation)', () => {
    const native = onlyProblem(readDataset(nativeFile('{nope'), 'native'));
    expect(native.text).toBe("corpus.isnad.json: It is not valid JSON: line 1, column 2: unexpected 'n' where a property name in double quotes should be");
    expect(native.arabic).toBe(`${isolated('corpus.isnad.json')}: الملف ليس JSON صالحًا: السطر 1، العمود 2: وُجد ${isolated("'n'")} حيث ينبغي أن يكون اسم خاصية بين علامتي تنصيص مزدوجتين`);
    const wa = onlyProblem(DATASET_FORMATS['web-annotation'].importFiles([{ path: 'notes.jsonld', contents: '{"a": 1,\n "b": "open' }]));
    expect(wa.text).toBe('notes.jsonld: it is not valid JSON: line 2, column 7: a string that is never closed');
    expect(wa.arabic).toBe(`الملف «${isolated('notes.jsonld')}» ليس JSON صالحًا: السطر 2، العمود 7: سلسلة نصية لا تُغلق`);
    for (const said of [native.arabic, wa.arabic]) expect(said).not.toMatch(/Expected|Unterminated|position/u);
  });

  it('a native file from a newer Isnad', () => {
    const { text, arabic: ar } = onlyProblem(readDataset(nativeFile(JSON.stringify({ format: 'isnad', formatVersion: 99 })), 'native'));
    expect(text).toBe('corpus.isnad.json: It is native format version 99; this Isnad reads versions 1 to 2. Update Isnad to open it.');
    expect(ar).toContain('99');
    expect(ar).toContain('حدّث إسناد');
  });

  it('an unexpected error inside a reader', () => {
    const { text, arabic: ar } = onlyProblem(
      guardImport(() => {
        throw new Error('boom');
      }),
    );
    expect(text).toBe('Unexpected error: boom');
    expect(ar).toBe(`حدث خطأ غير متوقع: ${isolated('boom')}`);
  });

  it('a file that starts with a UTF-16 byte-order mark but is not UTF-16', () => {
    const decoded = decodeDatasetBytes('broken.conll', Uint8Array.from([0xff, 0xfe, 0x41]));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message).toBe('“broken.conll” starts with a UTF-16 byte-order mark but is not valid UTF-16.');
    expect(english(decoded.phrase!)).toBe(decoded.message);
    expect(arabic.text(decoded.message, decoded.phrase)).toBe(`يبدأ الملف «${isolated('broken.conll')}» بعلامة ترتيب البايتات الخاصة بترميز UTF-16 لكنه ليس UTF-16 صالحًا.`);
  });

  it('the schema checker’s words keep their English and are said in Arabic field by field, placed in the file', () => {
    const outcome = readDataset(nativeFile(JSON.stringify({ format: 'isnad', formatVersion: 2 })), 'native');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const problems = problemsOf(outcome);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const inner = p.text.slice('corpus.isnad.json: '.length);
      expect(p.text.startsWith('corpus.isnad.json: ')).toBe(true);
      expect(inner).toMatch(/^[\w.]+: (Invalid|Too)/u);
      expect(english(p.phrase!)).toBe(p.text);
      const ar = arabic.text(p.text, p.phrase);
      expect(ar.startsWith(`${isolated('corpus.isnad.json')}: الحقل \u2068`)).toBe(true);
      expect(ar).not.toMatch(/Invalid|expected|received/u);
    }
  });
});

describe('exports stopped because the written files would not read back as meant', () => {
  it('a brat export of a span outside its text names the document in Arabic', () => {
    const corpus = { name: 'c', schema: schemaForLabels(['PER']), sources: [], documents: [{ id: 'd1', title: 'd1', text: 'نص قصير', meta: {}, spans: [{ id: 's1', start: 0, end: 100, label: 'PER' }], attributions: [] }] };
    const { text, arabic: ar } = onlyProblem(DATASET_FORMATS.brat.exportCorpus(corpus));
    expect(text).toBe('Document d1: Offset 100 is outside the text (length 7).');
    expect(ar).toBe(`المستند ${isolated('d1')}: الإزاحة 100 خارج النص (طوله 7).`);
  });

  it('the read-back checks keep their English sentences exactly', () => {
    const cases: Array<[ReturnType<typeof phrase>, string]> = [
      [phrase('exportCheck.documents', { written: 3, read: 2 }), '3 document(s) written, 2 read back.'],
      [phrase('exportCheck.text', { file: 'd1.txt' }), "d1.txt: the text read back differs from the document's text."],
      [phrase('exportCheck.spans', { file: 'd1.ann', read: 2, written: 3 }), 'd1.ann: the spans read back (2) differ from those written (3).'],
      [phrase('exportCheck.attributions', { file: 'd1.ann', read: 1, written: 0 }), 'd1.ann: the attributions read back (1) differ from those written (0).'],
      [phrase('exportCheck.tokens', { file: 'c.conll', index: 2 }), 'c.conll: document 2: the tokens read back differ from those written.'],
      [phrase('exportCheck.tags', { file: 'c.conll', index: 2 }), 'c.conll: document 2: the tags read back give other spans than those written.'],
      [phrase('exportCheck.readBack', { where: 'd1.ann:4', kind: phrase('noteKind.skipped'), note: phrase('bratNote.unparseable', { line: 'X' }) }), 'd1.ann:4: written file reads back with a skipped note: Unparseable line “X” skipped.'],
      [phrase('exportCheck.readBackLine', { where: 'c.conll:7', kind: phrase('noteKind.repaired'), note: phrase('conllNote.cr') }), 'c.conll:7: written line reads back with a repaired note: CR line endings read as line breaks.'],
    ];
    for (const [value, sentence] of cases) {
      expect(english(value)).toBe(sentence);
      const ar = arabic.phrase(value);
      expect(ar).toMatch(ARABIC_LETTER);
      expect(ar).not.toMatch(PLACEHOLDER);
    }
  });
});

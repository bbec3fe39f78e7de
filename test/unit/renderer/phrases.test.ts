/**
 * Texts made in shared/ (phrases) in the interface languages: every code has an English and
 * an Arabic message with the same placeholders, the phrases shared/ really produces (bad files,
 * refused commands, undo descriptions, offset notes) come out whole in both languages and in
 * English exactly as the CLI prints them, and stored texts without a phrase still show.
 */
import { describe, expect, it } from 'vitest';
import { describeImport } from '../../../renderer/app/import-report';
import { ar } from '../../../shared/i18n/ar';
import { en } from '../../../shared/i18n/en';
import { createTranslator, placeholdersOf, type Message } from '../../../shared/i18n/i18n';
import { FORMAT_NAMES, DATASET_FORMATS } from '../../../shared/formats/formats';
import { addSpan, relabelSpan, removeSpan, setDocumentStatus, updateDocumentDetails } from '../../../shared/model/commands';
import { addSource, deleteSource, setAttributeValues } from '../../../shared/model/attribution-commands';
import { importFiles, type IncomingFile } from '../../../shared/model/import';
import { applyTransaction } from '../../../shared/model/transaction';
import { createCorpusState } from '../../../shared/model/state';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { exportNative } from '../../../shared/formats/native';
import { ENGLISH_PHRASES } from '../../../shared/phrases/english-phrases';
import { english, phrase, said, type Phrase, type PhraseCode } from '../../../shared/phrases/phrase';
import { skipReasonPhrase, skipReasonText } from '../../../shared/phrases/skip-reasons';
import { NOT_A_BRAT_FILE } from '../../../shared/formats/dataset-detect';
import { NOT_AN_ARTICLE, NOT_A_REGULAR_FILE, SYMBOLIC_LINK } from '../../../electron/main/ipc/open-article-folder';
import { stateWithDocument, testContext } from '../helpers/tagged';

const CODES = Object.keys(ENGLISH_PHRASES) as PhraseCode[];
const english_t = createTranslator('en');
const arabic_t = createTranslator('ar');
const ARABIC_LETTER = /[\u0600-\u06ff]/;

function placeholders(message: Message): string[] {
  return [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap(placeholdersOf))].sort();
}

/** Every code in a phrase and its nested phrases. */
function codesIn(value: Phrase): PhraseCode[] {
  const nested = Object.values(value.params ?? {}).flatMap(function walk(p): PhraseCode[] {
    if (Array.isArray(p)) return p.flatMap(walk);
    return typeof p === 'object' ? codesIn(p as Phrase) : [];
  });
  return [value.code, ...nested];
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bad files of every kind the import refuses or skips records of. */
const BAD_FILES: IncomingFile[] = [
  { name: 'binary.dat', bytes: Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4]) },
  { name: 'empty.txt', bytes: new Uint8Array() },
  { name: 'spaces.txt', bytes: bytes('\uFEFF \n\u00a0 ') },
  { name: 'big.txt', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x61) },
  { name: 'photo.png', bytes: bytes('not really') },
  { name: 'scan', bytes: bytes('%PDF-1.7 …') },
  { name: 'broken.json', bytes: bytes('[{"text": "نص",}]') },
  { name: 'object.json', bytes: bytes('{"a": 1}') },
  { name: 'lists.json', bytes: bytes('{"a": [1], "b": [2]}') },
  { name: 'feed.jsonl', bytes: bytes('{"text": "خبر أول"}\n{"text": 5}\n{nope\n[1]\n{"text": "  "}\n') },
  { name: 'table.csv', bytes: bytes('title,body\nعنوان,نص\n') },
  { name: 'quotes.csv', bytes: bytes('text\n"مفتوح\n') },
  { name: 'page.html', bytes: bytes('<!doctype html><html><body><nav>القائمة</nav></body></html>') },
  { name: 'front.md', bytes: bytes('---\ntitle: عنوان\n---\n') },
  { name: 'fake.docx', bytes: bytes('plain text') },
  { name: 'unreadable.txt', error: 'The host could not read it.' },
];

describe('phrase codes', () => {
  it('each have an English and an Arabic message, with the same placeholders', () => {
    const missing = CODES.filter((code) => en[code] === undefined || ar[code] === undefined);
    expect(missing).toEqual([]);
    const mismatched = CODES.filter((code) => placeholders(ENGLISH_PHRASES[code]).join() !== placeholders(ar[code]).join() || en[code] !== ENGLISH_PHRASES[code]);
    expect(mismatched).toEqual([]);
  });
});

describe('phrases shared/ produces', () => {
  const outcome = importFiles(stateWithDocument('نص قائم'), BAD_FILES, testContext());
  const produced: Array<{ message: string; phrase: Phrase }> = [
    ...outcome.report.refused.filter((r) => r.phrase).map((r) => ({ message: r.message, phrase: r.phrase! })),
    ...outcome.report.problems.map((p) => ({ message: p.message, phrase: p.phrase! })),
    ...outcome.report.imported.map((i) => ({ message: i.detail, phrase: i.detailPhrase! })),
  ];

  it('cover every bad file, each refusal with its phrase', () => {
    expect(outcome.report.refused.map((r) => r.fileName).sort()).toEqual(BAD_FILES.map((f) => f.name).filter((n) => n !== 'feed.jsonl').sort());
    expect(outcome.report.refused.filter((r) => !r.phrase).map((r) => r.fileName)).toEqual(['unreadable.txt']);
    expect(outcome.report.problems.length).toBeGreaterThanOrEqual(4);
  });

  it('render in English exactly as the report and the CLI write them', () => {
    for (const { message, phrase: p } of produced) {
      expect(english(p)).toBe(message);
      expect(english_t.phrase(p)).toBe(message);
    }
  });

  it('render whole in Arabic: every code known, every placeholder filled, the file name isolated', () => {
    for (const { phrase: p } of produced) {
      for (const code of codesIn(p)) expect(ar[code], code).toBeDefined();
      const arabic = arabic_t.phrase(p);
      expect(arabic, p.code).toMatch(ARABIC_LETTER);
      expect(arabic, p.code).not.toMatch(/\{\w+\}/);
    }
    const binary = outcome.report.refused.find((r) => r.fileName === 'binary.dat')!;
    expect(arabic_t.phrase(binary.phrase!)).toBe('الملف «\u2068binary.dat\u2069» ليس ملفًا نصيًا (فيه بيانات ثنائية).');
  });

  it('make the import report Arabic, except what the host said in its own words', () => {
    const told = describeImport(outcome.report, arabic_t);
    expect(told.text).toMatch(ARABIC_LETTER);
    const refusedLines = told.details.slice(0, outcome.report.refused.length);
    expect(refusedLines.filter((line) => !ARABIC_LETTER.test(line))).toEqual(['The host could not read it.']);
    expect(told.details).toContain('الملف «\u2068feed.jsonl\u2069»، السطر 2: الحقل «\u2068text\u2069» عدد، لا نص');
  });

  it('count the entries a folder walk left out apart from refused files, and never call a folder a file', () => {
    const entry = (fileName: string, told: { text: string; phrase: Phrase }) => ({ fileName, message: told.text, phrase: told.phrase });
    const skip = (file: string, reason: 'hidden folder (not opened)' | 'not an article file') => entry(file, said('file.skipped', { file, reason: skipReasonPhrase(reason)! }));
    const report = {
      imported: [],
      problems: [],
      duplicates: [],
      refused: [skip('news/.git', 'hidden folder (not opened)'), skip('news/photo.png', 'not an article file'), entry('scan.txt', said('file.binary', { file: 'scan.txt' }))],
    };
    expect(describeImport(report, createTranslator('en')).text).toBe('Nothing was imported. Refused 1 file. Left out 2 entries of the folder (hidden, or not articles).');
    const arabic = describeImport(report, arabic_t);
    expect(arabic.text).toContain('رُفض ملف واحد.');
    expect(arabic.text).toContain('تُرك عنصران من المجلد');
    expect(arabic.details[0]).toBe('تُرك «\u2068news/.git\u2069»: مجلد مخفي (لم يُفتح).');
  });

  it('start every Arabic report line with Arabic, so that a Latin file name does not turn the line left to right', () => {
    const report = { imported: [], refused: [], problems: [], duplicates: [{ fileName: 'copy (2).txt', title: 'Copy', existingTitle: 'خبر أول' }] };
    const [line] = describeImport(report, arabic_t).details;
    expect(line).toBe('الملف «\u2068copy (2).txt\u2069»: نصه مطابق لنص «\u2068خبر أول\u2069»، فتُرك.');
    // The first strongly directional character decides the line's direction (dir="auto").
    expect(/^[^A-Za-z\u0600-\u06ff]*[\u0600-\u06ff]/.test(line!)).toBe(true);
  });

  it('say that a copy repeats a file of the same import, naming it, not that it was already in the corpus', () => {
    const report = {
      imported: [],
      refused: [],
      problems: [],
      duplicates: [
        { fileName: 'b.txt', title: 'خبر', existingTitle: 'خبر', existingFile: 'a.txt' },
        { fileName: 'c.txt', title: 'خبر قديم', existingTitle: 'خبر قديم' },
      ],
    };
    expect(describeImport(report, english_t)).toMatchObject({
      text: 'Nothing was imported. Skipped 1 already in the corpus. Skipped 1 repeating a file of this import.',
      details: ['b.txt: same text as a.txt in this import (“\u2068خبر\u2069”), skipped.', 'c.txt: same text as “\u2068خبر قديم\u2069”, skipped.'],
    });
    const arabic = describeImport(report, arabic_t);
    expect(arabic.text).toContain('تُرك مستند واحد يكرر ملفًا من هذا الاستيراد.');
    expect(arabic.text).toContain('تُرك مستند واحد موجود في المدوّنة أصلًا.');
    expect(arabic.details[0]).toBe('الملف «\u2068b.txt\u2069»: نصه مطابق لنص الملف «\u2068a.txt\u2069» من هذا الاستيراد («\u2068خبر\u2069»)، فتُرك.');
  });

  it('name undoable changes and explain refused commands in both languages', () => {
    const ctx = testContext();
    let state = stateWithDocument('قال المتحدث إن الوفد وصل.');
    const added = addSpan(state, { docId: 'doc-1', start: 0, end: 3, label: 'PER' }, ctx);
    if (!added.ok) throw new Error(added.error);
    expect(added.tx.description).toBe('Add PER span');
    expect(arabic_t.text(added.tx.description, added.tx.phrase)).toBe('إضافة مقطع \u2068PER\u2069');
    state = applyTransaction(state, added.tx);
    const spanId = added.tx.changes[0]!.id;
    const results = [
      addSpan(state, { docId: 'doc-1', start: 0, end: 3, label: 'PER' }, ctx),
      addSpan(state, { docId: 'doc-1', start: 2, end: 8, label: 'PER' }, ctx),
      addSpan(state, { docId: 'gone', start: 0, end: 1, label: 'PER' }, ctx),
      relabelSpan(state, { spanId, label: 'PER' }),
      relabelSpan(state, { spanId, label: 'ORG' }),
      removeSpan(state, { spanId }),
      setDocumentStatus(state, { docId: 'doc-1', status: 'in-progress' }),
      setDocumentStatus(state, { docId: 'doc-1', status: 'done' }),
      updateDocumentDetails(state, { docId: 'doc-1', fields: { title: '', outlet: 'x' } }),
      updateDocumentDetails(state, { docId: 'doc-1', fields: { outlet: 'وكالة', url: 'https://example.org' } }),
      addSource(state, { nameAr: '', nameLatin: '', kind: 'person', aliasesAr: [], aliasesLatin: [] }, ctx),
      addSource(state, { nameAr: 'سانا', nameLatin: 'SANA', kind: 'news-agency', aliasesAr: [], aliasesLatin: [] }, ctx),
      deleteSource(state, { sourceId: 'nobody' }),
      setAttributeValues(state, { quotation: [], stance: ['x'], claimType: ['y'] }),
    ];
    for (const result of results) {
      const [englishText, value] = result.ok ? [result.tx.description, result.tx.phrase] : [result.error, result.phrase];
      expect(value, englishText).toBeDefined();
      expect(english(value!)).toBe(englishText);
      const arabic = arabic_t.text(englishText, value);
      expect(arabic, englishText).toMatch(ARABIC_LETTER);
      expect(arabic, englishText).not.toMatch(/\{\w+\}/);
    }
  });

  it('say how each dataset format counts offsets in both languages', () => {
    for (const name of FORMAT_NAMES) {
      const convention = DATASET_FORMATS[name].offsetConvention;
      expect(english_t.phrase(convention)).toBe(english(convention));
      expect(arabic_t.phrase(convention)).toMatch(ARABIC_LETTER);
    }
  });
});

describe('files a folder walk skipped', () => {
  it('are told why in the interface language, whichever host walked the folder', () => {
    for (const reason of [NOT_A_BRAT_FILE, NOT_AN_ARTICLE, SYMBOLIC_LINK, NOT_A_REGULAR_FILE, skipReasonText('skip.hidden'), skipReasonText('skip.hiddenFolder')]) {
      const value = skipReasonPhrase(reason);
      expect(value, reason).toBeDefined();
      expect(arabic_t.text(reason, value)).toMatch(ARABIC_LETTER);
    }
    expect(skipReasonPhrase('a reason from a newer host')).toBeUndefined();
    const outcome = importFiles(stateWithDocument('نص'), [{ name: 'a/.hidden', ...said('file.skipped', { file: 'a/.hidden', reason: phrase('skip.hidden') }) }].map(({ name, text, phrase: p }) => ({ name, error: text, errorPhrase: p })), testContext());
    expect(outcome.report.refused[0]!.message).toBe('“a/.hidden” skipped: hidden file.');
    expect(describeImport(outcome.report, arabic_t).details[0]).toBe('تُرك «\u2068a/.hidden\u2069»: ملف مخفي.');
  });
});

describe('the import report', () => {
  /** A native export of a corpus whose documents are the given texts (titled by their first lines). */
  function nativeExport(name: string, texts: string[]): Uint8Array {
    const empty = createCorpusState({ id: 'corpus-src', name, schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' });
    const { tx } = importFiles(empty, texts.map((text, i) => ({ name: `${i}.txt`, bytes: bytes(text) })), testContext());
    const result = exportNative(applyTransaction(empty, tx!), { exportedAt: '2026-01-01T00:00:00.000Z', generator: 'test' });
    if (!result.ok) throw new Error(result.problems.join());
    return bytes(result.json);
  }

  it('names each document of an Isnad export, in both languages', () => {
    const file = nativeExport('corpus1', ['اجتماع اللجنة\nنص أول.', 'زيارة الوزير\nنص ثان.', 'Weather report\nthird text.']);
    const into = createCorpusState({ id: 'corpus-2', name: 'Other', schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' });
    const { report } = importFiles(into, [{ name: 'corpus1.json', bytes: file }], testContext());
    expect(describeImport(report, english_t).details).toEqual([
      'corpus1.json: “\u2068اجتماع اللجنة\u2069”, from an Isnad export (corpus1)',
      'corpus1.json: “\u2068زيارة الوزير\u2069”, from an Isnad export (corpus1)',
      'corpus1.json: “Weather report”, from an Isnad export (corpus1)',
    ]);
    expect(report.imported.map((i) => i.detail)).toEqual(['“اجتماع اللجنة”, from an Isnad export (corpus1)', '“زيارة الوزير”, from an Isnad export (corpus1)', '“Weather report”, from an Isnad export (corpus1)']);
    expect(describeImport(report, arabic_t).details[2]).toBe(`الملف «\u2068corpus1.json\u2069»: المستند «\u2068Weather report\u2069»، من تصدير من إسناد (\u2068corpus1\u2069)`);
  });
});

describe('stored texts from before phrases', () => {
  it('show their English when they have no phrase, or one this version does not know', () => {
    expect(arabic_t.text('Add PER span', undefined)).toBe('Add PER span');
    expect(arabic_t.text('Something new', { code: 'from.a.newer.version' } as unknown as Phrase)).toBe('Something new');
    expect(arabic_t.text('Add PER span', phrase('change.addSpan', { label: 'PER' }))).toBe('إضافة مقطع \u2068PER\u2069');
  });

  it('count in Arabic plural forms', () => {
    expect(arabic_t.phrase(phrase('change.import', { count: 1 }))).toBe('استيراد مستند واحد');
    expect(arabic_t.phrase(phrase('change.import', { count: 250 }))).toBe('استيراد 250 مستندًا');
    expect(arabic_t.phrase(phrase('change.import', { count: 100 }))).toBe('استيراد 100 مستند');
    expect(arabic_t.phrase(phrase('change.import', { count: 5 }))).toBe('استيراد 5 مستندات');
    expect(english(phrase('change.import', { count: 250 }))).toBe('Import 250 documents');
  });
});

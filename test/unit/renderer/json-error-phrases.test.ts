/**
 * Why a text is not valid JSON, as the user reads it: where (line and column, or the column
 * alone for one line of a JSON Lines file, whose line the note already gives) and what is
 * wrong, said in the interface language — never the JSON engine's English words
 * ("Unterminated string in JSON at position 12") as the only explanation in Arabic.
 */
import { describe, expect, it } from 'vitest';
import { noteLine, reportLines, type DatasetDraft } from '../../../renderer/app/actions/dataset-import-actions';
import { createTranslator } from '../../../shared/i18n/i18n';
import { readDataset } from '../../../shared/formats/dataset-read';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import { jsonSyntaxPhrase } from '../../../shared/formats/intake/json-errors';
import { importFiles } from '../../../shared/model/import';
import { english, type Phrase } from '../../../shared/phrases/phrase';
import { stateWithDocument, testContext } from '../helpers/tagged';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const isolated = (text: string): string => `\u2068${text}\u2069`;
/** Words of the engines' JSON.parse messages (V8, SpiderMonkey, JavaScriptCore). */
const ENGINE_WORDS = /Unexpected|Unterminated|Expected|position|JSON\.parse|Bad control/u;

function syntax(text: string): Phrase {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxPhrase(text, error);
  }
  throw new Error(`${text} is valid JSON`);
}

describe('why a text is not JSON', () => {
  const cases: Array<[string, string, string]> = [
    ['{"a": "open', 'line 1, column 7: a string that is never closed', 'السطر 1، العمود 7: سلسلة نصية لا تُغلق'],
    ['{"a": "x\ny"}', 'line 1, column 9: a line break inside a string (missing closing quote?)', 'السطر 1، العمود 9: فاصل أسطر داخل سلسلة نصية (أتنقصها علامة التنصيص الخاتمة؟)'],
    ['{nope', "line 1, column 2: unexpected 'n' where a property name in double quotes should be", `السطر 1، العمود 2: وُجد ${isolated("'n'")} حيث ينبغي أن يكون اسم خاصية بين علامتي تنصيص مزدوجتين`],
    ['[1,\n 2,]', "line 2, column 4: unexpected ']' where a value should be (a comma before it is one too many)", `السطر 2، العمود 4: وُجد ${isolated("']'")} حيث ينبغي أن تكون قيمة (الفاصلة التي قبله زائدة)`],
    ['{"a" 1}', "line 1, column 6: expected ':' after the property name, found '1'", `السطر 1، العمود 6: كان المتوقع «:» بعد اسم الخاصية، ووُجد ${isolated("'1'")}`],
    ['[1 2]', "line 1, column 4: expected ',' or ']', found '2'", `السطر 1، العمود 4: كان المتوقع «,» أو «${isolated(']')}»، ووُجد ${isolated("'2'")}`],
    ['{"a": [', 'line 1, column 8: the data ends too early', 'السطر 1، العمود 8: تنتهي البيانات قبل أوانها'],
    ['{} x', "line 1, column 4: unexpected 'x' after the end of the JSON data", `السطر 1، العمود 4: وُجد ${isolated("'x'")} بعد نهاية بيانات JSON`],
    ['{"a": "\\q"}', 'line 1, column 8: an invalid escape in a string', 'السطر 1، العمود 8: تهريب غير صالح في سلسلة نصية'],
    ['[-]', 'line 1, column 2: an invalid number', 'السطر 1، العمود 2: عدد غير صالح'],
  ];
  for (const [text, en, ar] of cases) {
    it(`${JSON.stringify(text)}: ${en}`, () => {
      const said = syntax(text);
      expect(english(said)).toBe(en);
      expect(englishT.phrase(said)).toBe(en);
      expect(arabic.phrase(said)).toBe(ar);
      expect(arabic.phrase(said)).not.toMatch(ENGINE_WORDS);
    });
  }
});

describe('articles from broken JSON files (Open files…)', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  const outcome = importFiles(stateWithDocument('نص قائم'), [
    { name: 'broken.json', bytes: bytes('[{"text": "خبر",\n  "title": "عنوان}]') },
    { name: 'feed.jsonl', bytes: bytes('{"text": "خبر أول"}\n{"text": "خبر ثان\n{nope\n') },
  ], testContext());

  it('a file that is not JSON: the line and column, and what is wrong, in Arabic', () => {
    const refused = outcome.report.refused.find((r) => r.fileName === 'broken.json')!;
    expect(refused.message).toBe('“broken.json” is not valid JSON: line 2, column 12: a string that is never closed.');
    expect(arabic.text(refused.message, refused.phrase)).toBe(`الملف «${isolated('broken.json')}» ليس JSON صالحًا: السطر 2، العمود 12: سلسلة نصية لا تُغلق.`);
  });

  it('a line of JSON Lines that is not JSON: the column in that line, and what is wrong, in Arabic', () => {
    const problems = outcome.report.problems.filter((p) => p.fileName === 'feed.jsonl');
    expect(problems.map((p) => p.message)).toEqual(['line 2: not valid JSON (column 10: a string that is never closed)', "line 3: not valid JSON (column 2: unexpected 'n' where a property name in double quotes should be)"]);
    const said = problems.map((p) => arabic.text(p.message, p.phrase));
    expect(said[0]).toContain('ليس JSON صالحًا (العمود 10: سلسلة نصية لا تُغلق)');
    for (const sentence of said) expect(sentence).not.toMatch(ENGINE_WORDS);
  });
});

describe('dataset files that are not JSON (Import dataset…)', () => {
  it('a JSON Lines line: the report gives the line once and the column in it, in English and in Arabic', () => {
    const files = [{ path: 'records.jsonl', contents: '{"text": "نص", "entities": [], "offsetUnit": "codepoint"}\n{not json\n' }];
    const outcome = readDataset(files, 'jsonl');
    const draft = { files, unreadable: [], decodingNotes: [], outcome } as unknown as DatasetDraft;
    const [line] = reportLines(draft).filter((l) => l.kind === 'skipped');
    expect(noteLine(line!, englishT)).toBe("records.jsonl, line 2 — skipped: not valid JSON at column 2 (unexpected 'n' where a property name in double quotes should be): {not json");
    expect(noteLine(line!, arabic)).toBe(
      `records.jsonl، السطر 2 — تُرك: ليس JSON صالحًا عند العمود 2 (وُجد ${isolated("'n'")} حيث ينبغي أن يكون اسم خاصية بين علامتي تنصيص مزدوجتين): ${isolated('{not json')}`,
    );
  });

  it('Label Studio and spaCy files: where in the file, and what, in Arabic', () => {
    const ls = DATASET_FORMATS['label-studio'].importFiles([{ path: 'tasks.json', contents: '[{"data": {"text": "x"}},\n {"data": ]' }, { path: 'ok.json', contents: '[{"data": {"text": "نص"}}]' }]);
    const spacy = DATASET_FORMATS.spacy.importFiles([{ path: 'broken.json', contents: '[["نص", {' }, { path: 'ok.json', contents: '[["نص", {"entities": []}]]' }]);
    const notes = [ls, spacy].flatMap((o) => (o.ok ? o.notes : [])).filter((n) => n.kind === 'skipped' && /not valid JSON/u.test(n.message));
    expect(notes.map((n) => n.message)).toEqual([
      `The file is not valid JSON (line 2, column 11: unexpected ']' where a value should be): [{"data": {"text": "x"}},\n {"data": ]`,
      'broken.json: not valid JSON (line 1, column 10: the data ends too early).',
    ]);
    const said = notes.map((n) => arabic.phrase(n.phrase!));
    expect(said[0]).toContain('السطر 2، العمود 11');
    expect(said[1]).toBe(`الملف «${isolated('broken.json')}» ليس JSON صالحًا (السطر 1، العمود 10: تنتهي البيانات قبل أوانها).`);
    for (const sentence of said) expect(sentence).not.toMatch(ENGINE_WORDS);
  });
});

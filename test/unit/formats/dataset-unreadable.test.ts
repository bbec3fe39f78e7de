/**
 * Import dataset… refuses what Open files… refuses, in the same words: a binary file is "not
 * a text file", an empty one "empty", and a file that looks like JSON (by its extension, or
 * starting with { or [) but does not parse is "not valid JSON" at a line and column — never
 * "the format could not be recognised; choose it from the list", which invites choosing a
 * format for a file no format can read. Both languages.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { problemsOf } from '../../../shared/formats/dataset';
import { decodeDatasetBytes, readDataset } from '../../../shared/formats/dataset-read';
import { importFiles } from '../../../shared/model/import';
import { stateWithDocument, testContext } from '../helpers/tagged';

const arabic = createTranslator('ar');
const isolated = (text: string): string => `\u2068${text}\u2069`;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BINARY = Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 1, 2, 3, 4, 0, 0, 9, 0]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** What Open files… (the article import) says of the same bytes. */
function articleRefusal(name: string, bytes: Uint8Array): string {
  return importFiles(stateWithDocument('نص'), [{ name, bytes }], testContext()).report.refused[0]!.message;
}

/** The only problem of reading `contents` as a dataset with no format chosen, in English and Arabic. */
function refusalOf(path: string, contents: string): { english: string; arabic: string } {
  const outcome = readDataset([{ path, contents }]);
  if (outcome.ok) throw new Error(`${path} should be refused`);
  const [problem, ...rest] = problemsOf(outcome);
  expect(rest).toEqual([]);
  return { english: problem!.text, arabic: arabic.text(problem!.text, problem!.phrase) };
}

describe('dataset files that are not text', () => {
  for (const [name, bytes, expected] of [
    ['scan.dat', BINARY, '“scan.dat” is not a text file (it contains binary data).'],
    ['records.json', BINARY, '“records.json” is not a text file (it contains binary data).'],
    ['photo.jsonl', PNG, '“photo.jsonl” is not a text file (it looks like a PNG image).'],
    ['empty.conll', new Uint8Array(), '“empty.conll” is empty (it contains no text).'],
  ] as const) {
    it(`${name}: refused as the article import refuses it`, () => {
      const decoded = decodeDatasetBytes(name, bytes);
      if (decoded.ok) throw new Error(`${name} should be refused`);
      expect(decoded.message).toBe(expected);
      expect(decoded.message).toBe(articleRefusal(name, bytes));
      expect(arabic.text(decoded.message, decoded.phrase)).toMatch(/[\u0600-\u06ff]/u);
    });
  }

  it('text is still read as it is (byte-order mark and CRLF kept for the reader)', () => {
    const decoded = decodeDatasetBytes('a.conll', utf8('\uFEFFقال O\r\nالمتحدث B-PER\r\n'));
    expect(decoded).toEqual({ ok: true, file: { path: 'a.conll', contents: '\uFEFFقال O\r\nالمتحدث B-PER\r\n' } });
  });
});

describe('dataset files that look like JSON and are not', () => {
  it('a .json file: the line and column, as Open files… says it', () => {
    const contents = '[\n  {"text": "نص", "label": [[0, 2, "LOC"]]},\n  {"text": "خبر" "label": []}\n]';
    const { english, arabic: said } = refusalOf('review.json', contents);
    expect(english).toBe("“review.json” is not valid JSON: line 3, column 18: expected ',' or '}', found '\"'.");
    expect(english).toBe(articleRefusal('review.json', utf8(contents)));
    expect(said).toBe(`الملف «${isolated('review.json')}» ليس JSON صالحًا: السطر 3، العمود 18: كان المتوقع «,» أو «${isolated('}')}»، ووُجد ${isolated("'\"'")}.`);
  });

  it('a .jsonl file whose first record is broken: that line, and the column in it', () => {
    expect(refusalOf('records.jsonl', '\n{"text": "نص", "label": [[0, 2, "LOC"]}\n{"text": "خبر"}\n').english).toBe(
      "“records.jsonl” is not valid JSON: line 2, column 39: expected ',' or ']', found '}'.",
    );
  });

  it('a file of another name that starts like JSON', () => {
    expect(refusalOf('export.txt', '{"documents": [').english).toBe('“export.txt” is not valid JSON: line 1, column 16: the data ends too early.');
  });

  it('a file that is neither JSON nor any format: the format could not be recognised', () => {
    expect(refusalOf('notes.txt', 'plain words, not a dataset\n').english).toBe('The format of “notes.txt” could not be recognised; choose it from the list.');
    expect(refusalOf('shape.json', '{\n  "a": 1\n}').english).toBe('The format of “shape.json” could not be recognised; choose it from the list.');
  });
});

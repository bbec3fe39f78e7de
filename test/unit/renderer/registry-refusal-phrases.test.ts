/**
 * A source registry file that cannot be read: each problem keeps its English sentence exactly
 * as before (the CLI and the tests read it), carries a phrase whose English is that sentence,
 * and the Arabic interface says it in Arabic, with the file's own words (ids, names, the JSON
 * engine's detail, a field's path) isolated (FSI … PDI); why a file is not JSON is said in our words.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { parseRegistryFile } from '../../../shared/attribution/registry-file';
import { problemsOf } from '../../../shared/formats/dataset';
import { english, type Phrase } from '../../../shared/phrases/phrase';
import { withoutIsolates } from '../helpers/isolates';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;
const PLACEHOLDER = /\{\w+\}/u;
const isolated = (text: string): string => `\u2068${text}\u2069`;
const options = { corpusId: 'c1', createdAt: '2026-01-01T00:00:00.000Z' };

/** The refusal's problems: English as before, each phrase's English that sentence; and in Arabic. */
function refusal(text: string): { english: string[]; arabic: string[] } {
  const result = parseRegistryFile(text, options);
  expect(result.ok).toBe(false);
  if (result.ok) return { english: [], arabic: [] };
  // Every problem has a phrase, whose English is the problem's sentence.
  const phrases = problemsOf(result).map((problem) => problem.phrase);
  expect(phrases.every((p) => p !== undefined)).toBe(true);
  const known = phrases as Phrase[];
  expect(known).toHaveLength(result.problems.length);
  expect(known.map(english)).toEqual(result.problems);
  expect(known.map((p) => withoutIsolates(englishT.phrase(p)))).toEqual(result.problems);
  const said = known.map((p) => arabic.phrase(p));
  for (const sentence of said) {
    expect(sentence).toMatch(ARABIC_LETTER);
    expect(sentence).not.toMatch(PLACEHOLDER);
  }
  return { english: result.problems, arabic: said };
}

describe('registry files refused', () => {
  it('not JSON: where and what is wrong, in Arabic in the Arabic interface', () => {
    const { english: [en], arabic: [ar] } = refusal('{"sources": [');
    expect(en).toBe('not valid JSON: line 1, column 14: the data ends too early');
    expect(ar).toBe('ليس JSON صالحًا: السطر 1، العمود 14: تنتهي البيانات قبل أوانها');
  });

  it('another format, a newer version, the wrong shape', () => {
    expect(refusal('{"format": "isnad-corpus", "documents": []}')).toEqual({
      english: ['format “isnad-corpus” is not “isnad-registry”'],
      arabic: [`صيغته «${isolated('isnad-corpus')}» وليست «${isolated('isnad-registry')}»`],
    });
    expect(refusal('{"format": "isnad-registry", "version": 9, "sources": []}').english).toEqual(['registry version 9 was written by a newer Isnad (this one reads version 1)']);
    expect(refusal('{"format": "isnad-registry", "version": 9, "sources": []}').arabic[0]).toContain('إصدار السجل');
    expect(refusal('{"items": []}')).toEqual({
      english: ['expected { "sources": [ … ] } or an array of sources'],
      arabic: [`المتوقع ${isolated('{ "sources": [ … ] }')} أو قائمة مصادر`],
    });
  });

  it('a field zod refuses, our own checks, repeated ids', () => {
    expect(refusal('[{"nameAr": "س", "kind": "blog"}]').arabic[0]!.startsWith(`الحقل ${isolated('sources[0].kind')}: خيار غير صالح`)).toBe(true);
    expect(refusal('[{"nameAr": " ", "nameLatin": "", "kind": "person"}]')).toEqual({
      english: ['sources[0].nameAr: needs a nameAr or a nameLatin with letters or digits'],
      arabic: [`الحقل ${isolated('sources[0].nameAr')}: يحتاج إلى nameAr أو nameLatin فيه حرف أو رقم`],
    });
    expect(refusal('[{"nameAr": "س", "kind": "person", "ambiguous": ["ص"]}]')).toEqual({
      english: ["sources[0].ambiguous[0]: “ص” is not one of this source's names or aliases"],
      arabic: [`الحقل ${isolated('sources[0].ambiguous[0]')}: «${isolated('ص')}» ليس من أسماء هذا المصدر ولا من أسمائه الأخرى`],
    });
    const twice = '[{"id": "a", "nameAr": "س", "kind": "person"}, {"id": "a", "nameAr": "ص", "kind": "person"}]';
    expect(refusal(twice)).toEqual({ english: ['repeated source id: a'], arabic: [`معرّف مصدر مكرر: ${isolated('a')}`] });
    const many = '[{"id": "a", "nameAr": "س", "kind": "person"}, {"id": "a", "nameAr": "ص", "kind": "person"}, {"id": "b", "nameAr": "ق", "kind": "person"}, {"id": "b", "nameAr": "ك", "kind": "person"}]';
    expect(refusal(many).english).toEqual(['repeated source ids: a, b']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForMatching } from '../../../shared/attribution/fold';
import { originalRange } from '../../../shared/attribution/ranges';
import { mapRangeToOriginal } from '../../../shared/text/normalise';

const pieces = ['قال', 'لا', 'للأمم', 'ل', 'ا', 'أ', 'و', 'ب', ' ', '  ', '\n', '\r\n', '.', '،', '؟', '\u0640', '\u064e', '\u0651', '\u0650', '\u200f', '\u00a0', 'AP', 'é', 'e\u0301', '😀', '\u0601', 'ة', 'ى', 'ئ', 'ؤ', '٣', '3'];
const texts = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

describe('originalRange', () => {
  it('gives exactly what mapRangeToOriginal gives, for every non-empty range of the folded text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const n = foldForMatching(text);
        for (let s = 0; s < n.text.length; s++) for (let e = s + 1; e <= n.text.length; e++) expect(originalRange(n, s, e)).toEqual(mapRangeToOriginal(n, s, e));
      }),
      { numRuns: 200 },
    );
  });

  it('takes the fast path on plain text and the careful one at harakat, tatweel and lam–alef', () => {
    const n = foldForMatching('قالَ لأمم الناس');
    expect(originalRange(n, 0, 3)).toEqual({ start: 0, end: 4 }); // the fatha after قال is covered
    expect(originalRange(n, 4, 8)).toEqual({ start: 5, end: 9 }); // لأمم
    expect(originalRange(n, 5, 8)).toEqual({ start: 5, end: 9 }); // never splits لأ
  });
});

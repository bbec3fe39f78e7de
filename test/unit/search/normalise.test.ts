import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapRangeToOriginal, normaliseForSearch, normaliseInSteps, normaliseQuery, normaliseToUnits } from '../../../shared/text/normalise';
import { findInText } from '../../../shared/search/search';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { arabicTextArb } from './arbitraries';

describe('normaliseQuery', () => {
  it.each([
    ['harakat, tanween, shadda, sukun', 'أَعْلَنَ مُحَمَّدٌ', 'اعلن محمد'],
    ['superscript alef and Quranic marks', 'هٰذا الْكِتَٰبُ ۖ', 'هذا الكتب '],
    ['tatweel', 'قـــال', 'قال'],
    ['alef forms أ إ آ ٱ', 'أ إ آ ٱ ا', 'ا ا ا ا ا'],
    ['alef maqsura', 'مصطفى', 'مصطفي'],
    ['Arabic-Indic digits', '٢٠١٩', '2019'],
    ['Extended Arabic-Indic digits', '۲۰۱۹', '2019'],
    ['Farsi yeh and keheh', 'یک', 'يك'],
    ['bidi controls, ZWJ/ZWNJ, ALM, soft hyphen, BOM', '\u200Fقال\u200E \u202Bإن\u202C \u2067x\u2069 \u061C\u200C\u200Da\u00ADb\uFEFF', 'قال ان x ab'],
    ['NBSP and other Unicode spaces, collapsed', 'a\u00A0b\u2009\u2009c\u202Fd\u3000e\tf', 'a b c d e f'],
    ['spaces collapse across removed characters', 'قال \u200F  إن', 'قال ان'],
    ['line breaks are kept', 'a\n\nb', 'a\n\nb'],
    ['Latin lower-case', 'Reuters RIA NOVOSTI', 'reuters ria novosti'],
    ['Greek and Cyrillic lower-case too', 'ΑΘΗΝΑ МОСКВА', 'αθηνα москва'],
    ['İ lower-cases to two units, so it is kept', 'İSTANBUL', 'İstanbul'],
    ['astral letters lower-case one for one', '\u{10400}\u{1E900}', '\u{10428}\u{1E922}'],
    ['astral Arabic marks are removed', 'ب\u{10EFD}', 'ب'],
    ['teh marbuta is kept by default', 'مدرسة', 'مدرسة'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseQuery(input)).toBe(expected);
  });

  it('folds teh marbuta only when asked', () => {
    expect(normaliseQuery('مدرسة', { tehMarbuta: true })).toBe('مدرسه');
    expect(normaliseQuery('مدرسة')).toBe('مدرسة');
  });

  it('keeps case when caseFold is false', () => {
    expect(normaliseQuery('Reuters أعلن', { caseFold: false })).toBe('Reuters اعلن');
  });

  it('keeps non-Arabic combining marks and lone surrogates', () => {
    expect(normaliseQuery('e\u0301')).toBe('e\u0301');
    expect(normaliseQuery('a\uD800b')).toBe('a\uD800b');
    expect(normaliseQuery('x'.repeat(100) + '\uDC00')).toBe('x'.repeat(100) + '\uDC00');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(arabicTextArb, fc.boolean(), (text, teh) => {
        const once = normaliseQuery(text, { tehMarbuta: teh });
        expect(normaliseQuery(once, { tehMarbuta: teh })).toBe(once);
      }),
    );
  });
});

describe('normaliseForSearch', () => {
  it('maps every normalised unit to the original unit it came from', () => {
    const original = 'قَالَ  ٢٠١٩';
    const n = normaliseForSearch(original);
    expect(n.text).toBe('قال 2019');
    expect([...n.toOriginal]).toEqual([0, 2, 3, 5, 7, 8, 9, 10, 11]);
    expect(n.original).toBe(original);
  });

  it('agrees with normaliseQuery and has a well-formed map (property)', () => {
    fc.assert(
      fc.property(arabicTextArb, fc.boolean(), fc.boolean(), (original, teh, fold) => {
        const options = { tehMarbuta: teh, caseFold: fold };
        const n = normaliseForSearch(original, options);
        expect(n.text).toBe(normaliseQuery(original, options));
        expect(n.toOriginal.length).toBe(n.text.length + 1);
        expect(n.toOriginal[n.text.length]).toBe(original.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.toOriginal[i]!).toBeLessThan(n.toOriginal[i + 1]!);
        }
        // Each normalised unit comes from the original unit it points at (spaces aside,
        // which may come from any space of a collapsed run, and surrogate halves).
        for (let i = 0; i < n.text.length; i++) {
          const from = n.toOriginal[i]!;
          const unit = original.charCodeAt(from);
          if (unit >= 0xd800 && unit <= 0xdfff) continue;
          expect(normaliseQuery(original[from]!, options)).toBe(n.text[i]);
        }
      }),
    );
  });

  it('handles a long text with and without surrogates', () => {
    const plain = 'أعلنَ الرئيسُ '.repeat(5000);
    expect(normaliseForSearch(plain).text).toBe('اعلن الرئيس '.repeat(5000));
    const withEmoji = `${plain}😀`;
    expect(normaliseForSearch(withEmoji).text).toBe(`${'اعلن الرئيس '.repeat(5000)}😀`);
  });
});

describe('Arabic presentation forms', () => {
  it.each([
    ['lam-alef ligature', '\uFEFB', 'لا'],
    ['lam-alef with hamza above, final form', '\uFEF8', 'لا'],
    ['lam-alef with madda', '\uFEF5', 'لا'],
    ['contextual letter shapes', '\uFE91\uFEB4\uFEE2', 'بسم'],
    ['a word ligature of Presentation Forms-A', '\uFDF2', 'الله'],
    ['a phrase ligature, alef maqsura folded as usual', '\uFDFA', 'صلي الله عليه وسلم'],
    ['the BOM is still removed, not decomposed', 'a\uFEFFb', 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseQuery(input)).toBe(expected);
  });

  it('maps every unit of a decomposed form back to the form', () => {
    const n = normaliseForSearch('ق\uFEFBم');
    expect(n.text).toBe('قلام');
    expect([...n.toOriginal]).toEqual([0, 1, 1, 2, 3]);
  });

  it('lets لا find the ligature, highlighting the whole ligature', () => {
    const text = 'قال \uFEFB أحد، \uFEFBعب \uFEF7مم';
    const matches = (q: string): string[] => findInText(text, q).map((m) => text.slice(m.start, m.end));
    expect(matches('لا')).toEqual(['\uFEFB', '\uFEFB', '\uFEF7']);
    expect(matches('لاعب')).toEqual(['\uFEFBعب']);
    expect(matches('الامم')).toEqual([]);
    expect(matches('لامم')).toEqual(['\uFEF7مم']);
    // Half of a ligature is the whole ligature in the original.
    expect(matches('ل')).toEqual(['ل', '\uFEFB', '\uFEFB', '\uFEF7']);
    // And the ligature as a query finds the plain letters.
    expect(findInText('قال لا أحد', '\uFEFB').map((m) => m.start)).toEqual([4]);
  });

  it('leaves the units near-duplicate hashing reads unchanged', () => {
    expect(String.fromCharCode(...normaliseToUnits('\uFEFB'))).toBe('\uFEFB');
  });
});

describe('normaliseInSteps', () => {
  it('gives what normaliseForSearch gives, however the text is sliced (property)', () => {
    const withForms = fc.array(fc.oneof(arabicTextArb, fc.constantFrom('\uFEFB', '\uFDFA', '\uFE91', '  ', '\uD83D\uDE00', '\uFEFF')), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(withForms, fc.integer({ min: 1, max: 7 }), (original, size) => {
        const whole = normaliseForSearch(original);
        const job = normaliseInSteps(original);
        let steps = 0;
        while (!job.step(size)) steps++;
        expect(steps).toBeLessThanOrEqual(original.length);
        const sliced = job.result();
        expect(sliced.text).toBe(whole.text);
        expect([...sliced.toOriginal]).toEqual([...whole.toOriginal]);
        for (let i = 0; i < whole.text.length; i++) expect(whole.toOriginal[i]!).toBeLessThanOrEqual(whole.toOriginal[i + 1]!);
      }),
    );
  });
});

describe('mapRangeToOriginal', () => {
  it('covers the trailing harakat of the last letter', () => {
    const original = 'قَالَ';
    const n = normaliseForSearch(original);
    expect(mapRangeToOriginal(n, 0, 3)).toEqual({ start: 0, end: 5 });
    expect(original.slice(0, 5)).toBe('قَالَ');
  });

  it('covers trailing tatweel and marks on it', () => {
    const original = 'قالـــَ و';
    const n = normaliseForSearch(original);
    expect(mapRangeToOriginal(n, 0, 3)).toEqual({ start: 0, end: 7 });
  });

  it('does not extend over a following space or format character', () => {
    const original = 'قال\u200F إن';
    const n = normaliseForSearch(original);
    expect(mapRangeToOriginal(n, 0, 3)).toEqual({ start: 0, end: 3 });
  });

  it('widens to whole graphemes: the lam-alef ligature is never split', () => {
    const original = 'السلام';
    const n = normaliseForSearch(original);
    // "الس" + "ل" ends between lam and alef: widened over the alef.
    expect(mapRangeToOriginal(n, 0, 4)).toEqual({ start: 0, end: 5 });
    // A range starting at that alef starts at the lam.
    expect(mapRangeToOriginal(n, 4, 6)).toEqual({ start: 3, end: 6 });
  });

  it('maps an empty range to an empty range and clamps', () => {
    const n = normaliseForSearch('قَال');
    expect(mapRangeToOriginal(n, 1, 1)).toEqual({ start: 2, end: 2 });
    expect(mapRangeToOriginal(n, -5, 99)).toEqual({ start: 0, end: 4 });
  });

  it('always gives grapheme boundaries (property)', () => {
    fc.assert(
      fc.property(arabicTextArb, fc.nat(), fc.nat(), (original, x, y) => {
        const n = normaliseForSearch(original);
        const len = n.text.length;
        const a = len === 0 ? 0 : x % (len + 1);
        const b = len === 0 ? 0 : y % (len + 1);
        const r = mapRangeToOriginal(n, Math.min(a, b), Math.max(a, b));
        if (r.start === r.end) return;
        expect(isGraphemeBoundary(original, r.start)).toBe(true);
        expect(isGraphemeBoundary(original, r.end)).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { cliticBoundaries, nextWordEdge, snapSelection, trimDetachedPunctuation, wordSegments, type SnapMode, type WordSegment } from '../../../shared/text/words';
import { referenceWordSegments } from './reference';

// Our own sentence, with clitics, punctuation, a Latin name and two kinds of digits.
const S = 'أكدت مصادر أن تركيا وروسيا والمعارضة اتفقت على وقف الهجوم بالصواريخ، وفق بيان للأمم المتحدة (Reuters) صدر في 14 آذار ٢٠١٩.';

/** Offset of `needle` in `text` (its `nth` occurrence), failing loudly when absent. */
function at(needle: string, text = S, nth = 0): number {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not in the text`);
  }
  return index;
}

/** The text a snapped selection covers, or null. */
function snapped(start: number, end: number, mode?: SnapMode, text = S): string | null {
  const r = snapSelection(text, start, end, mode);
  return r && text.slice(r.start, r.end);
}

function wordOf(text: string, word: string): WordSegment {
  const start = at(word, text);
  return { start, end: start + word.length, isWord: true };
}

function clitics(word: string): number[] {
  return cliticBoundaries(word, { start: 0, end: word.length, isWord: true });
}

describe('wordSegments', () => {
  it('finds Arabic words, Latin names and numbers (both digit kinds) as words', () => {
    const words = wordSegments(S)
      .filter((s) => s.isWord)
      .map((s) => S.slice(s.start, s.end));
    expect(words).toContain('وروسيا');
    expect(words).toContain('بالصواريخ');
    expect(words).toContain('Reuters');
    expect(words).toContain('14');
    expect(words).toContain('٢٠١٩');
    expect(words).not.toContain('،');
  });

  it('marks spaces and punctuation as non-words and covers the text without gaps', () => {
    const segs = wordSegments(S);
    expect(segs[0]!.start).toBe(0);
    expect(segs.at(-1)!.end).toBe(S.length);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
    const nonWords = segs.filter((s) => !s.isWord).map((s) => S.slice(s.start, s.end));
    expect(nonWords).toEqual(expect.arrayContaining([' ', '،', '(', ')', '.']));
  });

  it('returns the unclipped segments overlapping [from, to)', () => {
    const start = at('وروسيا') + 2;
    const segs = wordSegments(S, start, start + 1);
    expect(segs).toEqual([{ start: at('وروسيا'), end: at('وروسيا') + 6, isWord: true }]);
    expect(wordSegments(S, 5, 5)).toEqual([]);
    expect(wordSegments('')).toEqual([]);
  });

  it('agrees with segmenting the whole text, for any range', () => {
    const text = `${S}\n\n${S.replace(/ /g, '  ')}\r\n${S}`;
    const reference = referenceWordSegments(text);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = from === to ? [] : reference.filter((s) => s.start < to && s.end > from);
        expect(wordSegments(text, from, to)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('cliticBoundaries', () => {
  it.each([
    ['وروسيا', [1]],
    ['والمعارضة', [1, 3]],
    ['بالصواريخ', [1, 3]],
    ['للأمم', [2]],
    ['الهجوم', [2]],
    ['وبالصواريخ', [1, 2, 4]],
    ['فالأمر', [1, 3]],
    ['وللأمم', [1, 3]],
    ['كالعادة', [1, 3]],
    ['وزير', [1]], // a candidate only: و here is part of the word
  ])('%s → %j', (word, expected) => {
    expect(clitics(word)).toEqual(expected);
  });

  it.each([['في'], ['على'], ['Reuters'], ['14'], ['ول'], ['لله'], ['ال']])('offers nothing in %s', (word) => {
    expect(clitics(word)).toEqual([]);
  });

  it('keeps at least two letters in the stem', () => {
    expect(clitics('وله')).toEqual([1]); // و + له, but not و + ل + ه
    expect(clitics('بها')).toEqual([1]);
  });

  it('splits a conjunction or preposition off a number', () => {
    expect(clitics('و٣٥')).toEqual([1]);
    expect(clitics('و35')).toEqual([1]);
    expect(clitics('ب50')).toEqual([1]);
    expect(clitics('ل۲۰۲۴')).toEqual([1]);
    expect(clitics('وب٥٠')).toEqual([1, 2]);
    expect(clitics('ال٣')).toEqual([]); // the article comes before digits only with tatweel…
    expect(clitics('والـ٣٥')).toEqual([1, 4]); // …"the 35": و + الـ + ٣٥
    expect(clitics('الــ2023')).toEqual([4]);
    expect(clitics('الـمعارضة')).toEqual([3]); // a stretched article ends after its tatweel
    // Selecting the number inside the word keeps the number alone.
    const text = 'سقط 12 قتيلا و٣٥ جريحا';
    const n = text.indexOf('٣٥');
    expect(snapped(n, n + 2, 'word', text)).toBe('٣٥');
  });

  it('puts boundaries after the clitic harakat', () => {
    expect(clitics('وَالْمُعَارَضَةُ')).toEqual([2, 5]);
    expect(clitics('بِالصَّوَارِيخِ')).toEqual([2, 4]);
  });

  it('works on a word inside a longer text (absolute offsets)', () => {
    const w = wordOf(S, 'والمعارضة');
    expect(cliticBoundaries(S, w)).toEqual([w.start + 1, w.start + 3]);
  });
});

describe('snapSelection (word mode, clitic-aware)', () => {
  it('keeps روسيا inside وروسيا', () => {
    expect(snapped(at('روسيا'), at('روسيا') + 5)).toBe('روسيا');
  });

  it('moves a start in the middle of a word back to the stem start, and the end forward to the word end', () => {
    expect(snapped(at('وروسيا') + 3, at('وروسيا') + 4)).toBe('روسيا');
    const w = at('والمعارضة');
    expect(snapped(w + 2, w + 5)).toBe('المعارضة'); // inside ال → after و
    expect(snapped(w + 3, w + 9)).toBe('معارضة');
    expect(snapped(w + 1, w + 9)).toBe('المعارضة');
    expect(snapped(w, w + 9)).toBe('والمعارضة');
    expect(snapped(at('بالصواريخ') + 3, at('بالصواريخ') + 5)).toBe('صواريخ');
  });

  it('never puts a start inside the lam-alef of للأمم', () => {
    const w = at('للأمم');
    expect(snapped(w + 2, w + 5)).toBe('للأمم');
    expect(snapped(w + 1, w + 5)).toBe('للأمم');
  });

  it('in strict-word mode takes whole words only', () => {
    expect(snapped(at('روسيا'), at('روسيا') + 5, 'strict-word')).toBe('وروسيا');
    expect(snapped(at('المعارضة'), at('المعارضة') + 3, 'strict-word')).toBe('والمعارضة');
  });

  it('trims spaces, punctuation and parentheses at both ends', () => {
    expect(snapped(at('(') - 1, at(')') + 2)).toBe('Reuters');
    expect(snapped(at('بالصواريخ') - 1, at('،') + 2)).toBe('بالصواريخ');
    expect(snapped(at('للأمم'), at('(') + 1)).toBe('للأمم المتحدة');
    expect(snapped(at('٢٠١٩'), S.length)).toBe('٢٠١٩');
    const quoted = 'قال «الأسد» أمس';
    expect(snapped(at('«', quoted), at('»', quoted) + 1, 'word', quoted)).toBe('الأسد');
  });

  it('extends to whole Latin words and numbers', () => {
    expect(snapped(at('euter'), at('euter') + 3)).toBe('Reuters');
    expect(snapped(at('14') + 1, at('آذار') + 2)).toBe('14 آذار');
    expect(snapped(at('٢٠١٩') + 1, at('٢٠١٩') + 2)).toBe('٢٠١٩');
  });

  it('accepts start and end in either order and clamps them', () => {
    const a = at('روسيا');
    expect(snapSelection(S, a + 5, a)).toEqual(snapSelection(S, a, a + 5));
    expect(snapped(-10, 4)).toBe('أكدت');
    expect(snapped(at('٢٠١٩'), S.length + 50)).toBe('٢٠١٩');
  });

  it('returns null for an empty or whitespace-only selection', () => {
    expect(snapSelection(S, 5, 5)).toBeNull();
    expect(snapSelection(S, at(' '), at(' ') + 1)).toBeNull();
    expect(snapSelection('أ  \n\u00A0\u200F ب', 1, 7)).toBeNull();
    expect(snapSelection('', 0, 0)).toBeNull();
  });

  it('returns punctuation alone grapheme-snapped rather than null', () => {
    expect(snapped(at('('), at('(') + 1)).toBe('(');
    expect(snapped(at(')'), at(')') + 2)).toBe(')');
    expect(snapped(at('،'), at('،') + 1)).toBe('،');
  });

  it('crosses paragraph breaks', () => {
    const text = 'العنوان الرئيسي\n\nوقالت الوزارة';
    expect(snapped(at('رئيسي', text), at('الوزارة', text), 'word', text)).toBe('رئيسي\n\nوقالت'); // the article ال is a clitic: the stem is kept
  });

  it('always returns grapheme boundaries, inside the text, in any mode', () => {
    const text = 'قَالَ الرَّئِيسُ: «لا سَلامَ» وَالْمُعَارَضَةُ لِلْأُمَمِ (UN) 14 ٢٠١٩ 👩‍💻.\nسطر';
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), fc.constantFrom<SnapMode>('word', 'strict-word', 'grapheme'), (a, b, mode) => {
        const r = snapSelection(text, a, b, mode);
        if (r === null) return;
        expect(r.start).toBeLessThan(r.end);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(isGraphemeBoundary(text, r.start)).toBe(true);
        expect(isGraphemeBoundary(text, r.end)).toBe(true);
        expect(text.slice(r.start, r.end).trim()).toBe(text.slice(r.start, r.end));
      }),
      { numRuns: 500 },
    );
  });
});

describe('snapSelection (grapheme mode)', () => {
  it('snaps outwards to clusters only and trims whitespace', () => {
    const text = 'قَالَ السلام';
    expect(snapped(1, 3, 'grapheme', text)).toBe('قَا');
    expect(snapped(4, 9, 'grapheme', text)).toBe('لَ الس');
    expect(snapped(5, 7, 'grapheme', text)).toBe('ا');
    expect(snapped(10, 11, 'grapheme', text)).toBe('لا'); // never half a lam-alef
    expect(snapped(5, 6, 'grapheme', text)).toBeNull();
  });
});

describe('nextWordEdge', () => {
  it('moves forward to the end of the current or next word, skipping spaces and punctuation', () => {
    expect(nextWordEdge(S, 0, 'forward')).toBe(4);
    expect(nextWordEdge(S, 2, 'forward')).toBe(4);
    expect(nextWordEdge(S, 4, 'forward')).toBe(at('مصادر') + 5);
    expect(nextWordEdge(S, at('(') - 1, 'forward')).toBe(at(')'));
    expect(nextWordEdge(S, at('٢٠١٩') + 4, 'forward')).toBe(S.length);
    expect(nextWordEdge(S, S.length, 'forward')).toBe(S.length);
  });

  it('moves backward to the start of the current or previous word', () => {
    expect(nextWordEdge(S, S.length, 'backward')).toBe(at('٢٠١٩'));
    expect(nextWordEdge(S, at(')') + 1, 'backward')).toBe(at('Reuters'));
    expect(nextWordEdge(S, at('Reuters'), 'backward')).toBe(at('المتحدة'));
    expect(nextWordEdge(S, 2, 'backward')).toBe(0);
    expect(nextWordEdge(S, 0, 'backward')).toBe(0);
  });

  it('crosses paragraph breaks and clamps out-of-range offsets', () => {
    const text = 'الفقرة الأولى.\n\n«الثانية» هنا';
    expect(nextWordEdge(text, at('الأولى', text) + 6, 'forward')).toBe(at('الثانية', text) + 7);
    expect(nextWordEdge(text, at('الثانية', text), 'backward')).toBe(at('الأولى', text));
    expect(nextWordEdge(text, -3, 'forward')).toBe(6);
    expect(nextWordEdge(text, 999, 'backward')).toBe(at('هنا', text));
    expect(nextWordEdge('  ...  ', 3, 'forward')).toBe(7);
    expect(nextWordEdge('  ...  ', 3, 'backward')).toBe(0);
  });
});

describe('efficiency on long texts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('segments only windows near the offsets, even for a selection spanning the whole text', () => {
    const text = `${S}\n`.repeat(5_000);
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const middle = Math.floor(text.length / 2);
    expect(snapSelection(text, 3, text.length - 3)).not.toBeNull();
    expect(wordSegments(text, middle, middle + 10).length).toBeGreaterThan(0);
    expect(nextWordEdge(text, middle, 'forward')).toBeGreaterThan(middle);
    expect(nextWordEdge(text, middle, 'backward')).toBeLessThan(middle);
    const lengths = spy.mock.calls.map(([input]) => input.length);
    expect(Math.max(...lengths)).toBeLessThan(1_000);
  });
});

describe('trimDetachedPunctuation', () => {
  const trimmed = (text: string, start: number, end: number): string => {
    const r = trimDetachedPunctuation(text, start, end);
    return text.slice(r.start, r.end);
  };

  it('drops punctuation that belongs to the neighbouring words, keeps what is attached', () => {
    const text = 'الداخلية، طلب عدم الكشف';
    expect(trimmed(text, text.indexOf('،'), text.indexOf(' عدم'))).toBe('طلب');
    const quote = 'أن «الزيادة مؤقتة». وأضاف';
    expect(trimmed(quote, quote.indexOf('«'), quote.indexOf(' وأضاف'))).toBe('«الزيادة مؤقتة».');
    const date = 'اليوم (12 آذار/مارس) ، أعلنت';
    expect(trimmed(date, 0, date.indexOf('أعلنت') - 1)).toBe('اليوم (12 آذار/مارس)');
  });

  it('drops a bracket or quotation mark whose partner is outside the selection', () => {
    const text = 'أفادت وكالة الأنباء (سانا) نقلا عن “الأناضول” أن (مجلس الأمن) اجتمع';
    const upTo = (word: string): [number, number] => [text.indexOf(word) - 1, text.indexOf(word) + word.length];
    // Word steps from before the bracket stop at the end of the word, short of its partner.
    expect(trimmed(text, ...upTo('سانا'))).toBe('سانا');
    expect(trimmed(text, ...upTo('الأناضول'))).toBe('الأناضول');
    expect(trimmed(text, text.indexOf('(مجلس'), text.indexOf('الأمن') + 'الأمن'.length)).toBe('مجلس الأمن');
    // Selected from inside the bracket, past its closing partner.
    expect(trimmed(text, text.indexOf('سانا'), text.indexOf('سانا') + 'سانا)'.length)).toBe('سانا');
    expect(trimmed(text, text.indexOf('الأناضول'), text.indexOf(' أن'))).toBe('الأناضول');
    // Both partners inside: kept, however the quotes are turned.
    expect(trimmed(text, text.indexOf('(سانا'), text.indexOf(' نقلا'))).toBe('(سانا)');
    const reversed = 'قالت ”الأناضول“ إن';
    expect(trimmed(reversed, reversed.indexOf('”'), reversed.indexOf(' إن'))).toBe('”الأناضول“');
    expect(trimmed(reversed, reversed.indexOf('”'), reversed.indexOf('“'))).toBe('الأناضول');
    const nested = 'قال («مصدر») أمس';
    expect(trimmed(nested, nested.indexOf('('), nested.indexOf('»'))).toBe('مصدر');
  });

  it('never trims a selection to nothing', () => {
    expect(trimmed('؟', 0, 1)).toBe('؟');
    expect(trimmed('، ؟', 0, 3)).toBe('؟');
    expect(trimmed('« »', 0, 3)).toBe('»');
  });
});

describe('quantities and symbols at the edges of a selection', () => {
  const Q = 'ارتفع التضخم بنسبة ٣٫٥٪ في آذار، و50% من الأسر، والحرارة ٢٥° أمس. 😀 رمز تعبيري، والسعر 20$ | دمشق';

  it('a percent, per-mille or degree sign right after a number is part of its word', () => {
    expect(nextWordEdge(Q, at('بنسبة', Q) + 5, 'forward')).toBe(at('٪', Q) + 1);
    expect(nextWordEdge(Q, at(' في', Q), 'backward')).toBe(at('٣٫٥٪', Q));
    expect(nextWordEdge(Q, at('50%', Q), 'forward')).toBe(at('50%', Q) + 3);
    expect(nextWordEdge(Q, at('٢٥°', Q), 'forward')).toBe(at('٢٥°', Q) + 3);
    expect(wordSegments(Q, at('٣٫٥٪', Q), at('٣٫٥٪', Q) + 4)).toEqual([{ start: at('٣٫٥٪', Q), end: at('٣٫٥٪', Q) + 4, isWord: true }]);
    // Alone, or after a word, the sign is not part of anything.
    expect(wordSegments('نسبة ٪', 5, 6)).toEqual([{ start: 5, end: 6, isWord: false }]);
  });

  it('a selection keeps the quantity whole, and a pictograph or currency sign selected with the words', () => {
    expect(snapped(at('٣٫٥٪', Q), at('٣٫٥٪', Q) + 4, 'word', Q)).toBe('٣٫٥٪');
    // A drag ending inside the number takes the whole quantity.
    expect(snapped(at('بنسبة', Q), at('٣٫٥٪', Q) + 2, 'word', Q)).toBe('بنسبة ٣٫٥٪');
    expect(snapped(at('😀', Q), at('رمز', Q) + 3, 'word', Q)).toBe('😀 رمز');
    expect(snapped(at('20$', Q), at('20$', Q) + 3, 'word', Q)).toBe('20$');
    // Punctuation and a separating | are still left out.
    expect(snapped(at('آذار', Q), at('و50%', Q), 'word', Q)).toBe('آذار');
    expect(snapped(at('20$', Q), at(' دمشق', Q), 'word', Q)).toBe('20$');
  });

  it('keyboard selections keep a pictograph and a quantity sign, and drop a stray |', () => {
    const trimmed = (start: number, end: number): string => {
      const r = trimDetachedPunctuation(Q, start, end);
      return Q.slice(r.start, r.end);
    };
    expect(trimmed(at('٣٫٥٪', Q), at(' في', Q))).toBe('٣٫٥٪');
    expect(trimmed(at('😀', Q), at(' تعبيري', Q))).toBe('😀 رمز');
    expect(trimmed(at('20$', Q), at('دمشق', Q) - 1)).toBe('20$');
    expect(trimmed(at('| دمشق', Q), Q.length)).toBe('دمشق');
  });
});

describe('a clause step selection', () => {
  it('leaves out the comma, semicolon or colon that ends the clause, attached or not', () => {
    const text = 'وقال المسؤول إن الزيادة مؤقتة فقط، وإن الأسعار ستعود؛ وأضاف: لا تغيير.';
    const trimmed = (start: number, end: number): string => {
      const r = trimDetachedPunctuation(text, start, end);
      return text.slice(r.start, r.end);
    };
    expect(trimmed(at('إن', text), at('،', text) + 1)).toBe('إن الزيادة مؤقتة فقط');
    expect(trimmed(at('وإن', text), at('؛', text) + 1)).toBe('وإن الأسعار ستعود');
    expect(trimmed(at('وأضاف', text), at(':', text) + 1)).toBe('وأضاف');
    // A final full stop stays, as does a comma alone (nothing would be left).
    expect(trimmed(at('لا', text), text.length)).toBe('لا تغيير.');
    expect(trimmed(at('،', text), at('،', text) + 1)).toBe('،');
  });
});

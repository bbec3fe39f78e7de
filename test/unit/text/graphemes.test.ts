import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphemeBoundaries, isGraphemeBoundary, nextGraphemeBoundary, snapToGrapheme } from '../../../shared/text/graphemes';
import { referenceGraphemeBoundaries } from './reference';

/** All offsets 0..text.length for which isGraphemeBoundary holds. */
function boundarySet(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (isGraphemeBoundary(text, i)) out.push(i);
  return out;
}

describe('grapheme boundaries', () => {
  it('never separates a letter from its harakat', () => {
    const qala = 'قَالَ'; // ق َ ا ل َ
    expect(graphemeBoundaries(qala)).toEqual([0, 2, 3, 5]);
    expect(isGraphemeBoundary(qala, 1)).toBe(false);
    expect(isGraphemeBoundary(qala, 4)).toBe(false);
    const shadda = 'إِنَّ'; // إ ِ ن ّ َ
    expect(graphemeBoundaries(shadda)).toEqual([0, 2, 5]);
  });

  it('never splits the lam-alef ligature', () => {
    const salam = 'السلام'; // ا ل س ل ا م
    expect(graphemeBoundaries(salam)).toEqual([0, 1, 2, 3, 5, 6]);
    expect(isGraphemeBoundary(salam, 4)).toBe(false);
  });

  it.each([
    ['لا', [0, 2]],
    ['لأ', [0, 2]],
    ['لإ', [0, 2]],
    ['لآ', [0, 2]],
    ['لٱ', [0, 2]],
    ['لَا', [0, 3]], // lam, fatha, alef
    ['لِلْأُمَمِ', [0, 2, 6, 8, 10]], // لِ | لْأُ | مَ | مِ
    ['ليلا', [0, 1, 2, 4]],
  ])('treats lam + alef in %s as one unit', (text, expected) => {
    expect(graphemeBoundaries(text)).toEqual(expected);
    expect(boundarySet(text)).toEqual(expected);
  });

  it('allows a boundary where the ligature is broken by tatweel or ZWNJ', () => {
    expect(graphemeBoundaries('لـا')).toEqual([0, 1, 2, 3]);
    expect(graphemeBoundaries('ل\u200Cا')).toEqual([0, 2, 3]);
    expect(graphemeBoundaries('ل ا')).toEqual([0, 1, 2, 3]);
  });

  it('follows Unicode clusters elsewhere: surrogate pairs, combining accents, flags, emoji sequences', () => {
    expect(graphemeBoundaries('a𝒜b')).toEqual([0, 1, 3, 4]);
    expect(graphemeBoundaries('e\u0301x')).toEqual([0, 2, 3]);
    expect(graphemeBoundaries('🇸🇾🇷🇺')).toEqual([0, 4, 8]);
    expect(graphemeBoundaries('👩‍💻!')).toEqual([0, 5, 6]);
    expect(graphemeBoundaries('\r\nx')).toEqual([0, 2, 3]);
  });

  it('restricts the result to [from, to], including the edges only when they are boundaries', () => {
    const text = 'قَالَ السلام';
    expect(graphemeBoundaries(text, 1, 9)).toEqual([2, 3, 5, 6, 7, 8, 9]);
    expect(graphemeBoundaries(text, 10, 10)).toEqual([]);
    expect(graphemeBoundaries(text, 9, 9)).toEqual([9]);
    expect(graphemeBoundaries(text, 9, 1)).toEqual(graphemeBoundaries(text, 1, 9));
    expect(graphemeBoundaries('')).toEqual([0]);
  });

  it('treats 0 and the length as boundaries and anything outside the text as not', () => {
    expect(isGraphemeBoundary('', 0)).toBe(true);
    expect(isGraphemeBoundary('قال', 0)).toBe(true);
    expect(isGraphemeBoundary('قال', 3)).toBe(true);
    expect(isGraphemeBoundary('قال', 4)).toBe(false);
    expect(isGraphemeBoundary('قال', -1)).toBe(false);
    expect(isGraphemeBoundary('قال', 1.5)).toBe(false);
  });
});

describe('snapping and stepping by grapheme', () => {
  const text = 'قَالَ السلام'; // 0 ق 1 َ 2 ا 3 ل 4 َ 5 ' ' 6 ا 7 ل 8 س 9 ل 10 ا 11 م

  it('snapToGrapheme keeps boundaries and moves other offsets outwards in the given direction', () => {
    expect(snapToGrapheme(text, 2, 'backward')).toBe(2);
    expect(snapToGrapheme(text, 1, 'backward')).toBe(0);
    expect(snapToGrapheme(text, 1, 'forward')).toBe(2);
    expect(snapToGrapheme(text, 10, 'backward')).toBe(9);
    expect(snapToGrapheme(text, 10, 'forward')).toBe(11);
    expect(snapToGrapheme(text, -5, 'forward')).toBe(0);
    expect(snapToGrapheme(text, 99, 'backward')).toBe(text.length);
  });

  it('nextGraphemeBoundary steps over whole clusters and clamps at the ends', () => {
    expect(nextGraphemeBoundary(text, 0, 'forward')).toBe(2);
    expect(nextGraphemeBoundary(text, 1, 'forward')).toBe(2);
    expect(nextGraphemeBoundary(text, 9, 'forward')).toBe(11);
    expect(nextGraphemeBoundary(text, 11, 'backward')).toBe(9);
    expect(nextGraphemeBoundary(text, 5, 'backward')).toBe(3);
    expect(nextGraphemeBoundary(text, text.length, 'forward')).toBe(text.length);
    expect(nextGraphemeBoundary(text, 0, 'backward')).toBe(0);
    expect(nextGraphemeBoundary('', 0, 'forward')).toBe(0);
  });
});

describe('local windows agree with segmenting the whole text', () => {
  const alphabet = ['ل', 'ا', 'أ', 'م', 'ب', 'َ', 'ّ', 'ْ', 'ـ', ' ', '  ', '\n', '\r', '\t', '\u200C', '\u200D', '\u0600', '١', '7', 'a', '\u0301', '𝒜', '🇸', '🇾', '👩', '(', '\u00AD', '،', 'إ', '\u0640', '\u061C'];
  const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((parts) => parts.join(''));

  it('graphemeBoundaries and isGraphemeBoundary match the whole-text reference', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const reference = referenceGraphemeBoundaries(text);
        expect(graphemeBoundaries(text)).toEqual(reference);
        expect(boundarySet(text)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('snapToGrapheme and nextGraphemeBoundary match the reference at every offset', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const reference = referenceGraphemeBoundaries(text);
        for (let i = 0; i <= text.length; i++) {
          expect(snapToGrapheme(text, i, 'backward')).toBe(Math.max(...reference.filter((b) => b <= i)));
          expect(snapToGrapheme(text, i, 'forward')).toBe(Math.min(...reference.filter((b) => b >= i)));
          expect(nextGraphemeBoundary(text, i, 'forward')).toBe(Math.min(text.length, ...reference.filter((b) => b > i)));
          expect(nextGraphemeBoundary(text, i, 'backward')).toBe(Math.max(0, ...reference.filter((b) => b < i)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('efficiency on long texts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('segments only a small window around the offset', () => {
    const paragraph = 'وَقَالَ المتحدث إن السلام ممكن، وإن المحادثات ستستأنف في 14 آذار ٢٠١٩.\n';
    const text = paragraph.repeat(10_000); // ≈ 700 000 code units
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const middle = Math.floor(text.length / 2);
    for (let i = middle; i < middle + 200; i++) {
      isGraphemeBoundary(text, i);
      snapToGrapheme(text, i, 'backward');
      nextGraphemeBoundary(text, i, 'forward');
    }
    expect(graphemeBoundaries(text, middle, middle + 40).length).toBeGreaterThan(10);
    const lengths = spy.mock.calls.map(([input]) => input.length);
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThan(200);
  });

  it('snaps between plain letters without segmenting (search maps every match through it)', () => {
    const text = 'نص عربي طويل للتجربة، 2024 ٢٠٢٤.\n'.repeat(100);
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    for (let i = 0; i <= text.length; i++) snapToGrapheme(text, i, 'forward');
    expect(spy).not.toHaveBeenCalled();
    // Lam then alef is the one plain pair that is not a boundary: the segmenter is asked.
    expect(snapToGrapheme('الامم', 2, 'forward')).toBe(3);
    expect(spy).toHaveBeenCalled();
  });
});

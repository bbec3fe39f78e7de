import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUtf16Offsets, hasSurrogates, lengthInUnit, sliceInUnit, textInUnit, toUtf16Offsets } from '../../../shared/text/offsets';

/** Texts mixing Arabic with harakat, CRLF, emoji, flags and lone surrogates. */
const piece = fc.constantFrom('قالَ', ' ', 'الوزيرُ', '\r\n', '😀', '🇸🇾', 'é', '\uD83D', '\uDE00', 'ـ', 'x');
const mixedText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** UTF-16 offsets of `text` that do not split a surrogate pair (every code-point start, and the end). */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const ch of text) {
    starts.push(at);
    at += ch.length;
  }
  starts.push(text.length);
  return starts;
}

describe('hasSurrogates', () => {
  it('finds emoji, flags and lone surrogates, and nothing in Arabic with harakat and CRLF', () => {
    expect(hasSurrogates('قالَ الوزيرُ إنَّ\r\nالمفاوضاتِ مستمرةٌ.')).toBe(false);
    expect(hasSurrogates('')).toBe(false);
    expect(hasSurrogates('خبر 😀')).toBe(true);
    expect(hasSurrogates('🇸🇾')).toBe(true);
    expect(hasSurrogates('a\uD83D')).toBe(true);
    expect(hasSurrogates('\uDE00b')).toBe(true);
  });
});

describe('textInUnit', () => {
  it('code points: length, slices and positions agree with Python-style slicing of Array.from(text)', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (text, a, b) => {
        const view = textInUnit(text, 'codepoint');
        const codePoints = Array.from(text);
        expect(view.length).toBe(codePoints.length);
        expect(view.length).toBe(lengthInUnit(text, 'codepoint'));
        const start = Math.min(a, b) % (codePoints.length + 1);
        const end = Math.max(start, Math.max(a, b) % (codePoints.length + 1));
        expect(view.slice(start, end)).toBe(codePoints.slice(start, end).join(''));
        expect(view.reads(start, end, codePoints.slice(start, end).join(''))).toBe(true);
        if (end > start) expect(view.reads(start, end - 1, codePoints.slice(start, end).join(''))).toBe(false);
        if (end > start) expect(view.reads(start, end, `${codePoints.slice(start, end - 1).join('')}\u0000`)).toBe(false);
        expect(text.slice(view.toUtf16(start)!, view.toUtf16(end)!)).toBe(codePoints.slice(start, end).join(''));
        expect(sliceInUnit(text, start, end, 'codepoint')).toBe(codePoints.slice(start, end).join(''));
      }),
    );
  });

  it('converts UTF-16 offsets to code points and back to where they were', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const offsets = codePointStarts(text);
        const view = textInUnit(text, 'codepoint');
        const converted = view.fromUtf16(offsets);
        expect(converted).toEqual(fromUtf16Offsets(text, offsets, 'codepoint'));
        expect(converted.map((o) => view.toUtf16(o))).toEqual(offsets);
        expect(toUtf16Offsets(text, converted, 'codepoint')).toEqual(offsets);
      }),
    );
  });

  it('UTF-16 units are the identity, also for astral text', () => {
    const text = '😀 قالت\r\nوكالة';
    const view = textInUnit(text, 'utf16');
    expect(view.length).toBe(text.length);
    expect(view.fromUtf16([0, 2, text.length])).toEqual([0, 2, text.length]);
    expect(view.slice(3, 7)).toBe('قالت');
    expect(view.toUtf16(text.length + 1)).toBeNull();
  });

  it('after an emoji, code-point offsets are one less than UTF-16 offsets; CRLF counts two', () => {
    const text = '😀 قالت\r\nوكالة الأنباء';
    const start = text.indexOf('وكالة');
    const [cp] = textInUnit(text, 'codepoint').fromUtf16([start]);
    expect(cp).toBe(start - 1);
    expect(textInUnit(text, 'codepoint').slice(cp!, cp! + 5)).toBe('وكالة');
  });

  it('refuses an offset inside a surrogate pair or outside the text, and answers null outside the text', () => {
    const view = textInUnit('a😀b', 'codepoint');
    expect(() => view.fromUtf16([2])).toThrow(/inside a surrogate pair/);
    expect(() => view.fromUtf16([5])).toThrow(/outside the text/);
    expect(view.toUtf16(4)).toBeNull();
    expect(view.toUtf16(1.5)).toBeNull();
    expect(view.toUtf16(3)).toBe(4);
  });
});

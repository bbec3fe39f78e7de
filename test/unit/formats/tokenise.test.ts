import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignToTokens, tokenise, tokenEndingAt, tokenStartingAt } from '../../../shared/formats/tokenise';

const texts = (text: string, splitClitics = false): string[] => tokenise(text, { splitClitics }).map((t) => t.text);

describe('tokenise', () => {
  it('splits words, punctuation, digits, Latin words and emoji, keeping harakat on their letters', () => {
    const text = 'قالَ المتحدثُ: "الهجومُ بالصواريخ" (Reuters) يوم 12 آذار، و٣ مستشفيات 🏥.';
    expect(texts(text)).toEqual(['قالَ', 'المتحدثُ', ':', '"', 'الهجومُ', 'بالصواريخ', '"', '(', 'Reuters', ')', 'يوم', '12', 'آذار', '،', 'و٣', 'مستشفيات', '🏥', '.']);
  });

  it('gives UTF-16 offsets that slice to the token text, astral characters included', () => {
    const text = '📰 روسيا 👍🏽 Reuters';
    const tokens = tokenise(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]).toEqual({ start: 0, end: 2, text: '📰' });
    expect(tokens[1]).toEqual({ start: 3, end: 8, text: 'روسيا' });
    expect(tokens[2]!.text).toBe('👍🏽');
  });

  it('never puts bidi marks or spaces at a token edge', () => {
    const text = '\u200eروسيا\u200f \u200e, \u00a0أنان\u200f\u200f';
    expect(texts(text)).toEqual(['روسيا', ',', 'أنان']);
  });

  it('splits leading و ف ب ل ك and ال only with splitClitics', () => {
    expect(texts('وروسيا بالصواريخ لوكالة فالمعارضة كالأسد')).toEqual(['وروسيا', 'بالصواريخ', 'لوكالة', 'فالمعارضة', 'كالأسد']);
    expect(texts('وروسيا بالصواريخ لوكالة فالمعارضة كالأسد', true)).toEqual(['و', 'روسيا', 'ب', 'ال', 'صواريخ', 'ل', 'وكالة', 'ف', 'ال', 'معارضة', 'ك', 'الأسد']);
  });

  it('keeps a clitic’s haraka with it and never cuts a lam-alef', () => {
    expect(texts('وَروسيا', true)).toEqual(['وَ', 'روسيا']);
    expect(texts('للأمم', true)).toEqual(['للأمم']);
    // ال before an alef form is drawn as the lam-alef ligature: the article stays on the word.
    expect(texts('والأسد', true)).toEqual(['و', 'الأسد']);
  });

  it('aligns spans to token edges, setting invisible edge characters aside', () => {
    const text = 'أكدت وروسيا \u200eأمس';
    const plain = tokenise(text);
    const split = tokenise(text, { splitClitics: true });
    const russia = text.indexOf('روسيا');
    expect(alignToTokens(text, plain, russia, russia + 5)).toBeNull();
    expect(alignToTokens(text, split, russia, russia + 5)).toEqual({ first: 2, last: 2 });
    expect(alignToTokens(text, plain, russia - 1, text.length)).toEqual({ first: 1, last: 2 });
    expect(alignToTokens(text, plain, 4, 5)).toBeNull();
    expect(tokenStartingAt(plain, 5)).toBe(1);
    expect(tokenEndingAt(plain, 11)).toBe(1);
    expect(tokenEndingAt(plain, 10)).toBe(-1);
  });

  it('property: tokens are ordered, disjoint, non-empty, slice to their text, and clitic splitting only subdivides', () => {
    const pieces = ['و', 'ب', 'ل', 'ال', 'روسيا', 'صواريخ', 'َ', 'ّ', ' ', '  ', '\n', '\u200e', '\u200f', '،', '.', '(', ')', '😀', '👍🏽', 'Reuters', '12', '٣', 'ـ', 'لأ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const plain = tokenise(text);
        const split = tokenise(text, { splitClitics: true });
        for (const tokens of [plain, split]) {
          let last = 0;
          for (const t of tokens) {
            expect(t.start).toBeGreaterThanOrEqual(last);
            expect(t.end).toBeGreaterThan(t.start);
            expect(text.slice(t.start, t.end)).toBe(t.text);
            expect(/^[\s\u200e\u200f]|[\s\u200e\u200f]$/u.test(t.text)).toBe(false);
            last = t.end;
          }
        }
        for (const t of split) expect(plain.some((p) => p.start <= t.start && t.end <= p.end)).toBe(true);
      }),
    );
  });
});

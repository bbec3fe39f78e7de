/**
 * fast-check generators of short Arabic-like texts that exercise normalisation: letters,
 * harakat, tatweel, lam and alef forms, teh marbuta, digits, spaces, format characters,
 * Latin with case and combining accents, and emoji.
 */
import fc from 'fast-check';

/** Pieces without anything that can make a match wider than itself (no lam, no kept marks, no emoji). */
export const SIMPLE_PIECES = [
  'ق', 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ب', 'ي', 'ى', 'ة', 'ه', 'م', 'ن', 'ر', 'و',
  '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0670', '\u0640',
  '٢', '٠', '2', '0', ' ', '  ', '\u00A0', '\n',
  '\u200F', '\u200C', '\u00AD',
  'A', 'b', 'R',
] as const;

/** Pieces that force widening to graphemes: lam before alef, kept combining marks, emoji sequences, ZWJ. */
export const HARD_PIECES = ['ل', 'لا', 'لأ', 'e\u0301', '\u0301', '\u200D', '👨\u200D👩', '😀', 'İ', '\u{10400}'] as const;

/** Short texts from {@link SIMPLE_PIECES} only. */
export const simpleTextArb = fc.array(fc.constantFrom(...SIMPLE_PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

/** Short texts from all pieces. */
export const arabicTextArb = fc.array(fc.constantFrom(...SIMPLE_PIECES, ...HARD_PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

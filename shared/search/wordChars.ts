/**
 * Which characters make up words for search purposes: letters, digits and combining marks
 * (\p{L}, \p{N}, \p{M}). Used for whole-word matching and for splitting text into words
 * for near-duplicate shingles. Arabic clitics are not split off: وروسيا is one word.
 */

import { UnitTable } from '../text/unit-table';

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * One entry per BMP unit: 1 for a word character, 0 otherwise, -1 until first seen (filled
 * lazily: testing all 65,536 units up front would cost milliseconds at the first search).
 * Surrogates are 0 here and decided per pair.
 */
const bmpTable = new UnitTable(-1);

/** True when the BMP unit `code` is a word character (surrogates: false). */
export function isWordUnit(code: number): boolean {
  let v = bmpTable.get(code);
  if (v < 0) v = bmpTable.set(code, !isSurrogate(code) && WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0);
  return v === 1;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** True when the code point `cp` is a word character. */
export function isWordCodePoint(cp: number): boolean {
  return cp <= 0xffff ? isWordUnit(cp) : WORD_CHAR.test(String.fromCodePoint(cp));
}

/** True when the character covering UTF-16 index `i` of `text` is a word character; false outside the text. */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (!isSurrogate(code)) return isWordUnit(code);
  const cp = code >= 0xdc00 && i > 0 ? text.codePointAt(i - 1) : text.codePointAt(i);
  return cp !== undefined && cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp));
}

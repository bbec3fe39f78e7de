/**
 * Paragraphs of a document (its non-blank lines) and their base direction.
 */
import { isBlankUnit } from './chars';

/** Base direction of a paragraph. */
export type TextDirection = 'rtl' | 'ltr';

/** Where a paragraph is: the line [start, end) without its line break. */
export interface ParagraphRange {
  /** Position among the paragraphs (blank lines are not counted), from 0. */
  index: number;
  start: number;
  end: number;
}

/** One paragraph: the line [start, end) without its line break, and its base direction. */
export interface Paragraph extends ParagraphRange {
  dir: TextDirection;
}

/**
 * The ranges of the paragraphs of `text` (as {@link splitParagraphs} finds them, without
 * their directions): one pass over the text's units, no string built. The hot path of an
 * import (repeated paragraphs).
 */
export function paragraphRanges(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  const n = text.length;
  let start = 0;
  let blank = true;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 0x0a;
    if (code === 0x0a || code === 0x0d) {
      if (!blank) out.push({ index: out.length, start, end: i });
      if (code === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
      blank = true;
    } else if (blank && !isBlankUnit(code)) blank = false;
  }
  return out;
}

/**
 * The paragraphs of `text`: every line (split at \n; a stray \r\n or \r also ends a
 * line) that holds more than whitespace and invisible format characters. A paragraph's
 * range is the whole line, untrimmed; its direction comes from {@link baseDirection}
 * with `fallback` (default 'rtl') for lines without a strong character.
 */
export function splitParagraphs(text: string, fallback: TextDirection = 'rtl'): Paragraph[] {
  return paragraphRanges(text).map((range) => ({ ...range, dir: baseDirection(text.slice(range.start, range.end), fallback) }));
}

/** Letters of right-to-left scripts (bidi classes R and AL), presentation forms and tatweel included. */
const STRONG_RTL =
  /[\p{Script_Extensions=Arabic}\p{Script_Extensions=Hebrew}\p{Script_Extensions=Syriac}\p{Script_Extensions=Thaana}\p{Script_Extensions=Nko}\p{Script_Extensions=Samaritan}\p{Script_Extensions=Mandaic}\p{Script_Extensions=Adlam}\p{Script_Extensions=Hanifi_Rohingya}\p{Script_Extensions=Yezidi}\p{Script_Extensions=Imperial_Aramaic}\p{Script_Extensions=Phoenician}\p{Script_Extensions=Old_South_Arabian}\p{Script_Extensions=Nabataean}\p{Script_Extensions=Palmyrene}\p{Script_Extensions=Avestan}\p{Script_Extensions=Kharoshthi}]/u;
const LETTER = /\p{L}/u;
/** Arabic punctuation of bidi class AL: ؛ ؞ ؟ ۔ and the ALM mark. */
const RTL_PUNCTUATION = new Set(['\u061B', '\u061E', '\u061F', '\u06D4', '\u061C', '\u200F']);
const LRM = '\u200E';
const ISOLATE_OPEN = new Set(['\u2066', '\u2067', '\u2068']);
const ISOLATE_CLOSE = '\u2069';

/**
 * Whether `text` holds a right-to-left letter or mark (as {@link baseDirection} counts them:
 * letters only, since the script extensions of punctuation such as the middle dot include
 * Arabic) outside bidi isolates: text that a left-to-right sentence must isolate to keep in
 * order.
 */
export function hasRightToLeftText(text: string): boolean {
  let isolateDepth = 0;
  for (const ch of text) {
    if (ISOLATE_OPEN.has(ch)) isolateDepth++;
    else if (ch === ISOLATE_CLOSE) {
      if (isolateDepth > 0) isolateDepth--;
    } else if (isolateDepth === 0 && (RTL_PUNCTUATION.has(ch) || (LETTER.test(ch) && STRONG_RTL.test(ch)))) return true;
  }
  return false;
}

/**
 * Direction from the first strong character (an approximation of Unicode bidi rules P2
 * and P3): letters of Arabic, Hebrew, Syriac, Thaana and other right-to-left scripts
 * (presentation forms included) and RLM/ALM give 'rtl'; any other letter and LRM give
 * 'ltr'. Digits, punctuation, symbols, marks and text inside bidi isolates are skipped.
 * Without a strong character the result is `fallback` (default 'rtl').
 */
export function baseDirection(text: string, fallback: TextDirection = 'rtl'): TextDirection {
  let isolateDepth = 0;
  for (const ch of text) {
    if (ISOLATE_OPEN.has(ch)) {
      isolateDepth++;
      continue;
    }
    if (ch === ISOLATE_CLOSE) {
      if (isolateDepth > 0) isolateDepth--;
      continue;
    }
    if (isolateDepth > 0) continue;
    if (ch === LRM) return 'ltr';
    if (RTL_PUNCTUATION.has(ch)) return 'rtl';
    if (!LETTER.test(ch)) continue;
    return STRONG_RTL.test(ch) ? 'rtl' : 'ltr';
  }
  return fallback;
}

/**
 * Whitespace clean-up for text taken out of markup (HTML, Word XML). Only ASCII
 * whitespace is touched: space U+0020, tab U+0009, line feed U+000A, form feed U+000C and
 * carriage return U+000D. No-break spaces (U+00A0), zero-width (non-)joiners, bidi marks
 * and harakat are kept exactly as they are. Soft hyphens (U+00AD) are removed
 * ({@link withoutSoftHyphens}).
 */

const ASCII_WHITESPACE_RUN = /[\t\n\f\r ]+/g;
const ASCII_EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Turns every run of ASCII whitespace into one space and trims ASCII whitespace at both ends. */
export function collapseAsciiWhitespace(text: string): string {
  return text.replace(ASCII_WHITESPACE_RUN, ' ').replace(ASCII_EDGES, '');
}

/**
 * `text` without soft hyphens (U+00AD): a hint where a word may be hyphenated at a line's
 * end, invisible otherwise, which would make the word a different token in exports than
 * the same word without it. Isnad does not hyphenate, so the hint is dropped.
 */
export function withoutSoftHyphens(text: string): string {
  return text.replaceAll('\u00AD', '');
}

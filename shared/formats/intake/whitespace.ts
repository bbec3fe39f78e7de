/**
 * Whitespace clean-up for text taken out of markup (HTML, Word XML). Only ASCII
 * whitespace is touched: space U+0020, tab U+0009, line feed U+000A, form feed U+000C and
 * carriage return U+000D. No-break spaces (U+00A0), zero-width (non-)joiners, bidi marks
 * and harakat are kept exactly as they are.
 */

const ASCII_WHITESPACE_RUN = /[\t\n\f\r ]+/g;
const ASCII_EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Turns every run of ASCII whitespace into one space and trims ASCII whitespace at both ends. */
export function collapseAsciiWhitespace(text: string): string {
  return text.replace(ASCII_WHITESPACE_RUN, ' ').replace(ASCII_EDGES, '');
}

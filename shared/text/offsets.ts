/**
 * Conversion between the UTF-16 code-unit offsets used in memory and the offset units that
 * exports declare. Code points are what Python's `text[start:end]` counts.
 */

import { PhraseError, phrase } from '../phrases/phrase';

/** Offset units an export may declare. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** The offset units in the order the UI offers them; the first is the default. */
export const OFFSET_UNITS: readonly OffsetUnit[] = ['codepoint', 'utf16'];

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Anchored and negated on purpose: V8 runs `^[^…]*$` as one tight loop, about three times
 * faster on long Arabic texts than searching for `[\uD800-\uDFFF]` (measured in Chromium).
 */
const NO_SURROGATE = /^[^\uD800-\uDFFF]*$/;

/**
 * Whether a text has any surrogate code unit. Without one (most Arabic news text), code
 * points and UTF-16 code units are the same offsets, and conversions are the identity.
 */
export function hasSurrogates(text: string): boolean {
  // The same long text is asked about again and again (each render of the focused span's
  // offsets): the last answer is kept.
  if (text !== lastAsked) {
    lastAsked = text;
    lastAnswer = !NO_SURROGATE.test(text);
  }
  return lastAnswer;
}

let lastAsked: string | null = null;
let lastAnswer = false;

/** Throws a RangeError for an offset outside the text or inside a surrogate pair. */
function checkUtf16Offsets(text: string, offsets: readonly number[]): void {
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) throw new PhraseError(phrase('offsetError.outside', { offset, length: text.length }));
    if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
      throw new PhraseError(phrase('offsetError.surrogate', { offset }));
    }
  }
}

/**
 * Converts many UTF-16 offsets into one text to the given unit in a single pass.
 * Throws a RangeError for an offset outside the text or inside a surrogate pair.
 */
export function fromUtf16Offsets(text: string, offsets: readonly number[], unit: OffsetUnit): number[] {
  checkUtf16Offsets(text, offsets);
  return unit === 'utf16' || !hasSurrogates(text) ? [...offsets] : countCodePoints(text, offsets);
}

/** Code-point offsets of UTF-16 offsets (already checked), by scanning the text once in offset order. */
function countCodePoints(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number>(offsets.length);
  let unitPos = 0;
  let codePoints = 0;
  for (const index of order) {
    const target = offsets[index]!;
    while (unitPos < target) {
      unitPos += isHighSurrogate(text.charCodeAt(unitPos)) && isLowSurrogate(text.charCodeAt(unitPos + 1)) ? 2 : 1;
      codePoints += 1;
    }
    result[index] = codePoints;
  }
  return result;
}

/**
 * Converts offsets in `unit` back to UTF-16 code units. Returns null for an offset beyond
 * the end of the text.
 */
export function toUtf16Offsets(text: string, offsets: readonly number[], unit: OffsetUnit): (number | null)[] {
  if (unit === 'utf16' || !hasSurrogates(text)) return offsets.map((o) => (Number.isInteger(o) && o >= 0 && o <= text.length ? o : null));
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number | null>(offsets.length).fill(null);
  let unitPos = 0;
  let codePoints = 0;
  for (const index of order) {
    const target = offsets[index]!;
    if (!Number.isInteger(target) || target < 0) continue;
    while (codePoints < target && unitPos < text.length) {
      unitPos += isHighSurrogate(text.charCodeAt(unitPos)) && isLowSurrogate(text.charCodeAt(unitPos + 1)) ? 2 : 1;
      codePoints += 1;
    }
    result[index] = codePoints === target ? unitPos : null;
  }
  return result;
}

/**
 * A text seen in one offset unit, built once per text for an exporter and its checks. It
 * converts UTF-16 offsets to the unit (by scanning, as `fromUtf16Offsets`), and answers the
 * length, UTF-16 positions and slices by offsets in the unit. For code points in a text with
 * surrogates, those answers come from a table of code point starts built with the engine's
 * own string iterator — not with the scan — so a check through them is a real second
 * opinion on the conversion; a slice is then one substring instead of a join of code points.
 * The text is searched for surrogates once, here; without any, everything is the identity.
 */
export interface TextInUnit {
  readonly unit: OffsetUnit;
  /** Length of the text in the unit. */
  readonly length: number;
  /** UTF-16 offsets converted to the unit; throws a RangeError like `fromUtf16Offsets`. */
  fromUtf16(offsets: readonly number[]): number[];
  /** The UTF-16 offset of an offset in the unit, or null for one that is not an integer in 0..length. */
  toUtf16(offset: number): number | null;
  /** The text between two offsets in the unit (both assumed in 0..length). */
  slice(start: number, end: number): string;
  /** Whether the text between two offsets in the unit (both in 0..length) is exactly `quote`; compares in place. */
  reads(start: number, end: number, quote: string): boolean;
}

/** `text` seen in `unit` (see {@link TextInUnit}). */
export function textInUnit(text: string, unit: OffsetUnit): TextInUnit {
  if (unit === 'utf16' || !hasSurrogates(text)) {
    const length = text.length;
    return {
      unit,
      length,
      fromUtf16: (offsets) => {
        checkUtf16Offsets(text, offsets);
        return [...offsets];
      },
      toUtf16: (offset) => (Number.isInteger(offset) && offset >= 0 && offset <= length ? offset : null),
      slice: (start, end) => text.slice(start, end),
      reads: (start, end, quote) => end - start === quote.length && text.startsWith(quote, start),
    };
  }
  const table = codePointStarts(text);
  const length = table.length - 1;
  return {
    unit,
    length,
    fromUtf16: (offsets) => {
      checkUtf16Offsets(text, offsets);
      return countCodePoints(text, offsets);
    },
    toUtf16: (offset) => (Number.isInteger(offset) && offset >= 0 && offset <= length ? table[offset]! : null),
    slice: (start, end) => text.slice(table[start], table[end]),
    reads: (start, end, quote) => table[end]! - table[start]! === quote.length && text.startsWith(quote, table[start]),
  };
}

/** UTF-16 offset of every code point of `text`, plus the text's length at the end. */
function codePointStarts(text: string): Uint32Array {
  const starts = new Uint32Array(text.length + 1);
  let n = 0;
  let at = 0;
  for (const char of text) {
    starts[n++] = at;
    at += char.length;
  }
  starts[n] = at;
  return starts.subarray(0, n + 1);
}

/**
 * Slices `text` between offsets given in `unit`, computed independently of the converters
 * above (by the string iterator), so that a check is a real second opinion. To slice one text
 * many times, use {@link textInUnit}.
 */
export function sliceInUnit(text: string, start: number, end: number, unit: OffsetUnit): string {
  if (unit === 'utf16' || !hasSurrogates(text)) return text.slice(start, end);
  return textInUnit(text, unit).slice(start, end);
}

/** Length of `text` in `unit`. */
export function lengthInUnit(text: string, unit: OffsetUnit): number {
  if (unit === 'utf16' || !hasSurrogates(text)) return text.length;
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

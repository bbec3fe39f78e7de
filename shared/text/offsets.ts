/**
 * Conversion between the UTF-16 code-unit offsets used in memory and the offset units that
 * exports declare. Code points are what Python's `text[start:end]` counts.
 */

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

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether a text has any surrogate code unit. Without one (most Arabic news text), code
 * points and UTF-16 code units are the same offsets, and conversions are the identity.
 */
export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}

/**
 * Converts many UTF-16 offsets into one text to the given unit in a single pass.
 * Throws a RangeError for an offset outside the text or inside a surrogate pair.
 */
export function fromUtf16Offsets(text: string, offsets: readonly number[], unit: OffsetUnit): number[] {
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) throw new RangeError(`Offset ${offset} is outside the text (length ${text.length}).`);
    if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
      throw new RangeError(`Offset ${offset} falls inside a surrogate pair.`);
    }
  }
  if (unit === 'utf16' || !hasSurrogates(text)) return [...offsets];
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
 * Slices `text` between offsets given in `unit`, computed independently of the converters
 * above (by code point array), so that export verification is a real second opinion.
 */
export function sliceInUnit(text: string, start: number, end: number, unit: OffsetUnit, codePoints?: readonly string[]): string {
  if (unit === 'utf16' || (!codePoints && !hasSurrogates(text))) return text.slice(start, end);
  return (codePoints ?? Array.from(text)).slice(start, end).join('');
}

/** Length of `text` in `unit`. */
export function lengthInUnit(text: string, unit: OffsetUnit): number {
  if (unit === 'utf16' || !hasSurrogates(text)) return text.length;
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Local segmentation windows. Segmenting a whole article for every caret move would be
 * wasteful, so the grapheme and word modules segment only a slice between two "safe
 * points": offsets that are a grapheme boundary and a word boundary whatever text
 * surrounds them. A safe point is the start or end of the text, or the first character
 * of a run that follows ASCII whitespace (space, tab, CR, LF, FF) and is neither
 * whitespace nor a combining/format character. Slices cut at safe points segment exactly
 * as the whole text would.
 */

/** How far the safe-point search looks before giving up (see {@link safePointBefore}). */
export const MAX_SAFE_POINT_SCAN = 4096;

/** Extra characters segmented on each side when a caller needs room to look around. */
export const SEGMENT_CHUNK = 256;

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

/** Characters that attach to what precedes them in grapheme or word segmentation. */
const ATTACHES_BACKWARD = /^[\p{M}\p{Cf}\u{1F3FB}-\u{1F3FF}\uFF9E\uFF9F]/u;

/** True when `offset` is a safe point of `text` (always true at 0 and at text.length). */
export function isSafePoint(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (!isAsciiSpace(text.charCodeAt(offset - 1))) return false;
  const code = text.charCodeAt(offset);
  if (isAsciiSpace(code)) return false;
  if (code < 0x300) return code !== 0xad;
  return !ATTACHES_BACKWARD.test(String.fromCodePoint(text.codePointAt(offset) ?? code));
}

/** Moves a fallback cut off a surrogate pair's second half and off combining marks. */
function nudgeFallback(text: string, offset: number, step: 1 | -1): number {
  let pos = offset;
  for (let guard = 0; guard < 64 && pos > 0 && pos < text.length; guard++) {
    const code = text.charCodeAt(pos);
    const insidePair = code >= 0xdc00 && code <= 0xdfff;
    if (!insidePair && !ATTACHES_BACKWARD.test(String.fromCodePoint(text.codePointAt(pos) ?? code))) break;
    pos += step;
  }
  return pos;
}

/**
 * The largest safe point at or before `offset`. If none lies within
 * {@link MAX_SAFE_POINT_SCAN} characters (a pathological run without whitespace), a
 * nearby position that does not split a surrogate pair or detach a mark is returned
 * instead; segmentation then resynchronises after at most one cluster.
 */
export function safePointBefore(text: string, offset: number): number {
  const from = Math.min(Math.max(offset, 0), text.length);
  const limit = Math.max(0, from - MAX_SAFE_POINT_SCAN);
  for (let i = from; i >= limit; i--) if (isSafePoint(text, i)) return i;
  return nudgeFallback(text, limit, -1);
}

/** The smallest safe point at or after `offset` (same fallback as {@link safePointBefore}). */
export function safePointAfter(text: string, offset: number): number {
  const from = Math.min(Math.max(offset, 0), text.length);
  const limit = Math.min(text.length, from + MAX_SAFE_POINT_SCAN);
  for (let i = from; i <= limit; i++) if (isSafePoint(text, i)) return i;
  return nudgeFallback(text, limit, 1);
}

/** One segment with absolute offsets into the text it came from. */
export interface AbsoluteSegment {
  start: number;
  end: number;
  segment: string;
  isWordLike: boolean;
}

/** Signs written right after a number as part of the quantity: percent and per mille (Latin and Arabic), degrees. */
const QUANTITY_SUFFIX = /^[%٪‰‱؉؊°℃℉]+$/u;
const ENDS_WITH_DIGIT = /\p{Nd}$/u;

/** The granularity of each segmenter seen (resolvedOptions makes an object per call; slices are many). */
const granularities = new WeakMap<Intl.Segmenter, string>();
function isWordSegmenter(segmenter: Intl.Segmenter): boolean {
  let granularity = granularities.get(segmenter);
  if (granularity === undefined) granularities.set(segmenter, (granularity = segmenter.resolvedOptions().granularity));
  return granularity === 'word';
}

/**
 * Segments `text.slice(start, end)` and reports every segment with absolute offsets. With a
 * word segmenter, a percent, per-mille or degree sign right after a number is part of that
 * number's word (٣٫٥٪, 50%, ٢٥°): word steps, snapping and span edges keep the quantity
 * whole (Intl.Segmenter makes the sign a segment of its own).
 */
export function segmentSlice(segmenter: Intl.Segmenter, text: string, start: number, end: number): AbsoluteSegment[] {
  const out: AbsoluteSegment[] = [];
  if (end <= start) return out;
  const words = isWordSegmenter(segmenter);
  for (const seg of segmenter.segment(text.slice(start, end))) {
    const s = start + seg.index;
    const previous = out[out.length - 1];
    if (words && previous?.isWordLike && previous.end === s && ENDS_WITH_DIGIT.test(previous.segment) && QUANTITY_SUFFIX.test(seg.segment)) {
      previous.end = s + seg.segment.length;
      previous.segment += seg.segment;
      continue;
    }
    out.push({ start: s, end: s + seg.segment.length, segment: seg.segment, isWordLike: seg.isWordLike === true });
  }
  return out;
}

/**
 * Segments of `text` in reading order, starting with the one that contains `offset` (or
 * starts at it), segmenting chunk by chunk between safe points so that a caller who
 * stops early never pays for the rest of the text.
 */
export function* segmentsForward(segmenter: Intl.Segmenter, text: string, offset: number): Generator<AbsoluteSegment> {
  let start = safePointBefore(text, offset);
  while (start < text.length) {
    const end = safePointAfter(text, Math.min(text.length, Math.max(start, offset) + SEGMENT_CHUNK));
    for (const seg of segmentSlice(segmenter, text, start, end)) if (seg.end > offset) yield seg;
    start = end;
  }
}

/**
 * Segments of `text` in reverse reading order, starting with the one that ends at or
 * contains `offset`; the mirror of {@link segmentsForward}.
 */
export function* segmentsBackward(segmenter: Intl.Segmenter, text: string, offset: number): Generator<AbsoluteSegment> {
  let end = safePointAfter(text, offset);
  while (end > 0) {
    const start = safePointBefore(text, Math.max(0, Math.min(end, offset) - SEGMENT_CHUNK));
    const segs = segmentSlice(segmenter, text, start, end);
    for (let i = segs.length - 1; i >= 0; i--) {
      const seg = segs[i]!;
      if (seg.start < offset) yield seg;
    }
    end = start;
  }
}

/**
 * Turning a raw selection into span edges: whole words (clitic-aware by default), no
 * surrounding whitespace or punctuation, and always on grapheme boundaries.
 */
import { isBlank } from './chars';
import { cliticBoundaries } from './clitics';
import { isGraphemeBoundary, nextGraphemeBoundary, snapToGrapheme } from './graphemes';
import { segmentsBackward, segmentsForward, type AbsoluteSegment } from './segmentWindow';
import { wordSegmenter } from './wordSegments';

/**
 * How a selection snaps: 'word' — to words, but a start inside a word may stop after a
 * prefix clitic (و، ف، ب، ك، ل، ال، لل); 'strict-word' — whole words only; 'grapheme' — only to
 * grapheme boundaries, with surrounding whitespace trimmed.
 */
export type SnapMode = 'word' | 'strict-word' | 'grapheme';

function clamp(text: string, offset: number): number {
  return Math.min(Math.max(offset, 0), text.length);
}

/** Grapheme snapping (start backward, end forward) and trimming of blank clusters. */
function snapGraphemes(text: string, from: number, to: number): { start: number; end: number } | null {
  let start = snapToGrapheme(text, from, 'backward');
  let end = snapToGrapheme(text, to, 'forward');
  while (start < end) {
    const next = nextGraphemeBoundary(text, start, 'forward');
    if (!isBlank(text.slice(start, next))) break;
    start = next;
  }
  while (end > start) {
    const previous = nextGraphemeBoundary(text, end, 'backward');
    if (!isBlank(text.slice(previous, end))) break;
    end = previous;
  }
  return start < end ? { start, end } : null;
}

/** The first word segment overlapping [from, to), if any. */
function firstWord(text: string, from: number, to: number): AbsoluteSegment | undefined {
  for (const seg of segmentsForward(wordSegmenter, text, from)) {
    if (seg.start >= to) return undefined;
    if (seg.isWordLike) return seg;
  }
  return undefined;
}

/** The last word segment overlapping [from, to), if any. */
function lastWord(text: string, from: number, to: number): AbsoluteSegment | undefined {
  for (const seg of segmentsBackward(wordSegmenter, text, to)) {
    if (seg.end <= from) return undefined;
    if (seg.isWordLike) return seg;
  }
  return undefined;
}

/**
 * Snap a selection [start, end) (either order; clamped to the text) for span creation.
 *
 * 'word' (default, clitic-aware): leading and trailing whitespace and punctuation-only
 * segments are dropped; the start moves back to the nearest word start or clitic
 * boundary at or before it (so selecting روسيا inside وروسيا keeps روسيا, and a start in
 * the middle of a word goes back to the word or stem start); the end moves forward to the
 * end of its word. 'strict-word': whole words only. 'grapheme': only grapheme snapping
 * (start backward, end forward) and whitespace trimming.
 *
 * Returns null when the selection is empty or holds only whitespace. A selection of
 * punctuation alone (e.g. "(") is returned grapheme-snapped. Result edges are always
 * grapheme boundaries, lam-alef included.
 */
export function snapSelection(text: string, start: number, end: number, mode: SnapMode = 'word'): { start: number; end: number } | null {
  const from = clamp(text, Math.min(start, end));
  const to = clamp(text, Math.max(start, end));
  if (from >= to) return null;
  if (mode === 'grapheme') return snapGraphemes(text, from, to);

  const first = firstWord(text, from, to);
  const last = first && lastWord(text, from, to);
  if (!first || !last) return snapGraphemes(text, from, to);

  let snappedStart = first.start;
  if (mode === 'word' && from > first.start) {
    const word = { start: first.start, end: first.end, isWord: true };
    for (const b of cliticBoundaries(text, word)) {
      if (b <= from && isGraphemeBoundary(text, b)) snappedStart = b;
    }
  }
  return {
    start: snapToGrapheme(text, snappedStart, 'backward'),
    end: snapToGrapheme(text, last.end, 'forward'),
  };
}

const DETACHABLE = /[^\p{L}\p{N}\p{M}\s]/u;
const SPACE = /\s/u;

/**
 * Drops punctuation that belongs to the neighbouring words from the edges of [start, end):
 * a leading run of punctuation followed by a space ("، طلب" → "طلب") and a trailing run
 * preceded by one ("طلب ،" → "طلب"). Punctuation attached to the selected words stays:
 * «…», (…), a final full stop. For keyboard selections made word by word, which pick up
 * the punctuation between words. Returns the range unchanged when nothing would be left.
 */
export function trimDetachedPunctuation(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  for (;;) {
    let i = from;
    while (i < end && DETACHABLE.test(text[i]!)) i++;
    if (i === from || i >= end || !SPACE.test(text[i]!)) break;
    while (i < end && SPACE.test(text[i]!)) i++;
    from = i;
  }
  let to = end;
  for (;;) {
    let i = to;
    while (i > from && DETACHABLE.test(text[i - 1]!)) i--;
    if (i === to || i <= from || !SPACE.test(text[i - 1]!)) break;
    while (i > from && SPACE.test(text[i - 1]!)) i--;
    to = i;
  }
  return from < to ? { start: from, end: to } : { start, end };
}

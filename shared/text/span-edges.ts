/**
 * Moving one edge of a span: grow or shrink it at its start or end by a word or by a
 * grapheme cluster (keyboard resizing), and snapping a dragged edge (mouse resizing). Every
 * result is a pair of grapheme boundaries with start < end that neither begins nor ends
 * with whitespace, or null when the edge cannot move that way.
 */
import { isBlank } from './chars';
import { cliticBoundaries } from './clitics';
import { isGraphemeBoundary, nextGraphemeBoundary, snapToGrapheme } from './graphemes';
import { segmentsBackward, segmentsForward } from './segmentWindow';
import type { SnapMode } from './snapSelection';
import { nextWordEdge, wordSegmenter } from './wordSegments';

/** A span's offsets, [start, end). */
export interface EdgeRange {
  start: number;
  end: number;
}

/** Which edge of a span, in reading order. */
export type SpanEdge = 'start' | 'end';

/** Grow takes in more text; shrink gives text back. */
export type EdgeChange = 'grow' | 'shrink';

/** By whole words or by grapheme clusters ("characters"). */
export type EdgeUnit = 'word' | 'grapheme';

/**
 * Shrinking a start by a word: the start of the word after the first word that ends after
 * `offset` (the word the start is in, or the next one), so punctuation before it goes too.
 */
function startAfterFirstWord(text: string, offset: number): number | null {
  let first: number | null = null;
  for (const seg of segmentsForward(wordSegmenter, text, offset)) {
    if (!seg.isWordLike || seg.end <= offset) continue;
    if (first === null) first = seg.end;
    else return seg.start;
  }
  return null;
}

/** Shrinking an end by a word: the end of the word before the last word that starts before `offset`. */
function endBeforeLastWord(text: string, offset: number): number | null {
  let last: number | null = null;
  for (const seg of segmentsBackward(wordSegmenter, text, offset)) {
    if (!seg.isWordLike || seg.start >= offset) continue;
    if (last === null) last = seg.start;
    else return seg.end;
  }
  return null;
}

/**
 * From an edge at `offset`, moves on in `direction` while the cluster on the span's side of
 * the edge (`inside`: the span lies 'after' a start edge, 'before' an end edge) is blank,
 * so that no edge rests beside whitespace inside the span.
 */
function passBlanks(text: string, offset: number, direction: 'forward' | 'backward', inside: 'after' | 'before'): number {
  let at = offset;
  for (;;) {
    const probe = nextGraphemeBoundary(text, at, inside === 'after' ? 'forward' : 'backward');
    const cluster = inside === 'after' ? text.slice(at, probe) : text.slice(probe, at);
    if (probe === at || !isBlank(cluster)) return at;
    const next = nextGraphemeBoundary(text, at, direction);
    if (next === at) return at;
    at = next;
  }
}

/** One grapheme cluster from `offset` in `direction`, then past blanks (see {@link passBlanks}). */
function graphemeStep(text: string, offset: number, direction: 'forward' | 'backward', inside: 'after' | 'before'): number {
  return passBlanks(text, nextGraphemeBoundary(text, offset, direction), direction, inside);
}

/**
 * The span range after moving one edge: 'grow' moves the start backward or the end forward,
 * 'shrink' the other way, by one word ('word': growing takes the next word with the spaces
 * and punctuation before it; shrinking gives back the outermost word with them) or one grapheme cluster ('grapheme',
 * passing over whitespace so that no edge rests beside it). Null when the edge is at the
 * text's edge or the span would become empty.
 */
export function resizeRange(text: string, range: EdgeRange, edge: SpanEdge, change: EdgeChange, unit: EdgeUnit): EdgeRange | null {
  const { start, end } = range;
  let next: number | null;
  if (edge === 'start') {
    if (unit === 'word') next = change === 'grow' ? (start > 0 ? nextWordEdge(text, start, 'backward') : null) : startAfterFirstWord(text, start);
    else next = change === 'grow' ? graphemeStep(text, start, 'backward', 'after') : graphemeStep(text, start, 'forward', 'after');
  } else {
    if (unit === 'word') next = change === 'grow' ? (end < text.length ? nextWordEdge(text, end, 'forward') : null) : endBeforeLastWord(text, end);
    else next = change === 'grow' ? graphemeStep(text, end, 'forward', 'before') : graphemeStep(text, end, 'backward', 'before');
  }
  if (next === null) return null;
  const result = edge === 'start' ? { start: next, end } : { start, end: next };
  if (result.start >= result.end || (result.start === start && result.end === end)) return null;
  if (isBlank(text.slice(result.start, result.end))) return null;
  return result;
}

/**
 * Where a dragged edge lands for a pointer at `offset`, by the user's snapping mode. A start
 * edge: 'word' goes back to the start of the word under the pointer or to a prefix-clitic
 * boundary in it (و ب ل ال …), 'strict-word' to the word's start, 'grapheme' to the
 * cluster boundary; in the space between words, to the next word's start. An end edge
 * mirrors this (to the word's end; in a space, back to the previous word's end).
 */
export function snapEdge(text: string, offset: number, edge: SpanEdge, mode: SnapMode): number {
  const at = Math.min(Math.max(offset, 0), text.length);
  if (mode === 'grapheme') {
    const snapped = snapToGrapheme(text, at, edge === 'start' ? 'backward' : 'forward');
    return edge === 'start' ? passBlanks(text, snapped, 'forward', 'after') : passBlanks(text, snapped, 'backward', 'before');
  }
  if (edge === 'start') {
    for (const seg of segmentsForward(wordSegmenter, text, at)) {
      if (!seg.isWordLike) continue;
      if (seg.start >= at || mode === 'strict-word') return seg.start;
      const inner = cliticBoundaries(text, { start: seg.start, end: seg.end, isWord: true }).filter((b) => b <= at && isGraphemeBoundary(text, b));
      return inner.at(-1) ?? seg.start;
    }
    return text.length;
  }
  for (const seg of segmentsBackward(wordSegmenter, text, at)) {
    if (!seg.isWordLike) continue;
    return seg.end;
  }
  return 0;
}

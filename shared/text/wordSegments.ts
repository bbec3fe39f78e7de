/**
 * Word segmentation (Intl.Segmenter, granularity "word", Arabic locale) over a local
 * window, and word-by-word movement for keyboard selection.
 */
import { segmentSlice, segmentsBackward, segmentsForward, safePointAfter, safePointBefore } from './segmentWindow';

/** One word-segmenter segment: a word (letters or digits) or the run between words. */
export interface WordSegment {
  start: number;
  end: number;
  /** True for words and numbers ("روسيا", "Reuters", "14", "٢٠١٩"); false for spaces and punctuation. */
  isWord: boolean;
}

/** The shared word segmenter; exported for the other text modules only. */
export const wordSegmenter = new Intl.Segmenter('ar', { granularity: 'word' });

function clamp(text: string, offset: number): number {
  return Math.min(Math.max(offset, 0), text.length);
}

/**
 * The word segments that overlap [from, to) (defaults: the whole text), in order and
 * unclipped: the first may start before `from` and the last may end after `to`. Empty
 * when from ≥ to. Only a window around [from, to) is segmented.
 */
export function wordSegments(text: string, from = 0, to = text.length): WordSegment[] {
  const lo = clamp(text, from);
  const hi = clamp(text, to);
  if (lo >= hi) return [];
  return segmentSlice(wordSegmenter, text, safePointBefore(text, lo), safePointAfter(text, hi))
    .filter((seg) => seg.start < hi && seg.end > lo)
    .map((seg) => ({ start: seg.start, end: seg.end, isWord: seg.isWordLike }));
}

/**
 * For keyboard selection in reading (logical) order. 'forward': the end of the next word
 * ending after `offset` (the current word's end when inside a word), skipping spaces,
 * punctuation and paragraph breaks; text.length if there is none. 'backward': the start
 * of the nearest word starting before `offset`; 0 if there is none.
 */
export function nextWordEdge(text: string, offset: number, direction: 'forward' | 'backward'): number {
  const at = clamp(text, offset);
  if (direction === 'forward') {
    for (const seg of segmentsForward(wordSegmenter, text, at)) if (seg.isWordLike && seg.end > at) return seg.end;
    return text.length;
  }
  for (const seg of segmentsBackward(wordSegmenter, text, at)) if (seg.isWordLike && seg.start < at) return seg.start;
  return 0;
}

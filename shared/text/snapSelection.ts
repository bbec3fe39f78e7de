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

/** Symbols a selection keeps at its edges like words: emoji, other pictographs and signs (©), currency signs. */
const KEPT_SYMBOL = /[\p{So}\p{Sc}\p{Extended_Pictographic}]/u;

/** Whether snapping keeps a segment at an edge: a word, or a symbol that is not punctuation. */
function keptAtEdge(seg: AbsoluteSegment): boolean {
  return seg.isWordLike || KEPT_SYMBOL.test(seg.segment);
}

/** The first word (or kept symbol) segment overlapping [from, to), if any. */
function firstWord(text: string, from: number, to: number): AbsoluteSegment | undefined {
  for (const seg of segmentsForward(wordSegmenter, text, from)) {
    if (seg.start >= to) return undefined;
    if (keptAtEdge(seg)) return seg;
  }
  return undefined;
}

/** The last word (or kept symbol) segment overlapping [from, to), if any. */
function lastWord(text: string, from: number, to: number): AbsoluteSegment | undefined {
  for (const seg of segmentsBackward(wordSegmenter, text, to)) {
    if (seg.end <= from) return undefined;
    if (keptAtEdge(seg)) return seg;
  }
  return undefined;
}

/**
 * Snap a selection [start, end) (either order; clamped to the text) for span creation.
 *
 * 'word' (default, clitic-aware): leading and trailing whitespace and punctuation-only
 * segments are dropped (emoji, pictographs and currency signs are kept like words, and a
 * number's ٪ / % / ° is part of it: segmentWindow.ts); the start moves back to the nearest word start or clitic
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

/** Punctuation and mathematical signs (| between a headline's parts); not emoji, currency or ٪ after a number. */
const DETACHABLE = /[\p{P}\p{Sm}]/u;
const SPACE = /\s/u;
/** Commas, semicolons and colons, Arabic and Latin: they end a clause, never a span. */
const CLAUSE_SEPARATOR = /[،,؛;:]/u;

/**
 * Opening brackets and quotation marks with the marks that may close them. The straight
 * quotes close themselves. Curly quotes pair either way round, because right-to-left text is
 * often typed with them reversed (”…“); „ and ‚ are closed by either curly mark.
 */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['«', '»'],
  ['‹', '›'],
  ['“', '”“'],
  ['”', '“”'],
  ['‘', '’‘'],
  ['’', '‘’'],
  ['„', '“”'],
  ['‚', '‘’'],
  ['"', '"'],
  ["'", "'"],
]);
const OPENERS: ReadonlyMap<string, string> = (() => {
  const openers = new Map<string, string>();
  for (const [open, closers] of CLOSERS) for (const close of closers) openers.set(close, (openers.get(close) ?? '') + open);
  return openers;
})();

/** True when one of `marks` occurs in text[from, to). */
function hasAny(text: string, from: number, to: number, marks: string): boolean {
  for (let i = from; i < to; i++) if (marks.includes(text[i]!)) return true;
  return false;
}

/**
 * Drops punctuation that belongs to the neighbouring words from the edges of [start, end):
 * a leading run of punctuation followed by a space ("، طلب" → "طلب"), a trailing run
 * preceded by one ("طلب ،" → "طلب"), and a bracket or quotation mark at either edge whose
 * partner is outside the range ("(سانا" → "سانا", "الأناضول”" → "الأناضول"), and a
 * trailing comma, semicolon or colon ("فقط،" → "فقط"). Other punctuation attached to the
 * selected words stays: «…», (…), a final full stop. For keyboard
 * selections made word by word, which pick up the punctuation between words and stop short
 * of a closing bracket. Returns the range unchanged when nothing would be left.
 */
export function trimDetachedPunctuation(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  for (let changed = true; changed && from < to; ) {
    changed = false;
    // Punctuation followed by a space at the start, preceded by one at the end.
    let i = from;
    while (i < to && DETACHABLE.test(text[i]!)) i++;
    if (i > from && i < to && SPACE.test(text[i]!)) {
      while (i < to && SPACE.test(text[i]!)) i++;
      from = i;
      changed = true;
    }
    let j = to;
    while (j > from && DETACHABLE.test(text[j - 1]!)) j--;
    if (j < to && j > from && SPACE.test(text[j - 1]!)) {
      while (j > from && SPACE.test(text[j - 1]!)) j--;
      to = j;
      changed = true;
    }
    // An opening mark whose closing partner is not inside, and the reverse.
    const first = text[from]!;
    const closers = CLOSERS.get(first);
    if (from + 1 < to && closers !== undefined && !hasAny(text, from + 1, to, closers)) {
      from += 1;
      changed = true;
    }
    const last = text[to - 1]!;
    const openers = OPENERS.get(last);
    if (from < to - 1 && openers !== undefined && !hasAny(text, from, to - 1, openers)) {
      to -= 1;
      changed = true;
    }
  }
  // (Blank left between a dropped mark and the words: the words alone.)
  while (from < to && SPACE.test(text[from]!)) from++;
  while (to > from && SPACE.test(text[to - 1]!)) to--;
  // A clause separator never ends a span, attached or not: a clause step stops after it.
  while (to - 1 > from && CLAUSE_SEPARATOR.test(text[to - 1]!)) to--;
  while (to > from && SPACE.test(text[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : { start, end };
}

/**
 * Caret and keyboard selection in an article, in logical (reading) order: moving by
 * grapheme cluster, clitic boundary, word, clause, sentence or paragraph, and turning the left and
 * right arrows into forward/backward by the direction of the paragraph (in an Arabic
 * paragraph the left arrow goes forward). Offsets are UTF-16 code units; every result is a
 * grapheme boundary, so a selection made here never splits a letter from its harakat, a
 * surrogate pair or the لا ligature.
 */
import { isBlank } from './chars';
import { cliticBoundaries } from './clitics';
import { isGraphemeBoundary, nextGraphemeBoundary, snapToGrapheme } from './graphemes';
import { lineAt, nextLineStart, previousLineEnd, type LineRange } from './lines';
import { baseDirection, type TextDirection } from './paragraphs';
import { segmentsBackward, segmentsForward, type AbsoluteSegment } from './segmentWindow';
import { nextSentenceEdge } from './sentences';
import { nextWordEdge, wordSegmenter } from './wordSegments';

/** How far one caret step goes. */
export type CaretUnit = 'grapheme' | 'clitic' | 'word' | 'clause' | 'sentence' | 'paragraph';

/** Reading order: forward is towards the end of the text. */
export type LogicalDirection = 'forward' | 'backward';

/** An arrow key, before mirroring. Up and down go backward and forward in every paragraph. */
export type Arrow = 'left' | 'right' | 'up' | 'down';

/** A selection as anchor (where it started) and focus (where the caret is); equal when collapsed. */
export interface TextSelection {
  anchor: number;
  focus: number;
}

function clamp(text: string, offset: number): number {
  return Math.min(Math.max(offset, 0), text.length);
}

function isBlankLine(text: string, line: LineRange): boolean {
  return isBlank(text.slice(line.start, line.end));
}

/**
 * The base direction of the paragraph holding `offset` (its first strong character;
 * `fallback` for a line without one).
 */
export function directionAt(text: string, offset: number, fallback: TextDirection = 'rtl'): TextDirection {
  const line = lineAt(text, clamp(text, offset));
  return baseDirection(text.slice(line.start, line.end), fallback);
}

/** Which way an arrow moves in reading order: left goes forward in a right-to-left paragraph. */
export function arrowDirection(arrow: Arrow, paragraph: TextDirection): LogicalDirection {
  if (arrow === 'up') return 'backward';
  if (arrow === 'down') return 'forward';
  const towardsEnd = paragraph === 'rtl' ? 'left' : 'right';
  return arrow === towardsEnd ? 'forward' : 'backward';
}

/**
 * Paragraph steps (a paragraph is a line holding more than blanks). 'forward': the end of
 * the paragraph holding `offset`, or of the next one when already at its end (text.length
 * when none). 'backward': the start of the paragraph, or of the previous one.
 */
export function nextParagraphEdge(text: string, offset: number, direction: LogicalDirection): number {
  const at = clamp(text, offset);
  let line = lineAt(text, at);
  if (direction === 'forward') {
    for (;;) {
      if (line.end > at && !isBlankLine(text, line)) return line.end;
      const following = nextLineStart(text, line.end);
      if (following === null) return text.length;
      line = lineAt(text, following);
    }
  }
  for (;;) {
    if (line.start < at && !isBlankLine(text, line)) return line.start;
    const preceding = previousLineEnd(text, line.start);
    if (preceding === null) return 0;
    line = lineAt(text, preceding);
  }
}

/** Word start, the clitic boundaries inside the word that are grapheme boundaries, word end. */
function stopsInWord(text: string, seg: AbsoluteSegment): number[] {
  const inner = cliticBoundaries(text, { start: seg.start, end: seg.end, isWord: true }).filter((b) => isGraphemeBoundary(text, b));
  return [seg.start, ...inner, seg.end];
}

/**
 * Clitic steps: the caret stops at word starts, at each Arabic prefix-clitic boundary
 * (و، ف، ب، ك، ل، ال، لل split off: "والمعارضة" has stops after و and after ال) and at word
 * ends. The nearest such stop strictly after ('forward') or before ('backward') `offset`,
 * or the end / start of the text.
 */
export function nextCliticEdge(text: string, offset: number, direction: LogicalDirection): number {
  const at = clamp(text, offset);
  if (direction === 'forward') {
    for (const seg of segmentsForward(wordSegmenter, text, at)) {
      if (!seg.isWordLike || seg.end <= at) continue;
      const stop = stopsInWord(text, seg).find((b) => b > at);
      if (stop !== undefined) return stop;
    }
    return text.length;
  }
  for (const seg of segmentsBackward(wordSegmenter, text, at)) {
    if (!seg.isWordLike || seg.start >= at) continue;
    const stop = stopsInWord(text, seg).findLast((b) => b < at);
    if (stop !== undefined) return stop;
  }
  return 0;
}

/** One caret step of `unit` from `offset` in reading order; stays put only at the text's edge. */
export function moveCaret(text: string, offset: number, unit: CaretUnit, direction: LogicalDirection): number {
  switch (unit) {
    case 'grapheme':
      return nextGraphemeBoundary(text, offset, direction);
    case 'clitic':
      return nextCliticEdge(text, offset, direction);
    case 'word':
      return nextWordEdge(text, offset, direction);
    case 'clause':
    case 'sentence':
      // A sentence may start at a stray mark after a space: keep the caret on a cluster boundary.
      return snapToGrapheme(text, nextSentenceEdge(text, offset, direction, unit), direction);
    case 'paragraph':
      return nextParagraphEdge(text, offset, direction);
  }
}

/**
 * A caret key applied to a selection. Extending moves only the focus. Moving a collapsed
 * caret steps it; moving with a selection first collapses it to its edge on that side (as
 * text editors do), without a further step.
 */
export function moveSelection(text: string, selection: TextSelection, unit: CaretUnit, direction: LogicalDirection, extend: boolean): TextSelection {
  const anchor = clamp(text, selection.anchor);
  const focus = clamp(text, selection.focus);
  if (extend) return { anchor, focus: moveCaret(text, focus, unit, direction) };
  if (anchor !== focus) {
    const edge = direction === 'forward' ? Math.max(anchor, focus) : Math.min(anchor, focus);
    return { anchor: edge, focus: edge };
  }
  const next = moveCaret(text, focus, unit, direction);
  return { anchor: next, focus: next };
}

/**
 * An arrow key applied to a selection: left and right are mirrored by the direction of the
 * paragraph holding the focus, up and down go backward and forward.
 */
export function moveSelectionByArrow(text: string, selection: TextSelection, arrow: Arrow, unit: CaretUnit, extend: boolean): TextSelection {
  return moveSelection(text, selection, unit, arrowDirection(arrow, directionAt(text, selection.focus)), extend);
}

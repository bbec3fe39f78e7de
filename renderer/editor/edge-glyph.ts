/**
 * Which character a span edge is drawn beside, and on which side of it. An edge is a logical
 * offset; where the text's direction changes (a Latin name in an Arabic paragraph, Arabic in
 * an English one) the offset has two places on screen, one at the end of each run, and a
 * collapsed range there may report either. The span's own text is not ambiguous: its first
 * character begins where the span starts and its last character ends where it ends, on the
 * side that character's resolved direction (Unicode Bidirectional Algorithm) gives. Pure:
 * the drawing (caret-geometry) measures the character and takes that side.
 */
import bidiFactory from 'bidi-js';
import { nextGraphemeBoundary } from '../../shared/text/graphemes';
import { baseDirection, type TextDirection } from '../../shared/text/paragraphs';

/** A side of a character on screen. */
export type ScreenSide = 'left' | 'right';

/** The grapheme `[from, to)` just inside a span edge, and the side of it where the edge is drawn. */
export interface EdgeGlyph {
  from: number;
  to: number;
  side: ScreenSide;
}

let bidi: ReturnType<typeof bidiFactory> | null = null;
/** The last paragraph's levels: the two edges and the caret are measured in turn, mostly in one paragraph. */
let cached: { text: string; direction: TextDirection; levels: Uint8Array } | null = null;

/**
 * The resolved embedding level of every UTF-16 unit of a paragraph `text` laid out with
 * `unicode-bidi: plaintext` (its base direction from its first strong character, else
 * `fallback`, as the article's paragraphs are). Odd levels are drawn right to left.
 */
export function bidiLevels(text: string, fallback: TextDirection): Uint8Array {
  const direction = baseDirection(text, fallback);
  if (cached && cached.text === text && cached.direction === direction) return cached.levels;
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  cached = { text, direction, levels };
  return levels;
}

/**
 * Where a span's `edge` at `offset` in a paragraph's `text` is drawn: beside the grapheme
 * just inside the span (the one starting at `offset` for a start, the one ending there for
 * an end), on the side where that grapheme begins (start) or ends (end) in its own direction:
 * a left-to-right character begins on its left, a right-to-left one on its right. Null when
 * there is no such grapheme in this paragraph (an edge at the paragraph's other end).
 */
export function edgeGlyph(text: string, offset: number, edge: 'start' | 'end', fallback: TextDirection): EdgeGlyph | null {
  if (offset < 0 || offset > text.length) return null;
  const from = edge === 'start' ? offset : nextGraphemeBoundary(text, offset, 'backward');
  const to = edge === 'start' ? nextGraphemeBoundary(text, offset, 'forward') : offset;
  if (from >= to) return null;
  const rtl = (bidiLevels(text, fallback)[from]! & 1) === 1;
  // A start is the grapheme's leading side, an end its trailing side.
  return { from, to, side: rtl === (edge === 'start') ? 'right' : 'left' };
}

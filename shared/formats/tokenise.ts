/**
 * An Arabic-aware tokeniser for the token-based exports (CoNLL) and for the alignment report
 * of the spaCy export. Tokens are the word segments of Intl.Segmenter (Arabic words with
 * their harakat, Latin words, numbers in any digits), and every other visible grapheme
 * cluster (punctuation, emoji) on its own. Whitespace and invisible format characters
 * (bidi marks, zero-width characters, BOM) are never part of a token, nor at its edges.
 * With `splitClitics`, the Arabic prefix clitics و ف ب ل ك and the article ال found by
 * {@link cliticBoundaries} become tokens of their own. Offsets are UTF-16 code units.
 */
import { isBlank } from '../text/chars';
import { graphemeBoundaries, isGraphemeBoundary } from '../text/graphemes';
import { cliticBoundaries, wordSegments } from '../text/words';

/** One token: `[start, end)` in UTF-16 code units and the text it covers. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Options of {@link tokenise}. */
export interface TokeniseOptions {
  /** Split leading و ف ب ل ك and ال into tokens of their own (default false). */
  splitClitics?: boolean;
}

/** Narrows [start, end) past invisible characters at both edges (they are all BMP). */
function trimInvisible(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isBlank(text[s]!)) s++;
  while (e > s && isBlank(text[e - 1]!)) e--;
  return [s, e];
}

function push(out: Token[], text: string, start: number, end: number): void {
  const [s, e] = trimInvisible(text, start, end);
  if (s < e) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/** The visible grapheme clusters of a non-word run, one token each. */
function pushClusters(out: Token[], text: string, start: number, end: number): void {
  const bounds = graphemeBoundaries(text, start, end);
  for (let i = 0; i + 1 < bounds.length; i++) push(out, text, bounds[i]!, bounds[i + 1]!);
}

/**
 * The tokens of `text`, in order, as UTF-16 `[start, end)` with their text. Never empty
 * tokens; never whitespace or bidi marks at a token's edges.
 */
export function tokenise(text: string, options: TokeniseOptions = {}): Token[] {
  const out: Token[] = [];
  for (const segment of wordSegments(text)) {
    if (!segment.isWord) {
      pushClusters(out, text, segment.start, segment.end);
      continue;
    }
    const cuts = options.splitClitics ? cliticBoundaries(text, segment).filter((b) => isGraphemeBoundary(text, b)) : [];
    let from = segment.start;
    for (const cut of [...cuts, segment.end]) {
      push(out, text, from, cut);
      from = cut;
    }
  }
  return out;
}

/** Index of the token starting at `offset` (binary search), or -1. */
export function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  const i = lowerBound(tokens, offset, (t) => t.start);
  return i < tokens.length && tokens[i]!.start === offset ? i : -1;
}

/** Index of the token ending at `offset` (binary search), or -1. */
export function tokenEndingAt(tokens: readonly Token[], offset: number): number {
  const i = lowerBound(tokens, offset, (t) => t.end);
  return i < tokens.length && tokens[i]!.end === offset ? i : -1;
}

function lowerBound(tokens: readonly Token[], value: number, key: (t: Token) => number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(tokens[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The token range `[first, last]` (inclusive) whose edges are exactly the span's edges,
 * after invisible characters at the span's edges are set aside; null when the span starts
 * or ends inside a token (or covers no token).
 */
export function alignToTokens(text: string, tokens: readonly Token[], start: number, end: number): { first: number; last: number } | null {
  const [s, e] = trimInvisible(text, start, end);
  if (s >= e) return null;
  const first = tokenStartingAt(tokens, s);
  const last = tokenEndingAt(tokens, e);
  return first >= 0 && last >= first ? { first, last } : null;
}

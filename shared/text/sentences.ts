/**
 * Sentence (and clause) boundaries for moving a caret or selection by sentence, with Arabic
 * punctuation: ؟ ! . … ۔ and ؛ end a sentence; at clause level ، , ; : end a clause as well.
 * A paragraph break always ends one. Only the line around the requested offset is scanned,
 * so moving by sentence costs the length of a paragraph, not of the article.
 *
 * Not a boundary: a full stop between digits or letters ("4.1", "RIA.ru"), after Latin
 * initials ("J. Martin", "U.N."), a comma or colon inside a number ("1,000", "10:30").
 */
import { lineAt, nextLineStart, previousLineEnd } from './lines';

/** Sentences, or the smaller clauses inside them (split at ، , ; : too). */
export type SentenceLevel = 'sentence' | 'clause';

/** One sentence: [start, end) from its first non-blank character to its final punctuation. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** Ends a sentence wherever it stands (؟ ! ۔ … ؛ and their relatives). */
const SENTENCE_ENDS = new Set(['!', '?', '\u061F', '\u06D4', '\u2026', '\u061B', '\u203C', '\u2047', '\u2048', '\u2049']);
/** Ends a clause wherever it stands: the Arabic comma. */
const CLAUSE_ENDS = new Set(['\u060C']);
/** Latin punctuation that ends a clause only when followed by a space or the line end. */
const SPACED_CLAUSE_ENDS = new Set([',', ';', ':']);
/** Closing quotes and brackets that belong to the sentence they close. */
const CLOSERS = new Set(['»', '”', '’', '"', "'", ')', ']', '}', '›', '\u00BB']);
const SPACE = /\s/u;
/** A combining mark stays with the punctuation it sits on. */
const MARK = /^\p{M}$/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** True when the full stop at `i` ends a sentence (not a decimal point, a domain or an initial). */
function fullStopEnds(text: string, i: number, lineEnd: number): boolean {
  let after = i + 1;
  while (after < lineEnd && (text[after] === '.' || CLOSERS.has(text[after]!))) after++;
  if (after < lineEnd && !isSpace(text[after])) return false;
  // "J. Martin", "U.N.": one Latin capital standing alone (or after another initial) before the stop.
  const before = text[i - 1];
  const initial = before !== undefined && LATIN_LETTER.test(before) && before === before.toUpperCase() && (i - 1 === 0 || isSpace(text[i - 2]) || text[i - 2] === '.');
  return !initial;
}

/** True when the punctuation at `i` ends a unit of `level`. */
function endsUnit(text: string, i: number, lineEnd: number, level: SentenceLevel): boolean {
  const ch = text[i]!;
  if (SENTENCE_ENDS.has(ch)) return true;
  if (ch === '.') return fullStopEnds(text, i, lineEnd);
  if (level === 'sentence') return false;
  if (CLAUSE_ENDS.has(ch)) return true;
  return SPACED_CLAUSE_ENDS.has(ch) && (i + 1 >= lineEnd || isSpace(text[i + 1]));
}

/**
 * The sentences of the line [lineStart, lineEnd) (a line holds no line break), in order.
 * Each runs from its first non-blank character to the end of its final punctuation, closing
 * quotes and brackets included; a last sentence without punctuation ends at its last
 * non-blank character.
 */
export function sentencesOfLine(text: string, lineStart: number, lineEnd: number, level: SentenceLevel = 'sentence'): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = -1;
  let lastInk = -1;
  let i = lineStart;
  while (i < lineEnd) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    lastInk = i + 1;
    if (!endsUnit(text, i, lineEnd, level)) {
      i++;
      continue;
    }
    // Swallow a run of terminators, closers and marks: "؟!" "...»" ".)".
    let end = i + 1;
    while (end < lineEnd && (MARK.test(text[end]!) || CLOSERS.has(text[end]!) || SENTENCE_ENDS.has(text[end]!) || text[end] === '.' || (level === 'clause' && CLAUSE_ENDS.has(text[end]!)))) end++;
    out.push({ start, end });
    start = -1;
    i = end;
  }
  if (start >= 0) out.push({ start, end: lastInk });
  return out;
}

/** The sentence holding `offset` (or ending exactly at it), or null in blank text between sentences. */
export function sentenceAt(text: string, offset: number, level: SentenceLevel = 'sentence'): SentenceRange | null {
  const at = Math.min(Math.max(offset, 0), text.length);
  const line = lineAt(text, at);
  return sentencesOfLine(text, line.start, line.end, level).find((s) => s.start <= at && at <= s.end) ?? null;
}

/**
 * For moving a caret by sentence in reading (logical) order. 'forward': the end of the
 * sentence holding `offset`, or of the next one when `offset` is already at an end
 * (text.length when there is none). 'backward': the start of the sentence holding `offset`,
 * or of the previous one when `offset` is at a start (0 when there is none). Paragraph
 * breaks are crossed.
 */
export function nextSentenceEdge(text: string, offset: number, direction: 'forward' | 'backward', level: SentenceLevel = 'sentence'): number {
  const at = Math.min(Math.max(offset, 0), text.length);
  let line = lineAt(text, at);
  if (direction === 'forward') {
    for (;;) {
      const next = sentencesOfLine(text, line.start, line.end, level).find((s) => s.end > at);
      if (next) return next.end;
      const following = nextLineStart(text, line.end);
      if (following === null) return text.length;
      line = lineAt(text, following);
    }
  }
  for (;;) {
    const previous = sentencesOfLine(text, line.start, line.end, level).findLast((s) => s.start < at);
    if (previous) return previous.start;
    const preceding = previousLineEnd(text, line.start);
    if (preceding === null) return 0;
    line = lineAt(text, preceding);
  }
}

/**
 * Word tokens of a folded text (see fold.ts) and the clitic-stripped stems of one token,
 * for matching names and cue words that may carry و ف ب ك ل or the article ال in front.
 * Clitic candidates come from `cliticBoundaries` (shared/text/clitics.ts).
 */
import { cliticBoundaries } from '../text/clitics';
import { isWordCharAt } from '../search/wordChars';

/** One word of a folded text: [start, end) in the folded text and its characters. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** A way to read a token: `stem` starts `offset` units into it (0: the whole token). */
export interface TokenStem {
  offset: number;
  stem: string;
}

const LAM = '\u0644';
const ARTICLE = '\u0627\u0644'; // ال

/** The words of a folded text (runs of letters, digits and marks), in order. */
export function tokenise(folded: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const word = i < folded.length && isWordCharAt(folded, i);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push({ start, end: i, text: folded.slice(start, i) });
      start = -1;
    }
  }
  return out;
}

/**
 * The readings of one folded token, whole token first, then after each clitic boundary
 * in order (shortest prefix first): "والاناضول" → والاناضول, الاناضول (1), اناضول (3).
 * li + article written لل also gives the article back, starting at the article's lam:
 * "للاناضول" → …, الاناضول (offset 1), so that a name stored with ال still matches.
 */
export function cliticStems(token: string): TokenStem[] {
  const out: TokenStem[] = [{ offset: 0, stem: token }];
  for (const b of cliticBoundaries(token, { start: 0, end: token.length, isWord: true })) {
    if (b >= 2 && token[b - 1] === LAM && token[b - 2] === LAM) out.push({ offset: b - 1, stem: ARTICLE + token.slice(b) });
    out.push({ offset: b, stem: token.slice(b) });
  }
  return out;
}

/**
 * A short excerpt of a document around a match, for result lists.
 */
import { snapToGrapheme } from '../text/graphemes';

/** An excerpt and where the match sits inside it (UTF-16 offsets into `text`). */
export interface Snippet {
  text: string;
  matchStart: number;
  matchEnd: number;
}

/** Characters of context kept on each side of the match before cutting at a space. */
export const SNIPPET_CONTEXT = 40;

const SPACE = /\s/u;

/**
 * The excerpt of `original` reaching about `context` characters before and after the
 * match [start, end), cut at whitespace so no word is split (when a side has no
 * whitespace within reach it is cut at a grapheme boundary instead). Line breaks inside
 * the excerpt become spaces, one for one, so the offsets stay valid.
 */
export function makeSnippet(original: string, start: number, end: number, context = SNIPPET_CONTEXT): Snippet {
  let from = Math.max(0, start - context);
  if (from > 0) {
    let cut = -1;
    for (let i = from; i < start; i++) {
      if (SPACE.test(original[i]!)) {
        cut = i + 1;
        break;
      }
    }
    from = cut >= 0 ? cut : snapToGrapheme(original, from, 'forward');
  }
  let to = Math.min(original.length, end + context);
  if (to < original.length) {
    let cut = -1;
    for (let i = to - 1; i >= end; i--) {
      if (SPACE.test(original[i]!)) {
        cut = i;
        break;
      }
    }
    to = cut >= 0 ? cut : snapToGrapheme(original, to, 'backward');
  }
  from = Math.min(from, start);
  to = Math.max(to, end);
  const text = original.slice(from, to).replace(/[\r\n\u2028\u2029]/gu, ' ');
  return { text, matchStart: start - from, matchEnd: end - from };
}

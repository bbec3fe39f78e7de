/**
 * Many-phrase matching over a tokenised folded text in one pass: phrases are indexed by
 * their first word, each text token is looked up (as a whole and after its clitic
 * prefixes), and the rest of a phrase is checked word by word. Matches start and end on
 * word boundaries, so "تاس" is never found inside "حساسية" nor "ap" inside "apple".
 */
import { cliticStems, type Token } from './tokens';

/** A phrase to find: its matching-key words (see `matchKey`) and what it stands for. */
export interface Phrase<T> {
  words: readonly string[];
  value: T;
}

/** Phrases indexed by first word; phrases with more words come first. */
export type PhraseIndex<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

/** One match, as token indices and as a range of the folded text. */
export interface PhraseMatch<T> {
  value: T;
  firstToken: number;
  lastToken: number;
  /** Start in the folded text, after any clitic prefix that was left out. */
  start: number;
  end: number;
  /** How many folded units of clitics (و ب ل …) before `start` belong to the first token. */
  prefix: number;
}

/**
 * What may stand between two words of a phrase: one space, or a hyphen or dot with at
 * most one space either side ("أ.ف.ب", "France-Presse"). Never a line break or a quote.
 */
const GAP = /^(?: |(?: ?[-\u2010\u2011\u2013.] ?))$/u;

/** Builds the index; phrases without words are ignored. */
export function buildPhraseIndex<T>(phrases: Iterable<Phrase<T>>): PhraseIndex<T> {
  const index = new Map<string, Phrase<T>[]>();
  for (const phrase of phrases) {
    const first = phrase.words[0];
    if (!first) continue;
    const list = index.get(first) ?? [];
    list.push(phrase);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** The index of the last token of `phrase` when it matches from token `i`, or -1. */
function matchRest<T>(folded: string, tokens: readonly Token[], i: number, phrase: Phrase<T>): number {
  const { words } = phrase;
  if (i + words.length > tokens.length) return -1;
  for (let k = 1; k < words.length; k++) {
    const previous = tokens[i + k - 1]!;
    const token = tokens[i + k]!;
    if (token.text !== words[k] || !GAP.test(folded.slice(previous.end, token.start))) return -1;
  }
  return i + words.length - 1;
}

/**
 * Leftmost-longest, non-overlapping matches of the indexed phrases, in text order. At each
 * token the phrase reaching furthest wins; between readings of the first token, the one
 * leaving out the fewest clitic letters ("الاناضول" over "اناضول" in "والاناضول").
 */
export function scanPhrases<T>(folded: string, tokens: readonly Token[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  if (index.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let best: PhraseMatch<T> | undefined;
    for (const { offset, stem } of cliticStems(token.text)) {
      const candidates = index.get(stem);
      if (!candidates) continue;
      for (const phrase of candidates) {
        const last = matchRest(folded, tokens, i, phrase);
        if (last < 0) continue;
        if (!best || last > best.lastToken) best = { value: phrase.value, firstToken: i, lastToken: last, start: token.start + offset, end: tokens[last]!.end, prefix: offset };
        break; // longer phrases come first: the first that matches is the longest for this reading
      }
    }
    if (best) {
      out.push(best);
      i = best.lastToken;
    }
  }
  return out;
}

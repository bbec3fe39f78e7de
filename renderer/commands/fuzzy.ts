/**
 * Searching the command palette and the shortcut list of the settings. A query is one or more
 * words; every query word must match the text somewhere, in any order ("shrink start char"
 * finds "Shrink the focused span by a character at its start"), and how each matches ranks
 * the text: a whole word of it first, then the start of a word, then inside a word, then the
 * word's letters scattered in order ("nxt" in "next"; failing that, across the whole text).
 * So "cheat" puts "Keyboard shortcuts (cheat sheet)" before "Clear the selection…", and
 * "rejected" puts "Bring back the suggestions rejected…" before "Reject the focused suggestion".
 *
 * Titles are searched in the interface language; the palette also gives each action's title
 * in the other language (`fuzzyFilter`'s `otherTextsOf`), so that in the Arabic interface
 * "export" finds the action shown as «تصدير المدوّنة بصيغة JSON». A match there counts a little
 * less: an equally good match in the interface language comes first. Query and text are
 * compared after the search normalisation of `shared/text/normalise.ts` (case, harakat,
 * tatweel, the hamza forms of alef, ى/ي, teh marbuta), so «المدونة» finds «المدوّنة»; an
 * Arabic word of the text is also matched without its article ال, so «مستند» is a whole word
 * of «فتح المستند التالي».
 */
import { normaliseQuery } from '../../shared/text/normalise';

/** What a query word scored, by how it matched (the best match counts). */
const EXACT_WORD = 8;
const WORD_PREFIX = 6;
const SUBSTRING = 4;
const SCATTERED_IN_WORD = 2;
const SCATTERED = 1;

/** Less than the gap between two kinds of match, however many words the text has. */
const EARLY_WORD_BONUS = 0.5;
const LENGTH_PENALTY = 0.001;
/**
 * Taken off a match in another language, per query word: more than the early-word bonus and the
 * length penalty can make up, so an equal match in the interface language ranks first; less
 * than the gap between two kinds of match, so a better match in the other language still wins.
 */
const OTHER_LANGUAGE_PENALTY = 0.75;

const NORMALISE = { tehMarbuta: true, caseFold: true } as const;
const WORD_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
const ARTICLE = 'ال';

/** A text ready to be searched: its normalised words (also without the article) and letters. */
interface Prepared {
  words: string[];
  bare: string[];
  letters: string;
  length: number;
}

/** Prepared texts: the palette matches the same few hundred titles on every key press. */
const PREPARED = new Map<string, Prepared>();
const PREPARED_MAX = 4000;

function prepare(text: string): Prepared {
  let prepared = PREPARED.get(text);
  if (!prepared) {
    const words = normaliseQuery(text, NORMALISE).split(WORD_SEPARATOR).filter(Boolean);
    prepared = { words, bare: words.map(withoutArticle), letters: words.join(''), length: text.length };
    if (PREPARED.size >= PREPARED_MAX) PREPARED.clear();
    PREPARED.set(text, prepared);
  }
  return prepared;
}

/** An Arabic word without its definite article (الاقتراح → اقتراح); other words as they are. */
function withoutArticle(word: string): string {
  return word.startsWith(ARTICLE) && word.length > ARTICLE.length + 1 ? word.slice(ARTICLE.length) : word;
}

/** Are the letters of `query` in `text`, in order? */
function isSubsequence(query: string, text: string): boolean {
  let from = 0;
  for (const ch of query) {
    const at = text.indexOf(ch, from);
    if (at < 0) return false;
    from = at + ch.length;
  }
  return true;
}

/** How one query word matches one word of the text (0: not at all). */
function wordScore(query: string, word: string, bare: string): number {
  if (word === query || bare === query) return EXACT_WORD;
  if (word.startsWith(query) || bare.startsWith(query)) return WORD_PREFIX;
  if (word.includes(query)) return SUBSTRING;
  if (isSubsequence(query, word)) return SCATTERED_IN_WORD;
  return 0;
}

/** The best match of one query word in the text, or null when it does not match. */
function queryWordScore(query: string, text: Prepared): number | null {
  let best = 0;
  let bestIndex = 0;
  text.words.forEach((word, i) => {
    const score = wordScore(query, word, text.bare[i]!);
    if (score > best) {
      best = score;
      bestIndex = i;
    }
  });
  if (best) return best + EARLY_WORD_BONUS / (1 + bestIndex);
  return isSubsequence(query, text.letters) ? SCATTERED : null;
}

/** The words of a query, normalised like the texts. */
function queryWords(query: string): string[] {
  return normaliseQuery(query, NORMALISE).split(WORD_SEPARATOR).filter(Boolean);
}

/**
 * How well `query` matches `text`, or null when one of its words does not match. Higher is
 * better: the sum of each query word's best match (module comment), a word early in the text
 * counting a little more and a shorter text winning a tie. An empty query matches with 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  return scoreWords(queryWords(query), text);
}

function scoreWords(words: readonly string[], text: string): number | null {
  if (!words.length) return 0;
  const prepared = prepare(text);
  let total = 0;
  for (const word of words) {
    const score = queryWordScore(word, prepared);
    if (score === null) return null;
    total += score;
  }
  return total - prepared.length * LENGTH_PENALTY;
}

/**
 * The items matching `query`, best first (ties keep their order). `otherTextsOf` gives an
 * item's text in the other interface languages: the item matches when any of its texts does,
 * by its best match, a match in another language counting {@link OTHER_LANGUAGE_PENALTY} less.
 */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string, otherTextsOf?: (item: T) => readonly string[]): T[] {
  const words = queryWords(query);
  const penalty = OTHER_LANGUAGE_PENALTY * words.length;
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    let score = scoreWords(words, textOf(item));
    for (const text of otherTextsOf?.(item) ?? []) {
      const other = scoreWords(words, text);
      if (other !== null && (score === null || other - penalty > score)) score = other - penalty;
    }
    if (score !== null) scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}

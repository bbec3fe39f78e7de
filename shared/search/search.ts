/**
 * Find-in-document and corpus search over normalised text (see shared/text/normalise.ts).
 * Matches are reported as ranges of the ORIGINAL text, widened to whole graphemes, so they
 * can be highlighted or turned into spans directly.
 */
import { normaliseForSearch, normaliseQuery, type NormaliseOptions, type NormalisedText } from '../text/normalise';
import { MatchScanner } from './match-scanner';
import { makeSnippet, type Snippet } from './snippet';
import type { SearchIndex } from './searchIndex';

export { createSearchIndex, type SearchIndex, type SearchIndexOptions } from './searchIndex';

/** Options of {@link findInText} and {@link searchDocuments}. */
export interface SearchOptions extends NormaliseOptions {
  /**
   * Only matches that neither start nor end inside a word (letters, digits and marks of
   * the normalised text). Clitics are part of the word: قال does not match inside وقال.
   * Default false.
   */
  wholeWord?: boolean;
}

/** Options of {@link searchDocuments}: search options plus an optional cache of normalised texts. */
export interface CorpusSearchOptions extends SearchOptions {
  /** Normalised texts are taken from (and kept in) this index, so repeated searches do not renormalise. */
  index?: SearchIndex;
}

/** A match as a range [start, end) of the original text: UTF-16 offsets on grapheme boundaries. */
export interface TextMatch {
  start: number;
  end: number;
}

/** One document with at least one match. */
export interface CorpusSearchHit {
  docId: string;
  /** Every match in the document, in order. */
  matches: TextMatch[];
  /** About 40 characters either side of the first match, cut at spaces. */
  snippet: Snippet;
}

/** The query as searched: normalised, whitespace runs collapsed to one space, trimmed. */
export function prepareQuery(query: string, options?: NormaliseOptions): string {
  return normaliseQuery(query, options).replace(/\s+/gu, ' ').trim();
}

/** Matches of an already prepared query in an already normalised text. */
function findPrepared(n: NormalisedText, q: string, wholeWord: boolean): TextMatch[] {
  const scanner = new MatchScanner(n, q, wholeWord, true);
  scanner.scan(Infinity);
  return scanner.matches;
}

/**
 * All non-overlapping matches of `query` in `original`, in order, as ranges of the
 * original text (see {@link mapRangeToOriginal}: trailing harakat and tatweel of the last
 * letter are included; edges are grapheme boundaries). Both sides are normalised with
 * the same options; an empty or whitespace-only query gives []. Pass `normalised` (e.g.
 * from a {@link SearchIndex}) to skip normalising the text; it must have been made from
 * `original` with the same options (it is ignored when its original differs).
 */
export function findInText(original: string, query: string, options?: SearchOptions, normalised?: NormalisedText): TextMatch[] {
  const q = prepareQuery(query, options);
  if (q.length === 0) return [];
  const n = normalised && normalised.original === original ? normalised : normaliseForSearch(original, options);
  return findPrepared(n, q, options?.wholeWord ?? false);
}

/**
 * Searches many documents, in their iteration order, and returns one hit per document
 * that matches, at most `limit` hits (default: all). With `options.index`, normalised
 * texts are cached between searches.
 */
export function searchDocuments(docs: Iterable<{ id: string; text: string }>, query: string, options?: CorpusSearchOptions, limit = Infinity): CorpusSearchHit[] {
  const index = options?.index;
  const hits: CorpusSearchHit[] = [];
  const q = prepareQuery(query, options);
  if (q.length === 0 || limit <= 0) return hits;
  const normaliseOptions: NormaliseOptions = { tehMarbuta: options?.tehMarbuta ?? false, caseFold: options?.caseFold ?? true };
  for (const doc of docs) {
    const n = index ? index.get(doc.id, doc.text, normaliseOptions) : normaliseForSearch(doc.text, normaliseOptions);
    if (!n.text.includes(q)) continue;
    const matches = findPrepared(n, q, options?.wholeWord ?? false);
    if (matches.length === 0) continue;
    const first = matches[0]!;
    hits.push({ docId: doc.id, matches, snippet: makeSnippet(doc.text, first.start, first.end) });
    if (hits.length >= limit) break;
  }
  return hits;
}

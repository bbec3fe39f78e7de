/**
 * Every name a registry source can be mentioned by (canonical Arabic and Latin names, then
 * aliases), with its matching key, for registry search and for finding mentions in text.
 */
import type { SourceRecord } from '../model/types';
import { phrase, type PhraseParam } from '../phrases/phrase';
import { matchKey } from './fold';

/** One name or alias of a source, ready for matching. */
export interface SourceName {
  source: SourceRecord;
  /** As the registry writes it. */
  alias: string;
  /** `matchKey(alias)`: folded words joined by one space (never empty). */
  key: string;
  /** The key's words. */
  words: string[];
  /** True for `nameAr` and `nameLatin`, false for aliases. */
  isName: boolean;
  /** True when the registry lists this name (by key) in `ambiguous`. */
  ambiguous: boolean;
}

/** Names already computed, per record (records are immutable values: a changed source is a new object). */
const cache = new WeakMap<SourceRecord, SourceName[]>();

/** The names of one source, canonical names first; names with an empty or repeated key are left out. */
export function namesOf(source: SourceRecord): SourceName[] {
  let names = cache.get(source);
  if (!names) cache.set(source, (names = computeNames(source)));
  return names;
}

function computeNames(source: SourceRecord): SourceName[] {
  const ambiguous = new Set((source.ambiguous ?? []).map(matchKey));
  const seen = new Set<string>();
  const out: SourceName[] = [];
  const add = (alias: string, isName: boolean): void => {
    const key = matchKey(alias);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ source, alias, key, words: key.split(' '), isName, ambiguous: ambiguous.has(key) });
  };
  add(source.nameAr, true);
  add(source.nameLatin, true);
  for (const alias of source.aliasesAr) add(alias, false);
  for (const alias of source.aliasesLatin) add(alias, false);
  return out;
}

/** The display name of a source: its Latin name, else its Arabic name. */
export function displayName(source: Pick<SourceRecord, 'nameLatin' | 'nameAr'>): string {
  return source.nameLatin.trim() || source.nameAr;
}

/**
 * A source's names in full (an undoable change, a refusal, a suggestion's reason), as a phrase parameter: "RIA
 * Novosti (وكالة نوفوستي)" in English, «وكالة نوفوستي (RIA Novosti)» in Arabic, as the
 * interface lists sources; a source with one name is that name.
 */
export function sourceNamesParam(source: Pick<SourceRecord, 'nameLatin' | 'nameAr'>): PhraseParam {
  return source.nameLatin && source.nameAr ? phrase('source.names', { latin: source.nameLatin, arabic: source.nameAr }) : source.nameLatin || source.nameAr;
}

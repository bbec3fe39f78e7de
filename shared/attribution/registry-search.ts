/**
 * Searching the source registry by any name or alias, in either script, as a researcher
 * types: insensitive to harakat, tatweel, hamza forms, ى/ي, ة/ه, Latin case and diacritics
 * (fold.ts), and to clitics attached to the query (لوكالة نوفوستي، بنوفوستي، والأناضول،
 * لـرويترز، لـ رويترز). Scores, best first:
 *   1     the query is a canonical name        0.95  it is an alias
 *   0.8–0.9  a name starts with it             0.7–0.8  a word of a name starts with it
 *   0.6–0.7  a name contains it                0.5 / 0.4  a typo (edit distance 1 / 2;
 *                                                 queries of 5+ letters, 2 from 8 letters);
 *                                                 0.48 / 0.38 a typo in some words of it
 * A reading of the query without its clitics scores 0.98 of that, and is not used for
 * plain substring matches (too loose). Each source appears once, with its best name.
 */
import { SOURCE_KINDS, type SourceRecord } from '../model/types';
import { matchKey } from './fold';
import { editDistance } from './fuzzy';
import { displayName, namesOf, type SourceName } from './source-names';
import { cliticStems } from './tokens';

/** One registry entry found by {@link searchRegistry}. */
export interface RegistryMatch {
  source: SourceRecord;
  /** The name or alias that matched, as the registry writes it. */
  alias: string;
  /** 0..1, higher is better. */
  score: number;
}

/** A reading of the query and how much it is trusted. */
interface QueryReading {
  key: string;
  words: string[];
  weight: number;
  stripped: boolean;
}

const STRIPPED_WEIGHT = 0.98;
const CLITIC_WORD = /^[وفبلك]$/u;

/** The query as typed, plus its readings without attached or detached clitics. */
function readings(query: string): QueryReading[] {
  const key = matchKey(query);
  if (!key) return [];
  const words = key.split(' ');
  const out: QueryReading[] = [{ key, words, weight: 1, stripped: false }];
  const seen = new Set([key]);
  const add = (ws: string[]): void => {
    const k = ws.join(' ');
    if (!k || seen.has(k)) return;
    seen.add(k);
    out.push({ key: k, words: ws, weight: STRIPPED_WEIGHT, stripped: true });
  };
  const strip = (ws: string[]): void => {
    for (const { offset, stem } of cliticStems(ws[0]!)) if (offset > 0) add([stem, ...ws.slice(1)]);
  };
  strip(words);
  // "لـ رويترز": the preposition written apart (its tatweel is gone after folding).
  if (words.length > 1 && CLITIC_WORD.test(words[0]!)) {
    add(words.slice(1));
    strip(words.slice(1));
  }
  return out;
}

/** The largest edit distance accepted for a query of this length (0: no fuzzy matching). */
function typoBudget(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** The score of one name for one reading of the query (0: no match). */
function scoreName(name: SourceName, q: QueryReading): number {
  const { key } = name;
  const ratio = q.key.length / key.length;
  let score = 0;
  if (key === q.key) score = name.isName ? 1 : 0.95;
  else if (key.startsWith(q.key)) score = 0.8 + 0.1 * ratio;
  else if (key.includes(` ${q.key}`)) score = 0.7 + 0.1 * ratio;
  else if (!q.stripped && key.includes(q.key)) score = 0.6 + 0.1 * ratio;
  else {
    const budget = typoBudget(q.key.length);
    if (budget > 0) {
      const whole = editDistance(q.key, key, budget);
      if (whole <= budget) score = 0.5 - 0.1 * (whole - 1);
      else {
        // A typo in some words of a longer name ("نوفستي" for "وكالة نوفوستي"): a little less.
        let best = whole;
        for (let i = 0; i + q.words.length <= name.words.length && best > 1; i++) best = Math.min(best, editDistance(q.key, name.words.slice(i, i + q.words.length).join(' '), budget));
        if (best <= budget) score = 0.48 - 0.1 * (best - 1);
      }
    }
  }
  return score * q.weight;
}

function compareNames(a: SourceRecord, b: SourceRecord): number {
  return displayName(a).localeCompare(displayName(b), 'en') || a.nameAr.localeCompare(b.nameAr, 'ar') || a.id.localeCompare(b.id);
}

function kindRank(source: SourceRecord): number {
  const i = SOURCE_KINDS.indexOf(source.kind);
  return i < 0 ? SOURCE_KINDS.length : i;
}

/**
 * The sources matching `query`, best first (ties by name), at most `limit` (default: all).
 * An empty or blank query lists every source by kind (in `SOURCE_KINDS` order), then name,
 * with score 1 and its canonical name as `alias`.
 */
export function searchRegistry(sources: readonly SourceRecord[], query: string, limit = Infinity): RegistryMatch[] {
  const max = Math.max(0, Math.floor(limit));
  const reads = readings(query);
  if (reads.length === 0) {
    return [...sources]
      .sort((a, b) => kindRank(a) - kindRank(b) || compareNames(a, b))
      .slice(0, max)
      .map((source) => ({ source, alias: source.nameAr || source.nameLatin, score: 1 }));
  }
  const found: RegistryMatch[] = [];
  for (const source of sources) {
    let best: RegistryMatch | undefined;
    for (const name of namesOf(source)) {
      for (const q of reads) {
        const score = Math.round(scoreName(name, q) * 1000) / 1000;
        if (score > 0 && (!best || score > best.score)) best = { source, alias: name.alias, score };
      }
    }
    if (best) found.push(best);
  }
  return found.sort((a, b) => b.score - a.score || compareNames(a.source, b.source)).slice(0, max);
}

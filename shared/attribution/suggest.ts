/**
 * Annotation suggestions for one article: every mention of a registry source (SOURCE) and
 * every attribution cue word (CUE), with a confidence and a human reason, plus candidate
 * attributions pairing each cue with the nearest plausible source in its sentence.
 *
 * The text is folded once (fold.ts: harakat, tatweel, hamza forms, ى/ي, ة/ه, case and
 * Latin diacritics), split into words once, and all names and cues are found in one pass
 * each through an index by first word (phrases.ts). A mention may carry clitics in front
 * (بنوفوستي، وقالت، لـرويترز); the suggested span leaves them out. Offsets are UTF-16 units
 * of the original text on grapheme boundaries (via `mapRangeToOriginal`, ranges.ts).
 */
import type { SourceRecord } from '../model/types';
import { english, phrase, type Phrase } from '../phrases/phrase';
import type { NormalisedText } from '../text/normalise';
import { mentionConfidence } from './confidence';
import { mentionContext, sentenceIds } from './context';
import { cueWords, type CueWord } from './cues';
import { originalRange } from './ranges';
import { foldForMatching } from './fold';
import { buildPhraseIndex, scanPhrases, type PhraseIndex, type PhraseMatch } from './phrases';
import { namesOf, sourceNamesParam, type SourceName } from './source-names';
import { tokenise, type Token } from './tokens';

/** One suggested span. */
export interface Suggestion {
  /** Deterministic: `${label}:${start}:${end}:${sourceId ?? ''}`. */
  id: string;
  label: 'SOURCE' | 'CUE';
  /** UTF-16 offsets into the original text, on grapheme boundaries, clitic prefixes left out. */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the original text. */
  text: string;
  /** The registry source (SOURCE suggestions only). */
  sourceId?: string;
  /** 0..1. */
  confidence: number;
  /** Why, in English: `alias “نوفوستي” of RIA Novosti (one word)`, `cue word “قالت”` (the CLI's words). */
  reason: string;
  /** The same reason as a phrase, for the interface to say in its language. */
  reasonPhrase: Phrase;
}

/** A cue with the nearest plausible source mention in the same sentence, if any. */
export interface AttributionCandidate {
  cue: Suggestion;
  source?: Suggestion;
  /** 0..1. */
  confidence: number;
}

/** Options of {@link suggestAnnotations}. */
export interface SuggestOptions {
  /** Cue words and phrases to use instead of the defaults (cues.ts). */
  cues?: readonly string[];
}

/** What {@link suggestAnnotations} returns. */
export interface SuggestResult {
  /** Sorted by start, then end, then label; no two of one label overlap. */
  suggestions: Suggestion[];
  /** One per CUE suggestion, in text order. */
  candidates: AttributionCandidate[];
}

/** Sources below this confidence are not paired with cues (a mountain is not a source). */
const PAIRING_FLOOR = 0.3;
/** How many words may stand between a cue and a source after it for a close pair. */
const CLOSE_AFTER = 2;
const NEAR_AFTER = 6;
/** Extra distance (in words) given to a source before its cue: Arabic puts the source after. */
const BEFORE_PENALTY = 3;

interface Placed {
  suggestion: Suggestion;
  firstToken: number;
  lastToken: number;
  sentence: number;
}

let defaultCueIndex: PhraseIndex<CueWord> | undefined;

function cueIndex(list: readonly string[] | undefined): PhraseIndex<CueWord> {
  const build = (): PhraseIndex<CueWord> => buildPhraseIndex(cueWords(list).map((cue) => ({ words: cue.normalised.split(' '), value: cue })));
  if (list) return build();
  return (defaultCueIndex ??= build());
}

function sourceIndex(sources: readonly SourceRecord[]): PhraseIndex<SourceName> {
  return buildPhraseIndex(sources.flatMap(namesOf).map((name) => ({ words: name.words, value: name })));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Places matches in the original text, dropping any that would overlap the previous one. */
function place<T>(n: NormalisedText, matches: readonly PhraseMatch<T>[], sentences: Int32Array, make: (m: PhraseMatch<T>, start: number, end: number, text: string) => Suggestion): Placed[] {
  const out: Placed[] = [];
  let lastEnd = 0;
  for (const m of matches) {
    const { start, end } = originalRange(n, m.start, m.end);
    if (start < lastEnd || end <= start) continue;
    lastEnd = end;
    out.push({ suggestion: make(m, start, end, n.original.slice(start, end)), firstToken: m.firstToken, lastToken: m.lastToken, sentence: sentences[m.firstToken]! });
  }
  return out;
}

function suggestionId(label: Suggestion['label'], start: number, end: number, sourceId?: string): string {
  return `${label}:${start}:${end}:${sourceId ?? ''}`;
}

/** A reason as the suggestion carries it: the phrase and its English. */
function explained(reasonPhrase: Phrase): { reason: string; reasonPhrase: Phrase } {
  return { reason: english(reasonPhrase), reasonPhrase };
}

/** The original words of a token, for reasons. */
function written(n: NormalisedText, token: Token): string {
  const { start, end } = originalRange(n, token.start, token.end);
  return n.original.slice(start, end);
}

/** Index of the first of `sorted` (by token) that starts after token `token`, or sorted.length. */
function firstAfter(sorted: readonly Placed[], token: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.firstToken > token) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The cue with the nearest plausible source among `sources` (the plausible mentions of its
 * sentence, in text order): the first one after the cue, unless the last one before it is
 * nearer by more than {@link BEFORE_PENALTY} words. Binary search: long sentences stay cheap.
 */
function pair(cue: Placed, sources: readonly Placed[]): AttributionCandidate {
  const i = firstAfter(sources, cue.lastToken);
  const after = sources[i];
  let before = sources[i - 1];
  if (before && before.lastToken >= cue.firstToken) before = undefined; // shares words with the cue
  const afterGap = after ? after.firstToken - cue.lastToken - 1 : Infinity;
  const beforeGap = before ? cue.firstToken - before.lastToken - 1 : Infinity;
  const cueConfidence = cue.suggestion.confidence;
  if (!after && !before) return { cue: cue.suggestion, confidence: round(cueConfidence * 0.4) };
  const useAfter = afterGap <= beforeGap + BEFORE_PENALTY;
  const chosen = (useAfter ? after : before)!;
  const factor = useAfter && afterGap <= CLOSE_AFTER ? 1 : useAfter && afterGap <= NEAR_AFTER ? 0.9 : 0.75;
  return { cue: cue.suggestion, source: chosen.suggestion, confidence: round(((cueConfidence + chosen.suggestion.confidence) / 2) * factor) };
}

/**
 * Suggestions for `text` from the registry `sources` and the cue words (default list, or
 * `options.cues`): SOURCE spans for every mention of a name or alias (longest match wins,
 * never overlapping), CUE spans for every cue word, and one candidate per cue. Confidence
 * rules are in confidence.ts; pairing prefers a source right after its cue ("قالت وكالة …",
 * "نقلت نوفوستي عن …", "بحسب رويترز") and only looks inside the cue's sentence.
 */
export function suggestAnnotations(text: string, sources: readonly SourceRecord[], options?: SuggestOptions): SuggestResult {
  const n = foldForMatching(text);
  const tokens = tokenise(n.text);
  const sentences = sentenceIds(n.text, tokens);

  const cues = place(n, scanPhrases(n.text, tokens, cueIndex(options?.cues)), sentences, (m, start, end, quote): Suggestion => ({
    id: suggestionId('CUE', start, end),
    label: 'CUE',
    start,
    end,
    text: quote,
    confidence: m.value.confidence,
    ...explained(phrase('suggest.cue', { word: quote })),
  }));
  const cueEnds = new Map(cues.map((c, i) => [c.lastToken, i]));

  const mentions = place(n, scanPhrases(n.text, tokens, sourceIndex(sources)), sentences, (m, start, end, quote) => {
    const name = m.value;
    const context = mentionContext(tokens, sentences, m.firstToken, m.lastToken, cueEnds);
    const agency = context.agencyWord;
    const cue = context.cue === undefined ? undefined : cues[context.cue];
    const agencyContext = agency
      ? phrase(agency.where === 'before' ? 'suggest.after' : 'suggest.followedBy', { word: written(n, tokens[agency.token]!) })
      : cue
        ? phrase('suggest.afterCue', { cue: cue.suggestion.text })
        : undefined;
    const { confidence, reasonPhrase } = mentionConfidence({
      alias: name.alias,
      isName: name.isName,
      words: name.words,
      written: quote,
      sourceName: sourceNamesParam(name.source),
      ambiguous: name.ambiguous,
      ...(name.source.note ? { note: name.source.note } : {}),
      ...(agencyContext ? { agencyContext } : {}),
      ...(context.otherWord !== undefined ? { otherContext: phrase('suggest.nextTo', { word: written(n, tokens[context.otherWord]!) }) } : {}),
    });
    return { id: suggestionId('SOURCE', start, end, name.source.id), label: 'SOURCE', start, end, text: quote, sourceId: name.source.id, confidence, ...explained(reasonPhrase) };
  });

  const suggestions = [...mentions, ...cues].map((p) => p.suggestion).sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  const bySentence = new Map<number, Placed[]>();
  for (const m of mentions) {
    if (m.suggestion.confidence < PAIRING_FLOOR) continue;
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const candidates = cues.map((cue) => pair(cue, bySentence.get(cue.sentence) ?? []));
  return { suggestions, candidates };
}

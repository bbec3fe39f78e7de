/**
 * How sure a source-mention suggestion is, and why, in words a researcher can check:
 * - a name listed as `ambiguous`: 0.35; 0.65 with agency context (وكالة or a cue right
 *   before, للأنباء after); 0.2 when a word around it shows it is something else
 *   (جبل قاسيون, نسور قاسيون), whatever else is near;
 * - a short Latin acronym of the registry (2–4 capitals: AP, AA, RIA, SANA): 0.75 (0.65 for
 *   two letters) when written in capitals, 0.3 otherwise ("Sana", "ap");
 * - an abbreviation of single letters: "أ ف ب" 0.75, "أ ب" 0.5;
 * - any other name of two or more words: 0.9; one word of at most 3 letters (تاس): 0.7;
 *   one longer word: 0.8;
 * - agency context adds 0.1 to the unambiguous ones (at most 0.95).
 */

import { phrase, type Phrase, type PhraseParam } from '../phrases/phrase';

/** Confidence of an ambiguous name without context. */
export const AMBIGUOUS_CONFIDENCE = 0.35;
/** Confidence of an ambiguous name with agency context. */
export const AMBIGUOUS_IN_CONTEXT_CONFIDENCE = 0.65;
/** Confidence of an ambiguous name with a word around it showing it is something else. */
export const AMBIGUOUS_OTHER_CONFIDENCE = 0.2;

/** What the confidence of a mention depends on. */
export interface MentionFacts {
  /** The registry name or alias that matched, as the registry writes it. */
  alias: string;
  /** True when it is the canonical Arabic or Latin name (not an alias). */
  isName: boolean;
  /** The matching-key words of the alias. */
  words: readonly string[];
  /** The mention as written in the text. */
  written: string;
  /** The source's Latin (else Arabic) name, for the reason. */
  sourceName: PhraseParam;
  ambiguous: boolean;
  /** The source's note, quoted in the reason of ambiguous mentions. */
  note?: string;
  /** Why this looks like an agency, e.g. `after “وكالة”` (`suggest.after`). */
  agencyContext?: Phrase;
  /** Why an ambiguous name looks like something else, e.g. `next to “جبل”` (`suggest.nextTo`). */
  otherContext?: Phrase;
}

const ACRONYM = /^[A-Z]{2,4}$/u;

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Base confidence and a description of an unambiguous mention. */
function unambiguousBase(facts: MentionFacts): { confidence: number; what: Phrase } {
  if (ACRONYM.test(facts.alias)) {
    const capitals = facts.written === facts.written.toUpperCase();
    if (!capitals) return { confidence: 0.3, what: phrase('suggest.what.acronymLower', { written: facts.written }) };
    return { confidence: facts.alias.length === 2 ? 0.65 : 0.75, what: phrase('suggest.what.acronym') };
  }
  if (facts.words.length > 1 && facts.words.every((w) => w.length === 1)) {
    return facts.words.length >= 3 ? { confidence: 0.75, what: phrase('suggest.what.letters') } : { confidence: 0.5, what: phrase('suggest.what.twoLetters') };
  }
  if (facts.words.length > 1) return { confidence: 0.9, what: phrase('suggest.what.words') };
  if ((facts.words[0] ?? '').length <= 3) return { confidence: 0.7, what: phrase('suggest.what.shortWord') };
  return { confidence: 0.8, what: phrase('suggest.what.word') };
}

/**
 * The confidence (0..1, two decimals) and the reason of a source-mention suggestion, as a
 * phrase: each interface says it in its own language (the name, the alias and the source's
 * note are data), the CLI in English.
 */
export function mentionConfidence(facts: MentionFacts): { confidence: number; reasonPhrase: Phrase } {
  const name = phrase(facts.isName ? 'suggest.name' : 'suggest.alias', { alias: facts.alias, source: facts.sourceName });
  if (facts.ambiguous) {
    const also = facts.note ?? phrase('suggest.mayBeOrdinary', { alias: facts.alias });
    if (facts.otherContext) return { confidence: AMBIGUOUS_OTHER_CONFIDENCE, reasonPhrase: phrase('suggest.ambiguousOther', { name, context: facts.otherContext, also }) };
    if (facts.agencyContext) return { confidence: AMBIGUOUS_IN_CONTEXT_CONFIDENCE, reasonPhrase: phrase('suggest.ambiguousInContext', { name, context: facts.agencyContext }) };
    return { confidence: AMBIGUOUS_CONFIDENCE, reasonPhrase: phrase('suggest.ambiguous', { name, also }) };
  }
  const base = unambiguousBase(facts);
  if (facts.agencyContext) return { confidence: round(Math.min(0.95, base.confidence + 0.1)), reasonPhrase: phrase('suggest.mentionInContext', { name, what: base.what, context: facts.agencyContext }) };
  return { confidence: base.confidence, reasonPhrase: phrase('suggest.mention', { name, what: base.what }) };
}

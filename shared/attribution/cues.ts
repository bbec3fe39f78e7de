/**
 * Attribution cue words: the verbs and phrases that introduce a reported claim (قال،
 * أعلنت، نقلت، بحسب …). Each is matched on the folded text (fold.ts) as a whole word,
 * possibly carrying clitics in front (وقال، فأعلنت، وبحسب), which the suggested span
 * leaves out. Words that are also common nouns (ذكر "male", نقل "transport", حسب) get a
 * lower confidence.
 */
import { matchKey } from './fold';

/** A cue word or phrase as written, its matching key and the confidence of a suggestion from it. */
export interface CueWord {
  text: string;
  /** `matchKey(text)`: folded, words joined by one space. */
  normalised: string;
  /** 0..1. */
  confidence: number;
}

/** Confidence of a cue that is unambiguously a reporting verb or phrase. */
export const CUE_CONFIDENCE = 0.7;
/** Confidence of a cue that is also a common noun or preposition. */
export const WEAK_CUE_CONFIDENCE = 0.55;

const STRONG = [
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'قوله', 'قولها',
  'أعلن', 'أعلنت', 'أكد', 'أكدت', 'أكّد', 'أفاد', 'أفادت',
  'ذكرت', 'ذكرته', 'أضاف', 'أضافت', 'بحسب',
  'وفقاً لـ', 'وفقا ل', 'وفقاً', 'وفق ما', 'نقلاً عن', 'نقلا عن',
  'نقلت', 'نقلته', 'نفى', 'نفت', 'أشار', 'أشارت', 'صرح', 'صرحت', 'صرّح',
  'زعم', 'زعمت', 'أوضح', 'أوضحت', 'أورد', 'أوردت', 'أوردته',
  'كشف', 'كشفت', 'أبلغ', 'أبلغت', 'بثته', 'نشرته', 'مضيفاً', 'مؤكداً',
];
const WEAK = ['نقل', 'ذكر', 'حسب', 'وفق'];

function cue(text: string, confidence: number): CueWord {
  return { text, normalised: matchKey(text), confidence };
}

/** Removes entries whose key repeats an earlier one (e.g. أكد and أكّد). */
function unique(cues: CueWord[]): CueWord[] {
  const seen = new Set<string>();
  return cues.filter((c) => c.normalised !== '' && !seen.has(c.normalised) && seen.add(c.normalised));
}

/** The default cue words with their keys; every key is distinct. */
export const DEFAULT_CUES: readonly CueWord[] = unique([...STRONG.map((t) => cue(t, CUE_CONFIDENCE)), ...WEAK.map((t) => cue(t, WEAK_CUE_CONFIDENCE))]);

/**
 * Cue words from plain strings (a user's list), all with {@link CUE_CONFIDENCE}; without
 * a list, {@link DEFAULT_CUES}. Empty strings and repeats are dropped.
 */
export function cueWords(list?: readonly string[]): readonly CueWord[] {
  return list ? unique(list.map((t) => cue(t, CUE_CONFIDENCE))) : DEFAULT_CUES;
}

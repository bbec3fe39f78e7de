/**
 * The words around a source mention that make it more or less likely to be a source:
 * sentences (for pairing cues with sources), agency context (وكالة before, للأنباء after,
 * a cue word right before) and counter-context for ambiguous names (جبل قاسيون, نسور قاسيون).
 * Everything works on the tokens of the folded text (fold.ts, tokens.ts).
 */
import { cliticStems, type Token } from './tokens';

/** Sentence-ending characters: . ! ? ؟ ؛ and line breaks. */
const SENTENCE_END = /[!?\u061f\u061b\n\r\u2028\u2029]/u;

/**
 * The sentence number of every token. A sentence ends at ! ? ؟ ؛ or a line break, and at a
 * full stop unless the stop stands alone between two words ("6.5", "أ.ف.ب").
 */
export function sentenceIds(folded: string, tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 1; i < tokens.length; i++) {
    const gap = folded.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (SENTENCE_END.test(gap) || (gap.includes('.') && gap !== '.')) id++;
    ids[i] = id;
  }
  return ids;
}

/** Words (folded) that mark an agency or outlet just before a name: وكالة رويترز، مراسل فرانس برس. */
const AGENCY_BEFORE: ReadonlySet<string> = new Set(['وكاله', 'وكالات', 'الوكاله', 'قناه', 'صحيفه', 'موقع', 'شبكه', 'مراسل', 'مراسله', 'مراسلو', 'agency', 'agence', 'channel', 'newspaper']);
/** Words (folded) that mark an agency right after a name: قاسيون للأنباء. */
const AGENCY_AFTER: ReadonlySet<string> = new Set(['للانباء', 'الاخباريه', 'الاخباري', 'news', 'agency']);
/** Words (folded) before an ambiguous name that show it is not the source: جبل قاسيون، نسور قاسيون، شبه الجزيرة. */
const OTHER_BEFORE: ReadonlySet<string> = new Set(['جبل', 'جبال', 'سفح', 'سفوح', 'قمه', 'منحدرات', 'نسور', 'منتخب', 'فريق', 'لاعبو', 'لاعبي', 'شبه', 'mount', 'mountain', 'eagles']);
/** Words (folded) after an ambiguous name that show it is not the source: الجزيرة العربية. */
const OTHER_AFTER: ReadonlySet<string> = new Set(['العربيه', 'الكوريه', 'الايبيريه']);
/** Short words that may stand between a cue and its source: نقلت عن …، قال لـ …. */
const LINKS: ReadonlySet<string> = new Set(['عن', 'ل']);

/** What the surroundings say about a mention; token indices of the words that say it. */
export interface MentionContext {
  /** A word before or after that marks an agency (token index), e.g. وكالة or للأنباء. */
  agencyWord?: { token: number; where: 'before' | 'after' };
  /** The cue match right before the mention (index into the cue list). */
  cue?: number;
  /** A word right before or after that shows an ambiguous name is something else (token index). */
  otherWord?: number;
}

function hasStemIn(token: Token, set: ReadonlySet<string>): boolean {
  return cliticStems(token.text).some((s) => set.has(s.stem));
}

/**
 * The context of a mention covering tokens [first, last]: looks at two words before and
 * one after, in the same sentence. `cueEnds` maps a cue's last token to its index.
 */
export function mentionContext(tokens: readonly Token[], sentences: Int32Array, first: number, last: number, cueEnds: ReadonlyMap<number, number>): MentionContext {
  const context: MentionContext = {};
  const same = (i: number): boolean => i >= 0 && i < tokens.length && sentences[i] === sentences[first];
  if (same(first - 1) && hasStemIn(tokens[first - 1]!, OTHER_BEFORE)) context.otherWord = first - 1;
  else if (same(last + 1) && OTHER_AFTER.has(tokens[last + 1]!.text)) context.otherWord = last + 1;
  for (const i of [first - 1, first - 2]) {
    if (same(i) && hasStemIn(tokens[i]!, AGENCY_BEFORE)) {
      context.agencyWord = { token: i, where: 'before' };
      break;
    }
  }
  if (!context.agencyWord && same(last + 1) && AGENCY_AFTER.has(tokens[last + 1]!.text)) context.agencyWord = { token: last + 1, where: 'after' };
  const direct = cueEnds.get(first - 1);
  if (direct !== undefined && same(first - 1)) context.cue = direct;
  else if (same(first - 1) && LINKS.has(tokens[first - 1]!.text)) {
    const linked = cueEnds.get(first - 2);
    if (linked !== undefined && same(first - 2)) context.cue = linked;
  }
  return context;
}

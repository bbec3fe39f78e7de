/**
 * Arabic prefix clitics inside one word, so that a researcher can mark روسيا inside
 * وروسيا or المعارضة inside والمعارضة.
 */
import { LAM, isCombiningMark } from './chars';
import type { WordSegment } from './wordSegments';

const CONJUNCTIONS = new Set(['\u0648', '\u0641']); // و ف
const PREPOSITIONS = new Set(['\u0628', '\u0643']); // ب ك (ل is handled apart: لل)
const ARTICLE_ALEF = new Set(['\u0627', '\u0671']); // ا ٱ
const TATWEEL = '\u0640';
const LETTER = /^\p{L}$/u;
/** A decimal digit of any script: Western, Arabic-Indic (٠–٩), Eastern Arabic-Indic (۰–۹). */
const DIGIT = /^\p{Nd}$/u;

/** Index just after the letter at `i` and any combining marks (harakat) it carries. */
function afterLetter(text: string, i: number, end: number): number {
  let pos = i + 1;
  while (pos < end && isCombiningMark(text[pos])) pos++;
  return pos;
}

/** True when [from, end) still holds at least two letters (tatweel does not count). */
function stemKeepsTwoLetters(text: string, from: number, end: number): boolean {
  let letters = 0;
  for (let i = from; i < end && letters < 2; i++) {
    const ch = text[i]!;
    if (ch !== TATWEEL && LETTER.test(ch)) letters++;
  }
  return letters >= 2;
}

/**
 * True when what follows a prefix clitic at `from` can stand alone: a stem of at least two
 * letters, or a number, bare or behind another clitic ("و٣٥", "ب50", "وب٥٠"), which a
 * researcher marks without its conjunction.
 */
function stemFollows(text: string, from: number, end: number): boolean {
  if (stemKeepsTwoLetters(text, from, end)) return true;
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (DIGIT.test(ch)) return true;
    if (ch !== TATWEEL && !isCombiningMark(ch) && !CONJUNCTIONS.has(ch) && !PREPOSITIONS.has(ch) && ch !== LAM) return false;
  }
  return false;
}

/**
 * Offsets (absolute, inside [word.start, word.end)) after Arabic prefix clitics, in
 * order: conjunction و/ف, then preposition ب/ك/ل, then the article ال (ٱل); li + al
 * written لل gives one boundary after لل. A boundary is offered only when the remaining
 * stem keeps at least 2 letters or is a number (after و/ف, ب/ك/ل: "و٣٥" → [start+1]; the
 * article comes before digits only written with tatweel, "الـ٣٥"), and it falls after the
 * clitic's harakat (and the article's tatweel). These are
 * candidates, not an analysis: "وزير" → [start+1] is possible. A candidate can sit
 * inside a lam-alef ligature (للأمم → [start+2]); span edges must not, so
 * {@link snapSelection} skips such candidates.
 *
 * "وروسيا" → [start+1]; "والمعارضة" → [start+1, start+3]; "بالصواريخ" → [start+1, start+3];
 * "للأمم" → [start+2]; "والـ٣٥" → [start+1, start+4].
 */
export function cliticBoundaries(text: string, word: WordSegment): number[] {
  const out: number[] = [];
  const end = Math.min(word.end, text.length);
  let i = word.start;
  const at = (pos: number, set: ReadonlySet<string>): boolean => pos < end && set.has(text[pos]!);

  if (at(i, CONJUNCTIONS)) {
    const next = afterLetter(text, i, end);
    if (!stemFollows(text, next, end)) return out;
    out.push(next);
    i = next;
  }

  if (i < end && text[i] === LAM) {
    const afterLi = afterLetter(text, i, end);
    if (afterLi < end && text[afterLi] === LAM) {
      // لل: li + the article whose alef is not written.
      const afterAl = afterLetter(text, afterLi, end);
      if (stemKeepsTwoLetters(text, afterAl, end)) out.push(afterAl);
      return out;
    }
    if (stemFollows(text, afterLi, end)) out.push(afterLi);
    return out;
  }

  if (at(i, PREPOSITIONS)) {
    const next = afterLetter(text, i, end);
    if (!stemFollows(text, next, end)) return out;
    out.push(next);
    i = next;
  }

  if (at(i, ARTICLE_ALEF)) {
    const lam = afterLetter(text, i, end);
    if (lam < end && text[lam] === LAM) {
      const afterLam = afterLetter(text, lam, end);
      // The article written with tatweel ("الـ٣٥", "الـمعارضة") ends after it: before a number too.
      let stem = afterLam;
      while (stem < end && text[stem] === TATWEEL) stem++;
      if (stemKeepsTwoLetters(text, stem, end) || (stem > afterLam && stem < end && DIGIT.test(text[stem]!))) out.push(stem);
    }
  }
  return out;
}

/**
 * Paragraphs repeated inside one article. Scrapers often duplicate an article's body, so
 * the same paragraphs appear twice; these functions find such repeats and, on request,
 * remove the later copies. Paragraphs are those of `splitParagraphs` (`paragraphRanges`); two paragraphs are
 * the same when their search-normalised forms (normaliseQuery, see normalise.ts) agree
 * after whitespace is collapsed and trimmed, so a copy that differs only in harakat,
 * tatweel, alef forms, digits or spacing still counts as a repeat.
 */
import { normaliseQuery } from './normalise';
import { isBlankUnit } from './chars';
import { paragraphRanges, type ParagraphRange } from './paragraphs';

/** A paragraph that occurs more than once. */
export interface RepeatedParagraph {
  /** The original text of its first occurrence (the whole line, untrimmed). */
  text: string;
  /** Paragraph indices (0-based, over splitParagraphs order) of every occurrence */
  occurrences: number[];
}

/**
 * Normalised paragraphs shorter than this many characters are never reported: short
 * lines such as "اقرأ أيضا" or a dateline legitimately recur and are not duplicated bodies.
 */
export const MIN_REPEATED_PARAGRAPH_LENGTH = 20;

/** The comparison key of a paragraph: normalised, whitespace collapsed and trimmed. */
function paragraphKey(line: string): string {
  return normaliseQuery(line).replace(/\s+/gu, ' ').trim();
}

/**
 * Letters and digits are never removed by search normalisation and map one to one, so two
 * paragraphs with equal normalised keys have equal counts of them. Counting is far cheaper
 * than normalising; only paragraphs whose count another paragraph shares are normalised.
 * (ی U+06CC and ک U+06A9 are counted too, because normalisation maps them onto ي and ك.)
 * One entry per BMP unit: 1 for the units counted.
 */
const COUNTED = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x0621, 0x063a],
  [0x0641, 0x064a],
  [0x0660, 0x0669],
  [0x06f0, 0x06f9],
  [0x06cc, 0x06cc],
  [0x06a9, 0x06a9],
  [0x0671, 0x0671],
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
] as const) {
  COUNTED.fill(1, from, to + 1);
}

function letterDigitCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += 1) n += COUNTED[text.charCodeAt(i)]!;
  return n;
}

/** The paragraphs of `text` (as `paragraphRanges` finds them) with the letter-and-digit count of each. */
interface CountedParagraphs {
  paragraphs: ParagraphRange[];
  counts: number[];
}

/**
 * {@link CountedParagraphs} of `text`. A text without CR (every decoded file: decoding
 * makes line endings \n) is read in one pass: lines are found by the engine's own search
 * for \n, and each line's units are counted and checked for a visible one together
 * (counting and finding paragraphs were two passes over every unit, a sixth of
 * preparing a file). Other texts take `paragraphRanges` and count each paragraph.
 */
function countedParagraphs(text: string): CountedParagraphs {
  if (text.includes('\r')) {
    const paragraphs = paragraphRanges(text);
    return { paragraphs, counts: paragraphs.map((p) => letterDigitCount(text, p.start, p.end)) };
  }
  const paragraphs: ParagraphRange[] = [];
  const counts: number[] = [];
  const n = text.length;
  for (let start = 0; start <= n; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let count = 0;
    let i = start;
    // Blank units before the first visible one (a line of only blanks is no paragraph) …
    while (i < end && isBlankUnit(text.charCodeAt(i))) i += 1;
    if (i < end) {
      // … then only counting.
      for (; i < end; i += 1) count += COUNTED[text.charCodeAt(i)]!;
      paragraphs.push({ index: paragraphs.length, start, end });
      counts.push(count);
    }
    start = end + 1;
  }
  return { paragraphs, counts };
}

function repeatsOf(text: string, { paragraphs, counts }: CountedParagraphs): RepeatedParagraph[] {
  const byKey = new Map<string, RepeatedParagraph>();
  const seenCounts = new Map<number, number>();
  for (const c of counts) seenCounts.set(c, (seenCounts.get(c) ?? 0) + 1);
  for (const p of paragraphs) {
    if (seenCounts.get(counts[p.index]!)! < 2) continue;
    const line = text.slice(p.start, p.end);
    const key = paragraphKey(line);
    if (key.length < MIN_REPEATED_PARAGRAPH_LENGTH) continue;
    const seen = byKey.get(key);
    if (seen) seen.occurrences.push(p.index);
    else byKey.set(key, { text: line, occurrences: [p.index] });
  }
  // Map order is the order of first occurrence.
  return [...byKey.values()].filter((r) => r.occurrences.length > 1);
}

/**
 * Every paragraph of `text` that occurs more than once (compared as described in the
 * module comment; paragraphs under {@link MIN_REPEATED_PARAGRAPH_LENGTH} normalised
 * characters are ignored), ordered by first occurrence.
 */
export function findRepeatedParagraphs(text: string): RepeatedParagraph[] {
  return repeatsOf(text, countedParagraphs(text));
}

/**
 * `text` with every later occurrence of a repeated paragraph removed; the first
 * occurrence stays. A removed paragraph is taken out together with the line break(s)
 * that separate it from the paragraph before it, so nothing else changes: kept lines are
 * byte-identical, and a trailing line break (or its absence) is preserved.
 * `removed` counts removed paragraphs, `kept` the paragraphs left.
 */
export function collapseRepeatedParagraphs(text: string): { text: string; removed: number; /** paragraphs kept, in order */ kept: number } {
  const counted = countedParagraphs(text);
  const { paragraphs } = counted;
  const drop = new Set<number>();
  for (const r of repeatsOf(text, counted)) for (const i of r.occurrences.slice(1)) drop.add(i);
  if (drop.size === 0) return { text, removed: 0, kept: paragraphs.length };
  let out = '';
  let from = 0;
  for (const p of paragraphs) {
    if (!drop.has(p.index)) continue;
    // A later occurrence always has a paragraph before it: cut from that one's end.
    const cutStart = paragraphs[p.index - 1]!.end;
    if (cutStart > from) out += text.slice(from, cutStart);
    from = p.end;
  }
  out += text.slice(from);
  return { text: out, removed: drop.size, kept: paragraphs.length - drop.size };
}

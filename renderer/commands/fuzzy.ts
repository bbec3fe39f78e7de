/**
 * Fuzzy matching for the command palette: the query's characters must appear in the text in
 * order (case-insensitive); matches at word starts, in runs, and early score higher. So
 * "nxt doc" finds "Open the next document" and "undo" puts "Undo" first.
 */

const WORD_START_BONUS = 8;
const RUN_BONUS = 5;
const FIRST_CHAR_BONUS = 10;

function isWordStart(text: string, i: number): boolean {
  return i === 0 || /[\s\-–—(/.:,]/.test(text[i - 1]!);
}

/**
 * How well `query` matches `text`, or null when it does not (spaces in the query are
 * ignored). Higher is better; an empty query matches everything with 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    // Prefer the next occurrence at a word start; otherwise the next occurrence at all.
    let at = -1;
    for (let i = t.indexOf(ch, from); i >= 0; i = t.indexOf(ch, i + 1)) {
      if (i === previous + 1 || isWordStart(t, i)) {
        at = i;
        break;
      }
      if (at < 0) at = i;
    }
    if (at < 0) return null;
    score += 1;
    if (at === previous + 1) score += RUN_BONUS;
    if (isWordStart(t, at)) score += WORD_START_BONUS;
    if (at === 0) score += FIRST_CHAR_BONUS;
    score -= Math.min(at - from, 10) * 0.1;
    previous = at;
    from = at + 1;
  }
  return score - t.length * 0.01;
}

/** The items matching `query`, best first (ties keep their order). */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, textOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}

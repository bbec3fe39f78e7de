/**
 * `mapRangeToOriginal` with a fast path: when both edges of the mapped range fall between
 * two "plain" characters (ASCII, Arabic letters and digits, Arabic comma and question
 * mark), they are grapheme boundaries already and nothing needs widening, so the
 * grapheme segmenter is skipped. Every other case — harakat or tatweel at an edge, a
 * lam–alef pair, anything else — goes through `mapRangeToOriginal` itself, so the result
 * is always the same as its result.
 */
import { mapRangeToOriginal, type NormalisedText } from '../text/normalise';

const LAM = 0x0644;

/** True for characters that never join a neighbour into one grapheme cluster. */
function plain(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0x0621 && code <= 0x063a) ||
    (code >= 0x0641 && code <= 0x064a) ||
    (code >= 0x0660 && code <= 0x0669) ||
    code === 0x060c ||
    code === 0x061f
  );
}

/** Alef forms that make the lam–alef ligature with a lam before them: ا أ إ آ ٱ. */
function alef(code: number): boolean {
  return code === 0x0627 || code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671;
}

/** True when `at` is certainly a grapheme boundary of `text` (a cheap, partial test). */
function surelyBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return plain(before) && plain(after) && !(before === LAM && alef(after));
}

/** The same as `mapRangeToOriginal(n, start, end)` for a non-empty range of `n.text`, faster on plain text. */
export function originalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (start >= 0 && end > start && end <= n.text.length) {
    const from = n.toOriginal[start]!;
    const to = n.toOriginal[end - 1]! + 1;
    // Nothing was removed right after the last letter, and both edges are plain.
    if (to === n.toOriginal[end]! || plain(n.original.charCodeAt(to))) {
      if (surelyBoundary(n.original, from) && surelyBoundary(n.original, to)) return { start: from, end: to };
    }
  }
  return mapRangeToOriginal(n, start, end);
}

/**
 * Reference implementations for the windowed segmentation: segment the WHOLE text in one
 * go, so that the library's local windows can be compared with them.
 */

const LAM_CLUSTER = /^\u0644\p{Mn}*$/u;
const ALEF_FORMS = new Set(['\u0627', '\u0623', '\u0625', '\u0622', '\u0671']);

/** Every grapheme boundary of `text` (0 and length included), lam-alef rule applied. */
export function referenceGraphemeBoundaries(text: string): number[] {
  const out = [0];
  let previous = '';
  for (const seg of new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(text)) {
    if (seg.index > 0 && !(LAM_CLUSTER.test(previous) && ALEF_FORMS.has(text[seg.index]!))) out.push(seg.index);
    previous = seg.segment;
  }
  if (text.length > 0) out.push(text.length);
  return out;
}

/** Every word segment of `text`, segmenting the whole text at once. */
export function referenceWordSegments(text: string): { start: number; end: number; isWord: boolean }[] {
  return [...new Intl.Segmenter('ar', { granularity: 'word' }).segment(text)].map((s) => ({
    start: s.index,
    end: s.index + s.segment.length,
    isWord: s.isWordLike === true,
  }));
}

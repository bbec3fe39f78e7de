/**
 * Text questions of brat standoff: a span that crosses a line break is written as fragments
 * (brat's own way, since a .ann line cannot hold a line break), and a .txt with CRLF — brat
 * counts the CR as a character (FORMAT_SPECS.md §1 (c)) — is read with its offsets mapped
 * onto the text with "\n" line endings.
 */

const LINE_BREAK_RUN = /[\r\n\u2028\u2029]+/gu;

/** The pieces `[start, end)` (UTF-16) of a span between its line breaks; blank pieces are left out. */
export function fragmentsOf(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(LINE_BREAK_RUN)) {
    const at = start + m.index;
    if (text.slice(from, at).trim() !== '') out.push([from, at]);
    from = at + m[0].length;
  }
  if (text.slice(from, end).trim() !== '' || out.length === 0) out.push([from, end]);
  return out;
}

/** True when the text between two fragments is whitespace holding a line break (they form one span). */
export function joinsAcrossLineBreak(text: string, end: number, nextStart: number): boolean {
  const gap = text.slice(end, nextStart);
  return nextStart >= end && /^\s*$/u.test(gap) && /[\r\n\u2028\u2029]/u.test(gap);
}

/** A .txt as brat counts it (CR kept) and as Isnad stores it (CRLF made "\n"), with the offset map. */
export interface CrlfText {
  /** The text with CRLF made "\n" (a lone CR too). */
  text: string;
  /** Maps a UTF-16 offset of the raw text to the stored text; null between a CR and its LF. */
  map(offset: number): number | null;
  /** How many CRLF pairs there were. */
  crlf: number;
}

/** Reads raw .txt contents (BOM already removed). */
export function normaliseLineEndings(raw: string): CrlfText {
  const crs: number[] = [];
  for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) crs.push(i);
  const text = raw.replace(/\r\n?/gu, '\n');
  return {
    text,
    crlf: crs.length,
    map(offset) {
      let lo = 0;
      let hi = crs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (crs[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      // `lo` CRs sit before `offset`; one at offset - 1 means the offset splits CR from LF.
      if (lo > 0 && crs[lo - 1] === offset - 1) return null;
      return offset - lo;
    },
  };
}

/**
 * The line around an offset, found by scanning for line breaks nearby only, so caret
 * movement by sentence or paragraph never splits a whole article.
 */

/** A line [start, end) without its line break. */
export interface LineRange {
  start: number;
  end: number;
}

function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * The line holding `offset` (clamped). An offset at a line break belongs to the line the
 * break ends; "\r\n" counts as one break.
 */
export function lineAt(text: string, offset: number): LineRange {
  const at = Math.min(Math.max(offset, 0), text.length);
  let start = at;
  while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The start of the line after the line ending at `lineEnd`, or null at the end of the text. */
export function nextLineStart(text: string, lineEnd: number): number | null {
  if (lineEnd >= text.length) return null;
  return text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
}

/** The end of the line before the line starting at `lineStart`, or null at the start of the text. */
export function previousLineEnd(text: string, lineStart: number): number | null {
  if (lineStart <= 0) return null;
  return text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : lineStart - 1;
}

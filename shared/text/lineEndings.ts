/**
 * Line endings: what a file used, and turning every ending into \n.
 */

/** The line endings a file had: one kind, several kinds ('mixed'), or no line break at all. */
export type LineEndingStyle = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** Which line endings `text` uses (CRLF counts as one ending, not as CR plus LF). */
export function detectLineEndings(text: string): LineEndingStyle {
  // Most files have no CR at all: the engine's own search answers without a loop.
  if (!text.includes('\r')) return text.includes('\n') ? 'lf' : 'none';
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) lf++;
    else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    }
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
}

/** Turns CRLF and lone CR into \n and changes nothing else. */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

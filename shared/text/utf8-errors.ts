/**
 * Where bytes stop being UTF-8: the first invalid byte of a file that is otherwise UTF-8
 * (a stray byte, a character cut short at the end), so a refusal can say where to look
 * instead of only that the file is “not UTF-8”.
 */

/** The first place bytes are not UTF-8, and how much of them is. */
export interface Utf8Errors {
  /** Byte offset (from 0) of the first byte that is not part of a UTF-8 character. */
  offset: number;
  /** The line (from 1) that byte is on: LF, CRLF and a lone CR each end a line. */
  line: number;
  /** The bytes of the first bad sequence (one byte, or a character's incomplete start). */
  bytes: readonly number[];
  /** True when the first bad sequence is a character's start cut off by the end of the bytes. */
  truncated: boolean;
  /** How many bad sequences there are (each counted as the WHATWG decoder does: one per maximal invalid subpart). */
  errors: number;
  /** How many valid characters of two or more bytes there are. */
  multibyte: number;
}

/** The continuation byte range a lead byte's second byte must fall in (WHATWG UTF-8 decoder), and how many continuation bytes follow. */
function leadRule(lead: number): { need: number; lower: number; upper: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { need: 1, lower: 0x80, upper: 0xbf };
  if (lead === 0xe0) return { need: 2, lower: 0xa0, upper: 0xbf };
  if (lead === 0xed) return { need: 2, lower: 0x80, upper: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { need: 2, lower: 0x80, upper: 0xbf };
  if (lead === 0xf0) return { need: 3, lower: 0x90, upper: 0xbf };
  if (lead === 0xf4) return { need: 3, lower: 0x80, upper: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { need: 3, lower: 0x80, upper: 0xbf };
  return undefined;
}

/** The line (from 1) of byte `offset`: one more than the line breaks before it (CRLF counts once). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Scans `bytes` as UTF-8 (the WHATWG decoder's rules: no overlong forms, no surrogates,
 * nothing above U+10FFFF). Undefined when they are all valid UTF-8; otherwise where the
 * first invalid byte is, and how many valid multi-byte characters and invalid sequences
 * there are (to tell a damaged UTF-8 file from one in another encoding).
 */
export function findUtf8Errors(bytes: Uint8Array): Utf8Errors | undefined {
  let first: { offset: number; length: number; truncated: boolean } | undefined;
  let errors = 0;
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const rule = leadRule(lead);
    let length = 1;
    let valid = false;
    if (rule) {
      let lower = rule.lower;
      let upper = rule.upper;
      while (length <= rule.need) {
        const next = bytes[i + length];
        if (next === undefined || next < lower || next > upper) break;
        length++;
        lower = 0x80;
        upper = 0xbf;
      }
      valid = length === rule.need + 1;
    }
    if (valid) {
      multibyte++;
    } else {
      errors++;
      first ??= { offset: i, length, truncated: rule !== undefined && i + length === bytes.length };
    }
    i += length;
  }
  if (!first) return undefined;
  return {
    offset: first.offset,
    line: lineAt(bytes, first.offset),
    bytes: Array.from(bytes.subarray(first.offset, first.offset + first.length)),
    truncated: first.truncated,
    errors,
    multibyte,
  };
}

/**
 * Whether bytes with these errors are UTF-8 that was damaged rather than text in another
 * encoding: they hold valid multi-byte characters and at most one bad sequence for every
 * ten of them (at least one allowed). A legacy Arabic code page's letters are almost never
 * valid UTF-8 sequences, so such a file has many errors and few or no valid characters.
 */
export function isNearlyUtf8(found: Utf8Errors): boolean {
  return found.multibyte > 0 && found.errors <= Math.max(1, Math.floor(found.multibyte / 10));
}

/** A byte as users read it in a hex editor: 0xFF. */
export function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

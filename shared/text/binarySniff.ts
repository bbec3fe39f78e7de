/**
 * Recognising files that are not text: known file signatures, NUL bytes and control
 * characters.
 */

interface Signature {
  bytes: readonly number[];
  /** What the file looks like, for messages: 'looksLike.png' ("a PNG image"). */
  kind: PhraseCode;
}

import type { PhraseCode } from '../phrases/phrase';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'looksLike.png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'looksLike.jpeg' },
  { bytes: ascii('GIF87a'), kind: 'looksLike.gif' },
  { bytes: ascii('GIF89a'), kind: 'looksLike.gif' },
  { bytes: ascii('%PDF-'), kind: 'looksLike.pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'looksLike.zip' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'looksLike.emptyZip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'looksLike.oleOffice' },
  { bytes: [0x1f, 0x8b], kind: 'looksLike.gzip' },
  { bytes: ascii('Rar!'), kind: 'looksLike.rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'looksLike.7zip' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'looksLike.elf' },
  { bytes: ascii('SQLite format 3'), kind: 'looksLike.sqlite' },
  { bytes: ascii('{\\rtf'), kind: 'looksLike.rtf' },
];

/**
 * What kind of non-text file `bytes` starts like ('looksLike.png': "a PNG image"), or null
 * when no known signature matches. Signatures are only checked at the start of the file.
 */
export function sniffSignature(bytes: Uint8Array): PhraseCode | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) return sig.kind;
  }
  return null;
}

/** Share of control characters above which data counts as binary. */
export const CONTROL_SHARE_LIMIT = 0.02;

/** True when `code` is a C0 control other than tab, line feed, form feed and carriage return. */
export function isDisallowedControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
}

/** Counts of NULs and of other disallowed control bytes (see {@link isDisallowedControl}). */
export interface ControlCounts {
  nul: number;
  controls: number;
}

/** Counts NUL bytes and other control bytes in single-byte or UTF-8 data. */
export function countControlBytes(bytes: Uint8Array): ControlCounts {
  let nul = 0;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) continue; // almost every byte: one comparison
    if (b === 0) nul++;
    else if (isDisallowedControl(b)) controls++;
  }
  return { nul, controls };
}

/** The characters {@link countControlChars} counts: U+0000 and the disallowed C0 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\0-\x08\x0b\x0e-\x1f]/;

/**
 * Counts U+0000 and other C0 control characters in decoded text. Text without any (nearly
 * all) is answered by the engine's own search. In text decoded from valid UTF-8 the counts
 * are those of {@link countControlBytes} over its bytes: bytes under 0x20 never occur inside a
 * multi-byte sequence, so each is a character of its own.
 */
export function countControlChars(text: string): ControlCounts {
  if (!CONTROL_CHAR.test(text)) return { nul: 0, controls: 0 };
  let nul = 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (isDisallowedControl(c)) controls++;
  }
  return { nul, controls };
}

/** True when the counts over `length` units say "binary": any NUL, or too many controls. */
export function looksBinary(counts: ControlCounts, length: number): boolean {
  return counts.nul > 0 || (length > 0 && counts.controls / length > CONTROL_SHARE_LIMIT);
}

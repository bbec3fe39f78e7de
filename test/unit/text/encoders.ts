/**
 * Byte builders for decoding tests. The single-byte tables are made by decoding all 256
 * bytes with the platform's own WHATWG decoder, then inverting the mapping.
 */

function singleByteTable(label: string): Map<string, number> {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, b);
  }
  return table;
}

const tables = new Map<string, Map<string, number>>();

/** Encodes `text` in a single-byte code page such as windows-1256 or iso-8859-6; throws on an unmappable character. */
export function encodeSingleByte(text: string, label: 'windows-1256' | 'iso-8859-6' | 'windows-1252'): Uint8Array {
  let table = tables.get(label);
  if (!table) {
    table = singleByteTable(label);
    tables.set(label, table);
  }
  return Uint8Array.from(Array.from(text, (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${label} cannot encode U+${ch.codePointAt(0)!.toString(16)}`);
    return b;
  }));
}

/** Encodes `text` as UTF-16 code units in the given byte order, optionally with a BOM. */
export function encodeUtf16(text: string, order: 'le' | 'be', withBom: boolean): Uint8Array {
  const units = (withBom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    const hi = u >> 8;
    const lo = u & 0xff;
    out[2 * i] = order === 'le' ? lo : hi;
    out[2 * i + 1] = order === 'le' ? hi : lo;
  }
  return out;
}

/** UTF-8 bytes of `text`, optionally after a UTF-8 BOM. */
export function encodeUtf8(text: string, withBom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!withBom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes (xorshift32), so failures are reproducible. */
export function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

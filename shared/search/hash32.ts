/**
 * Small, fast, non-cryptographic 32-bit hashing in plain 32-bit integer arithmetic
 * (Math.imul, >>>): FNV-1a over UTF-16 units, the MurmurHash3 finaliser, and a seeded
 * pseudo-random generator. Deterministic on every JavaScript engine.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of the UTF-16 units of `text` in [start, end), as an unsigned 32-bit integer. */
export function fnv1a32(text: string, start = 0, end = text.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** The MurmurHash3 32-bit finaliser: spreads every input bit over every output bit. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded generator of unsigned 32-bit integers (SplitMix32: a Weyl sequence through a
 * mixing function). The same seed always gives the same sequence.
 */
export function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

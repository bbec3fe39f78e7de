/**
 * MinHash signatures of texts (over word shingles, see shingles.ts) and Jaccard
 * similarity, estimated from signatures or computed exactly.
 *
 * Hashing: each shingle is first hashed to 32 bits (FNV-1a per word, words combined in
 * order, MurmurHash3 finaliser). The k "permutations" are the universal family
 * h_k(x) = (a_k·x + b_k) mod 2^32 with a_k odd — a bijection of the 32-bit integers —
 * computed with Math.imul and unsigned 32-bit arithmetic, which is much faster in
 * JavaScript than a prime modulus above 2^32 (that would need BigInt or 16-bit limbs).
 * a_k and b_k come from a SplitMix32 generator seeded with `seed`, so a signature is
 * deterministic for a seed. Signatures are stored with documents: changing the seed,
 * the hash functions or the default options makes stored signatures incomparable.
 */
import { splitMix32 } from './hash32';
import { shingleHashes } from './shingles';

/** Options of near-duplicate detection. Only documents signed with the same shingleSize, numHashes and seed can be compared. */
export interface NearDuplicateOptions {
  /** Words per shingle. Default 3. */
  shingleSize?: number;
  /** Signature length (number of hash functions). Default 128. */
  numHashes?: number;
  /** LSH bands; rows per band = floor(numHashes / bands). Default 32. */
  bands?: number;
  /** Least Jaccard similarity (0..1) for two documents to be near-duplicates. Default 0.5. */
  threshold?: number;
  /** Seed of the hash functions. Default 0x15AD. */
  seed?: number;
}

/** A MinHash signature: for each hash function, the least hash over the text's shingles. */
export type MinHashSignature = Uint32Array;

/** The signature value of a text without shingles (every position). */
export const EMPTY_SLOT = 0xffffffff;

/** Defaults of {@link NearDuplicateOptions}. */
export const NEAR_DUPLICATE_DEFAULTS: Readonly<Required<NearDuplicateOptions>> = Object.freeze({
  shingleSize: 3,
  numHashes: 128,
  bands: 32,
  threshold: 0.5,
  seed: 0x15ad,
});

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Options with defaults filled in and checked; throws RangeError on invalid values. */
export function resolveNearDuplicateOptions(options: NearDuplicateOptions = {}): Required<NearDuplicateOptions> {
  const o = { ...NEAR_DUPLICATE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  positiveInteger('shingleSize', o.shingleSize);
  positiveInteger('numHashes', o.numHashes);
  positiveInteger('bands', o.bands);
  if (o.bands > o.numHashes) throw new RangeError(`bands (${o.bands}) must not exceed numHashes (${o.numHashes})`);
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new RangeError(`threshold must lie in [0, 1], got ${o.threshold}`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`seed must be a finite number, got ${o.seed}`);
  return o;
}

const SIGN_BIT = -0x80000000;

const coefficientCache = new Map<string, { a: Int32Array; b: Int32Array }>();

/** The coefficients a_k (odd) and b_k of the hash family for a seed. */
function coefficients(numHashes: number, seed: number): { a: Int32Array; b: Int32Array } {
  const key = `${numHashes}:${seed}`;
  let c = coefficientCache.get(key);
  if (!c) {
    const next = splitMix32(seed);
    const a = new Int32Array(numHashes);
    const b = new Int32Array(numHashes);
    for (let k = 0; k < numHashes; k++) {
      a[k] = next() | 1;
      b[k] = next() | 0;
    }
    c = { a, b };
    if (coefficientCache.size > 16) coefficientCache.clear();
    coefficientCache.set(key, c);
  }
  return c;
}

/** The MinHash signature of a set of 32-bit shingle hashes (duplicates allowed). */
export function signatureOfShingles(shingles: Uint32Array, options?: NearDuplicateOptions): MinHashSignature {
  const { numHashes, seed } = resolveNearDuplicateOptions(options);
  const { a, b } = coefficients(numHashes, seed);
  // The minimum is kept in signed 32-bit form with the sign bit flipped: signed order of
  // (v ^ 0x80000000) equals unsigned order of v, and int32 arithmetic stays on V8's fast path.
  const xs = new Int32Array(shingles.buffer, shingles.byteOffset, shingles.length);
  const count = xs.length;
  const sig = new Uint32Array(numHashes);
  let k = 0;
  // Four hash functions per pass over the shingles: fewer loads and loop tests.
  for (; k + 4 <= numHashes; k += 4) {
    const a0 = a[k]!, a1 = a[k + 1]!, a2 = a[k + 2]!, a3 = a[k + 3]!;
    const b0 = b[k]!, b1 = b[k + 1]!, b2 = b[k + 2]!, b3 = b[k + 3]!;
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let i = 0; i < count; i++) {
      const x = xs[i]!;
      const v0 = ((Math.imul(a0, x) + b0) | 0) ^ SIGN_BIT;
      const v1 = ((Math.imul(a1, x) + b1) | 0) ^ SIGN_BIT;
      const v2 = ((Math.imul(a2, x) + b2) | 0) ^ SIGN_BIT;
      const v3 = ((Math.imul(a3, x) + b3) | 0) ^ SIGN_BIT;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    sig[k] = (m0 ^ SIGN_BIT) >>> 0;
    sig[k + 1] = (m1 ^ SIGN_BIT) >>> 0;
    sig[k + 2] = (m2 ^ SIGN_BIT) >>> 0;
    sig[k + 3] = (m3 ^ SIGN_BIT) >>> 0;
  }
  for (; k < numHashes; k++) {
    const ak = a[k]!;
    const bk = b[k]!;
    let min = 0x7fffffff;
    for (let i = 0; i < count; i++) {
      const v = ((Math.imul(ak, xs[i]!) + bk) | 0) ^ SIGN_BIT;
      if (v < min) min = v;
    }
    sig[k] = (min ^ SIGN_BIT) >>> 0;
  }
  return sig;
}

/**
 * The MinHash signature of `text` over its word shingles (see shingles.ts for how words
 * are found). Deterministic for given shingleSize, numHashes and seed. A text without
 * words gives a signature of {@link EMPTY_SLOT} values.
 */
export function minHashSignature(text: string, options?: NearDuplicateOptions): MinHashSignature {
  const { shingleSize } = resolveNearDuplicateOptions(options);
  return signatureOfShingles(shingleHashes(text, shingleSize), options);
}

/** True when the signature comes from a text without words. */
export function isEmptySignature(sig: MinHashSignature): boolean {
  return sig.every((v) => v === EMPTY_SLOT);
}

/**
 * The estimated Jaccard similarity of the two texts: the share of positions where the
 * signatures agree. Positions where both hold {@link EMPTY_SLOT} do not count as agreeing,
 * so texts without words are similar to nothing (0), as in {@link exactJaccard}. Throws
 * RangeError when the lengths differ.
 */
export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.length !== b.length) throw new RangeError(`signatures differ in length (${a.length} and ${b.length})`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k] && a[k] !== EMPTY_SLOT) same++;
  return same / a.length;
}

/**
 * The exact Jaccard similarity of the shingle sets of two texts (same shingles as
 * {@link minHashSignature}, compared by their 32-bit hashes). 0 when either has no words.
 */
export function exactJaccard(a: string, b: string, shingleSize = NEAR_DUPLICATE_DEFAULTS.shingleSize): number {
  const setA = new Set(shingleHashes(a, shingleSize));
  const setB = new Set(shingleHashes(b, shingleSize));
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const h of setA) if (setB.has(h)) shared++;
  return shared / (setA.size + setB.size - shared);
}

/**
 * MinHash signatures of texts (over word shingles, see shingles.ts) and Jaccard
 * similarity, estimated from signatures or computed exactly.
 *
 * One-permutation MinHash with optimal densification (Li, Owen & Zhang 2012; Shrivastava
 * 2017): each shingle's 32-bit hash goes through one seeded bijection of the 32-bit
 * integers (the MurmurHash3 finaliser of hash XOR a seed word); the top bits of the result
 * choose one of k bins and each bin keeps its least value. A bin that no shingle reached
 * borrows the value of the first non-empty bin along a probe sequence that depends only on
 * the bin, the attempt and the seed — the same for every text — so two texts agree on a
 * position with probability equal to their Jaccard similarity, as with k independent
 * permutations, at the cost of hashing each shingle once instead of k times. Values keep
 * their bin in their top bits, so a borrowed value never equals another bin's own value.
 * Signatures are stored with documents: changing the seed, the hash functions or the
 * default options makes stored signatures incomparable (database version 4 re-signed
 * every document when this scheme replaced k-permutation MinHash).
 */
import { fmix32 } from './hash32';
import { shingleHashes, shingleHashesInScratch } from './shingles';

/** Options of near-duplicate detection. Only documents signed with the same shingleSize, numHashes and seed can be compared. */
export interface NearDuplicateOptions {
  /** Words per shingle. Default 3. */
  shingleSize?: number;
  /** Signature length (number of bins of the one permutation). Default 128. */
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
export function resolveNearDuplicateOptions(options?: NearDuplicateOptions): Required<NearDuplicateOptions> {
  if (options === undefined) return NEAR_DUPLICATE_DEFAULTS; // the hot path: every document at import
  const o = { ...NEAR_DUPLICATE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  positiveInteger('shingleSize', o.shingleSize);
  positiveInteger('numHashes', o.numHashes);
  positiveInteger('bands', o.bands);
  if (o.bands > o.numHashes) throw new RangeError(`bands (${o.bands}) must not exceed numHashes (${o.numHashes})`);
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new RangeError(`threshold must lie in [0, 1], got ${o.threshold}`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`seed must be a finite number, got ${o.seed}`);
  return o;
}

/** The seed word XORed into shingle hashes before the bijection. */
function seedWord(seed: number): number {
  return fmix32(Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995);
}

/** The bin probed at `attempt` by an empty bin, in [0, bins): the same for every text of a seed. */
function probe(bin: number, attempt: number, word: number, bins: number): number {
  const h = fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca6b) ^ word);
  return Math.floor((h * bins) / 0x100000000);
}

let scratchFilled = new Uint8Array(0);

/** At least `bins` flags, the first `bins` of them zero: a list reused from one signature to the next. */
function filledBins(bins: number): Uint8Array {
  if (scratchFilled.length < bins) scratchFilled = new Uint8Array(bins);
  return scratchFilled.fill(0, 0, bins);
}

/** The MinHash signature of a set of 32-bit shingle hashes (duplicates allowed). */
export function signatureOfShingles(shingles: Uint32Array, options?: NearDuplicateOptions): MinHashSignature {
  return signatureOfFirst(shingles, shingles.length, options);
}

/** {@link signatureOfShingles} of the first `count` values of `shingles`. */
function signatureOfFirst(shingles: Uint32Array, count: number, options: NearDuplicateOptions | undefined): MinHashSignature {
  const { numHashes: bins, seed } = resolveNearDuplicateOptions(options);
  const word = seedWord(seed);
  const sig = new Uint32Array(bins).fill(EMPTY_SLOT);
  const filled = filledBins(bins);
  let nonEmpty = 0;
  // The bin is floor(h · bins / 2³²); for a power of two that is the top bits, by a shift.
  const shift = bins > 1 && (bins & (bins - 1)) === 0 ? 32 - Math.log2(bins) : 0;
  for (let i = 0; i < count; i++) {
    const h = fmix32(shingles[i]! ^ word);
    const bin = shift ? h >>> shift : Math.floor((h * bins) / 0x100000000);
    if (!filled[bin]) {
      filled[bin] = 1;
      nonEmpty++;
      sig[bin] = h;
    } else if (h < sig[bin]!) sig[bin] = h;
  }
  if (nonEmpty === 0 || nonEmpty === bins) return sig;
  for (let bin = 0; bin < bins; bin++) {
    if (filled[bin]) continue;
    let from = -1;
    for (let attempt = 0; from < 0 && attempt < 64 * bins; attempt++) {
      const candidate = probe(bin, attempt, word, bins);
      if (filled[candidate]) from = candidate;
    }
    // Practically unreachable (each attempt finds a filled bin with probability ≥ 1/bins):
    // the next filled bin to the right keeps the signature deterministic all the same.
    for (let step = 1; from < 0; step++) if (filled[(bin + step) % bins]) from = (bin + step) % bins;
    sig[bin] = sig[from]!;
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
  // (the scratch list is read here, before any other call can overwrite it)
  const { hashes, count } = shingleHashesInScratch(text, shingleSize);
  return signatureOfFirst(hashes, count, options);
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

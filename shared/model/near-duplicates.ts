/**
 * Near-duplicate articles across a corpus (the same wire story under several outlets, a
 * re-scraped page): MinHash signatures over word shingles of the normalised text, LSH
 * banding to propose candidate pairs, verification by the estimated Jaccard similarity,
 * and union-find to join confirmed pairs into groups. Signatures and hashing live in
 * shared/search/minhash.ts and are re-exported here.
 */
import { EMPTY_SLOT, minHashSignature, estimateJaccard, resolveNearDuplicateOptions, type MinHashSignature, type NearDuplicateOptions } from '../search/minhash';
import { fmix32 } from '../search/hash32';
import { createUnionFind } from '../search/unionFind';

export {
  EMPTY_SLOT,
  estimateJaccard,
  exactJaccard,
  isEmptySignature,
  minHashSignature,
  NEAR_DUPLICATE_DEFAULTS,
  type MinHashSignature,
  type NearDuplicateOptions,
} from '../search/minhash';

/** Members of one LSH bucket that a newcomer is compared with; bounds the work in degenerate buckets. */
const MAX_BUCKET_MEMBERS = 64;

/** The 32-bit bucket key of rows [from, from + rows) of a signature, or -1 when they are all empty. */
function bandKey(sig: MinHashSignature, from: number, rows: number, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  let empty = true;
  for (let r = 0; r < rows; r++) {
    const v = sig[from + r]!;
    if (v !== EMPTY_SLOT) empty = false;
    h = Math.imul(((h << 7) | (h >>> 25)) ^ v, 0x85ebca6b);
  }
  return empty ? -1 : fmix32(h);
}

/**
 * Groups of near-duplicate documents: documents whose estimated Jaccard similarity (over
 * word shingles, see {@link minHashSignature}) reaches `threshold` for at least one pair
 * that LSH banding proposes; groups are closed transitively (A~B and B~C put A, B and C
 * together). Each group lists ≥ 2 ids in input order; groups are ordered by their first
 * member; documents without words are never grouped. With the defaults (128 hashes, 32
 * bands of 4 rows) a pair with similarity 0.5 becomes a candidate with probability ≈ 0.87,
 * at 0.6 ≈ 0.98, at 0.7 > 0.999.
 */
export function groupNearDuplicates(docs: Array<{ id: string; text: string }>, options?: NearDuplicateOptions): string[][] {
  const o = resolveNearDuplicateOptions(options);
  const signatures = docs.map((d) => minHashSignature(d.text, o));
  return groupSignatures(signatures, o).map((group) => group.map((i) => docs[i]!.id));
}

/**
 * The grouping step of {@link groupNearDuplicates} over precomputed signatures (all made
 * with the same options): groups of ≥ 2 indices into `signatures`, ascending, ordered by
 * their first member.
 */
export function groupSignatures(signatures: readonly MinHashSignature[], options?: NearDuplicateOptions): number[][] {
  const { bands, threshold, numHashes } = resolveNearDuplicateOptions(options);
  const rows = Math.floor(numHashes / bands);
  const sets = createUnionFind(signatures.length);
  const rejected = new Set<number>();
  const n = signatures.length;
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const sig = signatures[i]!;
      if (sig.length !== numHashes) throw new RangeError(`signature ${i} has ${sig.length} values, expected ${numHashes}`);
      const key = bandKey(sig, band * rows, rows, band);
      if (key < 0) continue;
      const members = buckets.get(key);
      if (!members) {
        buckets.set(key, [i]);
        continue;
      }
      for (const j of members) {
        if (sets.find(i) === sets.find(j)) continue;
        const pair = j * n + i;
        if (rejected.has(pair)) continue;
        if (estimateJaccard(sig, signatures[j]!) >= threshold) sets.union(i, j);
        else rejected.add(pair);
      }
      if (members.length < MAX_BUCKET_MEMBERS) members.push(i);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  }
  // Map iteration follows first insertion, i.e. each group's first (smallest) member.
  return [...byRoot.values()].filter((g) => g.length > 1);
}

/**
 * How the app groups documents (the list and the dataset splits alike). Wire stories retold
 * by several outlets share well under 100% of their wording: group at an estimated Jaccard of
 * 0.4 over 3-word shingles, with 64 bands of 2 rows for recall (measured on 750 planted
 * copies of 450-word articles with 10% of words changed here and there: 2 pairs missed, no
 * false groups — the same as the 128-permutation MinHash that one-permutation signatures
 * replaced; with 60-word articles 22 of 750 missed, against 18).
 */
export const DOCUMENT_GROUPING: NearDuplicateOptions = { threshold: 0.4, bands: 64 };

/**
 * Near-duplicate groups of stored documents from the MinHash signatures computed at import
 * (no text processing): groups of ≥ 2 document ids in input order. Documents without a
 * signature are never grouped.
 */
export function groupDocumentsBySignature(docs: ReadonlyArray<{ id: string; minhash?: MinHashSignature | undefined }>, options: NearDuplicateOptions = DOCUMENT_GROUPING): string[][] {
  const signed = docs.filter((d): d is { id: string; minhash: MinHashSignature } => d.minhash instanceof Uint32Array);
  return groupSignatures(signed.map((d) => d.minhash), options).map((group) => group.map((i) => signed[i]!.id));
}

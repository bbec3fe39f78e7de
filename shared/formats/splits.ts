/**
 * Reproducible train/dev/test splits that keep near-duplicate groups on one side: the same
 * wire story from three outlets must not land in both train and test.
 */
import { appendAll } from '../arrays';

/** Split ratios (any positive numbers; they are normalised). */
export interface SplitRatios {
  train: number;
  dev: number;
  test: number;
}

/** Which split each document id belongs to. */
export type SplitAssignment = Record<'train' | 'dev' | 'test', string[]>;

/** mulberry32: a small, well-known seeded PRNG (deterministic across platforms). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits documents: each near-duplicate group (and each ungrouped document) is a unit;
 * units are shuffled with the seed, then dealt to the split furthest below its target
 * share of documents. The same ids, groups, ratios and seed always give the same result.
 */
export function splitDocuments(docIds: readonly string[], groups: readonly (readonly string[])[], ratios: SplitRatios, seed: number): SplitAssignment {
  const total = ratios.train + ratios.dev + ratios.test;
  if (!(total > 0) || ratios.train < 0 || ratios.dev < 0 || ratios.test < 0) throw new RangeError('Split ratios must be non-negative and not all zero.');
  const known = new Set(docIds);
  // Overlapping groups are one unit (union-find over documents).
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const id of known) parent.set(id, id);
  for (const group of groups) {
    const members = group.filter((id) => known.has(id));
    for (const id of members.slice(1)) {
      const a = find(members[0]!);
      const b = find(id);
      if (a !== b) parent.set(b < a ? a : b, b < a ? b : a);
    }
  }
  const byRoot = new Map<string, string[]>();
  for (const id of known) {
    const root = find(id);
    const unit = byRoot.get(root) ?? [];
    unit.push(id);
    byRoot.set(root, unit);
  }
  const units = [...byRoot.values()].map((unit) => unit.sort());
  // Sort first so that the input order does not matter, then shuffle (Fisher–Yates).
  units.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const random = seededRandom(seed);
  for (let i = units.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [units[i], units[j]] = [units[j]!, units[i]!];
  }
  const result: SplitAssignment = { train: [], dev: [], test: [] };
  const names = ['train', 'dev', 'test'] as const;
  const n = docIds.length;
  for (const unit of units) {
    // The split with the largest shortfall against its target takes the unit.
    let best: (typeof names)[number] = 'train';
    let bestGap = -Infinity;
    for (const name of names) {
      if (ratios[name] === 0) continue;
      const gap = (ratios[name] / total) * n - result[name].length;
      if (gap > bestGap) {
        bestGap = gap;
        best = name;
      }
    }
    appendAll(result[best], unit);
  }
  return result;
}

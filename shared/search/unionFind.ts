/**
 * Disjoint sets over the integers 0..size-1 (union by size, path halving).
 */

/** A union-find structure; `find` gives a representative, `union` merges two sets. */
export interface UnionFind {
  find(i: number): number;
  /** Merges the sets of `a` and `b`; false when they were already one set. */
  union(a: number, b: number): boolean;
}

/** A union-find structure in which every element 0..size-1 starts alone. */
export function createUnionFind(size: number): UnionFind {
  const parent = new Int32Array(size);
  const weight = new Int32Array(size).fill(1);
  for (let i = 0; i < size; i++) parent[i] = i;
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  return {
    find,
    union(a, b) {
      let ra = find(a);
      let rb = find(b);
      if (ra === rb) return false;
      if (weight[ra]! < weight[rb]!) [ra, rb] = [rb, ra];
      parent[rb] = ra;
      weight[ra] = weight[ra]! + weight[rb]!;
      return true;
    },
  };
}

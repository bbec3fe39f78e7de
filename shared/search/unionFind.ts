/**
 * Disjoint sets over the integers 0..size-1 (union by size, path halving); elements can be
 * added one at a time.
 */

/** A union-find structure; `find` gives a representative, `union` merges two sets. */
export interface UnionFind {
  find(i: number): number;
  /** Merges the sets of `a` and `b`; false when they were already one set. */
  union(a: number, b: number): boolean;
  /** Adds a new element in a set of its own; returns it (the previous size). */
  add(): number;
  /** How many elements there are. */
  readonly size: number;
}

/** A union-find structure in which every element 0..size-1 starts alone. */
export function createUnionFind(size: number): UnionFind {
  let parent = new Int32Array(Math.max(size, 16));
  let weight = new Int32Array(parent.length);
  let count = 0;
  const add = (): number => {
    if (count === parent.length) {
      const biggerParent = new Int32Array(parent.length * 2);
      const biggerWeight = new Int32Array(parent.length * 2);
      biggerParent.set(parent);
      biggerWeight.set(weight);
      parent = biggerParent;
      weight = biggerWeight;
    }
    parent[count] = count;
    weight[count] = 1;
    return count++;
  };
  for (let i = 0; i < size; i++) add();
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
    add,
    get size() {
      return count;
    },
  };
}

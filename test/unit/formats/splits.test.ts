import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitDocuments } from '../../../shared/formats/splits';

const ids = Array.from({ length: 100 }, (_, i) => `doc-${String(i).padStart(3, '0')}`);

describe('splitDocuments', () => {
  it('is reproducible for a seed, close to the ratios, and keeps groups together', () => {
    const groups = [['doc-001', 'doc-050', 'doc-099'], ['doc-010', 'doc-011']];
    const a = splitDocuments(ids, groups, { train: 8, dev: 1, test: 1 }, 7);
    const b = splitDocuments([...ids].reverse(), groups, { train: 8, dev: 1, test: 1 }, 7);
    expect(a).toEqual(b);
    expect(a.train.length + a.dev.length + a.test.length).toBe(100);
    expect(Math.abs(a.train.length - 80)).toBeLessThanOrEqual(3);
    expect(Math.abs(a.test.length - 10)).toBeLessThanOrEqual(3);
    for (const group of groups) {
      const sides = new Set(group.map((id) => (a.train.includes(id) ? 'train' : a.dev.includes(id) ? 'dev' : 'test')));
      expect(sides.size).toBe(1);
    }
    expect(splitDocuments(ids, groups, { train: 8, dev: 1, test: 1 }, 8)).not.toEqual(a);
  });

  it('property: every document lands in exactly one split and no group is split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.array(fc.nat(59), { minLength: 2, maxLength: 4 }), { maxLength: 6 }), fc.nat(), (n, rawGroups, seed) => {
        const docs = ids.slice(0, n);
        const groups = rawGroups.map((g) => g.map((i) => ids[i % n]!));
        const s = splitDocuments(docs, groups, { train: 0.7, dev: 0.15, test: 0.15 }, seed);
        const all = [...s.train, ...s.dev, ...s.test];
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(new Set(docs));
      }),
    );
  });

  it('refuses impossible ratios', () => {
    expect(() => splitDocuments(ids, [], { train: 0, dev: 0, test: 0 }, 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { FOLD_AT, LayeredMap } from '../../../shared/model/layered-map';

/** Applies the same random changes to a LayeredMap and to a plain Map and compares them. */
function randomChanges(seed: number, steps: number, batch: number): void {
  let x = seed;
  const next = (n: number): number => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
  const plain = new Map<string, number>(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
  let layered = LayeredMap.of(new Map(plain));
  const versions: Array<[LayeredMap<string, number>, Map<string, number>]> = [];
  for (let step = 0; step < steps; step += 1) {
    const changes: Array<[string, number | null]> = [];
    for (let j = 0; j < batch; j += 1) changes.push([`k${next(120)}`, next(3) === 0 ? null : step * 1000 + j]);
    layered = layered.with(changes);
    for (const [key, value] of changes) {
      if (value === null) plain.delete(key);
      else plain.set(key, value);
    }
    versions.push([layered, new Map(plain)]);
  }
  for (const [map, expected] of versions) {
    expect(map.size).toBe(expected.size);
    expect(new Map(map)).toEqual(expected);
    expect([...map.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...map.values()].sort()).toEqual([...expected.values()].sort());
    for (let i = 0; i < 120; i += 1) {
      expect(map.get(`k${i}`)).toBe(expected.get(`k${i}`));
      expect(map.has(`k${i}`)).toBe(expected.has(`k${i}`));
    }
  }
}

describe('LayeredMap', () => {
  it('reads like a Map after every change, and earlier versions stay as they were', () => {
    randomChanges(1, 3 * FOLD_AT, 1);
    randomChanges(2, 40, 7);
  });

  it('keeps the order of existing keys, new keys at the end', () => {
    const map = LayeredMap.of(new Map([['a', 1], ['b', 2], ['c', 3]])).with([['b', 20], ['d', 4], ['a', null]]);
    expect([...map]).toEqual([['b', 20], ['c', 3], ['d', 4]]);
    const seen: string[] = [];
    map.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual(['b=20', 'c=3', 'd=4']);
  });

  it('keeps that order when a big change folds the overlay into a new base', () => {
    const base = new Map(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const changes: Array<[string, number | null]> = [['k3', null], ['k5', 50], ...Array.from({ length: FOLD_AT + 1 }, (_, i): [string, number] => [`n${i}`, 100 + i]), ['k3', 30]];
    const map = LayeredMap.of(base).with(changes);
    // k3, deleted and added again, keeps its place (a Map would move it to the end).
    const expected = [...[...base].map(([key, value]): [string, number] => [key, key === 'k5' ? 50 : key === 'k3' ? 30 : value]), ...Array.from({ length: FOLD_AT + 1 }, (_, i): [string, number] => [`n${i}`, 100 + i])];
    expect([...map]).toEqual(expected);
    expect(map.size).toBe(expected.length);
    expect(map.with([['n0', null]]).get('k3')).toBe(30);
  });

  it('does not change the map it was made from', () => {
    const base = new Map([['a', 1]]);
    const first = LayeredMap.of(base);
    const second = first.with([['a', null], ['b', 2]]);
    expect([...base]).toEqual([['a', 1]]);
    expect([...first]).toEqual([['a', 1]]);
    expect([...second]).toEqual([['b', 2]]);
  });
});

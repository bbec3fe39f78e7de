import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from '../../../shared/arrays';

describe('appendAll and maxOf', () => {
  it('handle arrays far longer than any engine accepts as call arguments', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    // The forms they replace overflow the stack at this length.
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(maxOf(many)).toBe(999_999);
    const target = [-1];
    expect(appendAll(target, many)).toBe(target);
    expect(target.length).toBe(1_000_001);
    expect(target[1_000_000]).toBe(999_999);
  });

  it('keep the meaning of Math.max with a floor and of push', () => {
    expect(maxOf([], 1)).toBe(1);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([3, 7, 5], 4)).toBe(7);
    expect(maxOf(new Set([2, 9]).values(), 0)).toBe(9);
    expect(appendAll(['a'], new Set(['b', 'c']))).toEqual(['a', 'b', 'c']);
  });
});

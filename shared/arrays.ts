/**
 * Array helpers that never spread an array into call arguments: `a.push(...b)` and
 * `Math.max(...a)` pass every element as an argument and overflow the call stack
 * (RangeError) once the array has some hundred thousand elements. ESLint forbids the
 * spread forms in the app's code (eslint.config.js, NO_SPREAD_ARGUMENTS).
 */

/** Appends every item of `items` to `target`, in order; returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when that is larger or there are none. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

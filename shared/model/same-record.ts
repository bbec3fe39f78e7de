/**
 * Structural equality of stored records: what a transaction expected a record to be
 * (`before`) against what the database holds now. Records are plain data (objects, arrays,
 * strings, numbers, booleans, null) plus typed arrays (a document's MinHash signature). A
 * property set to `undefined` counts as absent, as in IndexedDB's structured clone.
 */

function isTypedArray(value: unknown): value is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** Whether two stored records hold the same data. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (isTypedArray(a) || isTypedArray(b)) {
    if (!isTypedArray(a) || !isTypedArray(b) || a.constructor !== b.constructor || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameRecord(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameRecord(left[key], right[key])) return false;
  return true;
}

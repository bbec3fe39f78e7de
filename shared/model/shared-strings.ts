/**
 * One string object per distinct value of a record field. Records read from IndexedDB come
 * with a fresh copy of every string: 10,000 spans of one article carry 10,000 copies of the
 * same corpus id, document id, annotator and label (and, for imported spans, the same
 * creation time), about 80 bytes each. Pointing equal values at one copy keeps them once.
 * Values are unchanged; only their identity is shared.
 */

/** Replaces, in place, each listed string field of `records` by the first equal string seen. */
export function shareStrings<T extends object>(records: T[], fields: ReadonlyArray<keyof T>): T[] {
  const seen = new Map<string, string>();
  for (const record of records) {
    const row = record as Record<keyof T, unknown>;
    for (const field of fields) {
      const value = row[field];
      if (typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, value);
      else row[field] = first;
    }
  }
  return records;
}

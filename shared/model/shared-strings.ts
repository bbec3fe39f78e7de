import type { SpanRecord } from './types';

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

const SPAN_FIELDS = ['id', 'corpusId', 'docId', 'start', 'end', 'label', 'annotator', 'createdAt'] as const;

/**
 * Span records as the app keeps them: equal field values shared (see {@link shareStrings})
 * and each record rebuilt as one object literal, so that all of them have one shape with
 * their fields inside the object. A record deserialised from IndexedDB gets its fields one
 * by one and keeps most of them in a separate property array; 10,000 spans save about
 * 400 KB, and code reading them sees one shape. A record with fields beyond the known ones
 * is kept as it is.
 */
export function compactSpans(spans: SpanRecord[]): SpanRecord[] {
  shareStrings(spans, ['corpusId', 'docId', 'label', 'annotator', 'createdAt']);
  return spans.map((span) => {
    if (Object.keys(span).some((key) => !(SPAN_FIELDS as readonly string[]).includes(key))) return span;
    const { id, corpusId, docId, start, end, label, annotator, createdAt } = span;
    return { id, corpusId, docId, start, end, label, annotator, createdAt };
  });
}

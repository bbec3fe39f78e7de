/**
 * The immutable in-memory value of one open corpus. It is changed only by applying
 * transactions (`applyTransaction`); views read it and never own annotation state.
 */
import type { CorpusRecord, DocumentRecord, SpanRecord } from './types';

/** Everything the editor knows about the open corpus. Never mutated: each change makes a new value. */
export interface CorpusState {
  readonly corpus: CorpusRecord;
  readonly documents: ReadonlyMap<string, DocumentRecord>;
  readonly spans: ReadonlyMap<string, SpanRecord>;
}

/** Builds a state from stored records (as loaded from the database or an import). */
export function createCorpusState(corpus: CorpusRecord, documents: Iterable<DocumentRecord> = [], spans: Iterable<SpanRecord> = []): CorpusState {
  return {
    corpus,
    documents: new Map([...documents].map((d) => [d.id, d])),
    spans: new Map([...spans].map((s) => [s.id, s])),
  };
}

/** Documents in list order (by `order`, then title). */
export function documentsInOrder(state: CorpusState): DocumentRecord[] {
  return [...state.documents.values()].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

/** Compares spans in reading order: by start, then longer (outer) spans first, then label. */
export function compareSpans(a: SpanRecord, b: SpanRecord): number {
  return a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

/** The spans of one document in reading order. */
export function spansOfDocument(state: CorpusState, docId: string): SpanRecord[] {
  const result: SpanRecord[] = [];
  for (const span of state.spans.values()) if (span.docId === docId) result.push(span);
  return result.sort(compareSpans);
}

/** Number of spans per document id. */
export function spanCounts(state: CorpusState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of state.spans.values()) counts.set(span.docId, (counts.get(span.docId) ?? 0) + 1);
  return counts;
}

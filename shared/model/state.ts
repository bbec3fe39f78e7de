/**
 * The immutable in-memory value of one open corpus. It is changed only by applying
 * transactions (`applyTransaction`); views read it and never own annotation state.
 */
import { compareSpans, sortedSpansOf } from './span-index';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from './types';

/** Everything the editor knows about the open corpus. Never mutated: each change makes a new value. */
export interface CorpusState {
  readonly corpus: CorpusRecord;
  readonly documents: ReadonlyMap<string, DocumentRecord>;
  readonly spans: ReadonlyMap<string, SpanRecord>;
  /** The corpus's source registry. */
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly attributions: ReadonlyMap<string, AttributionRecord>;
}

/** Builds a state from stored records (as loaded from the database or an import). */
export function createCorpusState(
  corpus: CorpusRecord,
  documents: Iterable<DocumentRecord> = [],
  spans: Iterable<SpanRecord> = [],
  sources: Iterable<SourceRecord> = [],
  attributions: Iterable<AttributionRecord> = [],
): CorpusState {
  return {
    corpus,
    documents: new Map([...documents].map((d) => [d.id, d])),
    spans: new Map([...spans].map((s) => [s.id, s])),
    sources: new Map([...sources].map((s) => [s.id, s])),
    attributions: new Map([...attributions].map((a) => [a.id, a])),
  };
}

/** A stored record as read back by table and id; `record: null` when it no longer exists. */
export type StoredRecord =
  | { table: 'corpora'; id: string; record: CorpusRecord | null }
  | { table: 'documents'; id: string; record: DocumentRecord | null }
  | { table: 'spans'; id: string; record: SpanRecord | null }
  | { table: 'sources'; id: string; record: SourceRecord | null }
  | { table: 'attributions'; id: string; record: AttributionRecord | null };

/**
 * The state with some records replaced by what the database holds now (another window
 * changed them): present records are set, absent ones removed. Unlike a transaction there
 * is no expectation about what was there before. Records of another corpus are ignored.
 */
export function withStoredRecords(state: CorpusState, records: readonly StoredRecord[]): CorpusState {
  let corpus = state.corpus;
  const maps = { documents: new Map(state.documents), spans: new Map(state.spans), sources: new Map(state.sources), attributions: new Map(state.attributions) };
  for (const item of records) {
    if (item.table === 'corpora') {
      if (item.id === corpus.id && item.record) corpus = item.record;
      continue;
    }
    const map = maps[item.table] as Map<string, { corpusId: string }>;
    if (item.record && item.record.corpusId === corpus.id) map.set(item.id, item.record);
    else map.delete(item.id);
  }
  return { corpus, ...maps };
}

/** Orders attributions in reading order of their claims, then by creation. */
function attributionOrder(state: CorpusState): (a: AttributionRecord, b: AttributionRecord) => number {
  const start = (a: AttributionRecord): number => state.spans.get(a.claimSpanId)?.start ?? 0;
  return (a, b) => start(a) - start(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The attributions of one document, in reading order of their claims. */
export function attributionsOfDocument(state: CorpusState, docId: string): AttributionRecord[] {
  const result: AttributionRecord[] = [];
  for (const a of state.attributions.values()) if (a.docId === docId) result.push(a);
  return result.sort(attributionOrder(state));
}

/** The chain of an attribution: itself, then what it came via, and so on (stops at a cycle). */
export function attributionChain(state: CorpusState, attributionId: string): AttributionRecord[] {
  const chain: AttributionRecord[] = [];
  const seen = new Set<string>();
  for (let a = state.attributions.get(attributionId); a && !seen.has(a.id); a = a.viaId ? state.attributions.get(a.viaId) : undefined) {
    seen.add(a.id);
    chain.push(a);
  }
  return chain;
}

/** Sources in display order (by kind, then Latin name). */
export function sourcesInOrder(state: CorpusState): SourceRecord[] {
  return [...state.sources.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.nameLatin.localeCompare(b.nameLatin) || a.id.localeCompare(b.id));
}

/** Documents in list order (by `order`, then title). */
export function documentsInOrder(state: Pick<CorpusState, 'documents'>): DocumentRecord[] {
  return [...state.documents.values()].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

export { compareSpans };

/**
 * The spans of one document in reading order (a fresh array). The sorted order is cached per
 * state and carried through transactions (span-index.ts), so this is a copy, not a sort.
 */
export function spansOfDocument(state: CorpusState, docId: string): SpanRecord[] {
  return sortedSpansOf(state.spans, docId).slice();
}

/**
 * Spans grouped by document, each list in reading order: one pass over the spans, for work
 * over the whole corpus (exports) where `spansOfDocument` per document would be quadratic.
 */
export function spansByDocument(state: CorpusState): Map<string, SpanRecord[]> {
  const map = new Map<string, SpanRecord[]>();
  for (const span of state.spans.values()) {
    const list = map.get(span.docId);
    if (list) list.push(span);
    else map.set(span.docId, [span]);
  }
  for (const list of map.values()) list.sort(compareSpans);
  return map;
}

/** Attributions grouped by document, each list in the order of `attributionsOfDocument`. */
export function attributionsByDocument(state: CorpusState): Map<string, AttributionRecord[]> {
  const map = new Map<string, AttributionRecord[]>();
  for (const a of state.attributions.values()) {
    const list = map.get(a.docId);
    if (list) list.push(a);
    else map.set(a.docId, [a]);
  }
  const order = attributionOrder(state);
  for (const list of map.values()) list.sort(order);
  return map;
}


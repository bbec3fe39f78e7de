/**
 * Moving through a corpus by keyboard: the next or previous document (optionally the next
 * one not yet done), and the next or previous span of a document in reading order, nested
 * spans included.
 */
import { documentsInOrder, type CorpusState } from './state';
import type { DocumentRecord, SpanRecord } from './types';

/** Which documents a step may land on. */
export interface AdjacentOptions {
  /** Only documents whose status is not "done", wrapping around the corpus. */
  unfinished?: boolean;
  /**
   * The documents to step through, in their order (the document list's: filtered, searched,
   * near-duplicates together), the current one included where the list would show it; by
   * default the whole corpus in its order. A current document not in it starts the step
   * from an end, as none does.
   */
  order?: readonly DocumentRecord[];
}

/**
 * The document after (1) or before (-1) `currentId` in list order. With `unfinished`, the
 * nearest one in that direction whose status is not "done", wrapping around the corpus
 * (never the current document itself). Without, no wrapping: undefined at either end.
 * With no current document, the first (or last) one. With `order`, through those documents in that order.
 */
export function adjacentDocument(state: CorpusState, currentId: string | null, direction: 1 | -1, options: AdjacentOptions = {}): DocumentRecord | undefined {
  const docs = options.order ?? documentsInOrder(state);
  if (!docs.length) return undefined;
  const index = currentId ? docs.findIndex((d) => d.id === currentId) : -1;
  const eligible = (doc: DocumentRecord): boolean => doc.id !== currentId && (!options.unfinished || doc.status !== 'done');
  if (!options.unfinished) {
    const from = index < 0 ? (direction === 1 ? -1 : docs.length) : index;
    for (let at = from + direction; at >= 0 && at < docs.length; at += direction) if (eligible(docs[at]!)) return docs[at];
    return undefined;
  }
  const from = index < 0 ? (direction === 1 ? -1 : docs.length) : index;
  for (let step = 1; step <= docs.length; step++) {
    const doc = docs[(((from + direction * step) % docs.length) + docs.length) % docs.length]!;
    if (eligible(doc)) return doc;
  }
  return undefined;
}

/**
 * Tab and Shift+Tab over `spans` (in reading order, as `spansOfDocument` gives them: outer
 * before inner, so nested spans are reached one after the other). From a focused span, its
 * neighbour in the list; with none focused, the first span starting at or after the caret
 * (forward) or the last one starting before it (backward). Undefined past either end.
 */
export function adjacentSpan(spans: readonly SpanRecord[], from: { focusedId: string | null; caret: number }, direction: 1 | -1): SpanRecord | undefined {
  const index = from.focusedId ? spans.findIndex((s) => s.id === from.focusedId) : -1;
  if (index >= 0) return spans[index + direction];
  if (direction === 1) return spans.find((s) => s.start >= from.caret);
  return spans.findLast((s) => s.start < from.caret);
}

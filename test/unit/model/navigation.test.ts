import { describe, expect, it } from 'vitest';
import { adjacentDocument, adjacentSpan } from '../../../shared/model/navigation';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, spansOfDocument } from '../../../shared/model/state';
import type { DocumentRecord, DocumentStatus, SpanRecord } from '../../../shared/model/types';

function doc(id: string, order: number, status: DocumentStatus): DocumentRecord {
  return {
    id,
    corpusId: 'c',
    title: id,
    text: 'نص',
    sha256: id,
    status,
    order,
    meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '' },
  };
}

const state = createCorpusState({ id: 'c', name: 'c', schema: DEFAULT_LABEL_SCHEMA, createdAt: '' }, [doc('d3', 2, 'todo'), doc('d1', 0, 'done'), doc('d2', 1, 'done'), doc('d4', 3, 'in-progress')]);

describe('adjacentDocument', () => {
  it('goes to the next and previous document in list order, stopping at the ends', () => {
    expect(adjacentDocument(state, 'd1', 1)?.id).toBe('d2');
    expect(adjacentDocument(state, 'd3', -1)?.id).toBe('d2');
    expect(adjacentDocument(state, 'd4', 1)).toBeUndefined();
    expect(adjacentDocument(state, 'd1', -1)).toBeUndefined();
    expect(adjacentDocument(state, null, 1)?.id).toBe('d1');
    expect(adjacentDocument(state, null, -1)?.id).toBe('d4');
  });

  it('finds the next unfinished document, wrapping around and skipping done ones and the current one', () => {
    expect(adjacentDocument(state, 'd1', 1, { unfinished: true })?.id).toBe('d3');
    expect(adjacentDocument(state, 'd3', 1, { unfinished: true })?.id).toBe('d4');
    expect(adjacentDocument(state, 'd4', 1, { unfinished: true })?.id).toBe('d3');
    expect(adjacentDocument(state, 'd3', -1, { unfinished: true })?.id).toBe('d4');
    const allDone = createCorpusState(state.corpus, [doc('a', 0, 'done'), doc('b', 1, 'todo')]);
    expect(adjacentDocument(allDone, 'b', 1, { unfinished: true })).toBeUndefined();
  });

  it('steps through the documents in the order given (the list’s), not the corpus order', () => {
    const byId = (...ids: string[]) => ids.map((id) => state.documents.get(id)!);
    // The list shows d4 right after d1 (say, a near-duplicate of it), then d3; d2 is filtered out.
    const order = byId('d1', 'd4', 'd3');
    expect(adjacentDocument(state, 'd1', 1, { order })?.id).toBe('d4');
    expect(adjacentDocument(state, 'd4', 1, { order })?.id).toBe('d3');
    expect(adjacentDocument(state, 'd3', 1, { order })).toBeUndefined();
    expect(adjacentDocument(state, 'd3', -1, { order })?.id).toBe('d4');
    expect(adjacentDocument(state, 'd1', -1, { order })).toBeUndefined();
    expect(adjacentDocument(state, null, 1, { order })?.id).toBe('d1');
    expect(adjacentDocument(state, null, -1, { order })?.id).toBe('d3');
    expect(adjacentDocument(state, 'd1', 1, { order: [] })).toBeUndefined();
    // The next unfinished one in that order, wrapping round it: d1 is done, so from d3 it is d4.
    expect(adjacentDocument(state, 'd3', 1, { order, unfinished: true })?.id).toBe('d4');
    expect(adjacentDocument(state, 'd4', 1, { order, unfinished: true })?.id).toBe('d3');
    expect(adjacentDocument(state, 'd4', 1, { order: byId('d2', 'd4'), unfinished: true })).toBeUndefined();
  });
});

describe('adjacentSpan', () => {
  const span = (id: string, start: number, end: number): SpanRecord => ({ id, corpusId: 'c', docId: 'd1', start, end, label: 'PER', annotator: 'a', createdAt: '' });
  // A claim with an entity nested in it, and one more span after it.
  const withSpans = createCorpusState(state.corpus, state.documents.values(), [span('inner', 4, 8), span('after', 20, 25), span('outer', 2, 15)]);
  const spans = spansOfDocument(withSpans, 'd1');

  it('reaches nested spans in reading order: outer, then inner, then the next', () => {
    const order: string[] = [];
    let focusedId: string | null = null;
    for (let s = adjacentSpan(spans, { focusedId, caret: 0 }, 1); s; s = adjacentSpan(spans, { focusedId, caret: 0 }, 1)) {
      order.push(s.id);
      focusedId = s.id;
    }
    expect(order).toEqual(['outer', 'inner', 'after']);
    expect(adjacentSpan(spans, { focusedId: 'inner', caret: 0 }, -1)?.id).toBe('outer');
  });

  it('without a focused span, starts from the caret', () => {
    expect(adjacentSpan(spans, { focusedId: null, caret: 3 }, 1)?.id).toBe('inner');
    expect(adjacentSpan(spans, { focusedId: null, caret: 3 }, -1)?.id).toBe('outer');
    expect(adjacentSpan(spans, { focusedId: null, caret: 30 }, 1)).toBeUndefined();
    expect(adjacentSpan(spans, { focusedId: null, caret: 0 }, -1)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { compareSpans, createCorpusState, spansOfDocument, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, invertTransaction, transaction, type RecordChange, type Transaction } from '../../../shared/model/transaction';
import type { SpanRecord } from '../../../shared/model/types';
import { changesSince, firstReaching, longestSpanLength, primeSortedSpans, sortedSpansOf, spansLabelled, versionOf } from '../../../shared/model/span-index';

const NOW = '2026-01-01T00:00:00.000Z';
const corpus = { id: 'c', name: 'C', schema: DEFAULT_LABEL_SCHEMA, createdAt: NOW };
const LABELS = ['PER', 'ORG', 'CLAIM'];

function span(id: string, docId: string, start: number, length: number, label: string): SpanRecord {
  return { id, corpusId: 'c', docId, start, end: start + length, label, annotator: 't', createdAt: NOW };
}

/** The reading order computed from scratch, as the reference. */
function reference(state: CorpusState, docId: string): string[] {
  return [...state.spans.values()].filter((s) => s.docId === docId).sort(compareSpans).map((s) => s.id);
}

type Step = { kind: 'add'; doc: string; start: number; length: number; label: number } | { kind: 'remove' | 'move' | 'relabel'; pick: number; start: number; label: number } | { kind: 'undo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), doc: fc.constantFrom('a', 'b', 'c'), start: fc.nat(40), length: fc.integer({ min: 1, max: 8 }), label: fc.nat(2) }),
  fc.record({ kind: fc.constantFrom('remove' as const, 'move' as const, 'relabel' as const), pick: fc.nat(), start: fc.nat(40), label: fc.nat(2) }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

describe('spans of a document in reading order, carried through transactions', () => {
  it('always equals sorting from scratch, whatever edits and undos happen in between', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (steps, asks, primes) => {
        let state = createCorpusState(corpus, [], [span('s0', 'a', 5, 3, 'PER'), span('s1', 'b', 0, 4, 'ORG')]);
        let n = 2;
        const done: Transaction[] = [];
        for (const [i, s] of steps.entries()) {
          // Asking (or not) between edits decides which lists are carried and which are rebuilt.
          // Priming builds every document's list in one pass (document 'c' may have none yet).
          if (primes[i]) primeSortedSpans(state.spans, ['a', 'b', 'c']);
          if (asks[i]) expect(spansOfDocument(state, 'a').map((x) => x.id)).toEqual(reference(state, 'a'));
          // The claims of document 'a', asked between some edits, always match a fresh filter.
          if (asks[(i + 7) % asks.length]) expect(spansLabelled(sortedSpansOf(state.spans, 'a'), 'CLAIM').map((x) => x.id)).toEqual(reference(state, 'a').filter((id) => state.spans.get(id)!.label === 'CLAIM'));
          let changes: RecordChange[] = [];
          const all = [...state.spans.values()];
          const picked = all.length && s.kind !== 'add' && s.kind !== 'undo' ? all[s.pick % all.length]! : undefined;
          if (s.kind === 'add') changes = [{ table: 'spans', id: `s${n}`, before: null, after: span(`s${n++}`, s.doc, s.start, s.length, LABELS[s.label]!) }];
          else if (s.kind === 'undo') {
            const last = done.pop();
            if (last) state = applyTransaction(state, invertTransaction(last));
            continue;
          } else if (picked && s.kind === 'remove') changes = [{ table: 'spans', id: picked.id, before: picked, after: null }];
          else if (picked && s.kind === 'move') changes = [{ table: 'spans', id: picked.id, before: picked, after: { ...picked, start: s.start, end: s.start + (picked.end - picked.start) } }];
          else if (picked) changes = [{ table: 'spans', id: picked.id, before: picked, after: { ...picked, label: LABELS[s.label]! } }];
          if (!changes.length) continue;
          const tx = transaction(changes, { origin: 'user', description: s.kind });
          state = applyTransaction(state, tx);
          done.push(tx);
        }
        for (const doc of ['a', 'b', 'c']) expect(spansOfDocument(state, doc).map((x) => x.id)).toEqual(reference(state, doc));
      }),
      { numRuns: 300 },
    );
  });

  it('equals sorting from scratch after a transaction of many changes (accepting every suggestion, and its undo)', () => {
    const batch = fc.array(
      fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const, 'move' as const, 'relabel' as const), doc: fc.constantFrom('a', 'b'), start: fc.nat(200), length: fc.integer({ min: 1, max: 8 }), label: fc.nat(2), pick: fc.nat() }),
      { minLength: 33, maxLength: 120 },
    );
    fc.assert(
      fc.property(batch, fc.boolean(), (steps, primeB) => {
        const initial = Array.from({ length: 60 }, (_, i) => span(`s${i}`, i % 3 ? 'a' : 'b', (i * 7) % 200, 1 + (i % 5), LABELS[i % 3]!));
        const state = createCorpusState(corpus, [], initial);
        sortedSpansOf(state.spans, 'a');
        if (primeB) sortedSpansOf(state.spans, 'b');
        // Each record changed at most once, as a command makes its transactions.
        const current = new Map(initial.map((x) => [x.id, x]));
        const changes: RecordChange[] = [];
        let n = 0;
        for (const s of steps) {
          const ids = [...current.keys()];
          const picked = s.kind === 'add' || !ids.length ? undefined : current.get(ids[s.pick % ids.length]!)!;
          if (!picked) {
            const added = span(`new${n++}`, s.doc, s.start, s.length, LABELS[s.label]!);
            changes.push({ table: 'spans', id: added.id, before: null, after: added });
            continue;
          }
          current.delete(picked.id);
          if (s.kind === 'remove') changes.push({ table: 'spans', id: picked.id, before: picked, after: null });
          else changes.push({ table: 'spans', id: picked.id, before: picked, after: s.kind === 'move' ? { ...picked, start: s.start, end: s.start + s.length } : { ...picked, label: LABELS[s.label]! } });
        }
        const tx = transaction(changes, { origin: 'user', description: 'batch' });
        const after = applyTransaction(state, tx);
        for (const doc of ['a', 'b']) expect(spansOfDocument(after, doc).map((x) => x.id)).toEqual(reference(after, doc));
        const undone = applyTransaction(after, invertTransaction(tx));
        for (const doc of ['a', 'b']) expect(spansOfDocument(undone, doc).map((x) => x.id)).toEqual(reference(state, doc));
      }),
      { numRuns: 200 },
    );
  });

  it('hands every caller its own array', () => {
    const state = createCorpusState(corpus, [], [span('x', 'a', 0, 2, 'PER'), span('y', 'a', 4, 2, 'ORG')]);
    const first = spansOfDocument(state, 'a');
    first.reverse();
    expect(spansOfDocument(state, 'a').map((s) => s.id)).toEqual(['x', 'y']);
  });
});

describe('what changed between two versions of a document’s spans', () => {
  it('is the transaction’s changes when one transaction lies between them, and unknown otherwise', () => {
    const a = span('a', 'd', 0, 3, 'PER');
    let state = createCorpusState(corpus, [], [a, span('b', 'd', 5, 3, 'ORG'), span('x', 'e', 0, 3, 'ORG')]);
    const first = sortedSpansOf(state.spans, 'd');
    const change: RecordChange = { table: 'spans', id: 'a', before: a, after: { ...a, label: 'LOC' } };
    state = applyTransaction(state, transaction([change], { origin: 'user', description: 'relabel' }));
    const second = sortedSpansOf(state.spans, 'd');
    expect(changesSince(second, versionOf(first))).toEqual([{ table: 'spans', id: 'a', before: a, after: { ...a, label: 'LOC' } }]);
    const later = applyTransaction(state, transaction([{ table: 'spans', id: 'b', before: state.spans.get('b')!, after: null }], { origin: 'user', description: 'delete' }));
    expect(changesSince(sortedSpansOf(later.spans, 'd'), versionOf(first))).toBeNull();
  });
});

describe('the spans of one label, carried through transactions', () => {
  const claim = span('c1', 'd', 10, 5, 'CLAIM');
  const edit = (state: CorpusState, change: RecordChange): CorpusState => applyTransaction(state, transaction([change], { origin: 'user', description: 'edit' }));

  it('keeps the same array when an edit touches no span of that label, and a new one when it does', () => {
    let state = createCorpusState(corpus, [], [claim, span('p1', 'd', 0, 3, 'PER')]);
    const first = spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM');
    expect(first.map((s) => s.id)).toEqual(['c1']);
    // A person added, then relabelled: the claims are the same array.
    state = edit(state, { table: 'spans', id: 'p2', before: null, after: span('p2', 'd', 20, 3, 'PER') });
    expect(spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM')).toBe(first);
    state = edit(state, { table: 'spans', id: 'p2', before: state.spans.get('p2')!, after: { ...state.spans.get('p2')!, label: 'ORG' } });
    expect(spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM')).toBe(first);
    // That span relabelled as a claim: a new list, in reading order.
    state = edit(state, { table: 'spans', id: 'p2', before: state.spans.get('p2')!, after: { ...state.spans.get('p2')!, label: 'CLAIM' } });
    const second = spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM');
    expect(second.map((s) => s.id)).toEqual(['c1', 'p2']);
    // The first claim resized: a new list holding the new record.
    const resized = { ...claim, end: 18 };
    state = edit(state, { table: 'spans', id: 'c1', before: claim, after: resized });
    const third = spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM');
    expect(third).not.toBe(second);
    expect(third[0]).toBe(resized);
  });

  it('does not carry a list across documents or across several transactions', () => {
    let state = createCorpusState(corpus, [], [claim, span('e1', 'e', 0, 4, 'CLAIM')]);
    expect(spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM').map((s) => s.id)).toEqual(['c1']);
    expect(spansLabelled(sortedSpansOf(state.spans, 'e'), 'CLAIM').map((s) => s.id)).toEqual(['e1']);
    state = edit(state, { table: 'spans', id: 'c2', before: null, after: span('c2', 'd', 30, 2, 'CLAIM') });
    state = edit(state, { table: 'spans', id: 'p1', before: null, after: span('p1', 'd', 0, 2, 'PER') });
    expect(spansLabelled(sortedSpansOf(state.spans, 'd'), 'CLAIM').map((s) => s.id)).toEqual(['c1', 'c2']);
  });
});

describe('the items that can reach an offset', () => {
  it('skips only items that end at or before the offset, and none that reach it', () => {
    const extent = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 60 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(extent, { maxLength: 60 }), fc.integer({ min: -5, max: 270 }), (items, offset) => {
        const sorted = [...items].sort((a, b) => a.start - b.start);
        const from = firstReaching(sorted, offset, longestSpanLength(sorted));
        for (const item of sorted.slice(0, from)) expect(item.end).toBeLessThanOrEqual(offset);
        // The bound is tight: the longest item, put just before the offset, is not skipped.
        if (sorted.length) {
          const longest = longestSpanLength(sorted);
          const reaching = { start: offset - longest + 1, end: offset + 1 };
          expect(firstReaching([reaching], offset, longest)).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSpan, addSpans, type CommandResult } from '../../../shared/model/commands';
import { findLabel, type LabelSchema } from '../../../shared/model/schema';
import { spansOfDocument, type CorpusState } from '../../../shared/model/state';
import { applyTransaction, transaction, type RecordChange } from '../../../shared/model/transaction';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { phrase } from '../../../shared/phrases/phrase';
import { stateWithDocument, tagged, testContext, testTransaction } from '../helpers/tagged';

const DESCRIPTION = phrase('change.acceptSuggestions', { count: 0 });

/** `addSpans` as it was first written: `addSpan` on the state each previous span left. */
function addSpansOneByOne(state: CorpusState, docId: string, spans: ReadonlyArray<{ start: number; end: number; label: string }>, ctx: ReturnType<typeof testContext>): CommandResult & { skipped?: number } {
  let scratch = state;
  const changes: RecordChange[] = [];
  let skipped = 0;
  for (const span of spans) {
    const result = addSpan(scratch, { docId, ...span }, ctx);
    if (!result.ok) {
      skipped += 1;
      continue;
    }
    changes.push(...result.tx.changes);
    scratch = applyTransaction(scratch, result.tx);
  }
  if (!changes.length) return { ok: false, error: 'none' };
  return { ok: true, tx: transaction(changes, { origin: 'user', description: DESCRIPTION, docId }), skipped };
}

/** Whether a span may go on [start, end): every span of the document looked at, in no particular order. */
function placeableNaively(state: CorpusState, docId: string, start: number, end: number, labelId: string): boolean {
  const doc = state.documents.get(docId)!;
  const label = findLabel(state.corpus.schema, labelId);
  if (!label || start < 0 || end > doc.text.length || start >= end) return false;
  if (!isGraphemeBoundary(doc.text, start) || !isGraphemeBoundary(doc.text, end)) return false;
  for (const other of state.spans.values()) {
    if (other.docId !== docId) continue;
    if (other.start === start && other.end === end && other.label === label.id) return false;
    const crosses = other.start < end && start < other.end && !(other.start <= start && end <= other.end) && !(start <= other.start && other.end <= end);
    if (!crosses) continue;
    const rule = state.corpus.schema.allowCrossing;
    if (rule === 'never' || (rule === 'different-kind' && findLabel(state.corpus.schema, other.label)?.kind === label.kind)) return false;
  }
  return true;
}

const TEXT = 'قَالَ الوزير إنَّ وزارة الخارجية الروسية أكَّدت، نقلًا عن وكالة نوفوستي، أن المحادثات ستُستأنف غدًا في أنقرة 🇹🇷 (Reuters).';
const LABELS = ['PER', 'ORG', 'LOC', 'CLAIM', 'SOURCE', 'CUE', 'NOPE'];

function withCrossing(state: CorpusState, allowCrossing: LabelSchema['allowCrossing']): CorpusState {
  return { ...state, corpus: { ...state.corpus, schema: { ...state.corpus.schema, allowCrossing } } };
}

const rangeArb = fc
  .tuple(fc.integer({ min: -2, max: TEXT.length + 2 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...LABELS))
  .map(([start, length, label]) => ({ start, end: start + length, label }));

/** A state with `initial` added one at a time (those refused left out). */
function stateWith(allowCrossing: LabelSchema['allowCrossing'], initial: ReadonlyArray<{ start: number; end: number; label: string }>): CorpusState {
  let state = withCrossing(stateWithDocument(TEXT), allowCrossing);
  const ctx = { ...testContext(), newId: (() => { let n = 0; return () => `old-${++n}`; })() };
  for (const span of initial) {
    const result = addSpan(state, { docId: 'doc-1', ...span }, ctx);
    if (result.ok) state = applyTransaction(state, result.tx);
  }
  return state;
}

describe('addSpans (accepting suggestions)', () => {
  it('adds every span in one step, skipping duplicates, crossings and bad edges; the document moves to "in progress" once', () => {
    const { text, tags } = tagged('<a>قَالَ<b> <c>وزير <e>الخارجية<d> الروسي<f> اليوم');
    const state = stateWithDocument(text);
    const result = addSpans(
      state,
      {
        docId: 'doc-1',
        spans: [
          { start: tags.a!, end: tags.b!, label: 'CUE' },
          { start: tags.c!, end: tags.d!, label: 'PER' },
          { start: tags.a!, end: tags.b!, label: 'CUE' }, // the same again
          { start: tags.e!, end: tags.f!, label: 'PER' }, // crosses the PER before it
          { start: tags.e!, end: tags.f!, label: 'CLAIM' }, // crosses it too, but another kind
          { start: 0, end: 1, label: 'PER' }, // splits ق from its fatha
          { start: tags.c!, end: tags.d!, label: 'NOPE' },
        ],
        description: DESCRIPTION,
      },
      testContext(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toBe(4);
    const { state: after } = testTransaction(state, result);
    expect(spansOfDocument(after, 'doc-1').map((s) => `${s.label} ${text.slice(s.start, s.end)}`)).toEqual(['CUE قَالَ', 'PER وزير الخارجية', 'CLAIM الخارجية الروسي']);
    expect(after.documents.get('doc-1')!.status).toBe('in-progress');
    expect(result.tx.changes.filter((c) => c.table === 'documents')).toHaveLength(1);
  });

  it('refuses when nothing can be added, and when the document is gone', () => {
    const state = stateWithDocument('قال الوزير');
    expect(addSpans(state, { docId: 'doc-1', spans: [], description: DESCRIPTION }, testContext()).ok).toBe(false);
    expect(addSpans(state, { docId: 'doc-1', spans: [{ start: 0, end: 1, label: 'NOPE' }], description: DESCRIPTION }, testContext()).ok).toBe(false);
    const gone = addSpans(state, { docId: 'doc-9', spans: [{ start: 0, end: 3, label: 'CUE' }], description: DESCRIPTION }, testContext());
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error).toMatch(/document/i);
  });

  it('makes the same transaction as adding the spans one at a time, under every crossing rule', () => {
    fc.assert(
      fc.property(fc.constantFrom('never', 'different-kind', 'always' as const), fc.array(rangeArb, { maxLength: 25 }), fc.array(rangeArb, { maxLength: 40 }), (rule, initial, batch) => {
        const state = stateWith(rule, initial);
        const fast = addSpans(state, { docId: 'doc-1', spans: batch, description: DESCRIPTION }, testContext());
        const slow = addSpansOneByOne(state, 'doc-1', batch, testContext());
        expect(fast.ok).toBe(slow.ok);
        if (fast.ok && slow.ok) {
          expect(fast.tx.changes).toEqual(slow.tx.changes);
          expect(fast.skipped).toBe(slow.skipped);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('addSpan looks only at the spans that can reach the new one', () => {
  it('refuses and accepts exactly as a check of every span would, long spans included', () => {
    fc.assert(
      fc.property(fc.constantFrom('never', 'different-kind', 'always' as const), fc.array(rangeArb, { maxLength: 30 }), rangeArb, (rule, initial, candidate) => {
        const state = stateWith(rule, initial);
        // The candidate, and spans that reach just into each span's ends (where a search
        // that starts a little too late would miss the span they cross).
        const candidates = [candidate, ...[...state.spans.values()].flatMap((s) => [1, 2, 3].flatMap((d) => [{ start: s.end - d, end: s.end + 2, label: candidate.label }, { start: s.start - 2, end: s.start + d, label: candidate.label }]))];
        for (const c of candidates) {
          const result = addSpan(state, { docId: 'doc-1', ...c }, testContext());
          expect(result.ok).toBe(placeableNaively(state, 'doc-1', c.start, c.end, c.label));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a crossing with a long span that starts far before the new one', () => {
    // The new span starts two units before the long one ends.
    const { text, tags } = tagged('<a>قال الوزير إن المحادثات ستستأنف غدا <c>في<b> أنقرة<d> بعد توقف طويل');
    let state = withCrossing(stateWithDocument(text), 'never');
    const ctx = testContext();
    state = testTransaction(state, addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'CLAIM' }, ctx)).state;
    // Many short spans between the long span's start and the new one.
    for (const m of text.slice(0, tags.c!).matchAll(/\S+/g)) {
      const result = addSpan(state, { docId: 'doc-1', start: m.index, end: m.index + m[0].length, label: 'CUE' }, ctx);
      if (result.ok) state = applyTransaction(state, result.tx);
    }
    const crossing = addSpan(state, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'LOC' }, ctx);
    expect(crossing.ok).toBe(false);
    if (!crossing.ok) expect(crossing.error).toMatch(/overlap/);
  });
});

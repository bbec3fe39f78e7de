/**
 * Model invariants under random edit sequences, through the real CorpusStore (its queue,
 * its undo and redo) over a persistence that keeps its own copy of what was written:
 * random span edits with arbitrary offsets (inside emoji, between a letter and its harakat,
 * inside CRLF, outside the text), relabelling, resizing, deleting spans that attributions
 * use, attributions and chains, document status, undo and redo in any order. After every
 * step: every span lies inside its text on grapheme boundaries, no reference dangles, the
 * written copy equals what is shown; undo then redo gives the same state back; undoing
 * everything gives the starting corpus back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAttribution, addSource, removeAttribution, updateAttribution } from '../../../shared/model/attribution-commands';
import { addSpan, relabelSpan, removeSpan, resizeSpan, setDocumentStatus } from '../../../shared/model/commands';
import { applyTransaction, type Transaction } from '../../../shared/model/transaction';
import type { CorpusState } from '../../../shared/model/state';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { CorpusStore, type HistoryChange } from '../../../renderer/state/corpus-store';
import { stateWithDocument, testContext } from '../helpers/tagged';
import { partialDocumentProblems } from './invariants';
import { FUZZ_TIMEOUT, fuzzParameters } from './support';

/** Our own text: Arabic with harakat and tatweel, an emoji with a skin tone, a ZWJ family, CRLF, Latin, digits. */
const TEXT = 'قالَ المتحدّثُ 👍🏽 إنَّ «وكالة سانا» نقلت\r\nعن مصدرٍ في الوزارة 👨‍👩‍👧 أنّ الاجتماع (Reuters) سيُعقد ١٢ آذار.';
const LABELS = ['PER', 'ORG', 'LOC', 'CLAIM', 'SOURCE', 'CUE', 'NOPE'];

type Op =
  | { kind: 'add'; start: number; end: number; label: string }
  | { kind: 'resize'; pick: number; start: number; end: number }
  | { kind: 'relabel'; pick: number; label: string }
  | { kind: 'remove'; pick: number }
  | { kind: 'attribute'; claim: number; mention: number; via: number }
  | { kind: 'chain'; from: number; to: number }
  | { kind: 'unattribute'; pick: number }
  | { kind: 'status'; status: 'todo' | 'in-progress' | 'done' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'undoRedo' };

const offset = fc.integer({ min: -2, max: TEXT.length + 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ start: offset, length: fc.integer({ min: -1, max: 24 }), label: fc.constantFrom(...LABELS) }).map(({ start, length, label }) => ({ kind: 'add' as const, start, end: start + length, label })),
    weight: 6,
  },
  fc.record({ kind: fc.constant('resize' as const), pick: fc.nat(), start: offset, end: offset }),
  fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat(), label: fc.constantFrom(...LABELS) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant('attribute' as const), claim: fc.nat(), mention: fc.nat(), via: fc.nat() }), weight: 2 },
  fc.record({ kind: fc.constant('chain' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('unattribute' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('todo' as const, 'in-progress' as const, 'done' as const) }),
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  fc.constant({ kind: 'redo' as const }),
  fc.constant({ kind: 'undoRedo' as const }),
);

/** The records of a state, comparable with toEqual. */
function records(state: CorpusState): Record<string, unknown> {
  const sorted = <T extends { id: string }>(map: ReadonlyMap<string, T>): T[] => [...map.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { documents: sorted(state.documents), spans: sorted(state.spans), sources: sorted(state.sources), attributions: sorted(state.attributions) };
}

/** Every span inside its text, on grapheme boundaries, and every reference resolved. */
function problems(state: CorpusState): string[] {
  const found = partialDocumentProblems(state);
  for (const span of state.spans.values()) {
    const text = state.documents.get(span.docId)?.text ?? '';
    if (!isGraphemeBoundary(text, span.start) || !isGraphemeBoundary(text, span.end)) found.push(`span ${span.id} [${span.start}, ${span.end}) splits a character`);
  }
  return found;
}

/** A persistence that applies what it is given to its own copy, as a database would. */
class CopyingPersistence {
  constructor(public stored: CorpusState) {}
  write = async (tx: Transaction, _history: HistoryChange): Promise<void> => {
    await Promise.resolve();
    this.stored = applyTransaction(this.stored, tx);
  };
}

function start(): { store: CorpusStore; persistence: CopyingPersistence; initial: CorpusState } {
  const ctx = testContext();
  let initial = stateWithDocument(TEXT);
  const source = addSource(initial, { nameAr: 'سانا', nameLatin: 'SANA', kind: 'news-agency', aliasesAr: [], aliasesLatin: [] }, ctx);
  if (!source.ok) throw new Error(source.error);
  initial = applyTransaction(initial, source.tx);
  // A claim and a source mention to start from, so that attributions are made from the first step.
  for (const [quote, label] of [['أنّ الاجتماع (Reuters) سيُعقد', 'CLAIM'], ['وكالة سانا', 'SOURCE']] as const) {
    const start = TEXT.indexOf(quote);
    const span = addSpan(initial, { docId: 'doc-1', start, end: start + quote.length, label }, ctx);
    if (!span.ok) throw new Error(span.error);
    initial = applyTransaction(initial, span.tx);
  }
  const persistence = new CopyingPersistence(initial);
  return { store: new CorpusStore(initial, persistence, ctx), persistence, initial };
}

async function step(store: CorpusStore, o: Op): Promise<void> {
  const state = store.state;
  const spans = [...state.spans.values()].sort((a, b) => a.id.localeCompare(b.id));
  const attributions = [...state.attributions.values()].sort((a, b) => a.id.localeCompare(b.id));
  const pick = <T,>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
  const claims = spans.filter((s) => s.label === 'CLAIM');
  const mentions = spans.filter((s) => s.label === 'SOURCE');
  const source = [...state.sources.values()][0]!;
  switch (o.kind) {
    case 'add':
      await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: o.start, end: o.end, label: o.label }, ctx));
      return;
    case 'resize': {
      const span = pick(spans, o.pick);
      if (span) await store.run((s) => resizeSpan(s, { spanId: span.id, start: o.start, end: o.end }));
      return;
    }
    case 'relabel': {
      const span = pick(spans, o.pick);
      if (span) await store.run((s) => relabelSpan(s, { spanId: span.id, label: o.label }));
      return;
    }
    case 'remove': {
      const span = pick(spans, o.pick);
      if (span) await store.run((s) => removeSpan(s, { spanId: span.id }));
      return;
    }
    case 'attribute': {
      const claim = pick(claims, o.claim);
      if (claim) await store.run((s, ctx) => addAttribution(s, { claimSpanId: claim.id, sourceId: source.id, mentionSpanId: pick(mentions, o.mention)?.id, viaId: pick(attributions, o.via)?.id }, ctx));
      return;
    }
    case 'chain': {
      const from = pick(attributions, o.from);
      const to = pick(attributions, o.to);
      if (from && to) await store.run((s) => updateAttribution(s, { attributionId: from.id, patch: { viaId: to.id } }));
      return;
    }
    case 'unattribute': {
      const a = pick(attributions, o.pick);
      if (a) await store.run((s) => removeAttribution(s, { attributionId: a.id }));
      return;
    }
    case 'status':
      await store.run((s) => setDocumentStatus(s, { docId: 'doc-1', status: o.status }));
      return;
    case 'undo':
      await store.undo();
      return;
    case 'redo':
      await store.redo();
      return;
    case 'undoRedo': {
      const before = records(store.state);
      if (!(await store.undo())) return;
      await store.redo();
      expect(records(store.state)).toEqual(before);
      return;
    }
  }
}

describe('random edit sequences through the store', () => {
  it(
    'keep spans inside the text on grapheme boundaries, references whole, the written copy equal to the shown one; undo then redo is the identity; undoing everything restores the start',
    async () => {
      // How much the sequences really did (a property whose edits are all refused proves nothing).
      const seen = { spansAdded: 0, attributionsAdded: 0, chained: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
          const { store, persistence, initial } = start();
          for (const o of ops) {
            const before = { spans: store.state.spans.size, attributions: store.state.attributions.size };
            await step(store, o);
            if (o.kind === 'add' && store.state.spans.size > before.spans) seen.spansAdded += 1;
            if (o.kind === 'attribute' && store.state.attributions.size > before.attributions) seen.attributionsAdded += 1;
            expect(problems(store.state)).toEqual([]);
            expect(records(persistence.stored)).toEqual(records(store.state));
            for (const a of store.state.attributions.values()) if (a.viaId) seen.chained += 1;
          }
          // Undo everything (the history limit is far above 40 steps).
          while (await store.undo());
          expect(records(store.state)).toEqual(records(initial));
          expect(records(persistence.stored)).toEqual(records(initial));
        }),
        fuzzParameters(150),
      );
      expect(seen.spansAdded).toBeGreaterThan(50);
      expect(seen.attributionsAdded).toBeGreaterThan(20);
      expect(seen.chained).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );
});

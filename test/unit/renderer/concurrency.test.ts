import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsnadApp } from '../../../renderer/app/controller';
import { readCorpus, writeTransaction, IsnadDatabase, writeRecords } from '../../../renderer/db/db';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { SYNC_CHANNEL_NAME, type SyncChannel } from '../../../renderer/state/corpus-sync';
import { integrityProblems } from '../../../shared/model/attribution-commands';
import { addSpan, addSpans, relabelSpan } from '../../../shared/model/commands';
import { READ_DOCUMENT_SPANS_FROM } from '../../../renderer/db/record-checks';
import { phrase } from '../../../shared/phrases/phrase';
import { createCorpusState, documentsInOrder, spansOfDocument, type CorpusState } from '../../../shared/model/state';
import { ConcurrentChangeError, transaction, type RecordChange } from '../../../shared/model/transaction';
import { closeApps, startApp } from '../helpers/app';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

const opened: IsnadApp[] = [];
afterEach(() => closeApps(opened));

/** Two windows on one database, each with its own BroadcastChannel (Node has them too). */
async function twoWindows(name: string): Promise<[IsnadApp, IsnadApp]> {
  const first = await startApp(name, new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
  const second = await startApp(name, new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
  opened.push(first, second);
  return [first, second];
}

/** The first sample document without spans, and a word in it. */
function emptyDocument(app: IsnadApp): { docId: string; start: number; end: number } {
  const doc = documentsInOrder(app.corpus.state).find((d) => spansOfDocument(app.corpus.state, d.id).length === 0)!;
  const start = doc.text.indexOf('دمشق');
  return { docId: doc.id, start, end: start + 'دمشق'.length };
}

/** A database holding one document 'قال الوزير إن' (tags a and b around الوزير), and its state. */
async function storedDocument(name: string): Promise<{ db: IsnadDatabase; state: ReturnType<typeof stateWithDocument>; tags: Record<string, number> }> {
  const { text, tags } = tagged('قال <a>الوزير<b> إن');
  const db = new IsnadDatabase(name);
  await db.open();
  const state = stateWithDocument(text);
  await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [] });
  return { db, state, tags };
}

describe('write-time conflict check', () => {
  it('a transaction made from a stale view is refused inside the database transaction, writing nothing', async () => {
    const { db, state, tags } = await storedDocument('stale-write');
    const persistence = { write: (tx: Parameters<typeof writeTransaction>[1], h: Parameters<typeof writeTransaction>[2]) => writeTransaction(db, tx, h) };
    const a = new CorpusStore(state, persistence, testContext());
    await a.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    const records = (await readCorpus(db, 'corpus-1'))!;
    // Two windows that both loaded the span.
    const one = new CorpusStore(createCorpusState(records.corpus, records.documents, records.spans), persistence, testContext());
    const two = new CorpusStore(createCorpusState(records.corpus, records.documents, records.spans), persistence, testContext());
    const spanId = records.spans[0]!.id;
    expect((await one.run((s) => relabelSpan(s, { spanId, label: 'ORG' }))).ok).toBe(true);
    const stale = two.state;
    await expect(two.run((s) => relabelSpan(s, { spanId, label: 'LOC' }))).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(two.state).toBe(stale);
    expect((await db.spans.get(spanId))!.label).toBe('ORG');
    // The refused relabel left no history entry either.
    expect((await db.history.toArray()).map((h) => h.tx.description).sort()).toEqual(['Add PER span', 'Relabel PER as ORG']);
    db.close();
  });
});

describe('write-time check of many spans of one document (read in one request)', () => {
  it('a transaction removing them all is refused, writing nothing, when another window changed one of them', async () => {
    const words = READ_DOCUMENT_SPANS_FROM + 36;
    const text = 'كلمة '.repeat(words);
    const db = new IsnadDatabase('stale-batch');
    await db.open();
    const state = stateWithDocument(text);
    await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [] });
    const persistence = { write: (tx: Parameters<typeof writeTransaction>[1], h: Parameters<typeof writeTransaction>[2]) => writeTransaction(db, tx, h) };
    const spans = Array.from({ length: words }, (_, i) => ({ start: i * 5, end: i * 5 + 4, label: 'PER' }));
    await new CorpusStore(state, persistence, testContext()).run((s, ctx) => addSpans(s, { docId: 'doc-1', spans, description: phrase('change.acceptSuggestions', { count: words }) }, ctx));
    const records = (await readCorpus(db, 'corpus-1'))!;
    expect(records.spans).toHaveLength(words);
    const load = () => new CorpusStore(createCorpusState(records.corpus, records.documents, records.spans), persistence, testContext());
    const removeAll = (s: CorpusState) => ({ ok: true as const, tx: transaction(spansOfDocument(s, 'doc-1').map((span): RecordChange => ({ table: 'spans', id: span.id, before: span, after: null })), { origin: 'user', description: 'remove all' }) });
    const one = load();
    const two = load();
    const changed = records.spans[words - 1]!.id;
    expect((await one.run((s) => relabelSpan(s, { spanId: changed, label: 'ORG' }))).ok).toBe(true);
    await expect(two.run(removeAll)).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await db.spans.count()).toBe(words);
    expect((await db.spans.get(changed))!.label).toBe('ORG');
    // From the window that made the change, the same removal is written whole.
    expect((await one.run(removeAll)).ok).toBe(true);
    expect(await db.spans.count()).toBe(0);
    db.close();
  });
});

describe('write-time check of created records', () => {
  it('creating a record whose id is taken is refused as a concurrent change, writing nothing of the transaction', async () => {
    const { db, state, tags } = await storedDocument('taken-id');
    const store = new CorpusStore(state, { write: (tx, h) => writeTransaction(db, tx, h) }, testContext());
    const added = await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    if (!added.ok) throw new Error(added.error);
    const span = added.tx.changes.find((c) => c.table === 'spans')!.after!;
    // A window that never saw the span creates one with the same id.
    const creation = { ...added.tx, changes: [{ table: 'spans' as const, id: span.id, before: null, after: { ...span, label: 'ORG' } }] };
    await expect(writeTransaction(db, creation, { put: [{ id: 'other:1', corpusId: 'corpus-1', stack: 'undo', seq: 1, tx: creation }], remove: [] })).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect((await db.spans.get(span.id))!.label).toBe('PER');
    expect(await db.history.get('other:1')).toBeUndefined();
    db.close();
  });
});

describe('a guard on a write', () => {
  it('runs once the earlier write has finished, and a guard that throws writes nothing of its transaction', async () => {
    const { db, state, tags } = await storedDocument('guarded');
    const ctx = testContext();
    const first = addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx);
    const second = addSpan(state, { docId: 'doc-1', start: 0, end: 3, label: 'ORG' }, ctx);
    if (!first.ok || !second.ok) throw new Error('commands failed');
    const secondSpan = second.tx.changes.find((c) => c.table === 'spans')!;
    let firstDone = false;
    let guardSawFirstDone: boolean | null = null;
    // Both started at once; the second's guard refuses it.
    const one = writeTransaction(db, first.tx).then(() => (firstDone = true));
    const two = writeTransaction(db, { ...second.tx, changes: [secondSpan] }, undefined, {
      guard: () => {
        guardSawFirstDone = firstDone;
        throw new Error('an earlier write failed');
      },
    });
    await one;
    await expect(two).rejects.toThrow('an earlier write failed');
    expect(guardSawFirstDone).toBe(true);
    expect((await db.spans.toArray()).map((s) => s.label)).toEqual(['PER']);
    db.close();
  });
});

describe('two windows on the same corpus', () => {
  it('a span added in one window appears in the other, with the undo history', async () => {
    const [a, b] = await twoWindows('two-windows-add');
    const { docId, start, end } = emptyDocument(a);
    await a.run((s, ctx) => addSpan(s, { docId, start, end, label: 'LOC' }, ctx));
    await vi.waitFor(() => expect(spansOfDocument(b.corpus.state, docId).map((s) => [s.start, s.end, s.label])).toEqual([[start, end, 'LOC']]));
    expect(b.corpus.state.documents.get(docId)!.status).toBe('in-progress');
    expect(b.corpus.history.undo).toBe('Add LOC span');
    // Undo in the other window takes it back, everywhere.
    await b.undo();
    expect(b.ui.state.notice?.text).toBe('Undid: Add LOC span.');
    await vi.waitFor(() => expect(spansOfDocument(a.corpus.state, docId)).toEqual([]));
    expect(a.corpus.history).toEqual({ undo: null, redo: 'Add LOC span' });
  });

  it('the same span edited in both windows at once: one wins, the other is told and shows the winner; nothing is corrupted', async () => {
    const [a, b] = await twoWindows('two-windows-same-span');
    const { docId, start, end } = emptyDocument(a);
    await a.run((s, ctx) => addSpan(s, { docId, start, end, label: 'LOC' }, ctx));
    await vi.waitFor(() => expect(b.corpus.state.spans.size).toBe(a.corpus.state.spans.size));
    const spanId = spansOfDocument(a.corpus.state, docId)[0]!.id;
    // Both relabel before either hears of the other.
    const [ra, rb] = await Promise.all([a.run((s) => relabelSpan(s, { spanId, label: 'ORG' })), b.run((s) => relabelSpan(s, { spanId, label: 'PER' }))]);
    const results = [ra, rb].map((r) => r !== null);
    expect(results.sort()).toEqual([false, true]);
    const [winner, loser] = ra ? [a, b] : [b, a];
    const label = winner === a ? 'ORG' : 'PER';
    expect(loser.ui.state.notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/another Isnad window changed the same annotations at the same moment\. This window now shows the latest version/) });
    expect(loser.corpus.state.spans.get(spanId)!.label).toBe(label);
    await vi.waitFor(() => expect(winner.corpus.state.spans.get(spanId)!.label).toBe(label));
    expect((await winner.db.spans.get(spanId))!.label).toBe(label);
    expect(integrityProblems(loser.corpus.state)).toEqual([]);
    // Both windows agree on the history: the loser's attempt left no entry.
    expect(loser.corpus.history.undo).toBe(`Relabel LOC as ${label}`);
    expect(winner.corpus.history.undo).toBe(`Relabel LOC as ${label}`);
  });

  it('undo in both windows at once undoes the change once; the second undo is refused, not applied twice', async () => {
    const [a, b] = await twoWindows('two-windows-undo');
    const { docId, start, end } = emptyDocument(a);
    await a.run((s, ctx) => addSpan(s, { docId, start, end, label: 'DATE' }, ctx));
    await vi.waitFor(() => expect(b.corpus.history.undo).toBe('Add DATE span'));
    await Promise.all([a.undo(), b.undo()]);
    const notices = [a.ui.state.notice?.text, b.ui.state.notice?.text];
    expect(notices).toContain('Undid: Add DATE span.');
    expect(notices.some((t) => /^Undo was not saved: another Isnad window/.test(t ?? ''))).toBe(true);
    expect(await a.db.spans.where('docId').equals(docId).count()).toBe(0);
    expect((await a.db.documents.get(docId))!.status).toBe('todo');
    await vi.waitFor(() => {
      expect(spansOfDocument(a.corpus.state, docId)).toEqual([]);
      expect(spansOfDocument(b.corpus.state, docId)).toEqual([]);
    });
    // One redo entry in the database, and redo works once.
    const history = await a.db.history.toArray();
    expect(history.filter((h) => h.stack === 'redo')).toHaveLength(1);
    await vi.waitFor(() => expect(b.corpus.history.redo).toBe('Add DATE span'));
    await b.redo();
    expect(await a.db.spans.where('docId').equals(docId).count()).toBe(1);
  });

  it('edits to different documents in both windows at once both succeed', async () => {
    const [a, b] = await twoWindows('two-windows-different-docs');
    const docs = documentsInOrder(a.corpus.state);
    const [d1, d2] = [docs[0]!, docs[1]!];
    await Promise.all([a.updateDetails(d1.id, { outlet: 'SANA' }), b.updateDetails(d2.id, { outlet: 'Reuters' })]);
    await vi.waitFor(() => {
      expect(a.corpus.state.documents.get(d2.id)!.meta.outlet).toBe('Reuters');
      expect(b.corpus.state.documents.get(d1.id)!.meta.outlet).toBe('SANA');
    });
    expect(a.ui.state.notice?.tone).not.toBe('error');
    expect(b.ui.state.notice?.tone).not.toBe('error');
  });
});

describe('a corpus deleted in another window', () => {
  it('the window showing it opens another corpus and says why; a write racing the deletion is refused, leaving no orphan', async () => {
    const [a, b] = await twoWindows('two-windows-delete');
    const sample = a.corpus.state.corpus;
    // Window B creates a second corpus and keeps it open; window A opens it too.
    expect(await b.corpora.create('أخبار 2020')).toBe(true);
    const doomed = b.corpus.state.corpus.id;
    expect(await a.corpora.switchTo(doomed)).toBe(true);
    expect(await a.corpora.switchTo(sample.id)).toBe(true);

    // Before B hears of the deletion, its write to the deleted corpus is refused in the database.
    const stale = b.corpus.state;
    b.sync.close();
    expect(await a.corpora.remove(doomed)).toBe(true);
    const orphan = b.corpus.run((s, ctx) => ({ ok: true, tx: { description: 'Add a source', addToHistory: true, origin: 'user' as const, changes: [{ table: 'sources' as const, id: 'orphan', before: null, after: { ...[...s.sources.values()][0]!, id: 'orphan', corpusId: doomed, createdAt: ctx.now() } }] } }));
    await expect(orphan).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await b.db.sources.get('orphan')).toBeUndefined();
    expect(b.corpus.state).toBe(stale);

    // Told by the write failure (or by the announcement), B opens another corpus.
    await b.reportWriteFailure(new ConcurrentChangeError('corpora', doomed));
    await vi.waitFor(() => expect(b.corpus.state.corpus.id).toBe(sample.id));
    expect(b.ui.state.notice?.text).toMatch(/deleted in another Isnad window/);
    expect(await b.db.corpora.get(doomed)).toBeUndefined();
  });

  it('hearing of the deletion, the window showing the corpus opens another one', async () => {
    const [a, b] = await twoWindows('two-windows-delete-heard');
    const sample = a.corpus.state.corpus;
    expect(await b.corpora.create('مسودة')).toBe(true);
    const doomed = b.corpus.state.corpus.id;
    expect(await a.corpora.remove(doomed)).toBe(true);
    await vi.waitFor(() => expect(b.corpus.state.corpus.id).toBe(sample.id));
    expect(b.ui.state.notice?.text).toMatch(/“\u2068مسودة\u2069” was deleted in another Isnad window/u);
  });
});

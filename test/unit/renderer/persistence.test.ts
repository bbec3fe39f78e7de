import { afterEach, describe, expect, it } from 'vitest';
import { addSpan, removeSpan } from '../../../shared/model/commands';
import { createCorpusState } from '../../../shared/model/state';
import { IsnadDatabase, readCorpus, readHistory, writeRecords, writeTransaction } from '../../../renderer/db/db';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

let dbCount = 0;
const opened: IsnadDatabase[] = [];

async function freshDatabase(name = `test-${++dbCount}`): Promise<IsnadDatabase> {
  const db = new IsnadDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

async function storeFor(db: IsnadDatabase, text: string): Promise<CorpusStore> {
  const state = stateWithDocument(text);
  await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [] });
  return new CorpusStore(state, { write: (tx, history) => writeTransaction(db, tx, history) }, testContext());
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('CorpusStore with Dexie', () => {
  it('a span is in IndexedDB when the action resolves, and survives reopening the database', async () => {
    const { text, tags } = tagged('ونقلت <a>وكالة نوفوستي<b> عن مصدر');
    const db = await freshDatabase('persist-reopen');
    const store = await storeFor(db, text);
    const result = await store.run((state, ctx) => addSpan(state, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'SOURCE' }, ctx));
    expect(result.ok).toBe(true);
    // No waiting, no timers: the row is there now.
    expect(await db.spans.count()).toBe(1);
    db.close();
    const reopened = await freshDatabase('persist-reopen');
    const records = await readCorpus(reopened, 'corpus-1');
    expect(records!.spans).toHaveLength(1);
    expect(records!.spans[0]).toMatchObject({ start: tags.a, end: tags.b, label: 'SOURCE', docId: 'doc-1' });
    expect(records!.documents[0]!.status).toBe('in-progress');
  });

  it('undo and redo are written too, across documents', async () => {
    const { text, tags } = tagged('قال <a>الوزير<b> إن');
    const db = await freshDatabase();
    const base = stateWithDocument(text);
    const other = stateWithDocument('وأعلنت دمشق', 'doc-2');
    const state = createCorpusState(base.corpus, [...base.documents.values(), ...other.documents.values()]);
    await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [] });
    const store = new CorpusStore(state, { write: (tx, history) => writeTransaction(db, tx, history) }, testContext());
    await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx));
    await store.run((s, ctx) => addSpan(s, { docId: 'doc-2', start: 6, end: 10, label: 'LOC' }, ctx));
    expect(await db.spans.count()).toBe(2);
    const undone = await store.undo();
    expect(undone?.docId).toBe('doc-2');
    expect(await db.spans.count()).toBe(1);
    const undone2 = await store.undo();
    expect(undone2?.docId).toBe('doc-1');
    expect(await db.spans.count()).toBe(0);
    expect((await db.documents.get('doc-1'))!.status).toBe('todo');
    await store.redo();
    await store.redo();
    expect(await db.spans.count()).toBe(2);
    expect(store.state.spans.size).toBe(2);
    expect(await store.redo()).toBeNull();
  });

  it('a failed write leaves the state and the database untouched and reports the error', async () => {
    const { text, tags } = tagged('<a>حلب<b> مدينة');
    const db = await freshDatabase();
    const state = stateWithDocument(text);
    await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [] });
    let fail = true;
    const store = new CorpusStore(state, {
      write: async (tx, history) => {
        if (fail) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await writeTransaction(db, tx, history);
      },
    }, testContext());
    let notified = 0;
    store.subscribe(() => notified++);
    await expect(store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx))).rejects.toThrow(/quota/);
    expect(store.state).toBe(state);
    expect(notified).toBe(0);
    expect(store.history.undo).toBeNull();
    expect(await db.spans.count()).toBe(0);
    fail = false;
    const ok = await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx));
    expect(ok.ok).toBe(true);
  });

  it('commands queued back to back each see the state the previous one left', async () => {
    const { text, tags } = tagged('<a>بيروت<b> و<c>عمان<d>');
    const db = await freshDatabase();
    const store = await storeFor(db, text);
    const results = await Promise.all([
      store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx)),
      store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx)),
      store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'LOC' }, ctx)),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(await db.spans.count()).toBe(2);
    const id = [...store.state.spans.keys()][0]!;
    await store.run((s) => removeSpan(s, { spanId: id }));
    expect(await db.spans.count()).toBe(1);
  });

  it('the undo history is durable: after reopening, undo and redo still work', async () => {
    const { text, tags } = tagged('وصل <a>الوفد<b> إلى <c>جنيف<d>');
    const db = await freshDatabase('history-reopen');
    const store = await storeFor(db, text);
    await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'ORG' }, ctx));
    await store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'LOC' }, ctx));
    await store.undo();
    db.close();
    const reopened = await freshDatabase('history-reopen');
    const records = (await readCorpus(reopened, 'corpus-1'))!;
    const history = await readHistory(reopened, 'corpus-1');
    expect(history.map((h) => h.stack).sort()).toEqual(['redo', 'undo']);
    const again = new CorpusStore(
      createCorpusState(records.corpus, records.documents, records.spans),
      { write: (tx, h) => writeTransaction(reopened, tx, h) },
      testContext(),
      history,
    );
    expect(again.history).toEqual({ undo: 'Add ORG span', redo: 'Add LOC span' });
    expect(again.changes.undo?.phrase).toEqual({ code: 'change.addSpan', params: { label: 'ORG' } });
    await again.redo();
    expect(await reopened.spans.count()).toBe(2);
    await again.undo();
    await again.undo();
    expect(await reopened.spans.count()).toBe(0);
    expect(again.history.undo).toBeNull();
    expect(await reopened.history.count()).toBe(2);
  });

  it('replace() takes effect after the commands already queued, with the given history', async () => {
    const { text, tags } = tagged('<a>حمص<b> و<c>حماة<d>');
    const db = await freshDatabase();
    const store = await storeFor(db, text);
    const replacement = stateWithDocument('نص آخر', 'doc-9');
    let notified = 0;
    store.subscribe(() => notified++);
    const queued = store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'LOC' }, ctx));
    const replaced = store.replace(replacement, []);
    const late = store.run((s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.c!, end: tags.d!, label: 'LOC' }, ctx));
    expect((await queued).ok).toBe(true);
    await replaced;
    expect(store.state).toBe(replacement);
    expect(store.history).toEqual({ undo: null, redo: null });
    // The command queued after the replacement runs against it (doc-1 is gone there).
    expect(await late).toMatchObject({ ok: false });
    expect(notified).toBe(2);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { prepareFile } from '../../../shared/model/import';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState } from '../../../shared/model/state';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { exportNative } from '../../../shared/formats/native';
import type { DocumentRecord } from '../../../shared/model/types';
import { IsnadDatabase, readCorpus, writeRecords, writeTransaction } from '../../../renderer/db/db';
import { ImportSession, type ImportProgress } from '../../../renderer/import/import-session';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { InlinePreparer, InlineWriter, closeInlineWriters } from '../helpers/inline-import-workers';
import { testContext } from '../helpers/tagged';
import { refuseWritesOf } from '../helpers/storage-faults';

afterEach(closeInlineWriters);

const encoder = new TextEncoder();
function textOf(i: number): string {
  return `خبر رقم ${i}: أعلنت الوكالة عن حدث جديد في المدينة رقم ${i}.\nوقال مصدر إن التفاصيل ستعلن لاحقاً في بيان رسمي ${i}.\n`;
}
function article(i: number): { name: string; bytes: Uint8Array } {
  return { name: `a-${i}.txt`, bytes: encoder.encode(textOf(i)) };
}

let n = 0;
async function setup() {
  const name = `import-session-${++n}`;
  const db = new IsnadDatabase(name);
  await db.open();
  const corpus = { id: 'corpus-1', name: 'Test', schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' };
  await writeRecords(db, { corpus, documents: [], spans: [] });
  const store = new CorpusStore(createCorpusState(corpus), { write: (tx, h) => writeTransaction(db, tx, h) }, testContext());
  return { db, store, name };
}

/** The stored documents, by id. */
async function storedDocuments(db: IsnadDatabase): Promise<Map<string, DocumentRecord>> {
  return new Map((await db.documents.toArray()).map((d) => [d.id, d]));
}

describe('ImportSession', () => {
  it('imports every file, reports progress file by file, and the writer stores exactly the documents shown', async () => {
    const { db, store, name } = await setup();
    const files = [...Array.from({ length: 30 }, (_, i) => article(i)), { name: 'bad.bin', bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 0]) }];
    const progress: ImportProgress[] = [];
    const writer = new InlineWriter();
    const result = await new ImportSession(store, files, {}, (p) => progress.push(p), { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => writer, preparers: 3 }).start();
    expect(result.cancelled).toBe(false);
    expect(result.report.imported).toHaveLength(30);
    expect(result.report.refused.map((r) => r.fileName)).toEqual(['bad.bin']);
    expect(store.state.documents.size).toBe(30);
    expect(progress.at(-1)).toMatchObject({ total: 31, done: 31 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(store.history.undo).toBeNull();
    // The writing worker wrote them (the main thread sent no texts), and what it stored is what is shown.
    expect(writer.posted.filter((m) => m.type === 'written').length).toBeGreaterThan(0);
    const stored = await storedDocuments(db);
    expect(stored).toEqual(new Map(store.state.documents));
    // Three workers, but documents keep the order of the files.
    expect([...store.state.documents.values()].sort((a, b) => a.order - b.order).map((d) => d.meta.fileName)).toEqual(files.slice(0, 30).map((f) => f.name));
    db.close();
  });

  it('stores every text exactly as prepared: a leading U+FEFF, a lone surrogate from a JSON escape, a file taken as its own bytes', async () => {
    const { db, store, name } = await setup();
    const records = ['{"text":"\\ufeffنص يبدأ بعلامة ترتيب البايتات","title":"bom"}', '{"text":"نص فيه \\ud800 نصف حرف","title":"lone"}'].join('\n');
    const files = [article(0), { name: 'records.jsonl', bytes: encoder.encode(records) }];
    const writer = new InlineWriter();
    const result = await new ImportSession(store, files, {}, () => undefined, { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => writer, preparers: 1 }).start();
    expect(result.report.imported).toHaveLength(3);
    expect(writer.posted.filter((m) => m.type === 'written').length).toBeGreaterThan(0);
    const texts = [...(await storedDocuments(db)).values()].map((d) => d.text).sort();
    expect(texts).toEqual([textOf(0), '\ufeffنص يبدأ بعلامة ترتيب البايتات', 'نص فيه \ud800 نصف حرف'].sort());
    expect(await storedDocuments(db)).toEqual(new Map(store.state.documents));
    db.close();
  });

  it('reports duplicates within the import (across workers) and of documents already in the corpus', async () => {
    const { db, store, name } = await setup();
    const existing = { ...prepared(textOf(7)), id: 'old', corpusId: 'corpus-1', order: 0, status: 'todo' as const };
    await store.dispatch({ changes: [{ table: 'documents', id: 'old', before: null, after: existing }], origin: 'load', addToHistory: false, description: 'seed' });
    // Files 0 and 1 go to different workers; 2 repeats the text already in the corpus.
    const files = [article(1), { name: 'copy-of-1.txt', bytes: article(1).bytes }, { name: 'copy-of-7.txt', bytes: article(7).bytes }, article(3)];
    const result = await new ImportSession(store, files, {}, () => undefined, { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => new InlineWriter(), preparers: 2 }).start();
    expect(result.report.imported.map((i) => i.fileName)).toEqual(['a-1.txt', 'a-3.txt']);
    expect(result.report.duplicates.map((d) => [d.fileName, d.existingTitle, d.existingFile])).toEqual([
      ['copy-of-1.txt', result.report.imported[0]!.title, 'a-1.txt'],
      ['copy-of-7.txt', existing.title, undefined],
    ]);
    const stored = await storedDocuments(db);
    expect([...stored.values()].map((d) => d.text).sort()).toEqual([textOf(7), textOf(1), textOf(3)].sort());
    expect(stored).toEqual(new Map(store.state.documents));
    db.close();
  });

  it('cancel stops the import; what was imported is whole and stored, nothing is half-imported', async () => {
    const { db, store, name } = await setup();
    const files = Array.from({ length: 200 }, (_, i) => article(i));
    let session: ImportSession | null = null;
    session = new ImportSession(
      store,
      files,
      {},
      (p) => {
        if (p.done >= 20) session!.cancel();
      },
      { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => new InlineWriter(), preparers: 2 },
    );
    const result = await session.start();
    expect(result.cancelled).toBe(true);
    const stored = await storedDocuments(db);
    expect(result.notProcessed).toBe(200 - stored.size);
    expect(stored.size).toBe(result.report.imported.length);
    expect(stored.size).toBeGreaterThanOrEqual(20);
    expect(stored.size).toBeLessThan(200);
    expect(stored).toEqual(new Map(store.state.documents));
    for (const doc of stored.values()) {
      expect(doc.text).toBe(textOf(Number(/^a-(\d+)\.txt$/.exec(doc.meta.fileName!)![1])));
      expect(doc.minhash).toBeInstanceOf(Uint32Array);
    }
    db.close();
  });

  it('cancelling after every file was prepared, while writes lag behind, imports only the batches already handed over', async () => {
    const { db, store, name } = await setup();
    const files = Array.from({ length: 1000 }, (_, i) => article(i));
    let session: ImportSession | null = null;
    const seen: ImportProgress[] = [];
    session = new ImportSession(
      store,
      files,
      {},
      (p) => {
        seen.push(p);
        if (p.prepared === 1000) session!.cancel();
      },
      { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => new InlineWriter(undefined, 1000), preparers: 2 },
    );
    const result = await session.start();
    expect(result.cancelled).toBe(true);
    // The bar counts files handed to writes, which never run more than two batches ahead.
    expect(seen.some((p) => p.prepared > p.done)).toBe(true);
    const stored = await storedDocuments(db);
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(1000);
    expect(stored.size).toBe(result.report.imported.length);
    expect(result.notProcessed).toBe(1000 - stored.size);
    expect(stored).toEqual(new Map(store.state.documents));
    db.close();
  }, 30_000);

  it('preparation runs at most the lookahead ahead of the writes, and every file is imported', async () => {
    const { db, store, name } = await setup();
    const files = Array.from({ length: 1500 }, (_, i) => article(i));
    let ahead = 0;
    const result = await new ImportSession(store, files, {}, (p) => (ahead = Math.max(ahead, p.prepared - p.done)), {
      database: name,
      createPreparer: () => new InlinePreparer(),
      createWriter: () => new InlineWriter(undefined, 1500),
      preparers: 2,
      lookahead: 200,
    }).start();
    expect(result.report.imported).toHaveLength(1500);
    // Slow writes: dealt at most 200 files beyond those in batches, plus one message of 250
    // per preparer (without the bound the preparers ran 1,000 files ahead).
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(200 + 2 * 250);
    expect((await storedDocuments(db)).size).toBe(1500);
    db.close();
  }, 30_000);

  it('a batch whose write fails stops the import; nothing of that batch is stored or shown, earlier batches stay whole', async () => {
    const { db, store, name } = await setup();
    const files = Array.from({ length: 600 }, (_, i) => article(i));
    // IndexedDB refuses one document in the middle of the import (as a full disk would).
    const restore = refuseWritesOf((value) => (value as Partial<DocumentRecord> | undefined)?.meta?.fileName === 'a-400.txt', new DOMException('The disk is full.', 'QuotaExceededError'));
    const failing = async (dbName: string): Promise<IsnadDatabase> => {
      const writerDb = new IsnadDatabase(dbName);
      await writerDb.open();
      return writerDb;
    };
    const preparers: InlinePreparer[] = [];
    const createPreparer = (): InlinePreparer => {
      preparers.push(new InlinePreparer());
      return preparers.at(-1)!;
    };
    const outcome = await new ImportSession(store, files, {}, () => undefined, { database: name, createPreparer, createWriter: () => new InlineWriter(failing), preparers: 2 })
      .start()
      .then(
        () => null,
        (error: Error) => error,
      );
    restore();
    expect(outcome?.message).toContain('The disk is full.');
    // Each preparer was dealt its 300 files in two messages (250 + 50).
    expect(preparers.map((p) => p.messages)).toEqual([2, 2]);
    await store.settled();
    const stored = await storedDocuments(db);
    // The batches before the failure are stored and shown; the failed one is neither.
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(400);
    expect(stored).toEqual(new Map(store.state.documents));
    expect([...stored.values()].some((d) => d.meta.fileName === 'a-400.txt')).toBe(false);
    for (const doc of stored.values()) expect(doc.text).toBe(textOf(Number(/^a-(\d+)\.txt$/.exec(doc.meta.fileName!)![1])));
    db.close();
  });

  it('writes on the main thread when the writer cannot open the database', async () => {
    const { db, store, name } = await setup();
    const files = Array.from({ length: 12 }, (_, i) => article(i));
    const writer = new InlineWriter(() => Promise.reject(new Error('IndexedDB is not available in this worker.')));
    const result = await new ImportSession(store, files, {}, () => undefined, { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => writer, preparers: 2 }).start();
    expect(writer.posted[0]).toEqual({ type: 'ready', writes: false, reason: 'IndexedDB is not available in this worker.' });
    expect(writer.posted.some((m) => m.type === 'written')).toBe(false);
    expect(result.report.imported).toHaveLength(12);
    expect(await storedDocuments(db)).toEqual(new Map(store.state.documents));
    db.close();
  });

  it('an Isnad export among article files brings its spans and sources, written on the main thread, alongside', async () => {
    const { db, store, name } = await setup();
    let k = 0;
    const sample = buildSampleCorpus({ ...testContext(), newId: () => `sample-${++k}` });
    const exported = exportNative(createCorpusState(sample.corpus, sample.documents, sample.spans, sample.sources, sample.attributions), { exportedAt: '2026-01-01T00:00:00.000Z' });
    if (!exported.ok) throw new Error(exported.problems.join(' '));
    const files = [article(0), { name: 'sample.json', bytes: encoder.encode(exported.json) }, article(1)];
    const result = await new ImportSession(store, files, {}, () => undefined, { database: name, createPreparer: () => new InlinePreparer(), createWriter: () => new InlineWriter(), preparers: 2 }).start();
    expect(result.report.imported).toHaveLength(sample.documents.length + 2);
    const records = (await readCorpus(db, 'corpus-1'))!;
    expect(records.spans).toHaveLength(sample.spans.length);
    expect(records.attributions).toHaveLength(sample.attributions.length);
    expect(new Map(records.documents.map((d) => [d.id, d]))).toEqual(new Map(store.state.documents));
    db.close();
  });
});

/** A document's fields as an import prepares them from `text`. */
function prepared(text: string): Omit<DocumentRecord, 'id' | 'corpusId' | 'order' | 'status'> {
  const file = prepareFile({ name: 'seed.txt', bytes: encoder.encode(text) });
  if (file.kind !== 'articles') throw new Error('not an article');
  const a = file.articles[0]!;
  return { title: a.title, text: a.text, sha256: a.sha256, minhash: a.minhash, meta: { ...a.meta, origin: 'file', importedAt: '2026-01-01T00:00:00.000Z' } };
}

import { describe, expect, it } from 'vitest';
import { createCorpusState } from '../../../shared/model/state';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { IsnadDatabase, writeRecords, writeTransaction } from '../../../renderer/db/db';
import { ImportSession, type ImportProgress } from '../../../renderer/import/import-session';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { InlineWorker } from '../helpers/inline-worker';
import { testContext } from '../helpers/tagged';

const encoder = new TextEncoder();
function article(i: number): { name: string; bytes: Uint8Array } {
  return { name: `a-${i}.txt`, bytes: encoder.encode(`خبر رقم ${i}: أعلنت الوكالة عن حدث جديد في المدينة رقم ${i}.\nوقال مصدر إن التفاصيل ستعلن لاحقاً في بيان رسمي ${i}.\n`) };
}

let n = 0;
async function setup() {
  const db = new IsnadDatabase(`import-session-${++n}`);
  await db.open();
  const corpus = { id: 'corpus-1', name: 'Test', schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' };
  await writeRecords(db, { corpus, documents: [], spans: [] });
  const store = new CorpusStore(createCorpusState(corpus), { write: (tx, h) => writeTransaction(db, tx, h) }, testContext());
  return { db, store };
}

describe('ImportSession', () => {
  it('imports every file, reports progress file by file, and every document is durable at the end', async () => {
    const { db, store } = await setup();
    const files = [...Array.from({ length: 30 }, (_, i) => article(i)), { name: 'bad.bin', bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 0]) }];
    const progress: ImportProgress[] = [];
    const result = await new ImportSession(store, files, {}, (p) => progress.push(p), () => new InlineWorker(), 3).start();
    expect(result.cancelled).toBe(false);
    expect(result.report.imported).toHaveLength(30);
    expect(result.report.refused.map((r) => r.fileName)).toEqual(['bad.bin']);
    expect(await db.documents.count()).toBe(30);
    expect(store.state.documents.size).toBe(30);
    expect(progress.at(-1)).toMatchObject({ total: 31, done: 31 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(store.history.undo).toBeNull();
    // Three workers, but documents keep the order of the files.
    expect([...store.state.documents.values()].sort((a, b) => a.order - b.order).map((d) => d.meta.fileName)).toEqual(files.slice(0, 30).map((f) => f.name));
    db.close();
  });

  it('cancel stops the import; what was imported is whole, nothing is half-imported', async () => {
    const { db, store } = await setup();
    const files = Array.from({ length: 200 }, (_, i) => article(i));
    let session: ImportSession | null = null;
    session = new ImportSession(store, files, {}, (p) => {
      if (p.done === 20) session!.cancel();
    }, () => new InlineWorker(), 2);
    const result = await session.start();
    expect(result.cancelled).toBe(true);
    const stored = await db.documents.toArray();
    expect(result.notProcessed).toBe(200 - stored.length);
    expect(stored).toHaveLength(result.report.imported.length);
    expect(stored.length).toBeGreaterThanOrEqual(20);
    expect(stored.length).toBeLessThan(200);
    for (const doc of stored) {
      expect(doc.text.endsWith('\n')).toBe(true);
      expect(doc.minhash).toBeInstanceOf(Uint32Array);
    }
    db.close();
  });
});

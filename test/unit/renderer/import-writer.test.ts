import { afterEach, describe, expect, it } from 'vitest';
import { ImportBuilder, prepareFile } from '../../../shared/model/import';
import { createCorpusState } from '../../../shared/model/state';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import type { DocumentRecord } from '../../../shared/model/types';
import { IsnadDatabase, writeRecords } from '../../../renderer/db/db';
import { createImportWriter, type ImportWriter } from '../../../renderer/import/import-writer';
import type { FromWriter, RecordToWrite } from '../../../renderer/import/protocol';
import { testContext } from '../helpers/tagged';
import { refuseWritesOf } from '../helpers/storage-faults';

const corpus = { id: 'corpus-1', name: 'Test', schema: DEFAULT_LABEL_SCHEMA, createdAt: '2026-01-01T00:00:00.000Z' };
const writers: ImportWriter[] = [];
afterEach(() => writers.splice(0).forEach((w) => w.close()));

/** Two batches of one document each, as the main thread sends them: records without text, and the texts as UTF-8 bytes. */
function twoBatches(): Array<{ records: RecordToWrite[]; texts: Uint8Array[] }> {
  const files = ['أعلنت الوكالة عن حدث جديد في المدينة.\n', 'وقال مصدر إن التفاصيل ستعلن لاحقاً.\n'].map((text, i) => prepareFile({ name: `a-${i}.txt`, bytes: new TextEncoder().encode(text) }));
  const builder = new ImportBuilder(createCorpusState(corpus), testContext());
  return files.map((file) => {
    builder.add(file);
    const docs = builder.take()!.changes.map((c) => c.after as DocumentRecord);
    return { records: docs.map(({ text: _text, ...rest }) => rest), texts: docs.map((d) => new TextEncoder().encode(d.text)) };
  });
}

/** A writer on `db`; resolves with its answers to `writes` batches. */
async function writeBatches(db: IsnadDatabase, open: (name: string) => Promise<IsnadDatabase>, writes: number): Promise<FromWriter[]> {
  const batches = twoBatches();
  const answers: FromWriter[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const writer = createImportWriter((message) => {
    if (message.type !== 'written' && message.type !== 'write-failed') return;
    answers.push(message);
    if (answers.length === writes) done();
  }, open);
  writers.push(writer);
  writer.handle({ type: 'start', database: db.name });
  await new Promise<void>((resolve) => setTimeout(resolve, 50));
  // Both batches at once, as the session sends them: the second starts while the first commits.
  for (let id = 1; id <= writes; id += 1) writer.handle({ type: 'write', id, ...batches[id - 1]! });
  await finished;
  return answers;
}

describe('import writer', () => {
  it('writes batches sent back to back, in order', async () => {
    const db = new IsnadDatabase('import-writer-order');
    await db.open();
    await writeRecords(db, { corpus, documents: [], spans: [] });
    const open = async (name: string): Promise<IsnadDatabase> => {
      const writerDb = new IsnadDatabase(name);
      await writerDb.open();
      return writerDb;
    };
    const answers = await writeBatches(db, open, 2);
    expect(answers).toEqual([
      { type: 'written', id: 1 },
      { type: 'written', id: 2 },
    ]);
    expect((await db.documents.toArray()).map((d) => d.meta.fileName).sort()).toEqual(['a-0.txt', 'a-1.txt']);
    db.close();
  });

  it('a batch started while an earlier one fails is not written: what is durable stays a prefix of the batches', async () => {
    const db = new IsnadDatabase('import-writer-failure');
    await db.open();
    await writeRecords(db, { corpus, documents: [], spans: [] });
    // IndexedDB refuses the first batch's document (as a full disk would).
    const restore = refuseWritesOf((value) => (value as Partial<DocumentRecord> | undefined)?.meta?.fileName === 'a-0.txt', new DOMException('The disk is full.', 'QuotaExceededError'));
    const open = async (name: string): Promise<IsnadDatabase> => {
      const writerDb = new IsnadDatabase(name);
      await writerDb.open();
      return writerDb;
    };
    const answers = await writeBatches(db, open, 2).finally(restore);
    expect(answers.map((a) => a.type)).toEqual(['write-failed', 'write-failed']);
    expect(answers[1]).toMatchObject({ id: 2, message: expect.stringContaining('an earlier batch of this import was not written') });
    expect(await db.documents.count()).toBe(0);
    db.close();
  });
});

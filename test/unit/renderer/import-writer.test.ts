import { afterEach, describe, expect, it } from 'vitest';
import { ImportBuilder, prepareFile, type PreparedFile } from '../../../shared/model/import';
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

/** Two prepared files and, for each, the record the main thread would send (without text). */
function twoBatches(): { files: PreparedFile[]; records: RecordToWrite[][] } {
  const files = ['أعلنت الوكالة عن حدث جديد في المدينة.\n', 'وقال مصدر إن التفاصيل ستعلن لاحقاً.\n'].map((text, i) => prepareFile({ name: `a-${i}.txt`, bytes: new TextEncoder().encode(text) }));
  const builder = new ImportBuilder(createCorpusState(corpus), testContext());
  const records = files.map((file) => {
    builder.add(file);
    return builder.take()!.changes.map((c) => {
      const { text: _text, minhash: _minhash, ...rest } = c.after as DocumentRecord;
      return rest;
    });
  });
  return { files, records };
}

/** A writer on `db`, fed the files by a preparer's port; resolves with its answers to `writes` batches. */
async function writeBatches(db: IsnadDatabase, open: (name: string) => Promise<IsnadDatabase>, writes: number): Promise<FromWriter[]> {
  const { files, records } = twoBatches();
  const answers: FromWriter[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const writer = createImportWriter((message) => {
    if (message.type !== 'written' && message.type !== 'write-failed') return;
    answers.push(message);
    if (answers.length === writes) done();
  }, open);
  writers.push(writer);
  const channel = new MessageChannel();
  writer.handle({ type: 'start', database: db.name, ports: [channel.port1] });
  const relayed = new Promise<void>((resolve) => setTimeout(resolve, 50));
  channel.port2.postMessage({ type: 'prepared', items: files.map((file, index) => ({ index, file })) });
  await relayed;
  // Both batches at once, as the session sends them: the second starts while the first commits.
  for (let id = 1; id <= writes; id += 1) writer.handle({ type: 'write', id, files: [id - 1], records: records[id - 1]! });
  await finished;
  channel.port2.close();
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

/**
 * The writing end of an import (the body of the writing worker; inline in unit tests). The
 * main thread sends it each batch of new documents (after duplicates are dropped and ids and
 * order assigned) as records with their texts' UTF-8 bytes; it decodes the texts and writes
 * each batch in one IndexedDB transaction through the app's one write path,
 * `writeTransaction`: a batch is durable whole or not at all. The main thread shows a batch
 * only after it is written.
 *
 * Why a worker writes: an IndexedDB put serialises its value on the calling thread, and
 * serialising 250 articles took the UI thread 50–150 ms per batch.
 */
import { IsnadDatabase, writeTransaction } from '../db/db';
import { transaction } from '../../shared/model/transaction';
import type { DocumentRecord } from '../../shared/model/types';
import { textOfUtf8, type FromWriter, type RecordToWrite, type ToWriter } from './protocol';
import { phrase } from '../../shared/phrases/phrase';

/** The writer as its host drives it: hand it each message from the main thread; close it at the end. */
export interface ImportWriter {
  handle(message: ToWriter): void;
  close(): void;
}

async function openDatabase(name: string): Promise<IsnadDatabase> {
  const db = new IsnadDatabase(name);
  await db.open();
  return db;
}

/** The documents of `records` with their texts: `texts[k]` (bytes or string) is the text of `records[k]`. */
export function completeRecords(records: readonly RecordToWrite[], texts: ReadonlyArray<Uint8Array | string>): DocumentRecord[] {
  if (texts.length !== records.length) throw new Error(`the import writer got ${texts.length} texts for ${records.length} documents`);
  return records.map((record, k) => {
    const text = texts[k]!;
    return { ...record, text: typeof text === 'string' ? text : textOfUtf8(text) };
  });
}

/**
 * A writer that reports to `post`. `open` opens the database by name (tests pass their own).
 * Until `start` it does nothing; after it, it posts `ready` (saying whether it can write).
 */
export function createImportWriter(post: (message: FromWriter) => void, open: (name: string) => Promise<IsnadDatabase> = openDatabase): ImportWriter {
  let db: IsnadDatabase | null = null;
  /** Why a batch was not written; every later batch is then refused too (see `write`). */
  let failure: string | null = null;

  const start = async (database: string | null): Promise<void> => {
    let reason: string | undefined;
    if (database !== null) {
      try {
        db = await open(database);
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    post({ type: 'ready', writes: db !== null, ...(reason ? { reason } : {}) });
  };

  /**
   * Writes one batch. Batches are not queued here: each starts its IndexedDB transaction as
   * soon as it arrives, so its documents are serialised and sent while the batch before it
   * commits, and IndexedDB runs the transactions in the order they were started. A batch
   * that finds, once it may run, that an earlier one failed is aborted (the guard), so
   * what is durable is always a prefix of the batches, as the main thread assumes.
   */
  const write = async (id: number, records: RecordToWrite[], texts: Array<Uint8Array | string>): Promise<void> => {
    const refuse = (): void => {
      if (failure !== null) throw new Error(`an earlier batch of this import was not written (${failure})`);
    };
    try {
      if (!db) throw new Error('the import writer has no database');
      refuse();
      const documents = completeRecords(records, texts);
      const tx = transaction(
        documents.map((doc) => ({ table: 'documents', id: doc.id, before: null, after: doc })),
        { origin: 'import', description: phrase('change.import', { count: documents.length }) },
      );
      await writeTransaction(db, tx, undefined, { guard: refuse });
      post({ type: 'written', id });
    } catch (error) {
      failure ??= (error as Error).message;
      post({ type: 'write-failed', id, message: (error as Error).message });
    }
  };

  return {
    handle(message: ToWriter): void {
      if (message.type === 'start') void start(message.database);
      else void write(message.id, message.records, message.texts);
    },
    close(): void {
      db?.close();
    },
  };
}

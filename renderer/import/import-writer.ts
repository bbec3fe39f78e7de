/**
 * The writing end of an import (the body of the writing worker; inline in unit tests). It
 * relays what the preparing workers send on to the main thread, keeps the prepared articles
 * of each file until the main thread says which of them become documents (after duplicates
 * are dropped and ids and order assigned), and writes each such batch in one IndexedDB
 * transaction through the app's one write path, `writeTransaction`: a batch is durable
 * whole or not at all. The main thread shows a batch only after it is written.
 *
 * Why a worker writes: an IndexedDB put serialises its value on the calling thread, and
 * serialising 250 articles took the UI thread 50–150 ms per batch.
 */
import { IsnadDatabase, writeTransaction } from '../db/db';
import type { PreparedArticle } from '../../shared/model/import';
import { transaction } from '../../shared/model/transaction';
import type { DocumentRecord } from '../../shared/model/types';
import type { FromPreparer, FromWriter, RecordToWrite, ToWriter } from './protocol';
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

/**
 * The documents of `records` with their text and MinHash signature taken from the prepared
 * articles. Within one import a text is never written twice (duplicates by SHA-256 are
 * dropped), so the hash finds the article.
 */
export function completeRecords(records: readonly RecordToWrite[], articles: Iterable<PreparedArticle>): DocumentRecord[] {
  const bySha = new Map<string, PreparedArticle>();
  for (const article of articles) if (!bySha.has(article.sha256)) bySha.set(article.sha256, article);
  return records.map((record) => {
    const article = bySha.get(record.sha256);
    if (!article) throw new Error(`the import writer holds no article with the text of “${record.title}”`);
    return { ...record, text: article.text, minhash: article.minhash };
  });
}

/**
 * A writer that reports to `post`. `open` opens the database by name (tests pass their own).
 * Until `start` it does nothing; after it, it first posts `ready` (saying whether it can
 * write), then relays the preparers' messages.
 */
export function createImportWriter(post: (message: FromWriter) => void, open: (name: string) => Promise<IsnadDatabase> = openDatabase): ImportWriter {
  const held = new Map<number, PreparedArticle[]>();
  let db: IsnadDatabase | null = null;
  let ports: MessagePort[] = [];
  /** Why a batch was not written; every later batch is then refused too (see `write`). */
  let failure: string | null = null;

  const relay = (message: FromPreparer): void => {
    if (db && message.type === 'prepared') for (const { index, file } of message.items) if (file.kind === 'articles') held.set(index, file.articles);
    post(message);
  };

  const start = async (database: string | null, from: MessagePort[]): Promise<void> => {
    let reason: string | undefined;
    if (database !== null) {
      try {
        db = await open(database);
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    post({ type: 'ready', writes: db !== null, ...(reason ? { reason } : {}) });
    ports = from;
    for (const port of ports) port.onmessage = (event: MessageEvent<FromPreparer>) => relay(event.data);
  };

  /**
   * Writes one batch. Batches are not queued here: each starts its IndexedDB transaction as
   * soon as it arrives, so its documents are serialised and sent while the batch before it
   * commits, and IndexedDB runs the transactions in the order they were started. A batch
   * that finds, once it may run, that an earlier one failed is aborted (the guard), so
   * what is durable is always a prefix of the batches, as the main thread assumes.
   */
  const write = async (id: number, files: number[], records: RecordToWrite[]): Promise<void> => {
    const refuse = (): void => {
      if (failure !== null) throw new Error(`an earlier batch of this import was not written (${failure})`);
    };
    try {
      if (!db) throw new Error('the import writer has no database');
      refuse();
      const documents = completeRecords(records, files.flatMap((index) => held.get(index) ?? []));
      const tx = transaction(
        documents.map((doc) => ({ table: 'documents', id: doc.id, before: null, after: doc })),
        { origin: 'import', description: phrase('change.import', { count: documents.length }) },
      );
      await writeTransaction(db, tx, undefined, { guard: refuse });
      post({ type: 'written', id });
    } catch (error) {
      failure ??= (error as Error).message;
      post({ type: 'write-failed', id, message: (error as Error).message });
    } finally {
      for (const index of files) held.delete(index);
    }
  };

  return {
    handle(message: ToWriter): void {
      if (message.type === 'start') void start(message.database, message.ports);
      else if (message.type === 'release') for (const index of message.files) held.delete(index);
      else void write(message.id, message.files, message.records);
    },
    close(): void {
      for (const port of ports) port.close();
      db?.close();
      held.clear();
    },
  };
}

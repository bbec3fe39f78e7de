/**
 * The Isnad database (Dexie over IndexedDB). One class with typed tables; versions are
 * only ever added, with data migrations in `upgrade()`. Every state change reaches it
 * through `writeTransaction` (one write path), inside one IndexedDB transaction.
 */
import { Dexie, type EntityTable, type Table, type Transaction as DexieTransaction } from 'dexie';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../../shared/model/types';
import { defaultRegistry } from '../../shared/model/registry';
import { ConcurrentChangeError, type RecordChange, type Transaction } from '../../shared/model/transaction';
import { placeRecordChecks, recordKey } from './record-checks';
import { compactSpans, shareStrings } from '../../shared/model/shared-strings';
import type { HistoryChange, HistoryEntry } from '../state/corpus-store';
import { minHashSignature } from '../../shared/model/near-duplicates';
import type { StoredRecord } from '../../shared/model/state';
import type { SnapshotInfo } from '../../shared/snapshots/snapshot';

/** A small key/value row: the open corpus, the open document, preferences. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The file of a stored snapshot (browser), apart from its facts so that listing stays cheap. */
export interface SnapshotFileRecord {
  id: string;
  json: string;
}

/** The IndexedDB database name. */
export const DATABASE_NAME = 'isnad';

/** Changes every stored document in place (a data migration inside an upgrade). */
async function modifyDocuments(tx: DexieTransaction, change: (doc: DocumentRecord) => void): Promise<void> {
  await tx.table<DocumentRecord, string>('documents').toCollection().modify(change);
}

/** Before database version 6, each document's rejected suggestions were a setting with this prefix and the document's id. */
const LEGACY_REJECTIONS_PREFIX = 'rejectedSuggestions:';

/** The typed Dexie database. */
export class IsnadDatabase extends Dexie {
  corpora!: EntityTable<CorpusRecord, 'id'>;
  documents!: EntityTable<DocumentRecord, 'id'>;
  spans!: EntityTable<SpanRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  sources!: EntityTable<SourceRecord, 'id'>;
  attributions!: EntityTable<AttributionRecord, 'id'>;
  snapshots!: EntityTable<SnapshotInfo, 'id'>;
  snapshotFiles!: EntityTable<SnapshotFileRecord, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    // 'strict': a commit is flushed to disk before it resolves, so an acknowledged edit also
    // survives a power cut (closing the laptop on a flat battery), not only a crash.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    // Nothing here uses liveQuery (windows keep each other up to date through CorpusSync), so
    // Dexie's change tracking for it would only cost every write its time.
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.version(1).stores({
      corpora: 'id',
      documents: 'id, corpusId, sha256, [corpusId+order]',
      spans: 'id, corpusId, docId',
      settings: 'key',
      history: 'id, corpusId',
    });
    // Version 2: documents record their source format and carry a MinHash signature for
    // near-duplicate grouping. Version-1 documents were plain text; sign them now.
    this.version(2)
      .stores({})
      .upgrade((tx) =>
        modifyDocuments(tx, (doc) => {
          doc.meta.format ??= 'text';
          doc.minhash ??= minHashSignature(doc.text);
        }),
      );
    // Version 3: the source registry and attributions. Existing corpora get the default registry.
    this.version(3)
      .stores({ sources: 'id, corpusId', attributions: 'id, corpusId, docId, claimSpanId, sourceId' })
      .upgrade(async (tx) => {
        const now = new Date().toISOString();
        const corpora = await tx.table<CorpusRecord, string>('corpora').toArray();
        for (const corpus of corpora) {
          await tx.table<SourceRecord, string>('sources').bulkPut(defaultRegistry(corpus.id, { newId: () => crypto.randomUUID(), now: () => now }));
        }
      });
    // Version 4: near-duplicate signatures became one-permutation MinHash (a shingle is hashed
    // once instead of 128 times, see shared/search/minhash.ts). Signatures of the two schemes
    // cannot be compared, so every document is signed again — the stored ones and the copies
    // in the undo history (an undo puts its copy back, and writes check it against the store).
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        await modifyDocuments(tx, (doc) => {
          doc.minhash = minHashSignature(doc.text);
        });
        await tx.table<HistoryEntry, string>('history').toCollection().modify((entry) => {
          for (const change of entry.tx.changes) {
            if (change.table !== 'documents') continue;
            for (const doc of [change.before, change.after] as Array<DocumentRecord | null>) if (doc?.minhash) doc.minhash = minHashSignature(doc.text);
          }
        });
      });
    // Version 5: automatic snapshots of each corpus (browser host; Electron keeps them as
    // files): their facts, and their native-format files by the same id. Nothing to migrate.
    this.version(5).stores({ snapshots: 'id, corpusId, [corpusId+takenAt]', snapshotFiles: 'id' });
    // Version 6: the suggestions rejected in a document move from a setting per document into
    // the document's record, where a rejection is an undoable change like any other. The
    // document's copies in the undo history get them too, so that undoing an earlier change of
    // the record (its status, its details) neither drops them nor is refused as a concurrent
    // change.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const settings = tx.table<SettingRecord, string>('settings');
        const rows = await settings.where('key').startsWith(LEGACY_REJECTIONS_PREFIX).toArray();
        if (!rows.length) return;
        const rejected = new Map<string, string[]>();
        for (const row of rows) {
          const ids = Array.isArray(row.value) ? row.value.filter((id): id is string => typeof id === 'string') : [];
          if (ids.length) rejected.set(row.key.slice(LEGACY_REJECTIONS_PREFIX.length), [...new Set(ids)]);
        }
        const addRejections = (doc: DocumentRecord | null): void => {
          const ids = doc && rejected.get(doc.id);
          if (ids) doc.rejectedSuggestions = ids;
        };
        await modifyDocuments(tx, addRejections);
        await tx.table<HistoryEntry, string>('history').toCollection().modify((entry) => {
          for (const change of entry.tx.changes) {
            if (change.table !== 'documents') continue;
            addRejections(change.before);
            addRejections(change.after);
          }
        });
        await settings.bulkDelete(rows.map((row) => row.key));
      });
  }
}

/**
 * A read-write transaction that fails with the root cause. When IndexedDB aborts a
 * transaction (the disk is full at commit), Dexie may reject with the abort of one request;
 * the transaction's own error (a `QuotaExceededError`) says what happened, so that is
 * thrown instead. A transaction aborted by our own throw has no such error: ours is kept.
 */
export async function writeInTransaction<T>(db: Dexie, tables: Table[], scope: () => Promise<T>): Promise<T> {
  let idbtrans: IDBTransaction | undefined;
  try {
    return await db.transaction('rw', tables, (tx) => {
      idbtrans = tx.idbtrans;
      return scope();
    });
  } catch (error) {
    throw idbtrans?.error ?? error;
  }
}

type RecordTables = { [K in RecordChange['table']]: { bulkGet(keys: string[]): Promise<unknown[]>; bulkPut(items: unknown[]): Promise<unknown>; bulkDelete(keys: string[]): Promise<void> } };

function recordTables(db: IsnadDatabase): RecordTables {
  return { corpora: db.corpora, documents: db.documents, spans: db.spans, sources: db.sources, attributions: db.attributions } as unknown as RecordTables;
}

/**
 * The corpora whose records a transaction writes or deletes, apart from the corpora it
 * writes itself: each must still be stored when it is written (another window may have
 * deleted it meanwhile, and its records would be orphans no corpus lists).
 */
function corporaReferenced(tx: Transaction): string[] {
  const written = new Set<string>();
  const referenced = new Set<string>();
  for (const change of tx.changes) {
    if (change.table === 'corpora') {
      if (change.after) written.add(change.id);
      continue;
    }
    const corpusId = (change.after ?? change.before)?.corpusId;
    if (corpusId) referenced.add(corpusId);
  }
  return [...referenced].filter((id) => !written.has(id));
}

/** Options of {@link writeTransaction}. */
export interface WriteOptions {
  /**
   * Called inside the IndexedDB transaction once all its requests have answered, that is,
   * after every transaction started earlier on these stores has finished; throwing aborts
   * this one, writing nothing. Lets a caller start transactions one after another without
   * waiting for each to commit (the import writer) and still stop the later ones when an
   * earlier one failed.
   */
  guard?: () => void;
}

/** The object stores a transaction and its undo-history change write to. */
const WRITE_STORES = ['corpora', 'documents', 'spans', 'sources', 'attributions', 'history'] as const;

/**
 * Dexie's IndexedDB connection, opened first if it never was. A connection closed since
 * (another window upgraded the database, or the app closed it) is refused as Dexie refuses
 * it, with a `DatabaseClosedError`: the window must be reloaded.
 */
async function connection(db: IsnadDatabase): Promise<IDBDatabase> {
  if (!db.isOpen()) {
    if (db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('The database connection was closed.');
    await db.open();
  }
  return db.backendDB();
}

/**
 * Writes a transaction's record changes (puts and deletes) and the undo-history change in
 * one IndexedDB transaction, after checking that the stored records are the ones the
 * transaction was made from: another window may have changed or deleted one since this
 * window read it, and then the write is refused with a `ConcurrentChangeError`, so two
 * windows editing the same span can never both win silently (and no record is written into
 * a corpus another window deleted). Resolves only when IndexedDB has committed; rejects,
 * writing nothing, on any failure (with the transaction's own error when IndexedDB aborted
 * it, a `QuotaExceededError` when the disk is full).
 *
 * This is the one hot write path (every keyboard edit waits for it before it is shown), so
 * it speaks IndexedDB directly on Dexie's connection rather than through Dexie's promise
 * and middleware layers; it writes the same records Dexie would. Every request is placed at
 * once, reads first: IndexedDB runs a transaction's requests in the order they were placed,
 * so the reads see the records as they were before this write, and the write costs one
 * round trip to the database instead of one per request. A failed check aborts the
 * transaction, undoing the writes placed after the reads.
 */
export async function writeTransaction(db: IsnadDatabase, tx: Transaction, history: HistoryChange = { put: [], remove: [] }, options: WriteOptions = {}): Promise<void> {
  const idb = await connection(db);
  await new Promise<void>((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = idb.transaction([...WRITE_STORES], 'readwrite', { durability: 'strict' });
    } catch (error) {
      reject(error);
      return;
    }
    let refusal: unknown = null;
    const refuse = (error: unknown): void => {
      if (refusal !== null) return;
      refusal = error;
      try {
        transaction.abort();
      } catch {
        // Already finishing: onabort or oncomplete reports.
      }
    };
    transaction.oncomplete = () => resolve();
    // A record changed elsewhere first; then IndexedDB's own error (a commit refused for lack
    // of space); then ours (a request refused at once).
    transaction.onabort = () => reject(refusal instanceof ConcurrentChangeError ? refusal : (transaction.error ?? refusal ?? new DOMException('The write was aborted.', 'AbortError')));
    let last: IDBRequest | null = null;
    try {
      const placed = <R extends IDBRequest>(request: R): R => (last = request);
      const store = (name: (typeof WRITE_STORES)[number]): IDBObjectStore => transaction.objectStore(name);
      // Reads first: the corpora this write adds records to must still be stored…
      for (const corpusId of corporaReferenced(tx)) {
        const request = placed(store('corpora').get(corpusId));
        request.onsuccess = () => {
          if (request.result === undefined) refuse(new ConcurrentChangeError('corpora', corpusId));
        };
      }
      // …and every record it changes must be what the transaction was made from (records it
      // creates are added instead: record-checks.ts).
      const created = placeRecordChecks(transaction, tx, refuse, placed);
      for (const id of history.remove) placed(store('history').delete(id));
      for (const entry of history.put) placed(store('history').put(entry));
      for (const change of tx.changes) {
        const key = recordKey(change.table, change.id);
        if (change.after === null) placed(store(change.table).delete(change.id));
        else if (!created.delete(key)) placed(store(change.table).put(change.after));
        else {
          const request = placed(store(change.table).add(change.after));
          request.onerror = () => {
            if (request.error?.name === 'ConstraintError') refuse(new ConcurrentChangeError(change.table, change.id));
          };
        }
      }
      const guard = options.guard;
      if (guard) {
        // Requests answer in the order placed: after the last one, all have.
        const runGuard = (): void => {
          try {
            guard();
          } catch (error) {
            refuse(error);
          }
        };
        const final = last as IDBRequest | null;
        if (!final) runGuard();
        else {
          const answered = final.onsuccess;
          final.onsuccess = (event) => {
            answered?.call(final, event);
            runGuard();
          };
        }
      }
    } catch (error) {
      // A request refused at once (a value that cannot be stored; some browsers throw
      // QuotaExceededError here): nothing of the transaction is kept.
      refuse(error);
    }
  });
}

/** Every record of one corpus. */
export interface CorpusRecords {
  corpus: CorpusRecord;
  documents: DocumentRecord[];
  spans: SpanRecord[];
  sources: SourceRecord[];
  attributions: AttributionRecord[];
}

/** Reads everything of one corpus. */
export async function readCorpus(db: IsnadDatabase, corpusId: string): Promise<CorpusRecords | null> {
  return db.transaction('r', [db.corpora, db.documents, db.spans, db.sources, db.attributions], async () => {
    const corpus = await db.corpora.get(corpusId);
    if (!corpus) return null;
    const [documents, spans, sources, attributions] = await Promise.all([
      db.documents.where('corpusId').equals(corpusId).toArray(),
      db.spans.where('corpusId').equals(corpusId).toArray(),
      db.sources.where('corpusId').equals(corpusId).toArray(),
      db.attributions.where('corpusId').equals(corpusId).toArray(),
    ]);
    shareStrings(attributions, ['corpusId', 'docId', 'sourceId', 'annotator', 'createdAt', 'stance', 'claimType']);
    return { corpus, documents, spans: compactSpans(spans), sources, attributions };
  });
}

/**
 * Reads some records by table and id (absent ones as null) and the corpus's undo history,
 * in one read transaction, so both come from the same committed state.
 */
export async function readStoredRecords(db: IsnadDatabase, corpusId: string, refs: ReadonlyArray<{ table: RecordChange['table']; id: string }>): Promise<{ records: StoredRecord[]; history: HistoryEntry[] }> {
  const tables = recordTables(db);
  return db.transaction('r', [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history], async () => {
    const byTable = new Map<RecordChange['table'], string[]>();
    for (const ref of refs) byTable.set(ref.table, [...(byTable.get(ref.table) ?? []), ref.id]);
    const records: StoredRecord[] = [];
    for (const [table, ids] of byTable) {
      const unique = [...new Set(ids)];
      const rows = await tables[table].bulkGet(unique);
      unique.forEach((id, i) => records.push({ table, id, record: rows[i] ?? null } as StoredRecord));
    }
    return { records, history: await readHistory(db, corpusId) };
  });
}

/** Reads the undo and redo history of a corpus. */
export async function readHistory(db: IsnadDatabase, corpusId: string): Promise<HistoryEntry[]> {
  return db.history.where('corpusId').equals(corpusId).toArray();
}

/** Writes new records (the sample corpus, say) in one IndexedDB transaction. */
export async function writeRecords(db: IsnadDatabase, records: Omit<CorpusRecords, 'sources' | 'attributions'> & Partial<Pick<CorpusRecords, 'sources' | 'attributions'>>): Promise<void> {
  await writeInTransaction(db, [db.corpora, db.documents, db.spans, db.sources, db.attributions], async () => {
    await db.corpora.put(records.corpus);
    await db.documents.bulkPut(records.documents);
    await db.spans.bulkPut(records.spans);
    await db.sources.bulkPut(records.sources ?? []);
    await db.attributions.bulkPut(records.attributions ?? []);
  });
}

/**
 * Replaces everything of one corpus (a restored snapshot): its documents, spans, sources,
 * attributions and undo history are deleted and the given records written, in one
 * IndexedDB transaction — all of it or, on any failure, none.
 */
export async function replaceCorpusRecords(db: IsnadDatabase, records: CorpusRecords): Promise<void> {
  const corpusId = records.corpus.id;
  await writeInTransaction(db, [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history], async () => {
    await db.documents.where('corpusId').equals(corpusId).delete();
    await db.spans.where('corpusId').equals(corpusId).delete();
    await db.sources.where('corpusId').equals(corpusId).delete();
    await db.attributions.where('corpusId').equals(corpusId).delete();
    await db.history.where('corpusId').equals(corpusId).delete();
    await db.corpora.put(records.corpus);
    await db.documents.bulkPut(records.documents);
    await db.spans.bulkPut(records.spans);
    await db.sources.bulkPut(records.sources);
    await db.attributions.bulkPut(records.attributions);
  });
}

/** Reads a setting, or `fallback` when it was never written. */
export async function readSetting<T>(db: IsnadDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Writes a setting. */
export async function writeSetting(db: IsnadDatabase, key: string, value: unknown): Promise<void> {
  await writeInTransaction(db, [db.settings], () => db.settings.put({ key, value }));
}

/**
 * Changes a setting from what is stored (undefined when it never was), reading and writing
 * in one transaction, so that a change another window stored meanwhile is built on rather
 * than overwritten. Resolves with the value written.
 */
export async function updateSetting<T>(db: IsnadDatabase, key: string, change: (stored: unknown) => T): Promise<T> {
  return writeInTransaction(db, [db.settings], async () => {
    const value = change((await db.settings.get(key))?.value);
    await db.settings.put({ key, value });
    return value;
  });
}

/** A stored corpus with its document count (for the corpus list). */
export interface CorpusSummary {
  corpus: CorpusRecord;
  documents: number;
}

/** Every stored corpus with its document count, oldest first. */
export async function listCorpora(db: IsnadDatabase): Promise<CorpusSummary[]> {
  return db.transaction('r', [db.corpora, db.documents], async () => {
    const corpora = await db.corpora.toArray();
    const counts = await Promise.all(corpora.map((c) => db.documents.where('corpusId').equals(c.id).count()));
    return corpora.map((corpus, i) => ({ corpus, documents: counts[i]! })).sort((a, b) => a.corpus.createdAt.localeCompare(b.corpus.createdAt) || a.corpus.name.localeCompare(b.corpus.name));
  });
}

/** How many records of each kind a corpus holds (for the delete confirmation). */
export async function countCorpus(db: IsnadDatabase, corpusId: string): Promise<{ documents: number; spans: number; attributions: number }> {
  return db.transaction('r', [db.documents, db.spans, db.attributions], async () => ({
    documents: await db.documents.where('corpusId').equals(corpusId).count(),
    spans: await db.spans.where('corpusId').equals(corpusId).count(),
    attributions: await db.attributions.where('corpusId').equals(corpusId).count(),
  }));
}

/** Deletes a corpus and everything in it (documents, spans, sources, attributions, undo history, its snapshots in this browser's storage) in one IndexedDB transaction. */
export async function deleteCorpus(db: IsnadDatabase, corpusId: string): Promise<void> {
  await writeInTransaction(db, [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history, db.snapshots, db.snapshotFiles], async () => {
    // Its snapshots in this browser's storage go too: nothing could list or restore them.
    const snapshots = await db.snapshots.where('corpusId').equals(corpusId).primaryKeys();
    await db.snapshotFiles.bulkDelete(snapshots);
    await db.snapshots.bulkDelete(snapshots);
    await db.documents.where('corpusId').equals(corpusId).delete();
    await db.spans.where('corpusId').equals(corpusId).delete();
    await db.sources.where('corpusId').equals(corpusId).delete();
    await db.attributions.where('corpusId').equals(corpusId).delete();
    await db.history.where('corpusId').equals(corpusId).delete();
    await db.corpora.delete(corpusId);
  });
}

/** Which of these ids stored records (of any corpus) already have, by table. */
export async function takenIds(db: IsnadDatabase, ids: Record<'documents' | 'spans' | 'sources' | 'attributions', string[]>): Promise<Record<keyof typeof ids, Set<string>>> {
  return db.transaction('r', [db.documents, db.spans, db.sources, db.attributions], async () => {
    const present = async (keys: Promise<string[]>): Promise<Set<string>> => new Set(await keys);
    return {
      documents: await present(db.documents.where(':id').anyOf(ids.documents).primaryKeys()),
      spans: await present(db.spans.where(':id').anyOf(ids.spans).primaryKeys()),
      sources: await present(db.sources.where(':id').anyOf(ids.sources).primaryKeys()),
      attributions: await present(db.attributions.where(':id').anyOf(ids.attributions).primaryKeys()),
    };
  });
}

/**
 * The Isnad database (Dexie over IndexedDB). One class with typed tables; versions are
 * only ever added, with data migrations in `upgrade()`. Every state change reaches it
 * through `writeTransaction` (one write path), inside one IndexedDB transaction.
 */
import { Dexie, type EntityTable, type Table, type Transaction as DexieTransaction } from 'dexie';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../../shared/model/types';
import { defaultRegistry } from '../../shared/model/registry';
import { ConcurrentChangeError, expectedBefore, type RecordChange, type Transaction } from '../../shared/model/transaction';
import { sameRecord } from '../../shared/model/same-record';
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

/**
 * Asks, inside the write's own IndexedDB transaction, for every record the transaction
 * touches as it is stored now. The answer resolves with a check that throws a
 * `ConcurrentChangeError` when a record is no longer what the transaction expects
 * (`before`): another window changed it since this window read it, so two windows editing
 * the same span can never both win silently.
 */
function readExpectations(tables: RecordTables, tx: Transaction): Array<Promise<() => void>> {
  return [...expectedBefore(tx)].map(([table, expected]) => {
    const ids = [...expected.keys()];
    return tables[table].bulkGet(ids).then((stored) => () => {
      ids.forEach((id, i) => {
        if (!sameRecord(expected.get(id) ?? null, stored[i] ?? null)) throw new ConcurrentChangeError(table, id);
      });
    });
  });
}

/**
 * Writes a transaction's record changes (puts and deletes) and the undo-history change in
 * one IndexedDB transaction, after checking that the stored records are the ones the
 * transaction was made from. Consecutive changes to one table go as one bulk operation.
 * Resolves only when IndexedDB has committed; rejects, writing nothing, on any failure.
 *
 * Every request is placed at once, reads first: IndexedDB runs the requests of a
 * transaction in the order they were placed, so the reads see the records as they were
 * before this write, and the whole write costs one round trip to the database instead of
 * one per request (a keyboard edit waits for it before it is shown). When a check fails,
 * the throw aborts the transaction and the writes placed after the reads are undone.
 */
export async function writeTransaction(db: IsnadDatabase, tx: Transaction, history: HistoryChange = { put: [], remove: [] }): Promise<void> {
  const tables = recordTables(db);
  await writeInTransaction(db, [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history], async () => {
    // (Only Dexie promises may be awaited inside the transaction.)
    const corpora = corporaReferenced(tx);
    const corporaStored = corpora.length ? db.corpora.bulkGet(corpora) : null;
    const checks = readExpectations(tables, tx);
    const writes: Array<Promise<unknown>> = [];
    if (history.remove.length) writes.push(db.history.bulkDelete(history.remove));
    if (history.put.length) writes.push(db.history.bulkPut(history.put));
    let i = 0;
    while (i < tx.changes.length) {
      const first = tx.changes[i]!;
      const isPut = first.after !== null;
      let j = i;
      while (j < tx.changes.length && tx.changes[j]!.table === first.table && (tx.changes[j]!.after !== null) === isPut) j += 1;
      const run = tx.changes.slice(i, j);
      const table = tables[first.table];
      writes.push(isPut ? table.bulkPut(run.map((c) => c.after)) : table.bulkDelete(run.map((c) => c.id)));
      i = j;
    }
    // Handled here too: when a check throws first, the aborted writes reject unobserved.
    const written = Promise.all(writes);
    written.catch(() => undefined);
    if (corporaStored) {
      const stored = await corporaStored;
      const gone = corpora.find((_, k) => !stored[k]);
      if (gone) throw new ConcurrentChangeError('corpora', gone);
    }
    for (const check of await Promise.all(checks)) check();
    await written;
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

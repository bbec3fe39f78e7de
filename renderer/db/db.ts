/**
 * The Isnad database (Dexie over IndexedDB). One class with typed tables; versions are
 * only ever added, with data migrations in `upgrade()`. Every state change reaches it
 * through `writeTransaction` (one write path), inside one IndexedDB transaction.
 */
import { Dexie, type EntityTable, type Transaction as DexieTransaction } from 'dexie';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../../shared/model/types';
import { defaultRegistry } from '../../shared/model/registry';
import type { Transaction } from '../../shared/model/transaction';
import type { HistoryChange, HistoryEntry } from '../state/corpus-store';
import { minHashSignature } from '../../shared/model/near-duplicates';

/** A small key/value row: the open corpus, the open document, preferences. */
export interface SettingRecord {
  key: string;
  value: unknown;
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

  constructor(name: string = DATABASE_NAME) {
    super(name);
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
    // cannot be compared, so every document is signed again.
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        modifyDocuments(tx, (doc) => {
          doc.minhash = minHashSignature(doc.text);
        }),
      );
  }
}

/**
 * Writes a transaction's record changes (puts and deletes) and the undo-history change in
 * one IndexedDB transaction. Consecutive changes to one table go as one bulk operation.
 * Resolves only when IndexedDB has committed; rejects, writing nothing, on any failure.
 */
export async function writeTransaction(db: IsnadDatabase, tx: Transaction, history: HistoryChange = { put: [], remove: [] }): Promise<void> {
  const tables = { corpora: db.corpora, documents: db.documents, spans: db.spans, sources: db.sources, attributions: db.attributions } as const;
  await db.transaction('rw', [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history], async () => {
    if (history.remove.length) await db.history.bulkDelete(history.remove);
    if (history.put.length) await db.history.bulkPut(history.put);
    let i = 0;
    while (i < tx.changes.length) {
      const first = tx.changes[i]!;
      const isPut = first.after !== null;
      let j = i;
      while (j < tx.changes.length && tx.changes[j]!.table === first.table && (tx.changes[j]!.after !== null) === isPut) j += 1;
      const run = tx.changes.slice(i, j);
      const table = tables[first.table] as unknown as { bulkPut(items: unknown[]): Promise<unknown>; bulkDelete(keys: string[]): Promise<void> };
      if (isPut) await table.bulkPut(run.map((c) => c.after));
      else await table.bulkDelete(run.map((c) => c.id));
      i = j;
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
    return { corpus, documents, spans, sources, attributions };
  });
}

/** Reads the undo and redo history of a corpus. */
export async function readHistory(db: IsnadDatabase, corpusId: string): Promise<HistoryEntry[]> {
  return db.history.where('corpusId').equals(corpusId).toArray();
}

/** Writes new records (the sample corpus, say) in one IndexedDB transaction. */
export async function writeRecords(db: IsnadDatabase, records: Omit<CorpusRecords, 'sources' | 'attributions'> & Partial<Pick<CorpusRecords, 'sources' | 'attributions'>>): Promise<void> {
  await db.transaction('rw', [db.corpora, db.documents, db.spans, db.sources, db.attributions], async () => {
    await db.corpora.put(records.corpus);
    await db.documents.bulkPut(records.documents);
    await db.spans.bulkPut(records.spans);
    await db.sources.bulkPut(records.sources ?? []);
    await db.attributions.bulkPut(records.attributions ?? []);
  });
}

/** Reads a setting, or `fallback` when it was never written. */
export async function readSetting<T>(db: IsnadDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Writes a setting. */
export async function writeSetting(db: IsnadDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
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

/** Deletes a corpus and everything in it (documents, spans, sources, attributions, undo history) in one IndexedDB transaction. */
export async function deleteCorpus(db: IsnadDatabase, corpusId: string): Promise<void> {
  await db.transaction('rw', [db.corpora, db.documents, db.spans, db.sources, db.attributions, db.history], async () => {
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

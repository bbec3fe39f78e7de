/**
 * Transactions: the only way state changes. A transaction is a list of record changes,
 * each holding the record before and after, so it can be inverted exactly and written to
 * the database as the same list of puts and deletes (one write path).
 */
import { LayeredMap } from './layered-map';
import { sameRecord } from './same-record';
import { carrySortedSpans } from './span-index';
import type { CorpusState } from './state';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from './types';
import { english, type Phrase } from '../phrases/phrase';

/** A change to one stored record; `before: null` creates it, `after: null` deletes it. */
export type RecordChange =
  | { table: 'corpora'; id: string; before: CorpusRecord | null; after: CorpusRecord | null }
  | { table: 'documents'; id: string; before: DocumentRecord | null; after: DocumentRecord | null }
  | { table: 'spans'; id: string; before: SpanRecord | null; after: SpanRecord | null }
  | { table: 'sources'; id: string; before: SourceRecord | null; after: SourceRecord | null }
  | { table: 'attributions'; id: string; before: AttributionRecord | null; after: AttributionRecord | null };

/** Where a transaction came from (CodeMirror's `userEvent`, tldraw's `source`). */
export type TransactionOrigin = 'user' | 'undo' | 'redo' | 'import' | 'seed' | 'load';

/** A set of record changes applied, stored and undone together. */
export interface Transaction {
  readonly changes: readonly RecordChange[];
  readonly origin: TransactionOrigin;
  /** Whether undo can take it back. Loading and seeding never enter history. */
  readonly addToHistory: boolean;
  /** Short description in English, e.g. "Add PER span" (the CLI's words; all that older stored entries have). */
  readonly description: string;
  /** The description as a phrase, for undo and redo to name the change in the interface language. */
  readonly phrase?: Phrase;
  /** The document the change is about, so undo can show it. */
  readonly docId?: string;
}

/**
 * Makes a transaction; `addToHistory` defaults to true only for user actions. A description
 * given as a phrase is kept with its English sentence; a plain string is for changes no one
 * is shown (loading, settings).
 */
export function transaction(changes: RecordChange[], options: { origin: TransactionOrigin; description: string | Phrase; docId?: string; addToHistory?: boolean }): Transaction {
  const { description } = options;
  return {
    changes,
    origin: options.origin,
    ...(typeof description === 'string' ? { description } : { description: english(description), phrase: description }),
    addToHistory: options.addToHistory ?? options.origin === 'user',
    ...(options.docId === undefined ? {} : { docId: options.docId }),
  };
}

/** The transaction that undoes `tx`: changes reversed in order, before and after swapped. */
export function invertTransaction(tx: Transaction, origin: 'undo' | 'redo' = 'undo'): Transaction {
  const changes = [...tx.changes].reverse().map((c) => ({ ...c, before: c.after, after: c.before }) as RecordChange);
  return { ...tx, changes, origin, addToHistory: false };
}

/**
 * A transaction's corpus-record changes, made to fit the corpus record as it is now (the store
 * applies this to everything it writes itself: undo, redo, an import batch made earlier). The
 * corpus record holds several independent things (its name, the label schema, the import
 * settings); some change outside the undo history (renaming the corpus, remembering an
 * import's field mapping). Undoing a change recorded before such a change would otherwise
 * expect the record as it was then and be refused as a concurrent change. A change is rebased when the fields it sets are still as it expects them: it then
 * starts from the current record and sets only those fields. When one of them changed since
 * (another window, or another change outside the history, touched the same field), it is
 * left as it is and the write refuses it, as before.
 */
export function rebaseCorpusChanges(tx: Transaction, current: CorpusRecord): Transaction {
  let rebased = false;
  const changes = tx.changes.map((change): RecordChange => {
    if (change.table !== 'corpora' || change.id !== current.id || !change.before || !change.after || sameRecord(change.before, current)) return change;
    const expected = change.before as unknown as Record<string, unknown>;
    const wanted = change.after as unknown as Record<string, unknown>;
    const now = current as unknown as Record<string, unknown>;
    const touched = [...new Set([...Object.keys(expected), ...Object.keys(wanted)])].filter((key) => !sameRecord(expected[key], wanted[key]));
    if (!touched.every((key) => sameRecord(expected[key], now[key]))) return change;
    const after: Record<string, unknown> = { ...now };
    for (const key of touched) {
      if (wanted[key] === undefined) delete after[key];
      else after[key] = wanted[key];
    }
    rebased = true;
    return { table: 'corpora', id: change.id, before: current, after: after as unknown as CorpusRecord };
  });
  return rebased ? { ...tx, changes } : tx;
}

/** Thrown when a transaction does not fit the state it is applied to (a programming error). */
export class TransactionConflictError extends Error {}

/**
 * Thrown at write time, inside the database transaction, when a stored record is no longer
 * what the transaction expected (`before`): another window or tab changed it first. Nothing
 * of the transaction is written.
 */
export class ConcurrentChangeError extends TransactionConflictError {
  override readonly name = 'ConcurrentChangeError';
  constructor(
    readonly table: RecordChange['table'],
    readonly recordId: string,
  ) {
    super(`${table} ${recordId} was changed by another window`);
  }
}

/** The first expectation of each record a transaction touches: what it must be before the write. */
export function expectedBefore(tx: Transaction): Map<RecordChange['table'], Map<string, unknown>> {
  const expected = new Map<RecordChange['table'], Map<string, unknown>>();
  for (const change of tx.changes) {
    let table = expected.get(change.table);
    if (!table) expected.set(change.table, (table = new Map()));
    if (!table.has(change.id)) table.set(change.id, change.before);
  }
  return expected;
}

/**
 * The map with `changes` applied, checking each change's expectation. Layered (layered-map.ts):
 * only the changed entries are copied, not the 10,000 spans of a long article.
 */
function applyToMap<T>(map: ReadonlyMap<string, T>, changes: { id: string; before: T | null; after: T | null }[], table: string): ReadonlyMap<string, T> {
  if (changes.length === 0) return map;
  const pending = new Map<string, T | null>();
  for (const change of changes) {
    const current = pending.has(change.id) ? pending.get(change.id)! : (map.get(change.id) ?? null);
    if ((current === null) !== (change.before === null)) {
      throw new TransactionConflictError(`${table} ${change.id}: expected it to ${change.before === null ? 'be absent' : 'exist'}`);
    }
    pending.set(change.id, change.after);
  }
  return LayeredMap.of(map).with(pending);
}

/**
 * Applies a transaction to a state and returns the new state. Throws
 * `TransactionConflictError` if a change expects a record that is (or is not) there.
 */
export function applyTransaction(state: CorpusState, tx: Transaction): CorpusState {
  const byTable: Record<RecordChange['table'], RecordChange[]> = { corpora: [], documents: [], spans: [], sources: [], attributions: [] };
  for (const change of tx.changes) byTable[change.table].push(change);
  let corpus = state.corpus;
  for (const change of byTable.corpora) {
    if (change.id !== state.corpus.id || change.after === null) throw new TransactionConflictError(`corpus ${change.id} is not the open corpus`);
    corpus = change.after as CorpusRecord;
  }
  const spanChanges = byTable.spans as { id: string; before: SpanRecord | null; after: SpanRecord | null }[];
  const spans = applyToMap(state.spans, spanChanges, 'span');
  carrySortedSpans(state.spans, spans, spanChanges);
  return {
    corpus,
    documents: applyToMap(state.documents, byTable.documents as { id: string; before: DocumentRecord | null; after: DocumentRecord | null }[], 'document'),
    spans,
    sources: applyToMap(state.sources, byTable.sources as { id: string; before: SourceRecord | null; after: SourceRecord | null }[], 'source'),
    attributions: applyToMap(state.attributions, byTable.attributions as { id: string; before: AttributionRecord | null; after: AttributionRecord | null }[], 'attribution'),
  };
}

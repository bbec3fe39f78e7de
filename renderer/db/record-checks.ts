/**
 * The reads with which `writeTransaction` checks, inside its IndexedDB transaction, that every
 * record a transaction changes is still the one it was made from (another window may have
 * changed it). Records it creates are not read: they are added, and IndexedDB refuses an add
 * whose key is taken.
 *
 * Most transactions check a record or two, one `get` each. One that changes many spans of a
 * document (undoing "accept all" deletes 6,400) reads that document's spans with one request
 * on the `docId` index instead: 6,400 requests, each a round trip to the database and an
 * event, cost far more than reading the article's spans in one answer.
 */
import { sameRecord } from '../../shared/model/same-record';
import { ConcurrentChangeError, expectedBefore, type RecordChange, type Transaction } from '../../shared/model/transaction';

/** More checked spans of one document than this are read with one request. */
export const READ_DOCUMENT_SPANS_FROM = 64;

/** `table` and id, as one key (the records a transaction creates). */
export function recordKey(table: RecordChange['table'], id: string): string {
  return `${table}\u0000${id}`;
}

/**
 * Places the check of every record `tx` expects to find (reads, answered before any write
 * placed after them) on `transaction`; a record that is not as expected calls `refuse` with a
 * `ConcurrentChangeError`. `placed` sees every request. Returns the keys ({@link recordKey})
 * of the records `tx` creates, which must be added rather than put.
 */
export function placeRecordChecks(transaction: IDBTransaction, tx: Transaction, refuse: (error: unknown) => void, placed: (request: IDBRequest) => void): Set<string> {
  const created = new Set<string>();
  const check = (table: RecordChange['table'], id: string, before: unknown, stored: unknown): void => {
    if (!sameRecord(before, stored ?? null)) refuse(new ConcurrentChangeError(table, id));
  };
  for (const [table, expected] of expectedBefore(tx)) {
    const single: Array<[string, unknown]> = [];
    const byDocument = new Map<string, Array<[string, unknown]>>();
    for (const [id, before] of expected) {
      if (before === null) created.add(recordKey(table, id));
      else if (table !== 'spans') single.push([id, before]);
      else {
        const docId = (before as { docId: string }).docId;
        const group = byDocument.get(docId);
        if (group) group.push([id, before]);
        else byDocument.set(docId, [[id, before]]);
      }
    }
    const store = transaction.objectStore(table);
    for (const [docId, group] of byDocument) {
      if (group.length <= READ_DOCUMENT_SPANS_FROM) {
        for (const entry of group) single.push(entry);
        continue;
      }
      const request = store.index('docId').getAll(docId);
      placed(request);
      request.onsuccess = () => {
        const stored = new Map((request.result as Array<{ id: string }>).map((record) => [record.id, record]));
        for (const [id, before] of group) check(table, id, before, stored.get(id));
      };
    }
    for (const [id, before] of single) {
      const request = store.get(id);
      placed(request);
      request.onsuccess = () => check(table, id, before, request.result);
    }
  }
  return created;
}

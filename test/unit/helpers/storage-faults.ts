/**
 * Storage faults for fake-indexeddb (set up in test/unit/setup.ts): writes that abort
 * their transaction as a browser does when the disk is full, and an `indexedDB.open` that
 * fails as in a private window. Each returns the function that puts things back.
 */

interface FakeTransaction {
  _abort(errorName: string | null): void;
}

/**
 * From the `(after + 1)`-th `put` or `delete` on, the transaction of the request aborts with
 * `errorName` (its changes rolled back), like a commit refused for lack of space. With
 * `thrown: true` the call throws the DOMException instead (what some browsers do).
 */
export function failWritesAfter(after: number, options: { errorName?: string; thrown?: boolean } = {}): () => void {
  const errorName = options.errorName ?? 'QuotaExceededError';
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'delete', (...args: unknown[]) => IDBRequest>;
  const originals = { put: proto.put, delete: proto.delete };
  let calls = 0;
  for (const method of ['put', 'delete'] as const) {
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
      calls += 1;
      if (calls > after && options.thrown) throw new DOMException('The quota has been exceeded.', errorName);
      const request = originals[method].apply(this, args);
      if (calls > after) (this.transaction as unknown as FakeTransaction)._abort(errorName);
      return request;
    };
  }
  return () => {
    proto.put = originals.put;
    proto.delete = originals.delete;
  };
}

/** Every `indexedDB.open` throws `errorName` (Firefox private windows: InvalidStateError). */
export function failOpen(errorName = 'InvalidStateError'): () => void {
  const factory = indexedDB as unknown as { open: (...args: unknown[]) => IDBOpenDBRequest };
  const original = factory.open;
  factory.open = () => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', errorName);
  };
  return () => {
    factory.open = original;
  };
}

/**
 * Every `add` or `put` of a value `refused(value)` picks throws `error` (a browser may throw
 * QuotaExceededError at the request; nothing of the transaction is kept then).
 */
export function refuseWritesOf(refused: (value: unknown) => boolean, error: DOMException): () => void {
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => IDBRequest>;
  const originals = { put: proto.put, add: proto.add };
  for (const method of ['put', 'add'] as const) {
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
      if (refused(args[0])) throw error;
      return originals[method].apply(this, args);
    };
  }
  return () => {
    proto.put = originals.put;
    proto.add = originals.add;
  };
}

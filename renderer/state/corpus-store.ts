/**
 * The renderer's store around the pure corpus state. Commands run one at a time (a queue),
 * each transaction is written to IndexedDB first and applied to the in-memory state only
 * after the write committed: when an action's promise resolves, it is durable; when the
 * write fails, the state is untouched and the error reaches the caller. Undo and redo
 * replay inverse transactions and work across documents.
 */
import type { CommandContext, CommandResult } from '../../shared/model/commands';
import type { Phrase } from '../../shared/phrases/phrase';
import type { CorpusState } from '../../shared/model/state';
import { applyTransaction, invertTransaction, rebaseCorpusChanges, type Transaction } from '../../shared/model/transaction';

/** What undo or redo would change, as the transaction describes it. */
export type ChangeDescription = Pick<Transaction, 'description' | 'phrase'>;

/** One entry of the undo or redo stack; `seq` orders entries within a stack. */
export interface HistoryEntry {
  id: string;
  corpusId: string;
  stack: 'undo' | 'redo';
  seq: number;
  tx: Transaction;
}

/** How the history changes along with a transaction (written in the same database transaction). */
export interface HistoryChange {
  put: HistoryEntry[];
  remove: string[];
}

/**
 * Where transactions are made durable (Dexie in the app, a fake in tests). The history
 * change travels with the transaction, so undo survives a reload or a crash.
 */
export interface Persistence {
  write(tx: Transaction, history: HistoryChange): Promise<void>;
}

/** The outcome of running a command through the store. */
export type RunResult = { ok: true; tx: Transaction } | { ok: false; error: string; phrase?: Phrase };

const HISTORY_LIMIT = 500;

/** Undo stack then redo stack, each oldest first (by `seq`, ties by id). */
function splitHistory(history: readonly HistoryEntry[]): { undo: HistoryEntry[]; redo: HistoryEntry[]; nextSeq: number } {
  const sorted = [...history].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { undo: sorted.filter((e) => e.stack === 'undo'), redo: sorted.filter((e) => e.stack === 'redo'), nextSeq: sorted.reduce((max, e) => Math.max(max, e.seq), 0) + 1 };
}

/** Holds the open corpus state, the undo history, and notifies subscribers on change. */
export class CorpusStore {
  private current!: CorpusState;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private nextSeq = 1;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  /**
   * Tells this store's history entries apart from those another window writes for the same
   * corpus at the same moment (both may pick the same `seq`).
   */
  private readonly historyTag = Math.random().toString(36).slice(2, 8);

  constructor(
    initial: CorpusState,
    private readonly persistence: Persistence,
    readonly context: CommandContext,
    history: readonly HistoryEntry[] = [],
  ) {
    this.current = initial;
    const split = splitHistory(history);
    this.undoStack = split.undo;
    this.redoStack = split.redo;
    this.nextSeq = split.nextSeq;
  }

  /** The current immutable state. */
  get state(): CorpusState {
    return this.current;
  }

  /** What undo / redo would change: the change's description (English, and its phrase when it has one). */
  get changes(): { undo: ChangeDescription | null; redo: ChangeDescription | null } {
    const describe = (entry: HistoryEntry | undefined): ChangeDescription | null => (entry ? { description: entry.tx.description, ...(entry.tx.phrase ? { phrase: entry.tx.phrase } : {}) } : null);
    return { undo: describe(this.undoStack.at(-1)), redo: describe(this.redoStack.at(-1)) };
  }

  /** Whether there is something to undo / redo, and what, in English. */
  get history(): { undo: string | null; redo: string | null } {
    const { undo, redo } = this.changes;
    return { undo: undo?.description ?? null, redo: redo?.description ?? null };
  }

  /** Subscribes to changes (for `useSyncExternalStore`); returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Snapshot getter for `useSyncExternalStore`. */
  getSnapshot = (): CorpusState => this.current;

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const next = this.queue.then(job, job).finally(() => (this.queued -= 1));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Whether commands are queued or being written (an edit the user waits to see). */
  get busy(): boolean {
    return this.queued > 0;
  }

  private entry(stack: 'undo' | 'redo', tx: Transaction): HistoryEntry {
    const seq = this.nextSeq++;
    return { id: `${this.current.corpus.id}:${seq}:${this.historyTag}`, corpusId: this.current.corpus.id, stack, seq, tx };
  }

  /**
   * Applies in memory (to check it fits), writes with the history change, then publishes.
   * `applied` runs once the new state is current, just before subscribers hear of it. A change
   * of the corpus record made against an earlier record (an undo, a redo, an import that
   * started before) is first rebased onto the current one when the fields it sets are
   * untouched since (`rebaseCorpusChanges`), so that it keeps what changed meanwhile; one that
   * another writer makes durable is not (it is written as it was made).
   */
  private async commit(made: Transaction, history: HistoryChange, undoStack: HistoryEntry[], redoStack: HistoryEntry[], writer?: Persistence['write'], applied?: (tx: Transaction) => void): Promise<void> {
    // A transaction another writer makes durable (an import batch) is written as it was made.
    const tx = writer ? made : rebaseCorpusChanges(made, this.current.corpus);
    const write: Persistence['write'] = writer ?? ((t, h) => this.persistence.write(t, h));
    const next = applyTransaction(this.current, tx); // throws before writing if it does not fit
    await write(tx, history);
    this.current = next;
    this.undoStack = undoStack;
    this.redoStack = redoStack;
    try {
      applied?.(tx);
    } catch (error) {
      // The change is stored and current whatever a view-state follow-up does: report, go on.
      queueMicrotask(() => {
        throw error;
      });
    }
    this.notify();
  }

  /**
   * Runs a command against the state current when its turn comes, writes its transaction,
   * then applies it. Resolves when the change is in the database. `applied`, when given, runs
   * as soon as the change is applied, before subscribers hear of it: view-state changes that
   * go with the edit (the focus moving to a new span) then reach the views in the same
   * render as the edit itself.
   */
  run(command: (state: CorpusState, ctx: CommandContext) => CommandResult, applied?: (tx: Transaction) => void): Promise<RunResult> {
    return this.enqueue(async () => {
      const result = command(this.current, this.context);
      if (!result.ok) return result;
      const tx = result.tx;
      if (!tx.addToHistory) {
        await this.commit(tx, { put: [], remove: [] }, this.undoStack, this.redoStack, undefined, applied);
        return result;
      }
      const pushed = this.entry('undo', tx);
      const undoStack = [...this.undoStack, pushed];
      const dropped = undoStack.length > HISTORY_LIMIT ? undoStack.splice(0, undoStack.length - HISTORY_LIMIT) : [];
      await this.commit(tx, { put: [pushed], remove: [...dropped, ...this.redoStack].map((e) => e.id) }, undoStack, [], undefined, applied);
      return result;
    });
  }

  /**
   * Applies a ready-made transaction (an import) in its turn: written first, then applied.
   * `writer`, when given, makes it durable instead of the store's persistence (an import's
   * writing worker, which holds the texts); it must resolve only once the transaction is
   * committed, and only transactions outside the undo history may use one.
   */
  dispatch(tx: Transaction, writer?: (tx: Transaction) => Promise<void>): Promise<RunResult> {
    if (!writer) return this.run(() => ({ ok: true, tx }));
    if (tx.addToHistory) return Promise.reject(new Error('A transaction that enters the undo history is written by the store itself.'));
    return this.enqueue(async () => {
      await this.commit(tx, { put: [], remove: [] }, this.undoStack, this.redoStack, (t) => writer(t));
      return { ok: true, tx } as const;
    });
  }

  /** Undoes the last user transaction. Resolves with it (so the UI can show its document), or null. */
  undo(): Promise<Transaction | null> {
    return this.enqueue(async () => {
      const top = this.undoStack.at(-1);
      if (!top) return null;
      const moved = this.entry('redo', top.tx);
      await this.commit(invertTransaction(top.tx, 'undo'), { put: [moved], remove: [top.id] }, this.undoStack.slice(0, -1), [...this.redoStack, moved]);
      return top.tx;
    });
  }

  /** Redoes the last undone transaction. */
  redo(): Promise<Transaction | null> {
    return this.enqueue(async () => {
      const top = this.redoStack.at(-1);
      if (!top) return null;
      const moved = this.entry('undo', top.tx);
      await this.commit({ ...top.tx, origin: 'redo', addToHistory: false }, { put: [moved], remove: [top.id] }, [...this.undoStack, moved], this.redoStack.slice(0, -1));
      return top.tx;
    });
  }

  /**
   * Replaces the state and the undo history after the commands already queued: another
   * corpus (switching corpora), a restored snapshot, or the corpus as the database holds it
   * after another window changed it. Nothing is written (the caller has already stored what
   * it replaces with). Subscribers are kept and notified.
   */
  replace(state: CorpusState, history: readonly HistoryEntry[] = []): Promise<void> {
    return this.reconcile(async () => ({ state, history }));
  }

  /**
   * Runs `read` in turn with the commands (so it sees every earlier write of this store) and
   * replaces the state and the history with what it returns; null changes nothing.
   */
  reconcile(read: (current: CorpusState) => Promise<{ state: CorpusState; history: readonly HistoryEntry[] } | null>): Promise<void> {
    return this.enqueue(async () => {
      const next = await read(this.current);
      if (!next) return;
      const split = splitHistory(next.history);
      this.current = next.state;
      this.undoStack = split.undo;
      this.redoStack = split.redo;
      this.nextSeq = Math.max(this.nextSeq, split.nextSeq);
      this.notify();
    });
  }

  /** Waits until every queued command has been written. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}

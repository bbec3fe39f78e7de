/**
 * Keeps windows and tabs on the same corpus consistent. After a window's write commits, it
 * announces the ids of the records it changed on a BroadcastChannel; the other windows read
 * those records (and the undo history) back from IndexedDB — the database, not the message,
 * is the truth — and apply them after their own queued writes. A restore announces that the
 * whole corpus was replaced, and the others reload it. Edits made from a stale view are
 * refused at write time (see `writeTransaction`), and then this window reloads the corpus.
 */
import { createCorpusState, withStoredRecords } from '../../shared/model/state';
import type { RecordChange, Transaction } from '../../shared/model/transaction';
import { readCorpus, readHistory, readStoredRecords, writeTransaction, type IsnadDatabase } from '../db/db';
import type { CorpusStore, HistoryChange, Persistence } from './corpus-store';
import { openWindowChannel, type WindowChannel } from './window-channel';

/** The channel name every Isnad window of one origin listens on. */
export const SYNC_CHANNEL_NAME = 'isnad-corpus-changes';

/** A record named by table and id. */
export interface RecordRef {
  table: RecordChange['table'];
  id: string;
}

/** What one window tells the others. */
export type SyncMessage = { type: 'committed'; corpusId: string; records: RecordRef[] } | { type: 'replaced'; corpusId: string };

/** The channel the sync uses (a stand-in in tests). */
export type SyncChannel = WindowChannel<SyncMessage>;

/** The window's BroadcastChannel, or null where there is none (then windows do not sync). */
export function openSyncChannel(): SyncChannel | null {
  return openWindowChannel<SyncMessage>(SYNC_CHANNEL_NAME);
}

/** The records a transaction changed, each once. */
function refsOf(tx: Transaction): RecordRef[] {
  const seen = new Set<string>();
  const refs: RecordRef[] = [];
  for (const change of tx.changes) {
    const key = `${change.table}\u0000${change.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ table: change.table, id: change.id });
  }
  return refs;
}

/** Announces this window's writes and applies the other windows' ones. */
export class CorpusSync {
  private store: CorpusStore | null = null;
  private readonly commitListeners = new Set<(tx: Transaction) => void>();

  /**
   * @param onApplied called after changes from another window were applied (`replaced` when
   *   the whole corpus was reloaded), so the UI can drop a focus on a record that is gone;
   *   `gone` when the corpus itself is no longer stored (another window deleted it).
   */
  constructor(
    private readonly db: IsnadDatabase,
    private readonly channel: SyncChannel | null,
    private readonly onApplied: (how: 'records' | 'replaced' | 'gone') => void = () => undefined,
  ) {
    // A failed read (the database closed meanwhile) is caught up by the next write's check.
    channel?.addEventListener('message', (event) => void this.receive(event.data).catch(() => undefined));
  }

  /** The store whose corpus this window shows (set once it exists). */
  attach(store: CorpusStore): void {
    this.store = store;
  }

  /** The Dexie write path, announcing each committed transaction to the other windows. */
  persistence(corpusId: () => string): Persistence {
    return {
      write: async (tx: Transaction, history: HistoryChange) => {
        await writeTransaction(this.db, tx, history);
        this.announce({ type: 'committed', corpusId: corpusId(), records: refsOf(tx) });
        for (const listener of this.commitListeners) listener(tx);
      },
    };
  }

  /** Calls `listener` after each transaction this window committed; returns the unsubscribe function. */
  onLocalCommit(listener: (tx: Transaction) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Tells the other windows that the corpus was replaced as a whole (a restored snapshot). */
  announceReplaced(corpusId: string): void {
    this.announce({ type: 'replaced', corpusId });
  }

  private announce(message: SyncMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the window is going away): the others catch up at write time.
    }
  }

  private async receive(message: SyncMessage): Promise<void> {
    const store = this.store;
    if (!store || !message || message.corpusId !== store.state.corpus.id) return;
    if (message.type === 'replaced') {
      await this.reload();
      return;
    }
    if (!Array.isArray(message.records)) return;
    await store.reconcile(async (current) => {
      const { records, history } = await readStoredRecords(this.db, current.corpus.id, message.records);
      return { state: withStoredRecords(current, records), history };
    });
    this.onApplied('records');
  }

  /** Reloads the whole corpus and its history from the database (after a refused write). */
  async reload(): Promise<void> {
    const store = this.store;
    if (!store) return;
    let gone = false;
    await store.reconcile(async (current) => {
      const [records, history] = await this.db.transaction('r', [this.db.corpora, this.db.documents, this.db.spans, this.db.sources, this.db.attributions, this.db.history], () =>
        Promise.all([readCorpus(this.db, current.corpus.id), readHistory(this.db, current.corpus.id)]),
      );
      gone = !records;
      if (!records) return null;
      return { state: createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions), history };
    });
    // The corpus itself was deleted (in another window): the app opens another one.
    this.onApplied(gone ? 'gone' : 'replaced');
  }

  /** Stops listening. */
  close(): void {
    this.channel?.close();
  }
}

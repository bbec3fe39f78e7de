/**
 * The corpus search of the document list and the open article, run outside React a slice at
 * a time (shared/search/corpus-scan.ts), so that typing a query never blocks the interface:
 * - a query is searched once typing pauses ({@link SEARCH_DELAY} ms), not at every key;
 * - the work runs in tasks of at most {@link SLICE_MS} ms, the interface drawing in between;
 *   a newer query, option, open document or corpus abandons the running search;
 * - the open document is searched first and keeps every match (the article highlights
 *   them); the others give a count and a snippet for the list;
 * - each document is normalised once and kept in a {@link SearchIndex} (texts never change
 *   after import; entries of deleted documents are dropped).
 * Views subscribe to {@link SearchSession.getSnapshot}; it changes at most every
 * {@link PUBLISH_MS} ms while a search runs, and when it ends.
 */
import { CorpusScan, type ScanHit } from '../../shared/search/corpus-scan';
import { createSearchIndex, type TextMatch } from '../../shared/search/search';
import { documentsInOrder, type CorpusState } from '../../shared/model/state';
import type { SearchState, UiState } from './ui-store';

/** How long typing must pause before a query is searched. */
export const SEARCH_DELAY = 150;
/** The longest a search works in one task of the interface thread. */
export const SLICE_MS = 12;
/** How often a running search shows what it has found so far. */
export const PUBLISH_MS = 120;

/** What the views show of the current search. */
export interface SearchSnapshot {
  /** The query these results are for ('' : no search). */
  query: string;
  tehMarbuta: boolean;
  /** Documents with a match, in document order (so far, until `done`). */
  hits: readonly ScanHit[];
  /** The open document's matches (so far), for the query and open document below. */
  open: { docId: string; matches: readonly TextMatch[]; done: boolean } | null;
  /** True once every document has been searched. */
  done: boolean;
}

const IDLE: SearchSnapshot = { query: '', tehMarbuta: false, hits: [], open: null, done: true };

/** The stores a session reads (the app's UiStore and CorpusStore fit). */
export interface SearchSources {
  ui: { readonly state: Pick<UiState, 'search' | 'openDocId'>; subscribe(listener: () => void): () => void };
  corpus: { readonly state: Pick<CorpusState, 'documents'>; subscribe(listener: () => void): () => void };
}

/** Timers, replaceable in tests. */
export interface SearchClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: SearchClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs the corpus search of the list and the article (see the module comment). */
export class SearchSession {
  private readonly index = createSearchIndex();
  private snapshot: SearchSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private scan: CorpusScan | null = null;
  private timer: unknown = null;
  private lastPublish = 0;
  private search: SearchState;
  private openDocId: string | null;
  private documents: CorpusState['documents'];
  private readonly stop: Array<() => void> = [];

  constructor(
    private readonly sources: SearchSources,
    private readonly clock: SearchClock = REAL_CLOCK,
  ) {
    this.search = sources.ui.state.search;
    this.openDocId = sources.ui.state.openDocId;
    this.documents = sources.corpus.state.documents;
    this.stop.push(sources.ui.subscribe(this.onUi), sources.corpus.subscribe(this.onCorpus));
    if (this.search.query.trim()) this.restart(0);
  }

  /** Subscribes to changes of the snapshot (for `useSyncExternalStore`). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current results. */
  getSnapshot = (): SearchSnapshot => this.snapshot;

  /**
   * The open document's matches for the query as it is now, once its search is done (a
   * query just typed waits for typing to pause and the document to be searched); null
   * without a query or an open document.
   */
  openMatches(): Promise<readonly TextMatch[] | null> {
    return this.once((current) => {
      if (!this.search.query.trim() || this.openDocId === null) return { value: null };
      if (!this.isForCurrentQuery(current)) return null;
      if (current.open?.docId === this.openDocId && current.open.done) return { value: current.open.matches };
      // Searched to the end and the open document was not among the texts (it is gone).
      return current.done ? { value: current.open?.docId === this.openDocId ? current.open.matches : [] } : null;
    });
  }

  /** Whether `snapshot` holds results of the query and options as they are now. */
  private isForCurrentQuery(snapshot: SearchSnapshot): boolean {
    return snapshot.query === this.search.query && snapshot.tehMarbuta === this.search.tehMarbuta;
  }

  /** Resolves with the first answer `read` gives: now, or at one of the next snapshots. */
  private once<T>(read: (snapshot: SearchSnapshot) => { value: T } | null): Promise<T> {
    return new Promise((resolve) => {
      const settled = (): boolean => {
        const answer = read(this.snapshot);
        if (answer) resolve(answer.value);
        return answer !== null;
      };
      if (settled()) return;
      const unsubscribe = this.subscribe(() => {
        if (settled()) unsubscribe();
      });
    });
  }

  /** Stops listening and searching. */
  dispose(): void {
    for (const stop of this.stop.splice(0)) stop();
    this.cancel();
  }

  private readonly onUi = (): void => {
    const { search, openDocId } = this.sources.ui.state;
    if (search === this.search && openDocId === this.openDocId) return;
    const queryChanged = search.query !== this.search.query || search.tehMarbuta !== this.search.tehMarbuta;
    const openChanged = openDocId !== this.openDocId;
    this.search = search;
    this.openDocId = openDocId;
    // A new query waits for typing to pause; another open document is searched at once
    // (its first slice now, so a short article shows its highlights as it opens).
    if (queryChanged) this.restart(SEARCH_DELAY);
    else if (openChanged && this.snapshot.query) this.restart(0);
  };

  private readonly onCorpus = (): void => {
    const { documents } = this.sources.corpus.state;
    if (documents === this.documents) return;
    for (const id of this.documents.keys()) if (!documents.has(id)) this.index.delete(id);
    const added = documents.size !== this.documents.size || [...documents.keys()].some((id) => this.documents.get(id)?.text !== documents.get(id)?.text);
    this.documents = documents;
    // Status and span edits change document records but no text: the results stand.
    if (added && this.search.query.trim()) this.restart(0);
  };

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.scan = null;
  }

  private restart(delay: number): void {
    this.cancel();
    const { query, tehMarbuta } = this.search;
    if (!query.trim()) {
      this.publish(IDLE);
      return;
    }
    const start = (): void => {
      this.timer = null;
      const docs = documentsInOrder({ documents: this.documents });
      this.scan = new CorpusScan(docs, query, { tehMarbuta }, this.index, this.openDocId);
      this.lastPublish = -Infinity;
      this.work();
    };
    if (delay > 0) this.timer = this.clock.setTimeout(start, delay);
    else start();
  }

  /** One slice of work; schedules the next. */
  private readonly work = (): void => {
    this.timer = null;
    const scan = this.scan;
    if (!scan) return;
    const deadline = this.clock.now() + SLICE_MS;
    const done = scan.step(() => this.clock.now() >= deadline);
    const now = this.clock.now();
    if (done || now - this.lastPublish >= PUBLISH_MS) {
      this.lastPublish = now;
      const { query, tehMarbuta } = this.search;
      this.publish({
        query,
        tehMarbuta,
        // Copies: the scan keeps counting into its own objects.
        hits: scan.hits.map((hit) => ({ ...hit })),
        open: scan.open ? { docId: scan.open.docId, matches: scan.open.matches, done: scan.open.done } : null,
        done,
      });
    }
    if (done) this.scan = null;
    else this.timer = this.clock.setTimeout(this.work, 0);
  };

  private publish(snapshot: SearchSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

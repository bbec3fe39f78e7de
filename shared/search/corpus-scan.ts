/**
 * Corpus search a slice at a time, so that the interface thread never runs a search for
 * longer than it chooses (see ARCHITECTURE.md, "Search"). The same matches as
 * {@link searchDocuments} and {@link findInText}, found by the same rules; what differs is
 * that the work can stop after any few thousand units or matches and resume, and that only
 * the open document keeps every match (the list needs a count and the first match).
 */
import { normaliseInSteps, type NormaliseJob, type NormaliseOptions } from '../text/normalise';
import { MatchScanner } from './match-scanner';
import { makeSnippet, type Snippet } from './snippet';
import { prepareQuery, type SearchOptions, type TextMatch } from './search';
import type { SearchIndex } from './searchIndex';

/** Documents longer than this are normalised a slice at a time (and cached whole). */
export const LONG_DOCUMENT = 1 << 20;
/** Units normalised, or matches mapped, between two looks at the clock. */
const NORMALISE_STEP = 1 << 16;
const MATCH_STEP = 512;

/** One document with at least one match. */
export interface ScanHit {
  docId: string;
  /** Matches found in it (final once the scan is done). */
  count: number;
  /** About 40 characters either side of the first match. */
  snippet: Snippet;
}

/** The document whose matches are all kept (the open one), and what is known of them. */
export interface OpenScan {
  docId: string;
  matches: TextMatch[];
  done: boolean;
}

interface Pending {
  doc: { id: string; text: string };
  position: number;
  normalising?: NormaliseJob;
  scanner?: MatchScanner;
}

/**
 * A search of many documents that runs in steps: `step(shouldStop)` works until
 * `shouldStop()` says so (asked every few thousand units or a few hundred matches) or the
 * search is done. The open document (if any) is searched first and keeps every match; the
 * others give a count and a snippet. Hits come in document order, like searchDocuments.
 */
export class CorpusScan {
  /** The query as searched (empty: nothing matches). */
  readonly prepared: string;
  private readonly queue: Pending[];
  private readonly hitsByPosition = new Map<number, ScanHit>();
  private readonly normaliseOptions: NormaliseOptions;
  private readonly wholeWord: boolean;
  /** Every match of the open document, or null when no open document is searched. */
  readonly open: OpenScan | null;
  private sortedHits: ScanHit[] | null = [];

  constructor(
    docs: ReadonlyArray<{ id: string; text: string }>,
    query: string,
    options: SearchOptions,
    private readonly index: SearchIndex,
    openDocId: string | null = null,
  ) {
    this.normaliseOptions = { tehMarbuta: options.tehMarbuta ?? false, caseFold: options.caseFold ?? true };
    this.wholeWord = options.wholeWord ?? false;
    this.prepared = prepareQuery(query, this.normaliseOptions);
    this.queue = this.prepared ? docs.map((doc, position) => ({ doc, position })) : [];
    const openAt = openDocId === null ? -1 : this.queue.findIndex((p) => p.doc.id === openDocId);
    if (openAt > 0) this.queue.unshift(this.queue.splice(openAt, 1)[0]!);
    this.open = openAt >= 0 ? { docId: openDocId!, matches: [], done: false } : null;
    this.queue.reverse(); // popped from the end
  }

  /** True once every document has been searched. */
  get done(): boolean {
    return this.queue.length === 0;
  }

  /** The documents with a match found so far, in document order. */
  get hits(): readonly ScanHit[] {
    this.sortedHits ??= [...this.hitsByPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, hit]) => hit);
    return this.sortedHits;
  }

  /** Searches until `shouldStop()` or the end; true once done. */
  step(shouldStop: () => boolean): boolean {
    while (this.queue.length) {
      const pending = this.queue[this.queue.length - 1]!;
      if (!this.advance(pending)) {
        if (shouldStop()) return false;
        continue;
      }
      this.queue.pop();
      if (this.open?.docId === pending.doc.id) this.open.done = true;
      if (shouldStop()) return this.queue.length === 0;
    }
    return true;
  }

  /** Some work on one document; true once it is finished. */
  private advance(pending: Pending): boolean {
    const { doc } = pending;
    if (!pending.scanner) {
      let n = this.index.peek(doc.id, doc.text, this.normaliseOptions);
      if (!n && doc.text.length > LONG_DOCUMENT) {
        pending.normalising ??= normaliseInSteps(doc.text, this.normaliseOptions);
        if (!pending.normalising.step(NORMALISE_STEP)) return false;
        n = pending.normalising.result();
        this.index.put(doc.id, n, this.normaliseOptions);
      }
      n ??= this.index.get(doc.id, doc.text, this.normaliseOptions);
      if (!n.text.includes(this.prepared)) return true;
      const isOpen = this.open?.docId === doc.id;
      pending.scanner = new MatchScanner(n, this.prepared, this.wholeWord, isOpen);
      if (isOpen) this.open!.matches = pending.scanner.matches;
    }
    const scanner = pending.scanner;
    const done = scanner.scan(MATCH_STEP);
    if (scanner.count > 0) {
      const known = this.hitsByPosition.get(pending.position);
      if (known) known.count = scanner.count;
      else {
        const first = scanner.matches[0]!;
        this.hitsByPosition.set(pending.position, { docId: doc.id, count: scanner.count, snippet: makeSnippet(doc.text, first.start, first.end) });
        this.sortedHits = null;
      }
    }
    return done;
  }
}

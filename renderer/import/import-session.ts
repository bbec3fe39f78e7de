/**
 * One import run. Preparing workers (2–4, see defaultWorkerCount) decode, extract, hash and
 * sign the files and send them here, each text as UTF-8 bytes only (protocol.ts), which this
 * thread decodes (`restoreTexts`). It adds them in file order to an ImportBuilder (duplicates
 * by SHA-256, ids, order, report) and, batch by batch, sends the writing worker the new
 * documents (records, with their texts' bytes moved, not copied) as soon as a batch is formed;
 * the writer starts each batch's IndexedDB transaction at once, so one batch is serialised
 * while the one before commits. Each batch also goes through the corpus store's queue: it is
 * applied to the state, and so shown, only after its transaction committed. At most two batches
 * wait to be durable; prepared files beyond them wait outside the import, and the preparers are
 * dealt files at most LOOKAHEAD_FILES ahead of the batches. Progress is reported as files done
 * / total and the current file; `cancel()` stops the preparers, finishes the batches already
 * started and imports nothing else, so no document is ever half-imported.
 */
import { ImportBuilder, type ImportReport, type PrepareOptions } from '../../shared/model/import';
import type { Transaction } from '../../shared/model/transaction';
import type { DocumentRecord } from '../../shared/model/types';
import type { CorpusStore } from '../state/corpus-store';
import type { WorkerPort } from '../platform/worker-port';
import { ownsWholeBuffer, restoreTexts, type FromPreparer, type FromWriter, type PreparedItem, type RecordToWrite, type ToPreparer, type ToWriter, type WorkerInputFile } from './protocol';
import { maxOf } from '../../shared/arrays';

/** Progress of an import, for the progress bar. */
export interface ImportProgress {
  total: number;
  /** Files handed to a write (at most two batches ahead of what is durable). */
  done: number;
  /** Files the workers have prepared (may run ahead of `done`). */
  prepared: number;
  current: string | null;
  cancelling: boolean;
}

/** The end of an import. */
export interface ImportResult {
  report: ImportReport;
  cancelled: boolean;
  /** Files that were never prepared because the import was cancelled. */
  notProcessed: number;
}

/**
 * Byte buffers that can move to a worker instead of being copied (a copy of tens of
 * megabytes would hold the UI thread): only views that own their whole buffer, once each.
 */
function transferableBuffers(files: readonly WorkerInputFile[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const file of files) {
    if ('bytes' in file && ownsWholeBuffer(file.bytes)) buffers.add(file.bytes.buffer);
  }
  return [...buffers];
}

/** The part of a Worker the session uses (fakes in unit tests). */
export type WorkerLike<In = unknown, Out = unknown> = WorkerPort<In, Out>;

/** A preparing worker. */
export type PreparerLike = WorkerLike<ToPreparer, FromPreparer>;
/** The writing worker. */
export type WriterLike = WorkerLike<ToWriter, FromWriter>;

/** Creates a real preparing worker (bundled by Vite as a module worker). */
export function createPreparer(): PreparerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'isnad-import' });
}

/** Creates the real writing worker. */
export function createWriter(): WriterLike {
  return new Worker(new URL('./write-worker.ts', import.meta.url), { type: 'module', name: 'isnad-import-writer' });
}

/** Where an import runs and writes. */
export interface ImportThreads {
  /**
   * The IndexedDB database the writing worker writes batches to (the store's own database).
   * Null, or a writer that cannot open it: the main thread writes through the store.
   */
  database: string | null;
  createPreparer: () => PreparerLike;
  createWriter: () => WriterLike;
  /** How many preparing workers. */
  preparers: number;
  /** How far preparation may run ahead of the batches, in files (default LOOKAHEAD_FILES). */
  lookahead: number;
  /** Documents per write (default BATCH_DOCUMENTS). */
  batch: number;
}

/** Files per message to a preparing worker (posting 5,000 at once held the UI thread for 150–250 ms). */
const DEAL_FILES = 250;
/**
 * How far preparation may run ahead of the writes: files dealt to the preparers and not yet
 * in a batch. The writes are what an import waits for; preparers racing ahead took CPU from
 * them (on two cores the writes finished seconds after the last file was prepared). With
 * this bound the preparers work at the pace of the writes, with the CPU the writes leave,
 * and at full speed when the writes are waiting for them.
 */
const LOOKAHEAD_FILES = 1000;
/** Documents per write. */
const BATCH_DOCUMENTS = 250;
/** Longest wait before prepared documents are written (keeps progress honest). */
const BATCH_MILLISECONDS = 300;
/**
 * Batches handed to the store and not yet durable: one being written and one ready for the
 * writer to start on. Prepared files beyond that wait outside the builder, so they are not
 * yet part of the import: cancelling drops them, and the report and the database agree.
 */
const BATCHES_IN_FLIGHT = 2;

/**
 * How many workers prepare files in parallel: one per core, 2 to 4. They cannot run more
 * than LOOKAHEAD_FILES ahead of the writes, so on two cores the second one only uses what
 * the writes leave (and keeps up when the machine is busy with other work).
 */
export function defaultWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(2, Math.min(4, cores));
}

/** A document record without its text (which goes to the writer as bytes). */
function withoutText(doc: DocumentRecord): RecordToWrite {
  const { text: _text, ...rest } = doc;
  return rest;
}

/** Runs one import. */
export class ImportSession {
  private preparers: PreparerLike[] = [];
  private writer: WriterLike | null = null;
  /** Whether the writer answered `ready`: no batch is formed before (it decides where batches are written). */
  private writerReady = false;
  /** Whether the writer writes batches (set by its `ready` message). */
  private writerWrites = false;
  private cancelled = false;
  private finished = false;
  /** Files received from the workers (in any order). */
  private received = 0;
  /** Files added to the builder: always the prefix [0, added) of the import, in order. */
  private added = 0;
  private readonly waiting = new Map<number, PreparedItem>();
  /** The UTF-8 bytes of the texts of the articles added since the last flush, by SHA-256. */
  private batchTexts = new Map<string, Uint8Array>();
  /** Files added since the last flush (articles, refusals, exports). */
  private unflushed = 0;
  /** Documents added since the last flush. */
  private pending = 0;
  private inFlight = 0;
  /** Resolves the wait of `deal` for the writes to catch up (see LOOKAHEAD_FILES). */
  private dealerWaits: (() => void) | null = null;
  /** Batches in flight that are written when the store's queue reaches them (see `flush`). */
  private inStoreTurn = 0;
  private lastFlush = Date.now();
  private lastWriteId = 0;
  private readonly writes = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private finish: ((result: ImportResult) => void) | null = null;
  private fail: ((error: Error) => void) | null = null;
  private readonly builder: ImportBuilder;
  private readonly threads: ImportThreads;
  private written = 0;

  constructor(
    private readonly store: CorpusStore,
    private readonly files: WorkerInputFile[],
    private readonly options: PrepareOptions,
    private readonly onProgress: (progress: ImportProgress) => void,
    threads: Partial<ImportThreads> = {},
  ) {
    this.builder = new ImportBuilder(store.state, store.context);
    this.threads = { database: null, createPreparer, createWriter, preparers: defaultWorkerCount(), lookahead: LOOKAHEAD_FILES, batch: BATCH_DOCUMENTS, ...threads };
  }

  private progress(): void {
    this.onProgress({
      total: this.files.length,
      done: this.added,
      prepared: this.received,
      current: this.cancelled ? null : (this.files[this.added]?.name ?? null),
      cancelling: this.cancelled,
    });
  }

  /**
   * Asks the writer to write a batch of new documents, their texts as the UTF-8 bytes the
   * preparers made (moved to the writer; a text without bytes goes as a string); resolves
   * once its transaction committed.
   */
  private writeInWorker(tx: Transaction, utf8: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const id = ++this.lastWriteId;
    const documents = tx.changes.map((change) => change.after as DocumentRecord);
    const records = documents.map(withoutText);
    const texts = documents.map((doc) => utf8.get(doc.sha256) ?? doc.text);
    const transfer = [...new Set(texts.flatMap((text) => (typeof text === 'string' ? [] : [text.buffer as ArrayBuffer])))];
    return new Promise<void>((resolve, reject) => {
      this.writes.set(id, { resolve, reject });
      this.writer!.postMessage({ type: 'write', id, records, texts }, transfer);
    });
  }

  /**
   * Hands what the builder holds to the store as one batch (the store's queue keeps batches
   * in order): written by the writer when it can, on this thread for files it does not hold
   * (Isnad exports, `onMainThread`).
   */
  private flush(onMainThread = false): void {
    const tx = this.builder.take();
    const utf8 = this.batchTexts;
    this.batchTexts = new Map();
    this.pending = 0;
    this.unflushed = 0;
    this.lastFlush = Date.now();
    const byWriter = this.writerWrites && !onMainThread;
    if (!tx) return;
    const documents = tx.changes.filter((c) => c.table === 'documents' && c.before === null).length;
    // A batch for the writer goes to it now, not when the store's queue reaches it: the
    // writer starts its transaction while the batch before commits (IndexedDB keeps them in
    // order; the store still applies each only once it is durable). Not while a batch
    // written in the store's turn is in flight: this one must not overtake it.
    const early = byWriter && this.inStoreTurn === 0;
    let write: ((t: Transaction) => Promise<void>) | undefined;
    if (early) {
      const written = this.writeInWorker(tx, utf8);
      written.catch(() => undefined); // (the store reports a failure, in its turn)
      write = () => written;
    } else if (byWriter) write = (t) => this.writeInWorker(t, utf8);
    if (!early) this.inStoreTurn += 1;
    this.inFlight += 1;
    this.store.dispatch(tx, write).then(
      () => {
        this.inFlight -= 1;
        if (!early) this.inStoreTurn -= 1;
        this.written += documents;
        this.pump();
      },
      (error: Error) => this.abort(error),
    );
  }

  /** Documents written so far (each whole: a document and its spans go in one write). */
  get writtenDocuments(): number {
    return this.written;
  }

  /** Starts the import; resolves when every file is written or the import was cancelled. */
  start(): Promise<ImportResult> {
    const result = new Promise<ImportResult>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    if (!this.files.length) {
      this.writerReady = true;
      this.pump();
      return result;
    }
    const writer = this.threads.createWriter();
    this.writer = writer;
    writer.addEventListener('message', (event: MessageEvent<FromWriter>) => this.onWriterMessage(event.data));
    writer.addEventListener('error', (event: ErrorEvent) => this.abort(new Error(event.message || 'The import writer stopped.')));
    // Files are dealt round-robin, so results arrive roughly in order and little waits.
    const count = Math.max(1, Math.min(this.threads.preparers, this.files.length));
    const slices: number[][] = [];
    for (let w = 0; w < count; w += 1) {
      const indices: number[] = [];
      for (let i = w; i < this.files.length; i += count) indices.push(i);
      slices.push(indices);
      const preparer = this.threads.createPreparer();
      this.preparers.push(preparer);
      preparer.addEventListener('message', (event: MessageEvent<FromPreparer>) => this.onPrepared(event.data));
      preparer.addEventListener('error', (event: ErrorEvent) => this.abort(new Error(event.message || 'The import worker stopped.')));
    }
    writer.postMessage({ type: 'start', database: this.threads.database });
    void this.deal(slices);
    this.progress();
    return result;
  }

  /**
   * Hands each preparer its slice, DEAL_FILES files per message with a task between
   * messages, so the UI thread never spends a long frame posting thousands of files.
   */
  private async deal(slices: number[][]): Promise<void> {
    const longest = maxOf(slices.map((slice) => slice.length));
    let dealt = 0;
    for (let from = 0; from < longest; from += DEAL_FILES) {
      if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      while (!this.finished && !this.cancelled && dealt - this.added >= this.threads.lookahead) await new Promise<void>((resolve) => (this.dealerWaits = resolve));
      if (this.finished || this.cancelled) return;
      this.preparers.forEach((preparer, w) => {
        const indices = slices[w]!.slice(from, from + DEAL_FILES);
        if (from > 0 && !indices.length) return;
        dealt += indices.length;
        const files = indices.map((i) => this.files[i]!);
        const more = from + DEAL_FILES < slices[w]!.length;
        preparer.postMessage({ type: 'prepare', files, indices, options: this.options, more }, transferableBuffers(files));
      });
    }
  }

  /** Lets `deal` look again whether the preparers may be given more files. */
  private wakeDealer(): void {
    const wake = this.dealerWaits;
    this.dealerWaits = null;
    wake?.();
  }

  private addFile({ file, utf8 }: PreparedItem): void {
    if (file.kind === 'native') {
      // An Isnad export brings spans, sources and schema labels along: written on this thread, alone.
      this.flush();
      this.builder.add(file);
      this.flush(true);
      return;
    }
    this.builder.add(file);
    this.unflushed += 1;
    if (file.kind === 'articles') {
      file.articles.forEach((article, k) => {
        const bytes = utf8[k];
        if (bytes && !this.batchTexts.has(article.sha256)) this.batchTexts.set(article.sha256, bytes);
      });
      this.pending += file.articles.length;
    }
  }

  /**
   * Moves prepared files, in file order, into batches while fewer than BATCHES_IN_FLIGHT
   * batches wait to be durable; ends the import once everything handed over is durable.
   */
  private pump(): void {
    if (this.finished) return;
    while (this.inFlight < BATCHES_IN_FLIGHT) {
      if (!this.cancelled) {
        for (let item = this.waiting.get(this.added); item && this.pending < this.threads.batch; item = this.waiting.get(this.added)) {
          this.waiting.delete(this.added);
          this.addFile(item);
          this.added += 1;
        }
      }
      if (!this.writerReady) break;
      const last = this.cancelled || this.added === this.files.length;
      if (!this.unflushed || !(last || this.pending >= this.threads.batch || Date.now() - this.lastFlush >= BATCH_MILLISECONDS)) break;
      this.flush();
    }
    this.progress();
    this.wakeDealer();
    if (this.inFlight === 0 && !this.unflushed && (this.cancelled || this.added === this.files.length)) this.end();
  }

  private onWriterMessage(message: FromWriter): void {
    if (message.type === 'ready') {
      this.writerReady = true;
      this.writerWrites = message.writes;
      this.pump();
      return;
    }
    const write = this.writes.get(message.id);
    this.writes.delete(message.id);
    if (message.type === 'written') write?.resolve();
    else write?.reject(new Error(message.message));
  }

  private onPrepared(message: FromPreparer): void {
    if (this.cancelled || this.finished || message.type === 'done') return;
    for (const item of message.items) this.waiting.set(item.index, restoreTexts(item));
    this.received += message.items.length;
    if (this.received === this.files.length) this.stopPreparers();
    this.pump();
  }

  private stopPreparers(): void {
    for (const worker of this.preparers) worker.terminate();
    this.preparers = [];
  }

  private stopWriter(): void {
    this.writer?.terminate();
    this.writer = null;
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.wakeDealer();
    this.stopPreparers();
    this.stopWriter();
    this.finish?.({ report: this.builder.report, cancelled: this.cancelled, notProcessed: this.files.length - this.added });
  }

  private abort(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.cancelled = true;
    this.wakeDealer();
    this.stopPreparers();
    this.stopWriter();
    for (const write of this.writes.values()) write.reject(error);
    this.writes.clear();
    this.fail?.(error);
  }

  /**
   * Stops now: the preparers end, the documents already handed to a batch are written
   * whole, and files not yet in a batch are not imported (counted in `notProcessed`).
   */
  cancel(): void {
    if (this.cancelled || this.finished) return;
    this.cancelled = true;
    this.stopPreparers();
    this.waiting.clear();
    this.pump();
  }
}

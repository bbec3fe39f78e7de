/**
 * One import run: files go to the import worker, prepared files come back one by one and
 * are written in batches through the corpus store (so every batch is durable before it
 * shows). Progress is reported as files done / total and the current file; `cancel()`
 * stops the worker and writes only documents that were completely prepared, so no
 * document is ever half-imported.
 */
import { ImportBuilder, type ImportReport, type PrepareOptions, type PreparedFile } from '../../shared/model/import';
import type { CorpusStore } from '../state/corpus-store';
import type { FromWorker, ToWorker, WorkerInputFile } from './protocol';

/** Progress of an import, for the progress bar. */
export interface ImportProgress {
  total: number;
  done: number;
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
    if (!('bytes' in file)) continue;
    const { buffer, byteOffset, byteLength } = file.bytes;
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) buffers.add(buffer);
  }
  return [...buffers];
}

/** The part of a Worker the session uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** Creates the real import worker (bundled by Vite as a module worker). */
export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'isnad-import' });
}

/** Documents per write; small enough that one write never holds the UI thread for long. */
const BATCH_DOCUMENTS = 250;
/** Longest wait before prepared documents are written (keeps progress honest). */
const BATCH_MILLISECONDS = 300;

/**
 * How many workers prepare files in parallel: one per core, 2 to 4. The UI thread mostly
 * waits on IndexedDB during an import, so even on two cores two workers pay off
 * (measured by `npm run bench`).
 */
export function defaultWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(2, Math.min(4, cores));
}

/** Runs one import. */
export class ImportSession {
  private workers: WorkerLike[] = [];
  private cancelled = false;
  private finished = false;
  /** Files received from the workers (in any order). */
  private received = 0;
  /** Files added to the builder: always the prefix [0, added) of the import, in order. */
  private added = 0;
  private readonly waiting = new Map<number, PreparedFile>();
  private workersDone = 0;
  private pending = 0;
  private lastFlush = Date.now();
  private writing: Promise<unknown> = Promise.resolve();
  private finish: ((result: ImportResult) => void) | null = null;
  private fail: ((error: Error) => void) | null = null;
  private readonly builder: ImportBuilder;
  private written = 0;

  constructor(
    private readonly store: CorpusStore,
    private readonly files: WorkerInputFile[],
    private readonly options: PrepareOptions,
    private readonly onProgress: (progress: ImportProgress) => void,
    private readonly createWorker: () => WorkerLike = createImportWorker,
    private readonly workerCount: number = defaultWorkerCount(),
  ) {
    this.builder = new ImportBuilder(store.state, store.context);
  }

  private progress(): void {
    this.onProgress({ total: this.files.length, done: this.received, current: this.cancelled ? null : (this.files[this.added]?.name ?? null), cancelling: this.cancelled });
  }

  /** Writes what the builder holds, after any write in flight (keeps order). */
  private flush(): Promise<unknown> {
    const tx = this.builder.take();
    this.pending = 0;
    this.lastFlush = Date.now();
    if (!tx) return this.writing;
    const documents = tx.changes.filter((c) => c.table === 'documents' && c.before === null).length;
    this.writing = this.writing.then(async () => {
      await this.store.dispatch(tx);
      this.written += documents;
    });
    return this.writing;
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
      this.end(false);
      return result;
    }
    // Files are dealt round-robin, so results arrive roughly in order and little waits.
    const count = Math.max(1, Math.min(this.workerCount, this.files.length));
    for (let w = 0; w < count; w += 1) {
      const indices: number[] = [];
      for (let i = w; i < this.files.length; i += count) indices.push(i);
      const worker = this.createWorker();
      this.workers.push(worker);
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => this.abort(new Error(event.message || 'The import worker stopped.')));
      const slice = indices.map((i) => this.files[i]!);
      worker.postMessage({ type: 'prepare', files: slice, indices, options: this.options }, transferableBuffers(slice));
    }
    this.progress();
    return result;
  }

  private addInOrder(): void {
    for (let file = this.waiting.get(this.added); file; file = this.waiting.get(this.added)) {
      this.waiting.delete(this.added);
      this.builder.add(file);
      this.pending += file.kind === 'articles' ? file.articles.length : 1;
      this.added += 1;
    }
  }

  private onMessage(message: FromWorker): void {
    if (this.cancelled || this.finished) return;
    if (message.type === 'done') {
      this.workersDone += 1;
      if (this.workersDone === this.workers.length) this.end(false);
      return;
    }
    for (const item of message.items) this.waiting.set(item.index, item.file);
    this.received += message.items.length;
    this.addInOrder();
    if (this.pending >= BATCH_DOCUMENTS || Date.now() - this.lastFlush >= BATCH_MILLISECONDS) void this.flush().catch((error: Error) => this.abort(error));
    this.progress();
  }

  private stopWorkers(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  private end(cancelled: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.stopWorkers();
    // Prepared files that arrived ahead of a gap are complete too: write them as well.
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) {
      this.builder.add(this.waiting.get(index)!);
      this.added += 1;
    }
    this.waiting.clear();
    this.flush().then(
      () => this.finish?.({ report: this.builder.report, cancelled, notProcessed: this.files.length - this.received }),
      (error: Error) => this.fail?.(error),
    );
  }

  private abort(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.cancelled = true;
    this.stopWorkers();
    this.fail?.(error);
  }

  /** Stops now; documents already prepared are written whole, the rest are not imported. */
  cancel(): void {
    if (this.cancelled || this.finished) return;
    this.cancelled = true;
    this.progress();
    this.end(true);
  }
}

/**
 * Workers started ahead of an import. Starting an import's preparing and writing workers
 * (fetching and compiling their modules, in a fresh JavaScript engine each) took 100–200 ms
 * on a two-core machine before the first file was prepared: the whole wait of a small
 * import, and time a large one is not writing. The import dialog is on screen between
 * choosing the files and starting the import, so the workers are started when it opens
 * (`warm`) and the import takes them (`threads`); closing the dialog without importing
 * stops them (`release`). Each worker serves one import, as before: an import still
 * terminates its preparers when they are done or cancelled, and its writer at the end.
 */
import { createPreparer, createWriter, defaultWorkerCount, type ImportThreads, type PreparerLike, type WriterLike } from './import-session';

/** How workers are made (fakes in unit tests). */
export interface WorkerFactories {
  createPreparer: () => PreparerLike;
  createWriter: () => WriterLike;
}

/** Whether this host can start workers (not in Node, where unit tests run). */
function hostHasWorkers(): boolean {
  return typeof Worker !== 'undefined';
}

/** One set of workers waiting for the next import. */
export class ImportWorkers {
  private sparePreparers: PreparerLike[] = [];
  private spareWriter: WriterLike | null = null;

  constructor(
    private readonly factories: WorkerFactories = { createPreparer, createWriter },
    private readonly preparers: number = defaultWorkerCount(),
    private readonly canStart: () => boolean = hostHasWorkers,
  ) {}

  /** Starts the workers of the next import, unless they are already waiting. */
  warm(): void {
    if (!this.canStart()) return;
    while (this.sparePreparers.length < this.preparers) this.sparePreparers.push(this.factories.createPreparer());
    this.spareWriter ??= this.factories.createWriter();
  }

  /** Whether a set of workers is waiting. */
  get warmed(): boolean {
    return this.spareWriter !== null && this.sparePreparers.length >= this.preparers;
  }

  /**
   * The threads of an import: the waiting workers first, new ones beyond them. Workers are
   * handed over, not shared: the next import starts its own (or those of the next `warm`).
   */
  threads(): Pick<ImportThreads, 'createPreparer' | 'createWriter' | 'preparers'> {
    return {
      preparers: this.preparers,
      createPreparer: () => this.sparePreparers.shift() ?? this.factories.createPreparer(),
      createWriter: () => {
        const writer = this.spareWriter ?? this.factories.createWriter();
        this.spareWriter = null;
        return writer;
      },
    };
  }

  /** Stops the waiting workers (the import dialog closed without importing). */
  release(): void {
    for (const worker of this.sparePreparers) worker.terminate();
    this.spareWriter?.terminate();
    this.sparePreparers = [];
    this.spareWriter = null;
  }
}

/**
 * The import's two kinds of worker run in the test's own thread, for tests of ImportSession
 * without Web Workers: a preparing worker (like renderer/import/import-worker.ts) and the real
 * import writer (renderer/import/import-writer.ts) behind a message-copying shim.
 */
import { prepareFile, utf8OfArticles } from '../../../shared/model/import';
import type { IsnadDatabase } from '../../../renderer/db/db';
import type { PreparerLike, WriterLike } from '../../../renderer/import/import-session';
import { createImportWriter, type ImportWriter } from '../../../renderer/import/import-writer';
import { postedItem, type FromPreparer, type FromWriter, type ToPreparer, type ToWriter } from '../../../renderer/import/protocol';

type Listener = (event: never) => void;

/**
 * A preparing worker that prepares files in this thread, one per macrotask, and sends them
 * (structured-cloned, as between threads) with each text's UTF-8 bytes, like import-worker.ts.
 */
export class InlinePreparer implements PreparerLike {
  private errorListeners: Listener[] = [];
  private listeners: Array<(event: MessageEvent<FromPreparer>) => void> = [];
  private options: ToPreparer['options'] = {};
  private readonly queue: Array<{ index: number; input: ToPreparer['files'][number] }> = [];
  private complete = false;
  private running = false;
  terminated = false;
  /** How many messages the main thread dealt the files in. */
  messages = 0;
  postMessage(message: ToPreparer): void {
    this.messages += 1;
    this.options = message.options;
    message.files.forEach((input, k) => this.queue.push({ index: message.indices[k]!, input }));
    if (!message.more) this.complete = true;
    if (!this.running) {
      this.running = true;
      void this.run();
    }
  }
  private send(data: FromPreparer): void {
    if (this.terminated) return;
    const copy = structuredClone(data);
    setTimeout(() => {
      if (!this.terminated) for (const listener of this.listeners) listener({ data: copy } as MessageEvent<FromPreparer>);
    });
  }
  private async run(): Promise<void> {
    while (!this.terminated) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const next = this.queue.shift();
      if (!next) {
        if (this.complete) break;
        continue;
      }
      const incoming = 'file' in next.input ? { name: next.input.name, error: 'File objects are not used in this test' } : next.input;
      const file = prepareFile(incoming, this.options);
      this.send({ type: 'prepared', items: [postedItem(next.index, file, utf8OfArticles(incoming, file))] });
    }
    this.send({ type: 'done' });
  }
  addEventListener(type: string, listener: Listener): void {
    if (type === 'error') this.errorListeners.push(listener);
    if (type === 'message') this.listeners.push(listener as (event: MessageEvent<FromPreparer>) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const openWriters = new Set<ImportWriter>();

/** Closes every inline writer a test left open (call it after each test). */
export function closeInlineWriters(): void {
  for (const writer of openWriters) writer.close();
  openWriters.clear();
}

/**
 * The real import writer (renderer/import/import-writer.ts) in this thread: messages in
 * both directions are structured-cloned and delivered as macrotasks, as with a worker.
 */
export class InlineWriter implements WriterLike {
  private listeners: Array<(event: MessageEvent<FromWriter>) => void> = [];
  private readonly writer: ImportWriter;
  terminated = false;
  /** Every message the writer posted to the main thread. */
  readonly posted: FromWriter[] = [];
  /** `writeMs`: how long each write seems to take (its `written` is held back that long). */
  constructor(open?: (name: string) => Promise<IsnadDatabase>, writeMs = 0) {
    this.writer = createImportWriter((message) => {
      const data = structuredClone(message);
      this.posted.push(data);
      setTimeout(
        () => {
          if (!this.terminated) for (const listener of this.listeners) listener({ data } as MessageEvent<FromWriter>);
        },
        data.type === 'written' ? writeMs : 0,
      );
    }, open);
    openWriters.add(this.writer);
  }
  postMessage(message: ToWriter): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.writer.handle(data);
    });
  }
  addEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.push(listener as (event: MessageEvent<FromWriter>) => void);
  }
  terminate(): void {
    this.terminated = true;
    this.writer.close();
    openWriters.delete(this.writer);
  }
}

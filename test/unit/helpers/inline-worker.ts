/**
 * An import worker that prepares files in this thread, one per macrotask, like the real one
 * (renderer/import/import-worker.ts), for tests of ImportSession without Web Workers.
 */
import { prepareFile } from '../../../shared/model/import';
import type { WorkerLike } from '../../../renderer/import/import-session';
import type { FromWorker, ToWorker } from '../../../renderer/import/protocol';

/** See the module comment. */
export class InlineWorker implements WorkerLike {
  private listeners: Array<(event: MessageEvent<FromWorker>) => void> = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    void (async () => {
      for (let index = 0; index < message.files.length; index += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (this.terminated) return;
        const input = message.files[index]!;
        const incoming = 'file' in input ? { name: input.name, error: 'File objects are not used in this test' } : input;
        this.emit({ type: 'prepared', items: [{ index: message.indices[index]!, file: prepareFile(incoming, message.options) }] });
      }
      if (!this.terminated) this.emit({ type: 'done' });
    })();
  }
  private emit(data: FromWorker): void {
    for (const listener of this.listeners) listener({ data } as MessageEvent<FromWorker>);
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listeners.push(listener as (event: MessageEvent<FromWorker>) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
}

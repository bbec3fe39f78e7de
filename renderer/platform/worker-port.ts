/** The part of a Web Worker that the import and export sessions use (a fake in unit tests). */
export interface WorkerPort<ToWorker, FromWorker> {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * The import worker: decoding, extraction, hashing and MinHash run here, off the UI thread.
 * Files are prepared one after another and posted back one by one (with their index), so
 * the main thread can write and report progress as they arrive, and cancel by terminating
 * the worker. Several workers may share one import; each gets its own slice of the files.
 */
import { prepareFile, type IncomingFile, type PreparedFile } from '../../shared/model/import';
import type { FromWorker, ToWorker, WorkerInputFile } from './protocol';

async function read(input: WorkerInputFile): Promise<IncomingFile> {
  if ('error' in input || 'bytes' in input) return input;
  try {
    return { name: input.name, bytes: new Uint8Array(await input.file.arrayBuffer()) };
  } catch (error) {
    return { name: input.name, error: `“${input.name}” could not be read: ${(error as Error).message}` };
  }
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of the UTF-8 text, by the platform (same value as shared/model/hash.ts). */
async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

function post(message: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as { postMessage(message: FromWorker, transfer: Transferable[]): void }).postMessage(message, transfer);
}

/** How many files are read ahead of the one being prepared (reading is I/O-bound). */
const READ_AHEAD = 8;
/** Results are posted in batches: one message per file costs the UI thread a task each. */
const BATCH_FILES = 32;
const BATCH_MS = 50;

/**
 * Prepares the files in order. Digests run asynchronously while the next files are
 * prepared; results are still posted in order (each waits for the one before it).
 */
self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const { files, indices, options } = event.data;
  void (async () => {
    const reads: Array<Promise<IncomingFile> | undefined> = [];
    for (let i = 0; i < Math.min(READ_AHEAD, files.length); i += 1) reads.push(read(files[i]!));
    let posted: Promise<void> = Promise.resolve();
    let batch: Array<{ index: number; file: PreparedFile }> = [];
    let transfer: Transferable[] = [];
    let lastPost = performance.now();
    const send = (): void => {
      if (!batch.length) return;
      post({ type: 'prepared', items: batch }, transfer);
      batch = [];
      transfer = [];
      lastPost = performance.now();
    };
    for (let i = 0; i < files.length; i += 1) {
      const incoming = await reads[i]!;
      reads[i] = undefined;
      if (i + READ_AHEAD < files.length) reads.push(read(files[i + READ_AHEAD]!));
      const file = prepareFile(incoming, options, false);
      const digests = file.kind === 'articles' ? Promise.all(file.articles.map((a) => sha256(a.text))) : Promise.resolve([]);
      const index = indices[i]!;
      posted = Promise.all([posted, digests]).then(([, hashes]) => {
        if (file.kind === 'articles') file.articles.forEach((article, k) => (article.sha256 = hashes[k]!));
        if (file.kind === 'articles') for (const article of file.articles) transfer.push(article.minhash.buffer as ArrayBuffer);
        batch.push({ index, file });
        if (batch.length >= BATCH_FILES || performance.now() - lastPost >= BATCH_MS) send();
      });
    }
    await posted;
    send();
    post({ type: 'done' });
  })();
});

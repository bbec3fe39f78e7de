/**
 * A preparing worker of an import: decoding, extraction, hashing and MinHash run here, off
 * the UI thread. Files are prepared one after another and posted in small batches (with
 * their index) to the port the main thread gave (the import's writing worker, which relays
 * them to the main thread), so progress shows as they arrive; cancelling terminates the
 * worker. Several workers share one import; each gets its own slice of the files.
 */
import { prepareFile, type IncomingFile, type PreparedFile } from '../../shared/model/import';
import type { FromPreparer, ToPreparer, WorkerInputFile } from './protocol';

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

/** Where results go: the port of the message (the writer), or the main thread. */
type Target = { postMessage(message: FromPreparer, transfer: Transferable[]): void };

/** How many files are read ahead of the one being prepared (reading is I/O-bound). */
const READ_AHEAD = 8;
/** Results are posted in batches: one message per file costs the UI thread a task each. */
const BATCH_FILES = 32;
const BATCH_MS = 50;

/**
 * Prepares the files in order. Digests run asynchronously while the next files are
 * prepared; results are still posted in order (each waits for the one before it).
 */
self.addEventListener('message', (event: MessageEvent<ToPreparer>) => {
  const { files, indices, options, port } = event.data;
  const target: Target = port ?? (self as unknown as Target);
  const post = (message: FromPreparer, transfer: Transferable[] = []): void => target.postMessage(message, transfer);
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

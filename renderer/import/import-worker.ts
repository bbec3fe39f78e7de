/**
 * A preparing worker of an import: decoding, extraction, hashing and MinHash run here, off
 * the UI thread. Files are prepared one after another and posted in small batches (with
 * their index) to the port the main thread gave (the import's writing worker, which relays
 * them to the main thread), so progress shows as they arrive; cancelling terminates the
 * worker. Several workers share one import; each gets its own slice of the files.
 */
import { prepareFile, utf8OfArticle, type IncomingFile, type PrepareOptions, type PreparedFile } from '../../shared/model/import';
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

/**
 * SHA-256 of the UTF-8 text, by the platform (same value as shared/model/hash.ts); of
 * `utf8` instead when given: the text's UTF-8 bytes as they came (see `utf8OfArticle`).
 */
async function sha256(text: string, utf8: Uint8Array<ArrayBuffer> | null = null): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8 ?? encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/** Where results go: the port of the first message (the writer), or the main thread. */
type Target = { postMessage(message: FromPreparer, transfer: Transferable[]): void };

/** How many files are read ahead of the one being prepared (reading is I/O-bound). */
const READ_AHEAD = 8;
/** Results are posted in batches: one message per file costs the UI thread a task each. */
const BATCH_FILES = 32;
const BATCH_MS = 50;

let options: PrepareOptions = {};
let target: Target | null = null;
/** The files of this worker's slice, in order, as they arrive (emptied once prepared). */
const inputs: Array<{ index: number; input: WorkerInputFile } | undefined> = [];
let complete = false;
let wake: (() => void) | null = null;
let running = false;

function post(message: FromPreparer, transfer: Transferable[] = []): void {
  target!.postMessage(message, transfer);
}

/**
 * Prepares the files in order, waiting for more while the main thread is still dealing
 * them. Digests run asynchronously while the next files are prepared; results are still
 * posted in order (each waits for the one before it).
 */
async function prepareAll(): Promise<void> {
  const reads: Array<Promise<IncomingFile> | undefined> = [];
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
  for (let i = 0; ; i += 1) {
    if (i >= inputs.length && !complete) {
      // Waiting for the next files: what is prepared goes out first.
      await posted;
      send();
      while (i >= inputs.length && !complete) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (i >= inputs.length) break;
    for (let j = i; j < Math.min(inputs.length, i + READ_AHEAD); j += 1) reads[j] ??= read(inputs[j]!.input);
    const incoming = await reads[i]!;
    const index = inputs[i]!.index;
    reads[i] = undefined;
    inputs[i] = undefined;
    const file = prepareFile(incoming, options, false);
    const bytes = utf8OfArticle(incoming, file);
    const utf8 = bytes?.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : null;
    const digests = file.kind === 'articles' ? Promise.all(file.articles.map((a) => sha256(a.text, utf8))) : Promise.resolve([]);
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
}

/** The main thread deals this worker's files in several messages; the first says where results go. */
self.addEventListener('message', (event: MessageEvent<ToPreparer>) => {
  const message = event.data;
  if (!target) {
    target = message.port ?? (self as unknown as Target);
    options = message.options;
  }
  message.files.forEach((input, k) => inputs.push({ index: message.indices[k]!, input }));
  if (!message.more) complete = true;
  wake?.();
  wake = null;
  if (!running) {
    running = true;
    void prepareAll();
  }
});

/**
 * A preparing worker of an import: decoding, extraction, hashing and MinHash run here, off
 * the UI thread. Files are prepared one after another and posted to the main thread in small
 * batches (with their index, and each article's text as UTF-8 bytes that move rather than
 * copy: see protocol.ts), so progress shows as they arrive; cancelling terminates the worker.
 * Several workers share one import; each gets its own slice of the files.
 */
import { prepareFile, utf8OfArticles, type IncomingFile, type PrepareOptions, type PreparedFile } from '../../shared/model/import';
import { ownsWholeBuffer, postedItem, type FromPreparer, type PreparedItem, type ToPreparer, type WorkerInputFile } from './protocol';

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

/** SHA-256 of `utf8` (a text's UTF-8 bytes), by the platform: the same value as shared/model/hash.ts. */
async function sha256(utf8: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/** Each article's text as UTF-8 bytes (`utf8OfArticles`), each in a buffer of its own, so that it can be moved to another thread. */
function utf8Texts(incoming: IncomingFile, file: PreparedFile): Array<Uint8Array<ArrayBuffer> | null> {
  return utf8OfArticles(incoming, file).map((bytes) => (bytes === null ? null : ownsWholeBuffer(bytes) ? bytes : (bytes.slice() as Uint8Array<ArrayBuffer>)));
}

/** Where results go: the main thread. */
const target = self as unknown as { postMessage(message: FromPreparer, transfer: Transferable[]): void };

/** How many files are read ahead of the one being prepared (reading is I/O-bound). */
const READ_AHEAD = 8;
/** Results are posted in batches: one message per file costs the UI thread a task each. */
const BATCH_FILES = 32;
const BATCH_MS = 50;

let options: PrepareOptions | null = null;
/** The files of this worker's slice, in order, as they arrive (emptied once prepared). */
const inputs: Array<{ index: number; input: WorkerInputFile } | undefined> = [];
let complete = false;
let wake: (() => void) | null = null;
let running = false;

function post(message: FromPreparer, transfer: Transferable[] = []): void {
  target.postMessage(message, transfer);
}

/**
 * Prepares the files in order, waiting for more while the main thread is still dealing
 * them. Digests run asynchronously while the next files are prepared; results are still
 * posted in order (each waits for the one before it).
 */
async function prepareAll(): Promise<void> {
  const reads: Array<Promise<IncomingFile> | undefined> = [];
  let posted: Promise<void> = Promise.resolve();
  let batch: PreparedItem[] = [];
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
    const file = prepareFile(incoming, options!, false);
    const utf8 = utf8Texts(incoming, file);
    // (digest copies its input at once, so the bytes can be moved afterwards)
    const digests = file.kind === 'articles' ? Promise.all(file.articles.map((a, k) => sha256(utf8[k] ?? encoder.encode(a.text)))) : Promise.resolve([]);
    posted = Promise.all([posted, digests]).then(([, hashes]) => {
      if (file.kind === 'articles') file.articles.forEach((article, k) => (article.sha256 = hashes[k]!));
      if (file.kind === 'articles') for (const article of file.articles) transfer.push(article.minhash.buffer as ArrayBuffer);
      for (const bytes of utf8) if (bytes) transfer.push(bytes.buffer);
      batch.push(postedItem(index, file, utf8));
      if (batch.length >= BATCH_FILES || performance.now() - lastPost >= BATCH_MS) send();
    });
  }
  await posted;
  send();
  post({ type: 'done' });
}

/** How many times the made-up article is prepared to warm the engine up (about 1 ms each once warm). */
const WARM_UP_ROUNDS = 40;

/**
 * A made-up article for warming up: Arabic words with harakat, tatweel, hamza forms and
 * Arabic-Indic digits, a Latin name, punctuation, and one paragraph twice (so the repeated
 * paragraph search runs its comparing path too).
 */
function warmUpArticle(): Uint8Array {
  const words = ['قالَ', 'وزيرُ', 'الخارجيّة', 'إنّ', 'المحادثات', 'مع', 'Reuters', 'ستُستأنف', '٢٠٢٦', 'في', 'القاهرة،', 'وأضاف', 'مصدرٌ', 'مطّلع', 'أنّ', 'الوفـد', 'سيصل', 'غداً.'];
  const paragraph = (seed: number, length: number): string => Array.from({ length }, (_, k) => words[(seed * 7 + k * 5) % words.length]).join(' ');
  const paragraphs = Array.from({ length: 8 }, (_, k) => paragraph(k, 40 + k * 3));
  return encoder.encode([...paragraphs, paragraphs[2]].join('\n'));
}

/**
 * Warms the engine up while the import dialog is open (the app starts the workers then; see
 * import-workers.ts): the first files a fresh engine prepares run in its slower tiers (in
 * Node, the bench's first 200 files took 80 ms against 22 ms for the next 200). A made-up
 * article is prepared a few times, one preparation per task, until real files arrive.
 */
function warmUp(round = 0): void {
  if (running || round >= WARM_UP_ROUNDS) return;
  prepareFile({ name: 'warm-up.txt', bytes: warmUpBytes }, {}, false);
  setTimeout(() => warmUp(round + 1), 0);
}
const warmUpBytes = warmUpArticle();
setTimeout(() => warmUp(), 0);

/** The main thread deals this worker's files in several messages. */
self.addEventListener('message', (event: MessageEvent<ToPreparer>) => {
  const message = event.data;
  options ??= message.options;
  message.files.forEach((input, k) => inputs.push({ index: message.indices[k]!, input }));
  if (!message.more) complete = true;
  wake?.();
  wake = null;
  if (!running) {
    running = true;
    void prepareAll();
  }
});

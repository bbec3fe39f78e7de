/**
 * Import benchmark, run in headless Chromium by `npm run bench` (test/bench/run.mjs).
 * Imports a generated corpus through the app's real pipeline (import worker, ImportBuilder,
 * CorpusStore, Dexie) and, in the same run, times a raw Dexie `bulkPut` of the same records
 * as the baseline. Also watches for long UI frames while the import runs.
 */
import { sha256Hex } from '../../shared/model/hash';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { DocumentRecord } from '../../shared/model/types';
import { IsnadDatabase, writeRecords, writeTransaction } from '../../renderer/db/db';
import { ImportSession } from '../../renderer/import/import-session';
import { CorpusStore } from '../../renderer/state/corpus-store';
import { generateCorpus } from './generate';

/** Time for the import worker alone to prepare every file (no writes): a diagnostic figure. */
async function prepareOnly(files: Array<{ name: string; bytes: Uint8Array }>): Promise<number> {
  const { createImportWorker } = await import('../../renderer/import/import-session');
  const worker = createImportWorker();
  const t = performance.now();
  await new Promise<void>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'done') resolve();
    });
    worker.postMessage({ type: 'prepare', files, indices: files.map((_, i) => i), options: {} });
  });
  worker.terminate();
  return performance.now() - t;
}

interface BenchResult {
  prepareOnlyMs: number;
  fileReadMs: number;
  articles: number;
  megabytes: number;
  baselineMs: number;
  importMs: number;
  ratio: number;
  longestFrameMs: number;
  framesOver100ms: number;
  imported: number;
}

async function freshDb(name: string): Promise<IsnadDatabase> {
  await IsnadDatabase.delete(name);
  const db = new IsnadDatabase(name);
  await db.open();
  return db;
}

function watchFrames(): () => { longest: number; over100: number } {
  let longest = 0;
  let over100 = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
      if (entry.duration > 100) {
        over100 += 1;
        const scripts = (entry as unknown as { scripts?: Array<{ invoker: string; sourceFunctionName: string; duration: number }> }).scripts ?? [];
        (window as unknown as { __long: unknown[] }).__long ??= [];
        (window as unknown as { __long: unknown[] }).__long.push({ d: Math.round(entry.duration), s: scripts.map((x) => `${x.invoker}|${x.sourceFunctionName}|${Math.round(x.duration)}`) });
      }
    }
  });
  const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
  observer.observe({ type, buffered: false });
  let last = performance.now();
  let running = true;
  const tick = (now: number): void => {
    const gap = now - last;
    last = now;
    if (gap > longest) longest = gap;
    if (gap > 100) over100 += 1;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    observer.disconnect();
    return { longest, over100 };
  };
}

async function run(count: number): Promise<BenchResult> {
  const corpus = generateCorpus(count, 42, 1650);
  const encoder = new TextEncoder();
  const files = corpus.map((a) => new File([encoder.encode(a.text)], a.name, { type: 'text/plain' }));
  const megabytes = files.reduce((n, f) => n + f.size, 0) / (1024 * 1024);
  const now = new Date().toISOString();
  const corpusRecord = { id: 'bench-corpus', name: 'Bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };

  // Baseline: the same documents, already built, written with one raw bulkPut.
  const records: DocumentRecord[] = corpus.map((a, i) => ({
    id: `doc-${i}`,
    corpusId: corpusRecord.id,
    title: a.text.slice(0, a.text.indexOf('\n')),
    text: a.text,
    sha256: sha256Hex(a.text),
    status: 'todo',
    order: i,
    meta: { fileName: a.name, origin: 'file', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: now },
  }));
  const baselineDb = await freshDb('isnad-bench-baseline');
  const t0 = performance.now();
  await baselineDb.documents.bulkPut(records);
  const baselineMs = performance.now() - t0;
  baselineDb.close();

  // The app's import pipeline, from picked files to durable documents.
  const db = await freshDb('isnad-bench-import');
  await writeRecords(db, { corpus: corpusRecord, documents: [], spans: [] });
  let n = 0;
  const store = new CorpusStore(createCorpusState(corpusRecord), { write: (tx, history) => writeTransaction(db, tx, history) }, {
    newId: () => `id-${++n}`,
    now: () => now,
    annotator: 'bench',
  });
  // Files go in as bytes, as the Electron main process delivers them. (In a browser, the
  // worker reads picked File objects itself; reading is reported apart, as fileReadMs.)
  const t2 = performance.now();
  const bytes = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const fileReadMs = performance.now() - t2;
  const prepareOnlyMs = await prepareOnly(bytes);
  const stopWatching = watchFrames();
  const t1 = performance.now();
  const session = new ImportSession(store, bytes, {}, () => undefined);
  const result = await session.start();
  const importMs = performance.now() - t1;
  const frames = stopWatching();
  const stored = await db.documents.count();
  db.close();
  if (stored !== count || result.report.imported.length !== count) throw new Error(`imported ${result.report.imported.length}, stored ${stored}, expected ${count}`);
  return { prepareOnlyMs, fileReadMs, articles: count, megabytes, baselineMs, importMs, ratio: importMs / baselineMs, longestFrameMs: frames.longest, framesOver100ms: frames.over100, imported: stored };
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('articles') ?? 10_000);
const suite = params.get('suite') ?? 'import';
const job = params.has('profile')
  ? import('./profile').then((m) => m.profile(count))
  : suite === 'export'
    ? import('./export-bench').then((m) => m.runExportBench(count))
    : suite === 'render'
      ? import('./render-bench').then((m) => m.runRenderPage(params.get('mode') === 'app' ? 'app' : 'plain', Number(params.get('spans') ?? 10_000), params.get('view') === 'window' ? 'window' : 'article'))
      : run(count);
job.then(
  (result) => {
    (window as unknown as { __bench: unknown }).__bench = { ok: true, result };
    document.getElementById('status')!.textContent = JSON.stringify(result);
  },
  (error: unknown) => {
    (window as unknown as { __bench: unknown }).__bench = { ok: false, error: String(error) };
  },
);

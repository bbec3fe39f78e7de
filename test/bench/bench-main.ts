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
import { watchFrames } from './frames';
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
const job = params.has('profile')
  ? import('./profile').then((m) => m.profile(count))
  : params.get('suite') === 'export'
    ? import('./export-bench').then((m) => m.runExportBench(count))
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

/**
 * Import benchmark, run in headless Chromium by `npm run bench` (test/bench/run.mjs).
 * Imports a generated corpus through the app's real pipeline (import worker, ImportBuilder,
 * CorpusStore, Dexie) and, in the same run, times a raw Dexie `bulkPut` of the same records
 * as the baseline. Five rounds of baseline and import, interleaved, each into a fresh
 * database and from a collected heap; the figure is the round with the median ratio (the
 * machine is shared and noisy: the same bulkPut took 1.6–4.1 s in one afternoon), and every
 * round is printed. Also watches for long UI frames while the imports run.
 */
import { ImportBuilder, type PreparedFile } from '../../shared/model/import';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { CorpusRecord, DocumentRecord } from '../../shared/model/types';
import { IsnadDatabase, writeRecords, writeTransaction } from '../../renderer/db/db';
import { createPreparer, ImportSession } from '../../renderer/import/import-session';
import { ImportWorkers } from '../../renderer/import/import-workers';
import { restoreTexts, type FromPreparer } from '../../renderer/import/protocol';
import { CorpusStore } from '../../renderer/state/corpus-store';
import { watchFrames } from './frames';
import { generateCorpus } from './generate';

/**
 * One preparing worker alone prepares every file (no writes): a diagnostic figure, and the
 * prepared files from which the baseline's records are built.
 */
async function prepareOnly(files: Array<{ name: string; bytes: Uint8Array }>): Promise<{ ms: number; prepared: PreparedFile[] }> {
  const worker = createPreparer() as unknown as Worker;
  const prepared: PreparedFile[] = [];
  console.log('PHASE prepare-start', Date.now());
  const t = performance.now();
  await new Promise<void>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<FromPreparer>) => {
      if (event.data.type === 'done') resolve();
      else for (const item of event.data.items) prepared[item.index] = restoreTexts(item).file;
    });
    worker.postMessage({ type: 'prepare', files, indices: files.map((_, i) => i), options: {} });
  });
  const ms = performance.now() - t;
  console.log('PHASE prepare-end', Date.now());
  worker.terminate();
  return { ms, prepared };
}

/** Figures of one round: a baseline and an import, each into a fresh database. */
interface ImportRound {
  prepareOnlyMs: number;
  /** When the last file had been prepared, from the start of the import. */
  preparedMs: number;
  baselineMs: number;
  importMs: number;
  ratio: number;
}

interface BenchResult extends ImportRound {
  fileReadMs: number;
  articles: number;
  megabytes: number;
  /** Every round, in the order run; the figures above are the round with the median ratio. */
  rounds: ImportRound[];
  /** Over the imports of every round. */
  longestFrameMs: number;
  framesOver100ms: number;
  imported: number;
  /** A small import's time, from Import to durable, with the workers started then or by the dialog (a diagnostic). */
  small: { files: number; coldMs: number; warmMs: number };
}

/** Rounds of baseline and import, interleaved; the figure is the median round (the machine is shared and noisy). */
const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 5);

async function freshDb(name: string): Promise<IsnadDatabase> {
  await IsnadDatabase.delete(name);
  const db = new IsnadDatabase(name);
  await db.open();
  return db;
}

/** Starts a timing from a collected heap (when the browser exposes `gc`), so no step pays for the garbage of the one before. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The generated corpus as files, read into bytes (as the Electron main process delivers them). */
async function corpusFiles(count: number): Promise<{ bytes: Array<{ name: string; bytes: Uint8Array }>; megabytes: number; fileReadMs: number }> {
  const encoder = new TextEncoder();
  const files = generateCorpus(count, 42, 1650).map((a) => new File([encoder.encode(a.text)], a.name, { type: 'text/plain' }));
  const megabytes = files.reduce((n, f) => n + f.size, 0) / (1024 * 1024);
  // (In a browser, the worker reads picked File objects itself; reading is reported apart.)
  const t = performance.now();
  const bytes = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  return { bytes, megabytes, fileReadMs: performance.now() - t };
}

/**
 * Baseline: the records the import writes (text, hash, MinHash signature, metadata, made by
 * the same preparation and builder), already built, written with one raw bulkPut. The
 * records are dropped afterwards, so the import runs with the heap an app would have.
 */
async function baseline(prepared: PreparedFile[], corpusRecord: CorpusRecord, now: string): Promise<number> {
  let baseId = 0;
  const builder = new ImportBuilder(createCorpusState(corpusRecord), { newId: () => `doc-${baseId++}`, now: () => now, annotator: 'bench' });
  for (const file of prepared) builder.add(file);
  const records = builder.take()!.changes.map((change) => change.after as DocumentRecord);
  if (records.length !== prepared.length) throw new Error(`the baseline has ${records.length} records, expected ${prepared.length}`);
  const db = await freshDb('isnad-bench-baseline');
  collectGarbage();
  // (PHASE lines mark the timed windows in wall-clock time, for tools that sample thread CPU: BENCH_DEBUG=1)
  console.log('PHASE baseline-start', Date.now());
  const t = performance.now();
  await db.documents.bulkPut(records);
  console.log('PHASE baseline-end', Date.now());
  const ms = performance.now() - t;
  db.close();
  return ms;
}

/**
 * How long the import's workers are given to load before the timing starts. The app starts
 * them when the import dialog opens (ImportWorkers, import-workers.ts), and a user spends
 * longer than this in the dialog before pressing Import; the baseline's database is likewise
 * open before its timing starts.
 */
const DIALOG_MS = 1000;

/** The workers of one import, started as the import dialog starts them, unless `cold`. */
async function importWorkers(cold: boolean): Promise<ImportWorkers> {
  const workers = new ImportWorkers(undefined, params.has('preparers') ? Number(params.get('preparers')) : undefined);
  if (cold) return workers;
  workers.warm();
  await new Promise((resolve) => setTimeout(resolve, DIALOG_MS));
  return workers;
}

/** The app's import pipeline, from picked files to durable documents, into a fresh database (`phase` names its PHASE lines). */
async function importRound(files: Array<{ name: string; bytes: Uint8Array }>, corpusRecord: CorpusRecord, now: string, cold = false, phase = 'import'): Promise<{ importMs: number; preparedMs: number; frames: { longest: number; over100: number } }> {
  const workers = await importWorkers(cold);
  const db = await freshDb('isnad-bench-import');
  await writeRecords(db, { corpus: corpusRecord, documents: [], spans: [] });
  let n = 0;
  const store = new CorpusStore(createCorpusState(corpusRecord), { write: (tx, history) => writeTransaction(db, tx, history) }, {
    newId: () => `id-${++n}`,
    now: () => now,
    annotator: 'bench',
  });
  collectGarbage();
  // (The frame of this forced collection is the bench's own: watchFrames leaves it out.)
  const stopWatching = watchFrames();
  console.log(`PHASE ${phase}-start`, Date.now());
  const t1 = performance.now();
  let preparedMs = 0;
  const session = new ImportSession(store, files, {}, (progress) => {
    if (progress.prepared === progress.total && !preparedMs) preparedMs = performance.now() - t1;
  }, { database: db.name, ...workers.threads(), ...(params.has('preparers') ? { preparers: Number(params.get('preparers')) } : {}), ...(params.has('batch') ? { batch: Number(params.get('batch')) } : {}), ...(params.has('lookahead') ? { lookahead: Number(params.get('lookahead')) } : {}) });
  const result = await session.start();
  const importMs = performance.now() - t1;
  console.log(`PHASE ${phase}-end`, Date.now());
  const frames = stopWatching();
  const stored = await db.documents.count();
  db.close();
  if (stored !== files.length || result.report.imported.length !== files.length) throw new Error(`imported ${result.report.imported.length}, stored ${stored}, expected ${files.length}`);
  return { importMs, preparedMs, frames };
}

/** Files in the small import (a researcher's few articles): its whole time is the start-up. */
const SMALL_IMPORT = 5;

/**
 * A diagnostic: a small import, from Import to durable, with workers started when it starts
 * (cold) and with workers started by the dialog (warm); medians of five each, alternating.
 */
async function smallImports(files: Array<{ name: string; bytes: Uint8Array }>, corpusRecord: CorpusRecord, now: string): Promise<{ files: number; coldMs: number; warmMs: number }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    for (const isCold of [true, false]) {
      const { importMs } = await importRound(files.map((file) => ({ name: file.name, bytes: file.bytes.slice() })), corpusRecord, now, isCold, 'small-import');
      (isCold ? cold : warm).push(importMs);
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { files: files.length, coldMs: median(cold), warmMs: median(warm) };
}

async function run(count: number): Promise<BenchResult> {
  const now = new Date().toISOString();
  const corpusRecord: CorpusRecord = { id: 'bench-corpus', name: 'Bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  const { bytes, megabytes, fileReadMs } = await corpusFiles(count);
  const rounds: ImportRound[] = [];
  let longestFrameMs = 0;
  let framesOver100ms = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const prep = await prepareOnly(bytes);
    const baselineMs = await baseline(prep.prepared, corpusRecord, now);
    prep.prepared = [];
    // (The import gets its own copy of the bytes: it moves them to its workers.)
    const { importMs, preparedMs, frames } = await importRound(bytes.map((file) => ({ name: file.name, bytes: file.bytes.slice() })), corpusRecord, now);
    longestFrameMs = Math.max(longestFrameMs, frames.longest);
    framesOver100ms += frames.over100;
    rounds.push({ prepareOnlyMs: prep.ms, preparedMs, baselineMs, importMs, ratio: importMs / baselineMs });
  }
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  const small = await smallImports(bytes.slice(0, SMALL_IMPORT), corpusRecord, now);
  return { ...median, rounds, fileReadMs, articles: count, megabytes, longestFrameMs, framesOver100ms, imported: count, small };
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('articles') ?? 10_000);
const suite = params.get('suite') ?? 'import';
const job = params.has('profile')
  ? import('./profile').then((m) => m.profile(count, Number(params.get('rounds') ?? 5)))
  : suite === 'export'
    ? import('./export-bench').then((m) => m.runExportBench(count))
    : suite === 'render'
      ? import('./render-bench').then((m) => m.runRenderPage(params.get('mode') === 'app' ? 'app' : 'plain', Number(params.get('spans') ?? 10_000), params.get('view') === 'window' ? 'window' : 'article', params.get('suggestions') === '1'))
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

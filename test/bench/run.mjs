// `npm run bench`: builds the benchmark page, serves it on 127.0.0.1, runs it in headless
// Chromium and prints the figures as ratios to a baseline measured in the same run. Each suite
// also writes its figures to out/bench/<suite>.json (one object per measure: name, value, unit,
// baseline, ratio, target). Exits 1 when a target is missed.
// Options: --suite import|export|render (default: all three), --articles N (import and export,
// default 10000), --edits N (render: add/relabel/delete cycles per variant, default 100),
// --preparers N (import: preparing workers, default the app's choice), --batch N (import:
// documents per write, default the app's), --lookahead N (import: files prepared ahead of the
// writes, default the app's), --rounds N (import: rounds of baseline and import, default 5).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from '@playwright/test';
import { runRenderSuite } from './render-suite.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const articles = Number(option('--articles', 10000)) || 10000;
const edits = Number(option('--edits', 100)) || 100;
const suite = option('--suite', 'all');
/** Import: how many preparing workers (default: the app's own choice for this machine). */
const preparers = Number(option('--preparers', 0)) || 0;
/** Import: documents per write (default: the app's). */
const batch = Number(option('--batch', 0)) || 0;
const lookahead = Number(option('--lookahead', 0)) || 0;
const rounds = Number(option('--rounds', 0)) || 0;
if (!['all', 'import', 'export', 'render'].includes(suite)) {
  console.error(`Unknown suite “${suite}”: use import, export or render (or no --suite for all three).`);
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT ?? 4199);

const build = spawnSync('npx', ['vite', 'build', '--config', 'test/bench/vite.bench.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('npx', ['vite', 'preview', '--config', 'test/bench/vite.bench.config.ts'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
// Wait until the preview server answers (it can take a few seconds on a busy machine).
for (let waited = 0; ; waited += 250) {
  const up = await fetch(`http://127.0.0.1:${port}/`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) break;
  if (waited > 30_000) {
    console.error(`The benchmark server did not start on port ${port}.`);
    stop();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;

/** Writes one suite's measures as JSON, with when and where they were measured. */
function writeMeasures(name, measures) {
  mkdirSync('out/bench', { recursive: true });
  const file = `out/bench/${name}.json`;
  writeFileSync(file, `${JSON.stringify({ suite: name, measuredAt: new Date().toISOString(), machine, measures }, null, 2)}\n`);
  console.log(`  (written to ${file})`);
}

/** A measure object: value and baseline in one unit, ratio value/baseline. */
const measure = (name, value, unit, baseline, target) => ({ name, value, unit, baseline, ratio: baseline ? value / baseline : null, ...(target ? { target } : {}) });

let failed = false;
try {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // --expose-gc: the export suite starts each timing from a collected heap.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const runPage = async (query) => {
    const page = await browser.newPage();
    page.on('console', (m) => { if (process.env.BENCH_DEBUG) console.log(m.text()); });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${port}/?${query}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench, null, { timeout: 600_000, polling: 500 });
    const outcome = await page.evaluate(() => window.__bench);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(await page.evaluate(() => window.__long ?? [])));
    if (!outcome.ok) throw new Error(outcome.error);
    return { page, result: outcome.result };
  };
  const runSuite = async (query) => {
    const { page, result } = await runPage(query);
    await page.close();
    return result;
  };

  if (suite === 'all' || suite === 'import') {
    const r = await runSuite(`articles=${articles}${preparers ? `&preparers=${preparers}` : ''}${batch ? `&batch=${batch}` : ''}${lookahead ? `&lookahead=${lookahead}` : ''}${rounds ? `&rounds=${rounds}` : ''}`);
    console.log(`\nImport benchmark (headless Chromium, one run: ${r.rounds.length === 1 ? "one round" : `${r.rounds.length} rounds of baseline and import, interleaved, each into a fresh database; the median round is shown`})`);
    console.log(`  corpus: ${r.articles.toLocaleString('en')} generated Arabic articles, ${r.megabytes.toFixed(1)} MB`);
    console.log(`  baseline, raw Dexie bulkPut of the same records: ${ms(r.baselineMs)}`);
    console.log(`  Isnad import (workers: decode, hash, MinHash; batched durable writes; workers started by the import dialog): ${ms(r.importMs)}`);
    console.log(`  (diagnostic) every file prepared after ${ms(r.preparedMs)}; the rest is the writes catching up`);
    console.log(`  (diagnostic) one import worker alone, preparing every file without writing: ${ms(r.prepareOnlyMs)}`);
    console.log(`  (diagnostic) reading the same files as browser File objects: ${ms(r.fileReadMs)} (Electron delivers bytes instead)`);
    console.log(`  (diagnostic) importing ${r.small.files} articles, from Import to durable: ${ms(r.small.warmMs)} with the workers the import dialog started, ${ms(r.small.coldMs)} starting them then (medians of 5)`);
    console.log(`  import / baseline: ${r.ratio.toFixed(2)}×   (target ≤ 1.50×) ${r.ratio <= 1.5 ? 'OK' : 'MISSED'}`);
    console.log(`  every round, import / baseline: ${r.rounds.map((x) => `${ms(x.importMs)} / ${ms(x.baselineMs)} = ${x.ratio.toFixed(2)}×`).join(', ')}`);
    console.log(`  longest UI frame during the imports: ${ms(r.longestFrameMs)}, frames over 100 ms: ${r.framesOver100ms}   (target 0) ${r.framesOver100ms === 0 ? 'OK' : 'MISSED'}`);
    failed ||= r.ratio > 1.5 || r.framesOver100ms > 0;
    writeMeasures('import', [
      measure('import', r.importMs, 'ms', r.baselineMs, '≤ 1.5×'),
      ...r.rounds.map((x, k) => measure(`import, round ${k + 1}`, x.importMs, 'ms', x.baselineMs)),
      measure('longest UI frame during import', r.longestFrameMs, 'ms', null, '≤ 100 ms'),
      measure(`import of ${r.small.files} articles, workers started by the dialog`, r.small.warmMs, 'ms', r.small.coldMs),
    ]);
  }
  if (suite === 'all' || suite === 'export') {
    const e = await runSuite(`suite=export&articles=${articles}`);
    const round = (x) => `${x.nativeRatio.toFixed(2)}×/${x.jsonlRatio.toFixed(2)}×`;
    console.log(`\nExport benchmark (${e.rounds.length} rounds in one run, interleaved, each timing from a collected heap; the median round is shown)`);
    console.log(`  corpus: ${e.documents.toLocaleString('en')} documents, ${e.spans.toLocaleString('en')} spans`);
    const { native: n, jsonl: j } = e;
    console.log(`  baseline, JSON.stringify of the same data: ${ms(n.stringifyMs)} (native's round), ${ms(j.stringifyMs)} (JSON Lines' round)`);
    console.log(`  native JSON export (verification included): ${ms(n.nativeMs)} = ${n.nativeRatio.toFixed(2)}×   (target ≤ 2.00×) ${n.nativeRatio <= 2 ? 'OK' : 'MISSED'}`);
    console.log(`  JSON Lines export (verification included): ${ms(j.jsonlMs)} = ${j.jsonlRatio.toFixed(2)}×   (target ≤ 2.00×) ${j.jsonlRatio <= 2 ? 'OK' : 'MISSED'}`);
    console.log(`  every round, native/JSON Lines: ${e.rounds.map(round).join(', ')}`);
    console.log(`  JSON Lines in the export worker, as the app runs it (with progress): ${ms(e.workerMs)}`);
    console.log(`  longest UI frame during the worker export: ${ms(e.longestFrameMs)}, frames over 100 ms: ${e.framesOver100ms}   (target 0) ${e.framesOver100ms === 0 ? 'OK' : 'MISSED'}`);
    failed ||= n.nativeRatio > 2 || j.jsonlRatio > 2 || e.framesOver100ms > 0;
    writeMeasures('export', [
      measure('native JSON export', n.nativeMs, 'ms', n.stringifyMs, '≤ 2×'),
      measure('JSON Lines export', j.jsonlMs, 'ms', j.stringifyMs, '≤ 2×'),
      measure('longest UI frame during the worker export', e.longestFrameMs, 'ms', null, '≤ 100 ms'),
    ]);
  }
  if (suite === 'all' || suite === 'render') {
    const { measures, missed } = await runRenderSuite(runPage, { edits, log: console.log });
    failed ||= missed;
    writeMeasures('render', measures);
  }
  await browser.close();
} catch (error) {
  console.error(`bench failed: ${error.message}`);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);

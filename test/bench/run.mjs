// `npm run bench`: builds the benchmark page, serves it on 127.0.0.1, runs it in headless
// Chromium and prints the figures as ratios to a baseline measured in the same run.
// Exits 1 when a target is missed. Options: --articles N (default 10000), --suite import|export.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const articles = Number(args[args.indexOf('--articles') + 1] || 10000) || 10000;
// --suite import|export runs one suite only (default: both).
const suite = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : 'all';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const build = spawnSync('npx', ['vite', 'build', '--config', 'test/bench/vite.bench.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('npx', ['vite', 'preview', '--config', 'test/bench/vite.bench.config.ts'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
// Wait until the preview server answers (it is slow to start on a loaded machine).
const benchUrl = `http://127.0.0.1:${process.env.BENCH_PORT ?? 4199}/`;
for (let waited = 0; waited < 60_000; waited += 250) {
  const up = await fetch(benchUrl).then(
    (response) => response.ok,
    () => false,
  );
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
let failed;
try {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // --expose-gc: the export suite starts each timing from a collected heap.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
  });
  const runSuite = async (query) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`http://127.0.0.1:${process.env.BENCH_PORT ?? 4199}/?${query}`);
    await page.waitForFunction(() => window.__bench, null, { timeout: 600_000, polling: 500 });
    const outcome = await page.evaluate(() => window.__bench);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(await page.evaluate(() => window.__long ?? [])));
    await page.close();
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.result;
  };
  const r = suite === 'export' ? null : await runSuite(`articles=${articles}`);
  const e = suite === 'import' ? null : await runSuite(`suite=export&articles=${articles}`);
  await browser.close();
  const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
  failed = false;
  if (r) {
  console.log(`\nImport benchmark (headless Chromium, one run)`);
  console.log(`  corpus: ${r.articles.toLocaleString('en')} generated Arabic articles, ${r.megabytes.toFixed(1)} MB`);
  console.log(`  baseline, raw Dexie bulkPut of the same records: ${ms(r.baselineMs)}`);
  console.log(`  Isnad import (worker: decode, hash, MinHash; batched durable writes): ${ms(r.importMs)}`);
  console.log(`  (diagnostic) one import worker alone, preparing every file without writing: ${ms(r.prepareOnlyMs)}`);
  console.log(`  (diagnostic) reading the same files as browser File objects: ${ms(r.fileReadMs)} (Electron delivers bytes instead)`);
  console.log(`  import / baseline: ${r.ratio.toFixed(2)}×   (target ≤ 1.50×) ${r.ratio <= 1.5 ? 'OK' : 'MISSED'}`);
  console.log(`  longest UI frame during the import: ${ms(r.longestFrameMs)}, frames over 100 ms: ${r.framesOver100ms}   (target 0) ${r.framesOver100ms === 0 ? 'OK' : 'MISSED'}`);
  failed ||= r.ratio > 1.5 || r.framesOver100ms > 0;
  }
  if (e) {
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
  }
} catch (error) {
  console.error(`bench failed: ${error.message}`);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);

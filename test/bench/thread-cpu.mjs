// Diagnostic (Linux): CPU time per Chromium thread in the windows a benchmark marks.
//   node test/bench/thread-cpu.mjs -- --suite import [--preparers N] [--batch N]
// runs `npm run bench` with those options and BENCH_DEBUG=1, samples every Chromium thread's
// CPU time from /proc every 50 ms, and prints, for each window the page marks with
// `PHASE <name>-start|end <epoch ms>` console lines (the import suite marks `prepare` (one
// worker preparing every file, no writes), `baseline` and `import`), the wall time, the CPU time of all threads and the busiest threads. Wall-clock
// ratios are noisy on a shared machine; CPU per thread says where the work is. The import
// suite runs several rounds and marks each: the last round's windows are shown (`--rounds 1`
// for one).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const args = process.argv.slice(process.argv.indexOf('--') + 1);
const tick = 100; // USER_HZ: clock ticks per second on Linux
/** @type {Array<{ at: number; threads: Map<string, number> }>} */
const samples = [];

function sample() {
  const threads = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/.test(cmd)) continue;
      const type = /--type=(\w+)/.exec(cmd)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(`${type} ${name} #${tid}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / tick);
      }
    } catch {
      // The process or thread ended while it was read.
    }
  }
  samples.push({ at: Date.now(), threads });
}

/** Each thread's CPU time (ms) as last seen at or before `at` (a thread that ended keeps its last value). */
function cpuAt(at) {
  const cpu = new Map();
  for (const s of samples) if (s.at <= at + 30) for (const [thread, ms] of s.threads) cpu.set(thread, ms);
  return cpu;
}

const timer = setInterval(sample, 50);
const phases = new Map();
const bench = spawn('npm', ['run', 'bench', '--', ...args], { env: { ...process.env, BENCH_DEBUG: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
let pending = '';
bench.stdout.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const phase = /PHASE (\S+) (\d+)/.exec(line);
    if (phase) phases.set(phase[1], Number(phase[2]));
    else console.log(line);
  }
});
bench.on('exit', (code) => {
  clearInterval(timer);
  sample();
  for (const [key, start] of phases) {
    if (!key.endsWith('-start')) continue;
    const name = key.slice(0, -'-start'.length);
    const end = phases.get(`${name}-end`);
    if (end === undefined) continue;
    const before = cpuAt(start);
    const after = cpuAt(end);
    const used = [...after].map(([thread, ms]) => [thread, ms - (before.get(thread) ?? 0)]).filter(([, ms]) => ms > 0);
    used.sort((a, b) => b[1] - a[1]);
    const total = used.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`\n${name}: ${end - start} ms wall, ${Math.round(total)} ms CPU in all Chromium threads`);
    for (const [thread, ms] of used.slice(0, 12)) console.log(`  ${String(Math.round(ms)).padStart(6)} ms  ${thread}`);
  }
  process.exit(code ?? 1);
});

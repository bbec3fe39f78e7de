// Garbage-collection pauses on a benchmark page's main thread, read from a Chrome trace of a
// few cheap categories, so that the render suite can say which of its long frames were the
// browser collecting garbage rather than the page's own work.
//
// Why: with a 1 MB article laid out, Chromium runs a memory-reducing collection some 20–35 s
// after the page settles (idle or not), and in it compacts Blink's heap (CppGC.AtomicCompact)
// for 250–400 ms on this machine. Traced on 2026-12-01, the plain-paragraph baseline page
// paid the same pause as the app's page (284 ms against 253 ms, both left idle after opening);
// a 250 kB article paid none. When that pause falls into the scroll, it is the scroll's
// longest frame. Since the app lets go of the layout of chunks far from view
// (editor/progressive-layout.ts), its page pays 16–35 ms; the suite prints both pages' pauses.

import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The trace categories: V8's GC phases, Blink's heap (cppgc) and the page's performance marks. */
const GC_TRACE_CATEGORIES = ['disabled-by-default-v8.gc', 'cppgc', 'blink.user_timing'];

/** The performance mark a traced page sets once, so that trace times can be put on its clock (performance.now()). */
export const CLOCK_MARK = 'isnad-bench-clock';

/** Main-thread pauses: V8's full and young-generation collections (Blink's heap is collected inside the full ones). */
const PAUSES = new Map([
  ['V8.GC_MARK_COMPACTOR', 'full'],
  ['V8.GC_SCAVENGER', 'young'],
  ['V8.GC_MINOR_MARK_SWEEPER', 'young'],
]);

/**
 * The main-thread GC pauses of a trace, in milliseconds on the page's clock: `{ kind, start,
 * end, compactMs }`, `compactMs` being the part spent compacting Blink's heap. The page's
 * {@link CLOCK_MARK} gives the clock and the thread.
 */
export function gcPauses(events) {
  const mark = events.find((e) => e.name === CLOCK_MARK && e.args?.data?.startTime !== undefined);
  if (!mark) throw new Error(`the trace has no ${CLOCK_MARK} mark`);
  const base = mark.ts - mark.args.data.startTime * 1000;
  const onMainThread = (e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid;
  const compactions = events.filter((e) => onMainThread(e) && e.name === 'CppGC.AtomicCompact');
  return events
    .filter((e) => onMainThread(e) && PAUSES.has(e.name))
    .map((e) => ({
      kind: PAUSES.get(e.name),
      start: (e.ts - base) / 1000,
      end: (e.ts + e.dur - base) / 1000,
      compactMs: compactions.filter((c) => c.ts >= e.ts && c.ts < e.ts + e.dur).reduce((sum, c) => sum + c.dur, 0) / 1000,
    }));
}

/**
 * Runs `work` (which must have the page call `performance.mark(CLOCK_MARK)` once) while the
 * page is traced for garbage collection; resolves with its result and the page's GC pauses.
 */
export async function withGcTrace(page, work) {
  const browser = page.context().browser();
  const path = join(tmpdir(), `isnad-bench-gc-${process.pid}-${Date.now()}.json`);
  await browser.startTracing(page, { path, categories: GC_TRACE_CATEGORIES });
  let result;
  try {
    result = await work();
  } finally {
    await browser.stopTracing();
  }
  try {
    return { result, pauses: gcPauses(JSON.parse(readFileSync(path, 'utf8')).traceEvents) };
  } finally {
    rmSync(path, { force: true });
  }
}

/** How many milliseconds of `pauses` fall within [start, end]. */
function pausedWithin(pauses, start, end) {
  return pauses.reduce((sum, p) => sum + Math.max(0, Math.min(end, p.end) - Math.max(start, p.start)), 0);
}

/**
 * Splits a scroll's slow frames (`{ start, end }` on the page's clock, every frame over
 * `slowMs`) into the page's work and the GC pauses within them. `longestLessGcMs` is the
 * longest frame with its GC pauses taken out (the longest frame itself when no frame was
 * slow); `heldByGc` counts the frames over `limitMs` that are within it once their pauses
 * are taken out; `pauseMs` and `compactMs` describe the longest pause in a slow frame.
 */
export function framesLessGc(scroll, pauses, limitMs) {
  let longestLessGcMs = scroll.slowFrames.length ? 0 : scroll.longestFrameMs;
  let heldByGc = 0;
  let pauseMs = 0;
  let compactMs = 0;
  for (const frame of scroll.slowFrames) {
    const gap = frame.end - frame.start;
    const paused = pausedWithin(pauses, frame.start, frame.end);
    longestLessGcMs = Math.max(longestLessGcMs, gap - paused);
    if (gap > limitMs && gap - paused <= limitMs) heldByGc += 1;
    for (const p of pauses) {
      if (p.end > frame.start && p.start < frame.end && p.end - p.start > pauseMs) {
        pauseMs = p.end - p.start;
        compactMs = p.compactMs;
      }
    }
  }
  return { longestLessGcMs, heldByGc, pauseMs, compactMs };
}

/**
 * The longest main-thread GC pause of `page` left alone for `ms` (a diagnostic: whether the
 * page pays the same collection when nothing else happens).
 */
export async function longestIdlePause(page, ms) {
  const { pauses } = await withGcTrace(page, async () => {
    await page.evaluate((name) => performance.mark(name), CLOCK_MARK);
    await page.waitForTimeout(ms);
  });
  return pauses.reduce((longest, p) => (p.end - p.start > longest.pauseMs ? { pauseMs: p.end - p.start, compactMs: p.compactMs } : longest), { pauseMs: 0, compactMs: 0 });
}

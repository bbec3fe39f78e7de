import { describe, expect, it } from 'vitest';
import { CLOCK_MARK, framesLessGc, gcPauses, type TraceEvent } from '../../bench/gc-trace.mjs';

/** A trace whose page clock starts 1,000,000 µs into the trace clock: page time t ms is trace time 1e6 + 1000·t µs. */
function trace(extra: TraceEvent[]): TraceEvent[] {
  return [{ name: CLOCK_MARK, ph: 'I', pid: 1, tid: 7, ts: 1_000_000 + 500_000, args: { data: { startTime: 500 } } }, ...extra];
}

describe('gcPauses', () => {
  it('puts the main thread’s pauses on the page’s clock, with the compaction inside them', () => {
    const pauses = gcPauses(
      trace([
        { name: 'V8.GC_MARK_COMPACTOR', ph: 'X', pid: 1, tid: 7, ts: 1_000_000 + 2_000_000, dur: 300_000 },
        { name: 'CppGC.AtomicCompact', ph: 'X', pid: 1, tid: 7, ts: 1_000_000 + 2_010_000, dur: 250_000 },
        { name: 'V8.GC_SCAVENGER', ph: 'X', pid: 1, tid: 7, ts: 1_000_000 + 3_000_000, dur: 2_000 },
        // Another thread's collection (a worker's) is not the page's pause.
        { name: 'V8.GC_MARK_COMPACTOR', ph: 'X', pid: 1, tid: 9, ts: 1_000_000 + 2_500_000, dur: 90_000 },
      ]),
    );
    expect(pauses).toEqual([
      { kind: 'full', start: 2000, end: 2300, compactMs: 250 },
      { kind: 'young', start: 3000, end: 3002, compactMs: 0 },
    ]);
  });

  it('refuses a trace without the page’s clock mark', () => {
    expect(() => gcPauses([])).toThrow(CLOCK_MARK);
  });
});

describe('framesLessGc', () => {
  const pause = { kind: 'full' as const, start: 2000, end: 2300, compactMs: 250 };

  it('counts a long frame as held by the collection when the rest of it is within the limit', () => {
    const scroll = { longestFrameMs: 320, slowFrames: [{ start: 1990, end: 2310 }, { start: 5000, end: 5030 }] };
    expect(framesLessGc(scroll, [pause], 50)).toEqual({ longestLessGcMs: 30, heldByGc: 1, pauseMs: 300, compactMs: 250 });
  });

  it('keeps a long frame that is the page’s own work', () => {
    const scroll = { longestFrameMs: 90, slowFrames: [{ start: 4000, end: 4090 }] };
    expect(framesLessGc(scroll, [pause], 50)).toEqual({ longestLessGcMs: 90, heldByGc: 0, pauseMs: 0, compactMs: 0 });
  });

  it('gives the longest frame itself when no frame was slow', () => {
    expect(framesLessGc({ longestFrameMs: 17, slowFrames: [] }, [pause], 50).longestLessGcMs).toBe(17);
  });
});

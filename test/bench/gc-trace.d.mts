/** Types of gc-trace.mjs (for the unit tests, which are TypeScript). */
export const CLOCK_MARK: string;
export interface GcPause {
  kind: 'full' | 'young';
  start: number;
  end: number;
  compactMs: number;
}
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { startTime?: number } };
}
export function gcPauses(events: TraceEvent[]): GcPause[];
export function framesLessGc(
  scroll: { longestFrameMs: number; slowFrames: Array<{ start: number; end: number }> },
  pauses: GcPause[],
  limitMs: number,
): { longestLessGcMs: number; heldByGc: number; pauseMs: number; compactMs: number };
export function withGcTrace<T>(page: unknown, work: () => Promise<T>): Promise<{ result: T; pauses: GcPause[] }>;
export function longestIdlePause(page: unknown, ms: number): Promise<{ pauseMs: number; compactMs: number }>;

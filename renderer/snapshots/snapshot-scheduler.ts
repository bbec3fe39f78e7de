/**
 * When automatic snapshots are taken: a set time after the first change since the last
 * snapshot (so an idle corpus is not copied again and again), and when the window closes
 * if anything changed since. Only this window's own changes count: another window on the
 * same corpus takes its own.
 */
import type { SnapshotReason } from '../../shared/snapshots/snapshot-info';

/** The timer functions the scheduler uses (fake ones in tests). */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Decides when to take a snapshot; `take` does it and resolves with whether it was stored. */
export class SnapshotScheduler {
  private dirty = false;
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly take: (reason: SnapshotReason) => Promise<boolean>,
    private readonly intervalMs: () => number,
    private readonly timers: SchedulerTimers = realTimers,
  ) {}

  /** Whether something changed since the last snapshot. */
  get hasChanges(): boolean {
    return this.dirty;
  }

  /** This window committed a change. */
  changed(): void {
    this.dirty = true;
    this.arm();
  }

  /** A snapshot of the current state was stored by other means (by hand, before a restore). */
  taken(): void {
    this.dirty = false;
    this.disarm();
  }

  /** The interval setting changed: the waiting snapshot is due one new interval from now. */
  reschedule(): void {
    this.disarm();
    if (this.dirty) this.arm();
  }

  /** The window is closing: takes a snapshot now if anything changed (best effort, not awaited). */
  atQuit(): void {
    this.disarm();
    if (!this.dirty) return;
    this.dirty = false;
    void this.take('quit');
  }

  /** Stops scheduling (the window is done with this corpus). */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private arm(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = this.timers.setTimeout(() => void this.fire(), this.intervalMs());
  }

  private disarm(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async fire(): Promise<void> {
    this.timer = null;
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    const stored = await this.take('scheduled');
    // Not stored (the disk is full…): the changes are still not in any snapshot; try again later.
    if (!stored) this.changed();
  }
}

/**
 * Tells a fling from reading. While an article pane moves faster than a screen per
 * {@link FLING_SCREEN_MS}, nobody reads what passes, and work done for each part of the text
 * that comes into view (registering its span highlights, which makes the browser repaint every
 * highlighted line it shows) only costs frames. {@link ScrollPace} is fed the pane's scroll
 * events and says whether a fling is under way and when it will count as over: a fling ends
 * {@link FLING_SETTLE_MS} after its last fast step. A single jump (going to a search match or
 * a span) is not a fling: a step counts only when it follows the previous scroll event within
 * {@link STEP_GAP_MS}, as the steps of a continuing scroll do (one per frame).
 */

/** A pane moving more than a screen in this many milliseconds is being flung. */
export const FLING_SCREEN_MS = 100;

/** A fling ends this long after its last fast scroll event. */
export const FLING_SETTLE_MS = 150;

/** Scroll events further apart than this are separate moves (a jump), not steps of one scroll. */
export const STEP_GAP_MS = 50;

/** Records the scroll events of one pane and tells whether it is being flung. */
export class ScrollPace {
  private lastTop: number | null = null;
  private lastAt = 0;
  private fastUntil = Number.NEGATIVE_INFINITY;

  /**
   * Records a scroll event: the pane's `top` (scrollTop) at time `at` (ms, the event's
   * timeStamp), with a viewport `screen` pixels high. Returns whether the pane is being flung.
   */
  record(top: number, at: number, screen: number): boolean {
    const elapsed = at - this.lastAt;
    if (this.lastTop !== null && screen > 0 && elapsed <= STEP_GAP_MS) {
      const moved = Math.abs(top - this.lastTop);
      // Two events in the same millisecond are one step.
      if (moved / Math.max(elapsed, 1) > screen / FLING_SCREEN_MS) this.fastUntil = at + FLING_SETTLE_MS;
    }
    this.lastTop = top;
    this.lastAt = at;
    return this.isFlinging(at);
  }

  /** Whether a fling is under way at time `now` (ms). */
  isFlinging(now: number): boolean {
    return now < this.fastUntil;
  }

  /** When the current fling counts as over (ms; in the past when there is none). */
  settlesAt(): number {
    return this.fastUntil;
  }
}

/**
 * Runs keyboard actions strictly in the order the keys were pressed. Many actions are
 * asynchronous (a change is written to IndexedDB before it is shown), and the next key
 * must see its result: "select, 1, 6" must relabel the span that "1" made. An action runs at
 * once when nothing is pending (so its return value can still decide whether the key keeps
 * its default meaning); while one is pending, later ones wait their turn.
 */

/** What an action's run() may return: false means "not handled here". */
export type ActionOutcome = void | boolean | Promise<void>;

export class ActionRunner {
  private pending: Promise<void> | null = null;

  constructor(private readonly onError: (error: unknown) => void) {}

  /**
   * Runs `run` now, or after the pending actions. Returns whether the key counts as handled:
   * the action's own answer when it ran at once, true when it was queued.
   */
  submit(run: () => ActionOutcome): boolean {
    if (this.pending) {
      this.track(this.pending.then(() => run()));
      return true;
    }
    const outcome = run();
    if (outcome instanceof Promise) this.track(outcome);
    return outcome !== false;
  }

  /** Resolves when every submitted action has finished. */
  async idle(): Promise<void> {
    while (this.pending) await this.pending;
  }

  private track(promise: Promise<unknown>): void {
    const settled: Promise<void> = promise.then(
      () => undefined,
      (error: unknown) => this.onError(error),
    );
    const next = settled.then(() => {
      if (this.pending === next) this.pending = null;
    });
    this.pending = next;
  }
}

/**
 * Writes main must finish before the app exits: the snapshot a window sends as it closes
 * arrives while the app is quitting. `will-quit` waits for them (up to a limit) instead of
 * cutting a write short; the atomic write means a cut would lose only the new snapshot, but
 * waiting keeps it.
 */

/** Tracks promises of writes in flight. */
export class PendingWrites {
  private readonly pending = new Set<Promise<unknown>>();

  /** Tracks `write` until it settles; returns it unchanged. */
  track<T>(write: Promise<T>): Promise<T> {
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return write;
  }

  /** How many writes are in flight. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves when every write in flight (and any started meanwhile) settled, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<'settled' | 'timed-out'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    const drain = async (): Promise<'settled'> => {
      while (this.pending.size) await Promise.all([...this.pending]);
      return 'settled';
    };
    try {
      return await Promise.race([drain(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The part of Electron's `app` the quit guard uses. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the quit while writes are in flight (at most `timeoutMs`), then quits again. A
 * second `will-quit` with nothing pending goes through.
 */
export function holdQuitForWrites(app: QuittingApp, writes: PendingWrites, timeoutMs = 5000): void {
  let waiting = false;
  app.on('will-quit', (event) => {
    if (waiting) {
      event.preventDefault();
      return;
    }
    if (!writes.size) return;
    event.preventDefault();
    waiting = true;
    void writes.settled(timeoutMs).then(() => {
      waiting = false;
      app.quit();
    });
  });
}

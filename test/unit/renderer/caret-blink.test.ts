import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARET_BLINK, CaretBlink, CaretCanvas, type BlinkTimers } from '../../../renderer/editor/caret-blink';

/** Timers on a clock the test moves by hand. */
class FakeClock implements BlinkTimers {
  now = 0;
  private queue: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 1;

  set(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, callback, id });
    return id;
  }

  clear(handle: unknown): void {
    this.queue = this.queue.filter((timer) => timer.id !== handle);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Moves the clock on by `ms`, running the timers that fall due in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const due = this.queue[0];
      if (!due || due.at > end) break;
      this.queue.shift();
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }
}

/** A blink over a fake clock, recording each state it draws with its time. */
function recordedBlink(): { blink: CaretBlink; clock: FakeClock; drawn: Array<[number, boolean]> } {
  const clock = new FakeClock();
  const drawn: Array<[number, boolean]> = [];
  const blink = new CaretBlink((visible) => drawn.push([clock.now, visible]), clock);
  return { blink, clock, drawn };
}

describe('CaretBlink', () => {
  it('shows the caret at once, then hides and shows it in the desktop rhythm', () => {
    const { blink, clock, drawn } = recordedBlink();
    blink.restart(true);
    clock.advance(2 * CARET_BLINK.onMs + 2 * CARET_BLINK.offMs);
    expect(drawn).toEqual([
      [0, true],
      [530, false],
      [1060, true],
      [1590, false],
      [2120, true],
    ]);
  });

  it('starts a new period, shown, whenever the caret moves', () => {
    const { blink, clock, drawn } = recordedBlink();
    blink.restart(true);
    clock.advance(600); // hidden since 530 ms
    expect(drawn.at(-1)).toEqual([530, false]);
    blink.restart(true);
    expect(drawn.at(-1)).toEqual([600, true]);
    clock.advance(500);
    expect(drawn.at(-1)).toEqual([600, true]);
    clock.advance(30);
    expect(drawn.at(-1)).toEqual([1130, false]);
  });

  it('stops blinking, shown, once the caret has stood still for the blink period, and schedules nothing more', () => {
    const { blink, clock, drawn } = recordedBlink();
    blink.restart(true);
    clock.advance(60_000);
    expect(drawn.at(-1)![1]).toBe(true);
    expect(drawn.at(-1)![0]).toBeLessThanOrEqual(CARET_BLINK.forMs + CARET_BLINK.offMs);
    expect(drawn.at(-2)![1]).toBe(false);
    expect(blink.blinking).toBe(false);
    expect(clock.pending).toBe(0);
    // About one change per 530 ms over ten seconds, and none after.
    expect(drawn.length).toBeGreaterThanOrEqual(18);
    expect(drawn.length).toBeLessThanOrEqual(21);
  });

  it('stays solid when told not to blink (no focus, or reduced motion)', () => {
    const { blink, clock, drawn } = recordedBlink();
    blink.restart(false);
    clock.advance(5000);
    expect(drawn).toEqual([[0, true]]);
    expect(clock.pending).toBe(0);
  });

  it('stop() leaves what is drawn and cancels the next change', () => {
    const { blink, clock, drawn } = recordedBlink();
    blink.restart(true);
    clock.advance(600);
    blink.stop();
    clock.advance(5000);
    expect(drawn).toEqual([
      [0, true],
      [530, false],
    ]);
    // redraw() draws the state it stopped in.
    blink.redraw();
    expect(drawn.at(-1)).toEqual([5600, false]);
  });
});

describe('CaretCanvas', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A canvas whose 2D context records the calls, and a style whose colour reads are counted. */
  function fakeCanvas(): { canvas: HTMLCanvasElement; calls: string[] } {
    const calls: string[] = [];
    const context = {
      set fillStyle(colour: string) {
        calls.push(`fill ${colour}`);
      },
      clearRect: () => calls.push('clear'),
      fillRect: () => calls.push('rect'),
    };
    const canvas = { width: 2, height: 30, getContext: () => context } as unknown as HTMLCanvasElement;
    return { canvas, calls };
  }

  it('reads its colour from the style once, and again only after colourChanged()', () => {
    let colour = 'rgb(20, 80, 200)';
    let reads = 0;
    vi.stubGlobal('getComputedStyle', () => {
      reads += 1;
      return { color: colour };
    });
    const clock = new FakeClock();
    const painter = new CaretCanvas(clock);
    const { canvas, calls } = fakeCanvas();
    painter.attach(canvas);
    painter.blink.restart(true);
    clock.advance(3 * CARET_BLINK.onMs);
    painter.blink.restart(true);
    expect(reads).toBe(1);
    expect(calls.filter((call) => call.startsWith('fill'))).toEqual(['fill rgb(20, 80, 200)', 'fill rgb(20, 80, 200)', 'fill rgb(20, 80, 200)']);
    // Shown at 0 and 1060 ms and on the restart at 1590 ms; the hidden phases (530, 1590 ms) only clear.
    expect(calls.filter((call) => call === 'rect').length).toBe(3);
    expect(calls.filter((call) => call === 'clear').length).toBe(5);

    colour = 'rgb(143, 180, 255)';
    painter.colourChanged();
    expect(reads).toBe(2);
    expect(calls.at(-2)).toBe('fill rgb(143, 180, 255)');
  });

  it('draws nothing without a canvas', () => {
    vi.stubGlobal('getComputedStyle', () => {
      throw new Error('no canvas: nothing to read');
    });
    const clock = new FakeClock();
    const painter = new CaretCanvas(clock);
    painter.blink.restart(true);
    clock.advance(2000);
    painter.attach(null);
    painter.colourChanged();
  });
});

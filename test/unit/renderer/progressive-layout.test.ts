import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_CLASS, INPUT_QUIET_MS, LAID_OUT_EVENT, layOutInBackground } from '../../../renderer/editor/progressive-layout';

/**
 * Background layout with the browser's scheduling played by hand: animation frames and idle
 * periods run only when the test says so, timers and the clock are Vitest's fakes.
 */
class FakeBrowser {
  frames: Array<() => void> = [];
  idles: Array<(deadline: IdleDeadline) => void> = [];
  framesRequested = 0;
  private readonly listeners = new Map<string, Set<() => void>>();
  readonly view = {
    addEventListener: (type: string, listener: () => void): void => {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: () => void): void => void this.listeners.get(type)?.delete(listener),
  };

  install(): void {
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      this.framesRequested += 1;
      this.frames.push(callback);
      return this.frames.length;
    });
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => {
      this.idles.push(callback);
      return this.idles.length;
    });
    vi.stubGlobal('cancelIdleCallback', () => undefined);
  }

  /** The user presses a key (background layout listens on the window). */
  press(): void {
    for (const listener of this.listeners.get('keydown') ?? []) listener();
  }

  /** Draws a frame: runs the animation callbacks requested before it. */
  frame(): void {
    const due = this.frames;
    this.frames = [];
    for (const callback of due) callback();
  }

  /**
   * An idle period of `ms`: runs the idle callbacks requested before it. With a list, each
   * reading of the time remaining takes the next value (the last one repeats).
   */
  idle(ms: number | number[] = 50): void {
    const due = this.idles;
    this.idles = [];
    const readings = Array.isArray(ms) ? [...ms] : [ms];
    const timeRemaining = (): number => (readings.length > 1 ? readings.shift()! : readings[0]!);
    for (const callback of due) callback({ didTimeout: false, timeRemaining });
  }
}

interface FakeChunk {
  style: { contentVisibility: string };
  readonly offsetHeight: number;
  /** What the chunk's content-visibility was each time its size was read. */
  readAs: string[];
}

function fakeArticle(browser: FakeBrowser, count: number): { root: HTMLElement; chunks: FakeChunk[]; events: string[] } {
  const events: string[] = [];
  const chunks: FakeChunk[] = Array.from({ length: count }, () => {
    const chunk = {
      style: { contentVisibility: '' },
      readAs: [] as string[],
      get offsetHeight(): number {
        chunk.readAs.push(chunk.style.contentVisibility);
        return 100;
      },
    };
    return chunk;
  });
  const root = {
    querySelectorAll: (selector: string) => (selector === `.${CHUNK_CLASS}` ? chunks : []),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: (event: Event) => events.push(event.type),
    ownerDocument: { defaultView: browser.view },
  } as unknown as HTMLElement;
  return { root, chunks, events };
}

describe('layOutInBackground', () => {
  let browser: FakeBrowser;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    browser = new FakeBrowser();
    browser.install();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks for no frame while the user keeps typing, and lays every chunk out once they pause', () => {
    const { root, chunks, events } = fakeArticle(browser, 3);
    const stop = layOutInBackground(root);
    // A key press right away: the first idle period finds the user at work.
    browser.press();
    browser.frame();
    browser.idle();
    const before = browser.framesRequested;
    // Two seconds of typing, a key every 60 ms, with idle time between the keys.
    for (let t = 0; t < 2000; t += 60) {
      browser.press();
      vi.advanceTimersByTime(60);
      browser.idle();
    }
    // A frame drawn for nothing makes the browser hold the frame after the next key press
    // until the next display refresh: background layout must not ask for one while waiting.
    expect(browser.framesRequested).toBe(before);
    expect(chunks.every((chunk) => chunk.readAs.length === 0)).toBe(true);
    expect(events).toEqual([]);

    // The user pauses: each chunk is shown for a frame in turn, then left to the browser again.
    vi.advanceTimersByTime(INPUT_QUIET_MS);
    for (let round = 0; round < 10; round += 1) {
      browser.idle();
      browser.frame();
    }
    for (const chunk of chunks) {
      expect(chunk.readAs).toEqual(['visible']);
      expect(chunk.style.contentVisibility).toBe('');
    }
    // Once, when the last chunk is done (the benchmark waits for it before measuring at rest).
    expect(events).toEqual([LAID_OUT_EVENT]);
    stop();
  });

  it('asks for no frame while an idle period is too short to lay a chunk out', () => {
    const { root, chunks } = fakeArticle(browser, 2);
    const stop = layOutInBackground(root);
    browser.frame();
    const before = browser.framesRequested;
    for (let k = 0; k < 20; k += 1) browser.idle(2);
    expect(browser.framesRequested).toBe(before);
    expect(chunks[0]!.readAs).toEqual([]);
    browser.idle(50);
    expect(chunks[0]!.readAs).toEqual(['visible']);
    // Shown: now a frame is needed, so that the browser remembers the chunk's size.
    expect(browser.framesRequested).toBe(before + 1);
    stop();
  });

  it('shows as many chunks in an idle period as it has time for, at most eight, with one frame per batch', () => {
    const { root, chunks, events } = fakeArticle(browser, 20);
    const stop = layOutInBackground(root);
    browser.frame();
    const before = browser.framesRequested;
    // A long idle period: a batch of eight, then one frame for them all.
    browser.idle(50);
    expect(chunks.map((chunk) => chunk.readAs.length)).toEqual([...Array(8).fill(1), ...Array(12).fill(0)]);
    expect(chunks.slice(0, 8).every((chunk) => chunk.style.contentVisibility === 'visible')).toBe(true);
    expect(browser.framesRequested).toBe(before + 1);
    browser.frame();
    // Time running out: the first reading allows a chunk, the second one more, the third (5 ms) none.
    browser.idle([50, 20, 5]);
    expect(chunks.map((chunk) => chunk.readAs.length)).toEqual([...Array(10).fill(1), ...Array(10).fill(0)]);
    // The earlier batch was let go before the next was shown.
    expect(chunks.slice(0, 8).every((chunk) => chunk.style.contentVisibility === '')).toBe(true);
    expect(browser.framesRequested).toBe(before + 2);
    for (let round = 0; round < 5; round += 1) {
      browser.frame();
      browser.idle(50);
    }
    expect(chunks.every((chunk) => chunk.readAs.length === 1 && chunk.style.contentVisibility === '')).toBe(true);
    expect(events).toEqual([LAID_OUT_EVENT]);
    stop();
  });

  it('keeps still while busy() holds', () => {
    const { root, chunks } = fakeArticle(browser, 1);
    let busy = true;
    const stop = layOutInBackground(root, { busy: () => busy });
    browser.frame();
    for (let k = 0; k < 10; k += 1) {
      browser.idle();
      browser.frame();
      vi.advanceTimersByTime(100);
    }
    expect(chunks[0]!.readAs).toEqual([]);
    busy = false;
    for (let k = 0; k < 3; k += 1) {
      vi.advanceTimersByTime(100);
      browser.frame();
      browser.idle();
    }
    expect(chunks[0]!.readAs).toEqual(['visible']);
    stop();
  });
});

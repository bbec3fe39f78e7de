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
  private readonly listeners = new Map<string, Set<(event: Partial<Event>) => void>>();
  readonly view = {
    innerHeight: VIEWPORT,
    addEventListener: (type: string, listener: (event: Partial<Event>) => void): void => {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: (event: Partial<Event>) => void): void => void this.listeners.get(type)?.delete(listener),
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
    for (const listener of this.listeners.get('keydown') ?? []) listener({ type: 'keydown' });
  }

  /** Something scrolls: `scroller` is the element (or document) whose scroll event it is. */
  scroll(scroller: { contains(node: unknown): boolean }): void {
    for (const listener of this.listeners.get('scroll') ?? []) listener({ type: 'scroll', target: scroller as unknown as EventTarget });
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

/** A viewport of 800 px; chunk k is 1,000 px tall and starts k × 1,000 px from the top of it. */
const VIEWPORT = 800;

interface FakeChunk {
  style: { contentVisibility: string; display: string };
  readonly isConnected: boolean;
  readonly offsetHeight: number;
  /** Where the chunk is, relative to the viewport. */
  top: number;
  getBoundingClientRect(): { top: number; bottom: number };
  contains(node: unknown): boolean;
  /** What the chunk's content-visibility was each time its size was read. */
  readAs: string[];
  /** How many times a forced layout found it out of the layout (`display: none`): its layout let go of. */
  letGo: number;
}

interface FakeArticle {
  root: HTMLElement;
  chunks: FakeChunk[];
  /** The events dispatched on the article. */
  events: string[];
  /** The browser reports that it starts (`skipped: false`) or stops rendering a chunk. */
  report(chunk: FakeChunk, skipped: boolean): void;
  /** The DOM selection's anchor and focus. */
  selection: { anchorNode: unknown; focusNode: unknown };
}

function fakeArticle(browser: FakeBrowser, count: number): FakeArticle {
  const events: string[] = [];
  const selection = { anchorNode: null as unknown, focusNode: null as unknown };
  const chunks: FakeChunk[] = Array.from({ length: count }, (_, k) => {
    const chunk: FakeChunk = {
      style: { contentVisibility: '', display: '' },
      isConnected: true,
      top: k * 1000,
      getBoundingClientRect: () => ({ top: chunk.top, bottom: chunk.top + 1000 }),
      contains: (node) => node === chunk,
      readAs: [] as string[],
      letGo: 0,
      get offsetHeight(): number {
        chunk.readAs.push(chunk.style.contentVisibility);
        return 1000;
      },
    };
    return chunk;
  });
  const stateListeners = new Set<(event: Event) => void>();
  const root = {
    querySelectorAll: (selector: string) => (selector === `.${CHUNK_CLASS}` ? chunks : []),
    addEventListener: (type: string, listener: (event: Event) => void) => {
      if (type === 'contentvisibilityautostatechange') stateListeners.add(listener);
    },
    removeEventListener: (type: string, listener: (event: Event) => void) => void stateListeners.delete(listener),
    dispatchEvent: (event: Event) => events.push(event.type),
    // A forced layout: every chunk out of the layout then loses its layout objects.
    get offsetHeight(): number {
      for (const chunk of chunks) if (chunk.style.display === 'none') chunk.letGo += 1;
      return count * 1000;
    },
    ownerDocument: { defaultView: browser.view, getSelection: () => selection },
  } as unknown as HTMLElement;
  const report = (chunk: FakeChunk, skipped: boolean): void => {
    const event = Object.assign(new Event('contentvisibilityautostatechange'), { skipped });
    Object.defineProperty(event, 'target', { value: chunk });
    for (const listener of stateListeners) listener(event);
  };
  return { root, chunks, events, report, selection };
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
    // Time running out: the first reading allows the step, the second (after letting go of the
    // earlier batch's layout) a chunk, the third one more, the fourth (5 ms) none.
    browser.idle([50, 50, 20, 5]);
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

  /** Runs frames and idle periods until background layout has nothing left to do. */
  const settle = (rounds = 10): void => {
    for (let round = 0; round < rounds; round += 1) {
      browser.idle(50);
      browser.frame();
    }
  };

  it('lets go of the layout of each chunk it measured once it is far from view, and puts the chunk back in the same task', () => {
    const { root, chunks, events } = fakeArticle(browser, 6);
    const stop = layOutInBackground(root);
    settle();
    expect(events).toEqual([LAID_OUT_EVENT]);
    // Chunks 0 and 1 are within a screen of the 800 px viewport; 2 to 5 are further.
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1, 1, 1, 1]);
    // Back in the layout (skipped by the browser, holding their remembered size), measured once.
    for (const chunk of chunks) {
      expect(chunk.style.display).toBe('');
      expect(chunk.style.contentVisibility).toBe('');
      expect(chunk.readAs).toEqual(['visible']);
    }
    stop();
  });

  it('lets go of the layout of a chunk the browser rendered once it has left the view and the user pauses, asking for no frame', () => {
    const { root, chunks, report } = fakeArticle(browser, 4);
    const stop = layOutInBackground(root);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1, 1]);
    // The user scrolls to chunk 3: the browser renders it, then chunk 0 leaves the view.
    for (const [k, chunk] of chunks.entries()) chunk.top = (k - 3) * 1000;
    browser.press();
    report(chunks[3]!, false);
    report(chunks[0]!, true);
    const frames = browser.framesRequested;
    browser.idle();
    // Not while the user is at work.
    expect(chunks[0]!.letGo).toBe(0);
    vi.advanceTimersByTime(INPUT_QUIET_MS);
    browser.idle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([1, 0, 1, 1]);
    expect(chunks[0]!.style.display).toBe('');
    expect(browser.framesRequested).toBe(frames);
    // A chunk reported out of view that holds no layout (let go of already) is left alone.
    report(chunks[2]!, true);
    browser.idle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([1, 0, 1, 1]);
    stop();
  });

  it('keeps the layout of a chunk near view or holding the selection', () => {
    const { root, chunks, report, selection } = fakeArticle(browser, 3);
    const stop = layOutInBackground(root);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1]);
    // Chunk 2 is rendered and the caret put in it; then the user scrolls back up.
    report(chunks[2]!, false);
    selection.anchorNode = selection.focusNode = chunks[2];
    report(chunks[2]!, true);
    // Chunk 1 is reported out of view but is still within a screen of it.
    report(chunks[1]!, true);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1]);
    // Once the selection is elsewhere, the next time something leaves the view, chunk 2 goes.
    selection.anchorNode = selection.focusNode = chunks[0];
    report(chunks[0]!, false);
    chunks[0]!.top = -5000;
    report(chunks[0]!, true);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 2]);
    stop();
  });

  it('after a scroll of the article, lets go of every chunk far from view, also one laid out without a report', () => {
    const { root, chunks } = fakeArticle(browser, 4);
    const stop = layOutInBackground(root);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1, 1]);
    // A side panel scrolls: the article's layout is not looked at.
    browser.scroll({ contains: () => false });
    vi.advanceTimersByTime(INPUT_QUIET_MS);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1, 1]);
    // The article's pane scrolls to chunk 3. The browser reports no chunk leaving the view
    // (as when something measured a skipped chunk, which lays it out unreported): once the
    // user pauses, chunks 0 and 1, now far, let go of their layout all the same.
    for (const [k, chunk] of chunks.entries()) chunk.top = (k - 3) * 1000;
    const pane = { contains: (node: unknown) => node === root };
    browser.scroll(pane);
    settle();
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([0, 0, 1, 1]);
    vi.advanceTimersByTime(INPUT_QUIET_MS);
    settle();
    // Chunk 1 ends 1,000 px above the viewport (more than a screen of 800); chunk 2, just
    // above it, is near and keeps its layout, as does chunk 3, in view.
    expect(chunks.map((chunk) => chunk.letGo)).toEqual([1, 1, 1, 1]);
    stop();
  });

  it('stops listening when stopped', () => {
    const { root, chunks, report } = fakeArticle(browser, 3);
    const stop = layOutInBackground(root);
    settle();
    stop();
    report(chunks[0]!, false);
    chunks[0]!.top = -5000;
    report(chunks[0]!, true);
    settle();
    expect(chunks[0]!.letGo).toBe(0);
  });
});

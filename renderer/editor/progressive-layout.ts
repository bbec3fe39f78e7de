/**
 * Progressive layout of a long article. Paragraphs are grouped in chunks of a few thousand
 * characters (see {@link chunkParagraphs}); a chunk has `content-visibility: auto`, so the
 * browser lays out and paints only the chunks near the viewport, each other chunk holding
 * its estimated height. After opening, {@link layOutInBackground} renders each chunk once, a
 * few per idle period, so that its real height replaces the estimate (the `auto` in
 * `contain-intrinsic-block-size` keeps the last rendered size), and then lets it be skipped
 * again. The scrollbar ends up exact, and a chunk out of view costs nothing to paint: an edit
 * repaints what is on screen, not the article around it.
 */

/** A run of consecutive paragraphs rendered (and skipped or laid out) together. */
export interface Chunk<P> {
  paragraphs: P[];
  /** Estimated lines of text in the chunk (for its placeholder height). */
  lines: number;
}

/**
 * Groups paragraphs into chunks of about `maxChars` characters (a paragraph is never split;
 * a longer paragraph is a chunk of its own). `charsPerLine` only feeds the line estimate.
 */
export function chunkParagraphs<P extends { start: number; end: number }>(paragraphs: readonly P[], maxChars = 4000, charsPerLine = 90): Chunk<P>[] {
  const chunks: Chunk<P>[] = [];
  let current: Chunk<P> | null = null;
  let chars = 0;
  for (const p of paragraphs) {
    const length = p.end - p.start;
    if (!current || (chars > 0 && chars + length > maxChars)) {
      current = { paragraphs: [], lines: 0 };
      chunks.push(current);
      chars = 0;
    }
    current.paragraphs.push(p);
    current.lines += Math.max(1, Math.ceil(length / charsPerLine));
    chars += length;
  }
  return chunks;
}

/**
 * The event {@link layOutInBackground} dispatches on the article once every chunk has been
 * laid out (an event rather than an attribute: changing the DOM would repaint the highlights).
 */
export const LAID_OUT_EVENT = 'isnad:laid-out';

/** The class of chunk elements. */
export const CHUNK_CLASS = 'article-chunk';

/** What counts as the user at work: background layout keeps still after each. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'scroll'] as const;

/**
 * How long background layout keeps still after a key press, a pointer press or a scroll: a chunk's
 * layout takes a frame's worth of time (about 10 ms for 4,000 characters of Arabic), and a
 * keyboard edit on its way to the database must not wait behind it.
 */
export const INPUT_QUIET_MS = 400;

/** The idle time left in a frame below which no chunk is started. */
const MIN_IDLE_MS = 8;

/**
 * The most chunks shown in one idle period. Each batch is one style change, and in Chromium
 * every style change repaints every highlighted line in view: with 10,000 spans, one chunk
 * per frame cost about 1 s of main-thread time over a 1 MB article on top of the chunks'
 * own layout (1.5 s).
 */
const MAX_BATCH = 8;

/** What else, besides recent input, holds background layout back. */
export interface BackgroundLayoutOptions {
  /** True while something the user is waiting for is in progress (an edit being written). */
  busy?: () => boolean;
}

/**
 * Renders the chunks of `root` in the background, as many per idle period as it has time for
 * (at most {@link MAX_BATCH}), each once: shown for a
 * frame (laid out, so its size is known and remembered), then left to `content-visibility:
 * auto` again. It keeps still while the user types, clicks or scrolls (see {@link INPUT_QUIET_MS}) and
 * while `busy()` holds. Returns a function that stops it.
 */
export function layOutInBackground(root: HTMLElement, options: BackgroundLayoutOptions = {}): () => void {
  const chunks = [...root.querySelectorAll<HTMLElement>(`.${CHUNK_CLASS}`)];
  const rendered = new WeakSet<Element>();
  let next = 0;
  let stopped = false;
  let idle = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastInput = -Infinity;
  let shown: HTMLElement[] = [];
  const onInput = (): void => {
    lastInput = performance.now();
  };
  // A chunk the browser rendered because it came into view is measured already.
  const onStateChange = (event: Event): void => {
    const { skipped } = event as Event & { skipped?: boolean };
    if (skipped === false && event.target instanceof HTMLElement) rendered.add(event.target);
  };
  root.addEventListener('contentvisibilityautostatechange', onStateChange);
  const view = root.ownerDocument.defaultView ?? window;
  // Scroll events do not bubble; in the capture phase the window sees every element's.
  for (const type of INPUT_EVENTS) view.addEventListener(type, onInput, { capture: true, passive: true });
  const release = (): void => {
    for (const chunk of shown) chunk.style.contentVisibility = '';
    shown = [];
  };
  /** Moves `next` past the chunks already rendered (by the browser, as they came into view, or here). */
  const skipRendered = (): void => {
    while (next < chunks.length && rendered.has(chunks[next]!)) next += 1;
  };
  const whenIdle = (): void => {
    idle = requestIdleCallback(step);
  };
  /**
   * After a batch of chunks is shown: they are painted (and their sizes remembered) in the
   * next frame, released after it, and the next batch waits for idle time. Only then is a frame
   * asked for: waiting for the user to pause, or for a longer idle time, asks for none, so
   * an annotator at work never gets frames drawn for nothing (a frame just drawn makes the
   * browser hold the frame after the next key press until the next display refresh).
   */
  const schedule = (): void => {
    frame = requestAnimationFrame(whenIdle);
  };
  const step = (deadline: IdleDeadline): void => {
    if (stopped) return;
    release();
    skipRendered();
    if (next >= chunks.length) {
      root.dispatchEvent(new Event(LAID_OUT_EVENT));
      return;
    }
    const sinceInput = performance.now() - lastInput;
    if (sinceInput < INPUT_QUIET_MS || options.busy?.()) {
      timer = setTimeout(whenIdle, Math.max(50, INPUT_QUIET_MS - sinceInput));
      return;
    }
    if (deadline.timeRemaining() < MIN_IDLE_MS) {
      whenIdle();
      return;
    }
    // Laid out now, in this idle time (reading its size forces the layout), rather than in the
    // next frame, where it would delay whatever the user does next.
    do {
      const chunk = chunks[next]!;
      chunk.style.contentVisibility = 'visible';
      void chunk.offsetHeight;
      rendered.add(chunk);
      shown.push(chunk);
      next += 1;
      skipRendered();
    } while (next < chunks.length && shown.length < MAX_BATCH && deadline.timeRemaining() >= MIN_IDLE_MS);
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    release();
    cancelAnimationFrame(frame);
    cancelIdleCallback(idle);
    clearTimeout(timer);
    root.removeEventListener('contentvisibilityautostatechange', onStateChange);
    for (const type of INPUT_EVENTS) view.removeEventListener(type, onInput, { capture: true });
  };
}

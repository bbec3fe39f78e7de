/**
 * Progressive layout of a long article. Paragraphs are grouped in chunks of a few thousand
 * characters (see {@link chunkParagraphs}); a chunk has `content-visibility: auto`, so the
 * browser lays out and paints only the chunks near the viewport, each other chunk holding
 * its estimated height. After opening, {@link layOutInBackground} renders each chunk once, a
 * few per idle period, so that its real height replaces the estimate (the `auto` in
 * `contain-intrinsic-block-size` keeps the last rendered size), and then lets it be skipped
 * again. The scrollbar ends up exact, and a chunk out of view costs nothing to paint: an edit
 * repaints what is on screen, not the article around it. Chunks far from view then let go of
 * their layout, so that the browser holds the layout of what is near the view only.
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
 * How far from the viewport, in viewport heights, a chunk must be for its layout to be let go
 * of. Chromium renders `content-visibility: auto` content within half a viewport of it; a
 * screen keeps chunks the user is about to scroll to.
 */
const LET_GO_SCREENS = 1;

/**
 * Renders the chunks of `root` in the background, as many per idle period as it has time for
 * (at most {@link MAX_BATCH}), each once: shown for a frame (laid out, so its size is known
 * and remembered), then left to `content-visibility: auto` again. It keeps still while the
 * user types, clicks or scrolls (see {@link INPUT_QUIET_MS}) and while `busy()` holds.
 *
 * It also lets go of the layout of chunks far from view: a chunk it has measured, a chunk the
 * browser laid out because it came into view and that has left it since, and after a scroll
 * every chunk far from view, is taken out of the layout (`display: none`) and put back at
 * once, in one forced style and layout, when the user pauses. Put back, it is skipped again
 * with its remembered size, and laid out again when it comes near. Chromium keeps a skipped
 * chunk's layout otherwise, so a whole laid-out 1 MB article kept the layout and text shaping
 * of every paragraph: Blink's heap then took 250–460 ms to compact in the memory-reducing
 * collection Chromium runs some 20–35 s after a page settles, a frame that long wherever it
 * fell (traced; see ARCHITECTURE.md). Nothing else changes: the paragraphs stay in the DOM
 * and in the accessibility tree as before (a skipped chunk's text is exposed the same whether
 * it holds a layout or not), and the browser's find reaches them. A chunk holding the DOM
 * selection keeps its layout.
 *
 * Returns a function that stops it.
 */
export function layOutInBackground(root: HTMLElement, options: BackgroundLayoutOptions = {}): () => void {
  const chunks = [...root.querySelectorAll<HTMLElement>(`.${CHUNK_CLASS}`)];
  const isChunk = new Set<EventTarget>(chunks);
  /** Chunks whose size is known (rendered by the browser as they came into view, or here). */
  const measured = new WeakSet<Element>();
  /** Chunks holding a layout: measured here, or rendered by the browser, since last let go of. */
  const holding = new Set<HTMLElement>();
  /** Chunks holding a layout while out of view: let go of when the user pauses, if still far. */
  const leaving = new Set<HTMLElement>();
  /**
   * Whether the article was scrolled since the last time layout was let go of: then every chunk
   * far from view is let go of, not only those known to hold a layout. Whatever measures text
   * far from view (a caret's or a match's position, an extension, a test harness reading
   * styles) makes the browser lay a skipped chunk out without reporting it.
   */
  let sweepDue = false;
  let next = 0;
  let stopped = false;
  /** True while no step is scheduled (every chunk measured, nothing to let go of). */
  let dormant = false;
  let announced = false;
  let idle = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastInput = -Infinity;
  let shown: HTMLElement[] = [];
  const document = root.ownerDocument;
  const view = document.defaultView ?? window;
  const onInput = (event: Event): void => {
    lastInput = performance.now();
    // A scroll of the article's pane or an ancestor of it (not of a side panel).
    const target = event.target as Partial<Node> | null;
    if (event.type === 'scroll' && !sweepDue && target?.contains?.(root)) {
      sweepDue = true;
      wake();
    }
  };
  // The browser reports a chunk it starts rendering (it came into view: its size is measured,
  // and it holds a layout) and a chunk it stops rendering (out of view, still holding it).
  const onStateChange = (event: Event): void => {
    const { skipped } = event as Event & { skipped?: boolean };
    const chunk = event.target as HTMLElement;
    if (!isChunk.has(chunk)) return;
    if (skipped === false) {
      measured.add(chunk);
      holding.add(chunk);
      leaving.delete(chunk);
    } else if (skipped === true && holding.has(chunk)) {
      leaving.add(chunk);
      wake();
    }
  };
  // Capture: the event does not bubble.
  root.addEventListener('contentvisibilityautostatechange', onStateChange, { capture: true });
  // Scroll events do not bubble; in the capture phase the window sees every element's.
  for (const type of INPUT_EVENTS) view.addEventListener(type, onInput, { capture: true, passive: true });
  /** The batch shown in the last step goes back to `auto`, holding its layout until let go of. */
  const release = (): void => {
    for (const chunk of shown) {
      chunk.style.contentVisibility = '';
      leaving.add(chunk);
    }
    shown = [];
  };
  /** Whether `chunk` is more than {@link LET_GO_SCREENS} viewport heights from the viewport. */
  const far = (chunk: HTMLElement): boolean => {
    const { top, bottom } = chunk.getBoundingClientRect();
    const screen = view.innerHeight;
    return bottom < -LET_GO_SCREENS * screen || top > (1 + LET_GO_SCREENS) * screen;
  };
  const holdsSelection = (chunk: HTMLElement): boolean => {
    const selection = document.getSelection();
    return !!selection && ((!!selection.anchorNode && chunk.contains(selection.anchorNode)) || (!!selection.focusNode && chunk.contains(selection.focusNode)));
  };
  /**
   * Lets go of the layout of the leaving chunks (after a scroll, of every chunk) that are far
   * from view: out of the layout and back in one forced style and layout, so no frame ever
   * shows them missing. A chunk near view is forgotten (the browser reports it again when it
   * leaves); one holding the selection waits for the next time.
   */
  const letGo = (): void => {
    if (sweepDue) {
      sweepDue = false;
      for (const chunk of chunks) leaving.add(chunk);
    }
    const gone: HTMLElement[] = [];
    for (const chunk of leaving) {
      if (!chunk.isConnected || !far(chunk)) leaving.delete(chunk);
      else if (!holdsSelection(chunk)) gone.push(chunk);
    }
    if (gone.length === 0) return;
    for (const chunk of gone) chunk.style.display = 'none';
    void root.offsetHeight;
    for (const chunk of gone) {
      chunk.style.display = '';
      holding.delete(chunk);
      leaving.delete(chunk);
    }
  };
  /** Moves `next` past the chunks already measured (by the browser, as they came into view, or here). */
  const skipMeasured = (): void => {
    while (next < chunks.length && measured.has(chunks[next]!)) next += 1;
  };
  const whenIdle = (): void => {
    idle = requestIdleCallback(step);
  };
  /** Starts stepping again after a dormant spell (no frame is needed to let go of layout). */
  function wake(): void {
    if (!dormant || stopped) return;
    dormant = false;
    whenIdle();
  }
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
    skipMeasured();
    const layingOut = next < chunks.length;
    if (!layingOut && !announced) {
      announced = true;
      root.dispatchEvent(new Event(LAID_OUT_EVENT));
    }
    if (!layingOut && leaving.size === 0 && !sweepDue) {
      dormant = true;
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
    if (leaving.size > 0 || sweepDue) {
      letGo();
      if (!layingOut) {
        dormant = true;
        return;
      }
      if (deadline.timeRemaining() < MIN_IDLE_MS) {
        whenIdle();
        return;
      }
    }
    // Laid out now, in this idle time (reading its size forces the layout), rather than in the
    // next frame, where it would delay whatever the user does next.
    do {
      const chunk = chunks[next]!;
      chunk.style.contentVisibility = 'visible';
      void chunk.offsetHeight;
      measured.add(chunk);
      holding.add(chunk);
      shown.push(chunk);
      next += 1;
      skipMeasured();
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
    root.removeEventListener('contentvisibilityautostatechange', onStateChange, { capture: true });
    for (const type of INPUT_EVENTS) view.removeEventListener(type, onInput, { capture: true });
  };
}

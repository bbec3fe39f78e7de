/**
 * Progressive layout of a long article. Paragraphs are grouped in chunks of a few thousand
 * characters (see {@link chunkParagraphs}); a chunk starts with `content-visibility: auto`, so
 * opening an article lays out only the chunks near the viewport, each other chunk holding
 * its estimated height. After opening, {@link layOutInBackground} switches chunks to
 * `content-visibility: visible` one per idle frame until every chunk is laid out; from then
 * on scrolling costs what it costs on a plain page, and no chunk is laid out twice.
 * A chunk the user scrolls to first is pinned as soon as the browser renders it.
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

/** The class of chunk elements. */
export const CHUNK_CLASS = 'article-chunk';

function pin(chunk: HTMLElement): void {
  chunk.style.contentVisibility = 'visible';
}

/**
 * How long background layout keeps still after a key press or a pointer press: a chunk's
 * layout takes a frame's worth of time (about 10 ms for 4,000 characters of Arabic), and a
 * keyboard edit on its way to the database must not wait behind it.
 */
export const INPUT_QUIET_MS = 400;

/** The idle time left in a frame below which no chunk is started. */
const MIN_IDLE_MS = 8;

/** What else, besides recent input, holds background layout back. */
export interface BackgroundLayoutOptions {
  /** True while something the user is waiting for is in progress (an edit being written). */
  busy?: () => boolean;
}

/**
 * Lays out the chunks of `root` in the background, one per idle frame, and pins any chunk
 * the browser renders because it came into view. It keeps still while the user types or
 * clicks (see {@link INPUT_QUIET_MS}) and while `busy()` holds. Returns a function that
 * stops it.
 */
export function layOutInBackground(root: HTMLElement, options: BackgroundLayoutOptions = {}): () => void {
  const chunks = [...root.querySelectorAll<HTMLElement>(`.${CHUNK_CLASS}`)];
  let next = 0;
  let stopped = false;
  let idle = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastInput = -Infinity;
  const onInput = (): void => {
    lastInput = performance.now();
  };
  const onStateChange = (event: Event): void => {
    const { skipped } = event as Event & { skipped?: boolean };
    if (skipped === false && event.target instanceof HTMLElement && event.target.classList.contains(CHUNK_CLASS)) pin(event.target);
  };
  root.addEventListener('contentvisibilityautostatechange', onStateChange);
  const view = root.ownerDocument.defaultView ?? window;
  for (const type of ['keydown', 'pointerdown'] as const) view.addEventListener(type, onInput, { capture: true, passive: true });
  const schedule = (): void => {
    // The layout a pinned chunk needs happens in the next frame: wait for it, then for idle time.
    frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(step);
    });
  };
  const step = (deadline: IdleDeadline): void => {
    if (stopped) return;
    while (next < chunks.length && chunks[next]!.style.contentVisibility === 'visible') next += 1;
    if (next >= chunks.length) return;
    const sinceInput = performance.now() - lastInput;
    if (sinceInput < INPUT_QUIET_MS || options.busy?.()) {
      timer = setTimeout(schedule, Math.max(50, INPUT_QUIET_MS - sinceInput));
      return;
    }
    if (deadline.timeRemaining() < MIN_IDLE_MS) {
      schedule();
      return;
    }
    pin(chunks[next]!);
    next += 1;
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
    cancelIdleCallback(idle);
    clearTimeout(timer);
    root.removeEventListener('contentvisibilityautostatechange', onStateChange);
    for (const type of ['keydown', 'pointerdown'] as const) view.removeEventListener(type, onInput, { capture: true });
  };
}

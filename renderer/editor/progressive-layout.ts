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
 * Lays out the chunks of `root` in the background, one per idle frame, and pins any chunk
 * the browser renders because it came into view. Returns a function that stops it.
 */
export function layOutInBackground(root: HTMLElement): () => void {
  const chunks = [...root.querySelectorAll<HTMLElement>(`.${CHUNK_CLASS}`)];
  let next = 0;
  let stopped = false;
  let idle = 0;
  let frame = 0;
  const onStateChange = (event: Event): void => {
    const { skipped } = event as Event & { skipped?: boolean };
    if (skipped === false && event.target instanceof HTMLElement && event.target.classList.contains(CHUNK_CLASS)) pin(event.target);
  };
  root.addEventListener('contentvisibilityautostatechange', onStateChange);
  const schedule = (): void => {
    // The layout a pinned chunk needs happens in the next frame: wait for it, then for idle time.
    frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(step, { timeout: 1000 });
    });
  };
  const step = (): void => {
    if (stopped) return;
    while (next < chunks.length && chunks[next]!.style.contentVisibility === 'visible') next += 1;
    if (next >= chunks.length) return;
    pin(chunks[next]!);
    next += 1;
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
    cancelIdleCallback(idle);
    root.removeEventListener('contentvisibilityautostatechange', onStateChange);
  };
}

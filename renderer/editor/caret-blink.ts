/**
 * The text caret's blink, drawn on a canvas.
 *
 * Why not a CSS animation: in Chromium, any style recalculation in the document, even of one
 * 2-pixel element, makes the CSS Custom Highlight registry rebuild every highlight marker and
 * repaint every highlighted line in view (`HighlightRegistry::ValidateHighlightMarkers`
 * compares the document's style version). The former `animation: caret-blink` ran on the main
 * thread in every frame, so with 10,000 spans an idle window kept the main thread about three
 * quarters busy, and every key press paid for an extra repaint of the article. Drawing on a
 * canvas changes neither style nor DOM: a blink repaints the caret alone.
 *
 * Like GTK's caret, it blinks for a while after it moves or gets focus and then stays solid,
 * so a window left alone draws nothing at all. It does not blink when the user asks for
 * reduced motion.
 */

/** How the caret blinks: shown `onMs`, hidden `offMs`, for `forMs` after it last moved, then solid. */
export interface BlinkTiming {
  onMs: number;
  offMs: number;
  forMs: number;
}

/** The usual desktop rhythm (530 ms, as on Windows), for ten seconds (as GTK). */
export const CARET_BLINK: Readonly<BlinkTiming> = Object.freeze({ onMs: 530, offMs: 530, forMs: 10_000 });

/** The timer functions the blink uses (the platform's by default; tests pass their own clock). */
export interface BlinkTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const platformTimers: BlinkTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Drives a caret's visibility: `draw(visible)` is called with each change. {@link restart}
 * when the caret moves, is resized or gets focus; {@link stop} when it goes away.
 */
export class CaretBlink {
  private timer: unknown = null;
  private visible = true;
  private elapsed = 0;

  constructor(
    private readonly draw: (visible: boolean) => void,
    private readonly timers: BlinkTimers = platformTimers,
    private readonly timing: Readonly<BlinkTiming> = CARET_BLINK,
  ) {}

  /** Shows the caret at once and, when `blinking`, starts a new blink period (else it stays solid). */
  restart(blinking: boolean): void {
    this.stop();
    this.visible = true;
    this.elapsed = 0;
    this.draw(true);
    if (blinking) this.schedule();
  }

  /** Draws the current state again (the canvas was cleared, or the colours changed). */
  redraw(): void {
    this.draw(this.visible);
  }

  /** Stops blinking (what is drawn stays). */
  stop(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  /** Whether a blink is scheduled. */
  get blinking(): boolean {
    return this.timer !== null;
  }

  private schedule(): void {
    const wait = this.visible ? this.timing.onMs : this.timing.offMs;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.elapsed += wait;
      if (this.elapsed >= this.timing.forMs) {
        // The period is over: the caret ends shown and stays so.
        if (!this.visible) {
          this.visible = true;
          this.draw(true);
        }
        return;
      }
      this.visible = !this.visible;
      this.draw(this.visible);
      this.schedule();
    }, wait);
  }
}

/**
 * The colour a caret canvas is painted in: its CSS `color` (the theme's focus colour, or the
 * system's text colour in forced-colours mode). Reading it may restyle the document, so the
 * caller keeps it until {@link watchColourScheme} says it may have changed.
 */
export function caretColourOf(canvas: HTMLCanvasElement): string {
  return getComputedStyle(canvas).color;
}

/** Paints `canvas` whole in `colour`, or clears it (null). */
export function drawCaret(canvas: HTMLCanvasElement, colour: string | null): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (colour === null) return;
  context.fillStyle = colour;
  context.fillRect(0, 0, canvas.width, canvas.height);
}

/** Whether the user asks for reduced motion (the caret then does not blink). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Calls `changed` when the colours a canvas must read again may have changed: the app's theme
 * (`data-theme` on the root) or the system's light/dark scheme. Returns a function that stops.
 */
export function watchColourScheme(changed: () => void): () => void {
  const stops: Array<() => void> = [];
  if (typeof MutationObserver === 'function') {
    const observer = new MutationObserver(changed);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    stops.push(() => observer.disconnect());
  }
  if (typeof matchMedia === 'function') {
    for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
      const list = matchMedia(query);
      list.addEventListener('change', changed);
      stops.push(() => list.removeEventListener('change', changed));
    }
  }
  return () => stops.forEach((stop) => stop());
}

/**
 * A caret canvas and its blink: give {@link attach} to the canvas as its ref, call
 * `blink.restart` when the caret moves and {@link colourChanged} when the theme does. The
 * colour is read from the canvas's style once and kept: reading it at each draw would restyle
 * the document right after every commit.
 */
export class CaretCanvas {
  private canvas: HTMLCanvasElement | null = null;
  private colour: string | null = null;
  readonly blink: CaretBlink;

  constructor(timers?: BlinkTimers, timing?: Readonly<BlinkTiming>) {
    this.blink = new CaretBlink((visible) => this.draw(visible), timers, timing);
  }

  /** The canvas to draw on (a React callback ref), or null when it is gone. */
  readonly attach = (canvas: HTMLCanvasElement | null): void => {
    this.canvas = canvas;
  };

  /** The theme or the system colours changed: read the colour again and redraw. */
  colourChanged(): void {
    this.colour = null;
    this.blink.redraw();
  }

  private draw(visible: boolean): void {
    const canvas = this.canvas;
    if (!canvas) return;
    this.colour ??= caretColourOf(canvas);
    drawCaret(canvas, visible ? this.colour : null);
  }
}

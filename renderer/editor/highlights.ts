/**
 * Paints spans with the CSS Custom Highlight API: no elements are inserted into the text,
 * so highlighting can never break the joining of Arabic letters or the bidi order of a line,
 * and painting costs almost nothing over plain text (see ARCHITECTURE.md). Entities paint a
 * background, attribution roles an underline, so an entity nested in a claim stays visible;
 * nested spans of one kind are drawn apart by level (an entity inside an entity gets a line
 * over it, a role inside a role a lower underline).
 *
 * Spans are painted incrementally: {@link SpanHighlights} keeps what it painted for every span
 * and, after an edit, touches only the spans whose record or level changed. Only spans in or
 * near the viewport have ranges in the highlight registry (the browser's work on every
 * highlight change grows with the number of registered ranges); the others get theirs when
 * their chunk of paragraphs comes near (an IntersectionObserver on the chunks). While the pane
 * is flung (see scroll-pace.ts), chunks that come near wait for the fling to end: changing
 * the registry makes the browser repaint every highlighted line it shows, in a frame that
 * already lays out and paints the text coming into view.
 */
import type { LabelDef, LabelKind, LabelSchema } from '../../shared/model/schema';
import { changesSince, firstReaching, longestSpanLength, lowerBound, searchIndex, versionOf, type SpanChange } from '../../shared/model/span-index';
import type { SpanRecord } from '../../shared/model/types';
import { paragraphAtOffset, rangesForOffsets } from './dom-offsets';
import { scrollParent } from './scroll-parent';
import { ScrollPace } from './scroll-pace';
import { DEEPEST_LEVEL, levelAt, nestingLevels } from './nesting';
import { blend, contrastRatio, parseHex, toHex } from '../theme/contrast';

const PREFIX = 'isnad-';
const FOCUS = `${PREFIX}focus`;
/** Search matches have their own registry name, painted over spans. */
const SEARCH = 'isnad-search';
/** Suggestions are painted apart from annotations: a dotted outline-like underline. */
const SUGGESTION = 'isnad-suggestion';
const SUGGESTION_FOCUS = 'isnad-suggestion-focus';

/**
 * The highlight name of a label at a nesting level (label ids are validated as
 * [A-Za-z][\w-]*, so `isnad--…` names of nested levels never clash with a label's own).
 */
export function highlightName(labelId: string, level = 0): string {
  return level === 0 ? `${PREFIX}${labelId}` : `${PREFIX}-${level}-${labelId}`;
}

/** The label id and level of a span highlight name, or null for other highlights. */
export function parseHighlightName(name: string): { labelId: string; level: number } | null {
  const nested = /^isnad--(\d)-(.+)$/.exec(name);
  if (nested) return { labelId: nested[2]!, level: Number(nested[1]) };
  if (!name.startsWith(PREFIX) || [FOCUS, SEARCH, SUGGESTION, SUGGESTION_FOCUS].includes(name)) return null;
  return { labelId: name.slice(PREFIX.length), level: 0 };
}

/** The two themes. */
export type ThemeName = 'light' | 'dark';

/**
 * The article page colour of each theme (`--panel` in styles.css; a unit test keeps the two
 * equal) and the text colours a highlight may set.
 */
export const ARTICLE_BACKGROUND: Record<ThemeName, string> = { light: '#ffffff', dark: '#1e2226' };
const ARTICLE_INK: Record<ThemeName, string> = { light: '#1d1d1f', dark: '#e8e6e1' };
/** Black or white text on an entity: one of them always reaches 4.5:1 on any background. */
const ENTITY_TEXT = ['#000000', '#ffffff'];

/**
 * The focused span: a solid block in the theme's focus colour with text that reads on it,
 * drawn above every other highlight, so the focus is visible whatever the label colours are.
 */
export const FOCUS_COLOURS: Record<ThemeName, { background: string; text: string }> = {
  light: { background: '#143ca0', text: '#ffffff' },
  dark: { background: '#8fb4ff', text: '#000000' },
};

/** How opaque an entity's colour is painted in each theme (stronger on the dark page). */
const ENTITY_ALPHA: Record<ThemeName, number> = { light: 0xb0 / 255, dark: 0xd8 / 255 };
/** How opaque an attribution role's tint is (its underline carries the colour). */
const ROLE_ALPHA: Record<ThemeName, number> = { light: 0x30 / 255, dark: 0x40 / 255 };

/** The colours an entity highlight paints in a theme: a background and the text on it. */
export function entityColours(colour: string, theme: ThemeName): { background: string; text: string } {
  const { rgb } = parseHex(colour);
  const background = blend(rgb, ENTITY_ALPHA[theme], parseHex(ARTICLE_BACKGROUND[theme]).rgb);
  const text = [...ENTITY_TEXT].sort((a, b) => contrastRatio(parseHex(b).rgb, background) - contrastRatio(parseHex(a).rgb, background))[0]!;
  return { background: toHex(background), text };
}

/** The tint an attribution role paints behind its text in a theme (the text keeps the theme's ink). */
export function roleColours(colour: string, theme: ThemeName): { background: string; text: string } {
  const background = blend(parseHex(colour).rgb, ROLE_ALPHA[theme], parseHex(ARTICLE_BACKGROUND[theme]).rgb);
  return { background: toHex(background), text: ARTICLE_INK[theme] };
}

/** `light-dark(a, b)`: the page's color-scheme (system or the user's theme) picks one. */
function lightDark(pick: (theme: ThemeName) => string): string {
  return `light-dark(${pick('light')}, ${pick('dark')})`;
}

/** Underline offsets of attribution roles by level: each level its own line below the text. */
const ROLE_UNDERLINE_OFFSET = ['5px', '11px', '17px'];

/**
 * The rule of a label at a nesting level. Level 0 as the theme gives it; a nested entity adds
 * a line over its text (double at level 2), a nested role draws its underline lower (dashed at
 * level 2), in a darker shade of the label colour.
 */
function labelRule(label: LabelDef, level: number): string {
  const name = highlightName(label.id, level);
  const dark = `color-mix(in srgb, ${label.colour} 55%, light-dark(#000, #fff))`;
  if (label.kind === 'entity') {
    const over = level === 0 ? '' : ` text-decoration: overline ${level === 1 ? 'solid' : 'double'} ${dark}; text-decoration-thickness: ${level === 1 ? 3 : 2}px;`;
    return `::highlight(${name}) { background-color: ${lightDark((t) => entityColours(label.colour, t).background)}; color: ${lightDark((t) => entityColours(label.colour, t).text)};${over} }`;
  }
  const style = label.id === 'CLAIM' ? 'wavy' : level === 2 ? 'dashed' : 'solid';
  return `::highlight(${name}) { background-color: ${lightDark((t) => roleColours(label.colour, t).background)}; text-decoration: underline ${style} ${level === 0 ? label.colour : dark}; text-decoration-thickness: 2px; text-underline-offset: ${ROLE_UNDERLINE_OFFSET[level]}; }`;
}

/** The style sheet text for a schema's highlights (colours come from the schema, not from the document). */
export function highlightStyles(schema: LabelSchema): string {
  const levels = Array.from({ length: DEEPEST_LEVEL + 1 }, (_, level) => level);
  return [
    ...schema.labels.flatMap((label) => levels.map((level) => labelRule(label, level))),
    `::highlight(${SEARCH}) { background-color: #ffe066; color: #000; }`,
    `::highlight(${SUGGESTION}) { text-decoration: underline dotted light-dark(#6b6b6b, #9aa0a6); text-decoration-thickness: 2px; text-underline-offset: 7px; }`,
    `::highlight(${SUGGESTION_FOCUS}) { background-color: light-dark(rgba(120, 120, 120, 0.22), rgba(200, 200, 200, 0.2)); text-decoration: underline dotted light-dark(#222, #e8e6e1); text-decoration-thickness: 3px; text-underline-offset: 7px; }`,
    `::highlight(${FOCUS}) { background-color: ${lightDark((t) => FOCUS_COLOURS[t].background)}; color: ${lightDark((t) => FOCUS_COLOURS[t].text)}; }`,
  ].join('\n');
}

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/**
 * Paint order: roles under entities, deeper levels over shallower ones, search and focus on
 * top (labels are assumed fewer than 100 per schema).
 */
function labelPriority(kind: LabelKind | undefined, labelIndex: number, level: number): number {
  return (kind === 'entity' ? 300 : 0) + level * 100 + Math.max(0, labelIndex);
}

interface PaintedSpan {
  span: SpanRecord;
  name: string;
  /** The span's ranges while it is near the viewport, else null. */
  ranges: Range[] | null;
  /** The full repaint that last saw this span (to find spans that are gone). */
  seen: number;
}

/** What painting needs to know about one label of the schema. */
interface LabelPaint {
  kind: string;
  /** Highlight name at each nesting level. */
  names: string[];
  /** Highlight priority at each nesting level. */
  priorities: number[];
}

/** The first index of `sorted` (spans by start) whose item starts at or after `offset`. */
function firstStartingAt(sorted: ReadonlyArray<{ start: number }>, offset: number): number {
  return lowerBound(sorted, (item) => item.start < offset);
}

/** The index of `span` in `sorted` (reading order), or -1. */
function indexOfSpan(sorted: readonly SpanRecord[], span: SpanRecord): number {
  const at = searchIndex(sorted, span);
  return sorted[at]?.id === span.id ? at : -1;
}

/** A chunk of the article's paragraphs: its element and the text offsets [start, end) it holds. */
interface ArticleChunk {
  element: HTMLElement;
  start: number;
  end: number;
}

/** Near the viewport: within a screen above or below what the scroll container shows. */
const NEAR_MARGIN = '100% 0px';

/** The article's chunks of paragraphs (`data-chunk-start` / `data-chunk-end`), in order. */
function articleChunks(root: HTMLElement): ArticleChunk[] {
  return [...root.querySelectorAll<HTMLElement>('[data-chunk-start]')].map((element) => ({ element, start: Number(element.dataset.chunkStart), end: Number(element.dataset.chunkEnd) }));
}

/**
 * The indices of the chunks near the viewport now (as {@link NEAR_MARGIN} says), known at once
 * with one layout; an IntersectionObserver with that margin keeps them up to date after.
 */
function chunksNearView(chunks: readonly ArticleChunk[], scroller: HTMLElement | null): number[] {
  const view = scroller ? scroller.getBoundingClientRect() : new DOMRect(0, 0, innerWidth, innerHeight);
  const near: number[] = [];
  chunks.forEach((chunk, index) => {
    const box = chunk.element.getBoundingClientRect();
    if (box.bottom >= view.top - view.height && box.top <= view.bottom + view.height) near.push(index);
  });
  return near;
}

/** Whether `[start, end)` overlaps one of the chunks at `indices`. */
function touchesChunks(chunks: readonly ArticleChunk[], indices: Iterable<number>, start: number, end: number): boolean {
  for (const index of indices) {
    const chunk = chunks[index]!;
    if (chunk.start < end && start < chunk.end) return true;
  }
  return false;
}

/**
 * Watches which of the article's `chunks` are near the viewport: `nearNow(index)` is called at
 * once for those near now, and the returned observer reports changes to `onIntersect`.
 */
function watchNearChunks(root: HTMLElement, chunks: readonly ArticleChunk[], onIntersect: IntersectionObserverCallback, nearNow: (index: number) => void): IntersectionObserver {
  const scroller = scrollParent(root);
  for (const index of chunksNearView(chunks, scroller)) nearNow(index);
  const observer = new IntersectionObserver(onIntersect, { root: scroller, rootMargin: NEAR_MARGIN });
  for (const chunk of chunks) observer.observe(chunk.element);
  return observer;
}

/**
 * The span highlights of one rendered article. `update` is called with the document's
 * spans after every change. When the list was carried from the one painted last by a
 * transaction (shared/model/span-index.ts), only the changed spans and the spans whose
 * nesting level they change are touched, so an edit costs the same with 10 or 10,000 spans.
 */
export class SpanHighlights {
  private readonly painted = new Map<string, PaintedSpan>();
  private readonly highlights = new Map<string, Highlight>();
  private labels = new Map<string, LabelPaint>();
  private lastSpans: readonly SpanRecord[] | null = null;
  private lastVersion = -1;
  private lastSchema: LabelSchema | null = null;
  /** At least the length of every span painted (bounds the look-back for nesting levels). */
  private maxLength = 0;
  private focusKey = '';
  private generation = 0;
  /** The chunks of paragraphs (data-chunk-start / data-chunk-end), and which are near the viewport. */
  private readonly chunks: ArticleChunk[];
  private readonly chunkOf = new Map<Element, number>();
  private readonly near = new Set<number>();
  private readonly observer: IntersectionObserver | null = null;
  /** Chunks whose nearness changed during a fling (index → near), applied when it ends. */
  private readonly pendingNear = new Map<number, boolean>();
  private readonly pace = new ScrollPace();
  private paceTarget: HTMLElement | Window | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {
    this.chunks = articleChunks(root);
    if (this.chunks.length === 0 || typeof IntersectionObserver !== 'function') return;
    const scroller = scrollParent(root);
    this.chunks.forEach((chunk, index) => this.chunkOf.set(chunk.element, index));
    for (const index of chunksNearView(this.chunks, scroller)) this.near.add(index);
    this.observer = new IntersectionObserver(this.onIntersect, { root: scroller, rootMargin: NEAR_MARGIN });
    for (const chunk of this.chunks) this.observer.observe(chunk.element);
    this.paceTarget = scroller ?? window;
    this.paceTarget.addEventListener('scroll', this.onScroll, { passive: true });
  }

  private onScroll = (event: Event): void => {
    const scroller = this.paceTarget instanceof HTMLElement ? this.paceTarget : document.scrollingElement;
    if (scroller) this.pace.record(scroller.scrollTop, event.timeStamp, scroller.clientHeight);
  };

  /** Whether `[start, end)` touches a chunk near the viewport (always, for an article without chunks). */
  private isNear(start: number, end: number): boolean {
    return !this.observer || touchesChunks(this.chunks, this.near, start, end);
  }

  private onIntersect = (entries: IntersectionObserverEntry[]): void => {
    for (const entry of entries) {
      const index = this.chunkOf.get(entry.target);
      if (index !== undefined) this.pendingNear.set(index, entry.isIntersecting);
    }
    if (this.pace.isFlinging(performance.now())) this.settleLater();
    else this.applyNearness();
  };

  /** Applies the pending nearness once the fling is over (checked again when the timer fires). */
  private settleLater(): void {
    if (this.settleTimer !== undefined) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.pace.isFlinging(performance.now())) this.settleLater();
      else this.applyNearness();
    }, Math.max(0, this.pace.settlesAt() - performance.now()) + 1);
  }

  /** Registers the ranges of spans in chunks that came near, and drops those of chunks gone far. */
  private applyNearness(): void {
    const highlights = registry();
    const changed: number[] = [];
    for (const [index, near] of this.pendingNear) {
      if (near === this.near.has(index)) continue;
      if (near) this.near.add(index);
      else this.near.delete(index);
      changed.push(index);
    }
    this.pendingNear.clear();
    const spans = this.lastSpans;
    if (!highlights || !spans) return;
    for (const index of changed) {
      const chunk = this.chunks[index]!;
      for (let i = firstReaching(spans, chunk.start, this.maxLength); i < spans.length && spans[i]!.start < chunk.end; i += 1) {
        const entry = this.painted.get(spans[i]!.id);
        if (!entry || entry.span.end <= chunk.start) continue;
        const near = this.isNear(entry.span.start, entry.span.end);
        if (near && !entry.ranges) {
          entry.ranges = rangesForOffsets(this.root, entry.span.start, entry.span.end);
          const highlight = this.highlights.get(entry.name) ?? this.highlight(entry.name, this.priorityOf(entry), highlights);
          for (const range of entry.ranges) highlight.add(range);
        } else if (!near && entry.ranges) {
          this.unpaint(entry);
          entry.ranges = null;
        }
      }
    }
    this.dropEmptyHighlights(highlights);
  };

  private priorityOf(entry: PaintedSpan): number {
    const paint = this.labelPaint(entry.span.label);
    return paint.priorities[Math.max(0, paint.names.indexOf(entry.name))]!;
  }

  /** Paints `spans` (in reading order) with `schema`'s labels, and the focused span. */
  update(spans: readonly SpanRecord[], schema: LabelSchema, focusedSpanId: string | null): void {
    const highlights = registry();
    if (!highlights) return;
    if (schema !== this.lastSchema) {
      this.clearSpans();
      this.lastSchema = schema;
      this.labels = new Map(
        schema.labels.map((label, index) => {
          const levels = Array.from({ length: DEEPEST_LEVEL + 1 }, (_, level) => level);
          return [label.id, { kind: label.kind, names: levels.map((level) => highlightName(label.id, level)), priorities: levels.map((level) => labelPriority(label.kind, index, level)) }];
        }),
      );
    }
    if (spans !== this.lastSpans) {
      const changes = this.lastSpans ? changesSince(spans, this.lastVersion) : null;
      if (changes) this.paintChanges(spans, changes, highlights);
      else this.paintAll(spans, highlights);
      this.lastSpans = spans;
      this.lastVersion = versionOf(spans);
    }
    this.paintFocus(focusedSpanId, highlights);
  }

  private kindOf = (labelId: string): string => this.labels.get(labelId)?.kind ?? `label:${labelId}`;

  private labelPaint(labelId: string): LabelPaint {
    let paint = this.labels.get(labelId);
    if (!paint) {
      // A label the schema no longer has: painted (unstyled) so it can still be focused.
      const levels = Array.from({ length: DEEPEST_LEVEL + 1 }, (_, level) => level);
      paint = { kind: `label:${labelId}`, names: levels.map((level) => highlightName(labelId, level)), priorities: levels.map((level) => labelPriority(undefined, 99, level)) };
      this.labels.set(labelId, paint);
    }
    return paint;
  }

  /** Compares every span with what is painted (first paint, another document, undo across versions). */
  private paintAll(spans: readonly SpanRecord[], highlights: HighlightRegistry): void {
    const levels = nestingLevels(spans, this.kindOf);
    const generation = ++this.generation;
    for (let i = 0; i < spans.length; i += 1) {
      const span = spans[i]!;
      const before = this.painted.get(span.id);
      const paint = this.labelPaint(span.label);
      const level = levels[i]!;
      if (before && before.span === span && before.name === paint.names[level]) {
        before.seen = generation;
        continue;
      }
      this.paint(span, level, highlights, before).seen = generation;
    }
    if (this.painted.size > spans.length || spans.length === 0) {
      for (const [id, entry] of this.painted) {
        if (entry.seen === generation) continue;
        this.unpaint(entry);
        this.painted.delete(id);
      }
    }
    this.dropEmptyHighlights(highlights);
  }

  /** Applies one transaction's span changes, and fixes the levels of spans they nest with. */
  private paintChanges(spans: readonly SpanRecord[], changes: readonly SpanChange[], highlights: HighlightRegistry): void {
    const reach: Array<{ kind: string; start: number; end: number }> = [];
    for (const { before, after } of changes) {
      const old = before ? this.painted.get(before.id) : undefined;
      if (old && !after) {
        this.unpaint(old);
        this.painted.delete(before!.id);
      }
      if (before) reach.push({ kind: this.kindOf(before.label), start: before.start, end: before.end });
      if (after) {
        reach.push({ kind: this.kindOf(after.label), start: after.start, end: after.end });
        const index = indexOfSpan(spans, after);
        const entry = this.painted.get(after.id);
        if (index >= 0) this.paint(after, levelAt(spans, index, this.kindOf, Math.max(this.maxLength, after.end - after.start)), highlights, entry);
        else if (entry) {
          this.unpaint(entry);
          this.painted.delete(after.id);
        }
      }
    }
    // Spans starting inside a changed span may have gained or lost a level.
    for (const { kind, start, end } of reach) {
      for (let i = firstStartingAt(spans, start); i < spans.length && spans[i]!.start < end; i += 1) {
        const span = spans[i]!;
        if (this.kindOf(span.label) !== kind) continue;
        const level = levelAt(spans, i, this.kindOf, this.maxLength);
        const entry = this.painted.get(span.id);
        if (!entry || entry.span !== span || entry.name !== this.labelPaint(span.label).names[level]) this.paint(span, level, highlights, entry);
      }
    }
    this.dropEmptyHighlights(highlights);
  }

  /** Paints one span at a level (replacing what was painted for it). */
  private paint(span: SpanRecord, level: number, highlights: HighlightRegistry, before: PaintedSpan | undefined): PaintedSpan {
    const paint = this.labelPaint(span.label);
    const name = paint.names[level]!;
    let ranges: Range[] | null = null;
    if (before && before.ranges && before.span.start === span.start && before.span.end === span.end) {
      // Same text, other label or level: move the ranges.
      if (before.name !== name) this.unpaint(before);
      ranges = before.ranges;
    } else {
      if (before) this.unpaint(before);
      if (this.isNear(span.start, span.end)) ranges = rangesForOffsets(this.root, span.start, span.end);
    }
    if (ranges) {
      const highlight = this.highlight(name, paint.priorities[level]!, highlights);
      for (const range of ranges) highlight.add(range);
    }
    this.maxLength = Math.max(this.maxLength, span.end - span.start);
    const entry = { span, name, ranges, seen: before?.seen ?? this.generation };
    this.painted.set(span.id, entry);
    return entry;
  }

  private highlight(name: string, priority: number, highlights: HighlightRegistry): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.highlights.set(name, highlight);
      highlights.set(name, highlight);
    }
    return highlight;
  }

  private dropEmptyHighlights(highlights: HighlightRegistry): void {
    for (const [name, highlight] of this.highlights) {
      if (highlight.size > 0) continue;
      this.highlights.delete(name);
      if (highlights.get(name) === highlight) highlights.delete(name);
    }
  }

  private unpaint(entry: PaintedSpan): void {
    const highlight = this.highlights.get(entry.name);
    if (highlight && entry.ranges) for (const range of entry.ranges) highlight.delete(range);
  }

  private paintFocus(focusedSpanId: string | null, highlights: HighlightRegistry): void {
    const focused = focusedSpanId ? this.painted.get(focusedSpanId) : undefined;
    const key = focused ? `${focused.span.id}:${focused.span.start}:${focused.span.end}` : '';
    if (key === this.focusKey) return;
    this.focusKey = key;
    highlights.delete(FOCUS);
    if (!focused) return;
    const highlight = highlightOf(rangesForOffsets(this.root, focused.span.start, focused.span.end));
    highlight.priority = 1000;
    highlights.set(FOCUS, highlight);
  }

  private clearSpans(): void {
    const highlights = registry();
    for (const [name, highlight] of this.highlights) if (highlights?.get(name) === highlight) highlights.delete(name);
    this.highlights.clear();
    this.painted.clear();
    this.lastSpans = null;
    this.lastVersion = -1;
    this.maxLength = 0;
  }

  /** Removes this article's span and focus highlights (when it unmounts or shows another text). */
  clear(): void {
    this.observer?.disconnect();
    this.paceTarget?.removeEventListener('scroll', this.onScroll);
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.pendingNear.clear();
    this.clearSpans();
    registry()?.delete(FOCUS);
    this.focusKey = '';
    this.lastSchema = null;
  }
}

/** Removes every Isnad highlight (when the article view unmounts). */
export function clearHighlights(): void {
  const highlights = registry();
  if (!highlights) return;
  for (const name of [...highlights.keys()]) if (name.startsWith(PREFIX)) highlights.delete(name);
}

/**
 * A highlight holding `ranges`. Ranges are added one by one: spreading them into the
 * constructor (`new Highlight(...ranges)`) passes each as an argument, and a document with
 * a couple of hundred thousand search matches overflowed the call stack (RangeError), which
 * blanked the window.
 */
export function highlightOf(ranges: Iterable<Range>): Highlight {
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  return highlight;
}

/** Search-match ranges made and added per task in an article without chunks (the rest follow in later tasks). */
const SEARCH_CHUNK = 2000;

type Match = { start: number; end: number };

/** Index of the first match that ends after `offset` (matches are sorted and never overlap). */
function firstMatchEndingAfter(matches: ReadonlyArray<Match>, offset: number): number {
  return lowerBound(matches, (match) => match.end <= offset);
}

/**
 * Paints the search matches of the open article (original-text offsets) and scrolls to the
 * first. Matches may keep arriving: {@link show} is called again with the same, grown array
 * while the search runs (state/search-session.ts), or with another array for a new search.
 * As with spans, only the matches in chunks of paragraphs near the viewport have ranges in
 * the registry (an IntersectionObserver on the chunks adds and drops them as the article
 * scrolls): a document with half a million matches would otherwise register half a million
 * ranges, and every change of the highlight then cost the browser over 100 ms. An article
 * without chunks (a short one) gets every match, {@link SEARCH_CHUNK} per task. Ranges are
 * added one by one, never spread into a call (that overflowed the stack).
 */
export class SearchHighlights {
  private matches: ReadonlyArray<Match> = [];
  private highlight: Highlight | null = null;
  private scrolled = false;
  /** Articles without chunks: matches painted so far, and the timer of the next batch. */
  private painted = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly chunks: ArticleChunk[];
  /** Whether matches are painted per chunk near the viewport (an article with chunks, where IntersectionObserver exists). */
  private readonly chunked: boolean;
  private readonly chunkOf = new Map<Element, number>();
  /** Ranges registered per near chunk, and how many matches they are of. */
  private readonly near = new Map<number, { ranges: Range[]; count: number }>();
  /**
   * Watches the chunks only while there are matches to show: every observed element costs
   * the browser an intersection check in every frame, and most of the time there is no
   * search (each key press in a 1 MB article then paid for 250 chunks watched for nothing).
   */
  private observer: IntersectionObserver | null = null;

  constructor(private readonly root: HTMLElement) {
    this.chunks = articleChunks(root);
    this.chunked = this.chunks.length > 0 && typeof IntersectionObserver === 'function';
    this.chunks.forEach((chunk, index) => this.chunkOf.set(chunk.element, index));
  }

  /** Starts watching which chunks are near the viewport (known at once, then kept up to date). */
  private observe(): void {
    if (this.observer || !this.chunked) return;
    this.observer = watchNearChunks(this.root, this.chunks, this.onIntersect, (index) => this.near.set(index, { ranges: [], count: 0 }));
  }

  /** Stops watching the chunks (no matches to show). */
  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.near.clear();
  }

  /** Shows `matches` (the same array again: only what changed is painted). */
  show(matches: ReadonlyArray<Match>): void {
    if (matches !== this.matches) {
      this.reset();
      this.matches = matches;
    }
    if (!matches.length) {
      this.stopObserving();
      return;
    }
    const highlights = registry();
    if (!highlights) return;
    this.observe();
    if (!this.highlight) {
      highlights.delete(SEARCH);
      this.highlight = new Highlight();
      this.highlight.priority = 700;
      highlights.set(SEARCH, this.highlight);
    }
    if (!this.scrolled) {
      this.scrolled = true;
      paragraphAtOffset(this.root, matches[0]!.start)?.scrollIntoView({ block: 'nearest' });
    }
    if (this.chunked) for (const index of this.near.keys()) this.paintChunk(index);
    else this.paintSome();
  }

  /** Removes the search highlight and stops painting and observing. */
  clear(): void {
    this.reset();
    this.stopObserving();
  }

  private reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const highlights = registry();
    if (this.highlight && highlights?.get(SEARCH) === this.highlight) highlights.delete(SEARCH);
    this.highlight = null;
    this.matches = [];
    this.painted = 0;
    this.scrolled = false;
    for (const entry of this.near.values()) {
      entry.ranges = [];
      entry.count = 0;
    }
  }

  /** (Re)paints the matches of one near chunk when more of them are known than painted. */
  private paintChunk(index: number): void {
    const entry = this.near.get(index);
    const highlight = this.highlight;
    if (!entry || !highlight) return;
    const chunk = this.chunks[index]!;
    const first = firstMatchEndingAfter(this.matches, chunk.start);
    let last = first;
    while (last < this.matches.length && this.matches[last]!.start < chunk.end) last++;
    if (last - first === entry.count) return;
    for (const range of entry.ranges) highlight.delete(range);
    entry.ranges = [];
    for (let i = first; i < last; i++) {
      for (const range of rangesForOffsets(this.root, this.matches[i]!.start, this.matches[i]!.end)) {
        entry.ranges.push(range);
        highlight.add(range);
      }
    }
    entry.count = last - first;
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    for (const entry of entries) {
      const index = this.chunkOf.get(entry.target);
      if (index === undefined) continue;
      const known = this.near.get(index);
      if (entry.isIntersecting && !known) {
        this.near.set(index, { ranges: [], count: 0 });
        this.paintChunk(index);
      } else if (!entry.isIntersecting && known) {
        for (const range of known.ranges) this.highlight?.delete(range);
        this.near.delete(index);
      }
    }
  };

  private readonly paintSome = (): void => {
    this.timer = undefined;
    const highlight = this.highlight;
    if (!highlight || this.painted >= this.matches.length) return;
    const until = Math.min(this.matches.length, this.painted + SEARCH_CHUNK);
    for (let i = this.painted; i < until; i++) {
      const match = this.matches[i]!;
      for (const range of rangesForOffsets(this.root, match.start, match.end)) highlight.add(range);
    }
    this.painted = until;
    if (this.painted < this.matches.length) this.timer = setTimeout(this.paintSome, 0);
  };
}

type Offsets = { id: string; start: number; end: number };

/**
 * Paints the open document's suggestions (dotted, unlike annotations) and the focused one.
 * As with spans, only the suggestions in chunks of paragraphs near the viewport have ranges in
 * the registry (an IntersectionObserver on the chunks adds and drops them): a 1 MB article
 * has thousands of suggestions, and Chromium rebuilds every registered range's marker on every
 * restyle of the page (a button under the mouse, the caret moving). {@link show} with the
 * same list again (visibleSuggestions keeps it while it does not change) paints nothing, so
 * an edit elsewhere costs nothing here; the focused one is painted, and scrolled to, when it
 * changes.
 */
export class SuggestionHighlights {
  private list: readonly Offsets[] = [];
  /** The list by start offset, and the longest item (how far back an item may start and still reach a chunk). */
  private sorted: Offsets[] = [];
  private maxLength = 0;
  private highlight: Highlight | null = null;
  private focusKey = '';
  /** The ranges registered for each item near the viewport. */
  private readonly registered = new Map<Offsets, Range[]>();
  private readonly chunks: ArticleChunk[];
  private readonly chunked: boolean;
  private readonly chunkOf = new Map<Element, number>();
  private readonly near = new Set<number>();
  /** Watches the chunks only while there are suggestions (every watched element costs a check per frame). */
  private observer: IntersectionObserver | null = null;

  constructor(private readonly root: HTMLElement) {
    this.chunks = articleChunks(root);
    this.chunked = this.chunks.length > 0 && typeof IntersectionObserver === 'function';
    this.chunks.forEach((chunk, index) => this.chunkOf.set(chunk.element, index));
  }

  /** Shows `suggestions` (in any order) with `focusedId` focused; none clears them. */
  show(suggestions: readonly Offsets[], focusedId: string | null): void {
    const highlights = registry();
    if (!highlights) return;
    if (suggestions !== this.list) {
      this.unregisterAll();
      this.list = suggestions;
      this.sorted = [...suggestions].sort((a, b) => a.start - b.start || a.end - b.end);
      this.maxLength = longestSpanLength(this.sorted);
      if (!suggestions.length) {
        this.stopObserving();
        if (this.highlight && highlights.get(SUGGESTION) === this.highlight) highlights.delete(SUGGESTION);
        this.highlight = null;
      } else {
        if (!this.highlight) {
          this.highlight = new Highlight();
          this.highlight.priority = 50;
          highlights.set(SUGGESTION, this.highlight);
        }
        if (this.chunked) {
          this.observe();
          for (const index of this.near) this.paintChunk(index);
        } else for (const item of this.sorted) this.register(item);
      }
    }
    this.paintFocus(suggestions, focusedId, highlights);
  }

  /** Removes the suggestions and the focus, and stops watching. */
  clear(): void {
    this.show([], null);
  }

  private observe(): void {
    if (this.observer) return;
    this.observer = watchNearChunks(this.root, this.chunks, this.onIntersect, (index) => this.near.add(index));
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.near.clear();
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    for (const entry of entries) {
      const index = this.chunkOf.get(entry.target);
      if (index === undefined || entry.isIntersecting === this.near.has(index)) continue;
      if (entry.isIntersecting) {
        this.near.add(index);
        this.paintChunk(index);
      } else {
        this.near.delete(index);
        this.dropChunk(index);
      }
    }
  };

  /** The items that overlap chunk `index`. */
  private *itemsOf(index: number): Generator<Offsets> {
    const chunk = this.chunks[index]!;
    for (let i = firstReaching(this.sorted, chunk.start, this.maxLength); i < this.sorted.length && this.sorted[i]!.start < chunk.end; i += 1) {
      const item = this.sorted[i]!;
      if (item.end > chunk.start) yield item;
    }
  }

  private paintChunk(index: number): void {
    for (const item of this.itemsOf(index)) if (!this.registered.has(item)) this.register(item);
  }

  /** Drops the ranges of the chunk's items that no other near chunk holds. */
  private dropChunk(index: number): void {
    for (const item of this.itemsOf(index)) {
      const ranges = this.registered.get(item);
      if (!ranges || touchesChunks(this.chunks, this.near, item.start, item.end)) continue;
      for (const range of ranges) this.highlight?.delete(range);
      this.registered.delete(item);
    }
  }

  private register(item: Offsets): void {
    const ranges = rangesForOffsets(this.root, item.start, item.end);
    for (const range of ranges) this.highlight?.add(range);
    this.registered.set(item, ranges);
  }

  private unregisterAll(): void {
    for (const ranges of this.registered.values()) for (const range of ranges) this.highlight?.delete(range);
    this.registered.clear();
  }

  /** Paints the focused suggestion over the others and scrolls to it, when it changes. */
  private paintFocus(suggestions: readonly Offsets[], focusedId: string | null, highlights: HighlightRegistry): void {
    const focused = focusedId ? suggestions.find((s) => s.id === focusedId) : undefined;
    const key = focused ? `${focused.id}:${focused.start}:${focused.end}` : '';
    if (key === this.focusKey) return;
    this.focusKey = key;
    highlights.delete(SUGGESTION_FOCUS);
    if (!focused) return;
    const highlight = highlightOf(rangesForOffsets(this.root, focused.start, focused.end));
    highlight.priority = 900;
    highlights.set(SUGGESTION_FOCUS, highlight);
    paragraphAtOffset(this.root, focused.start)?.scrollIntoView({ block: 'nearest' });
  }
}

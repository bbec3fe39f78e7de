/**
 * Paints spans with the CSS Custom Highlight API: no elements are inserted into the text,
 * so highlighting can never break the joining of Arabic letters or the bidi order of a line,
 * and painting costs almost nothing over plain text (see ARCHITECTURE.md). Entities paint a
 * background, attribution roles an underline, so an entity nested in a claim stays visible;
 * nested spans of one kind are drawn apart by level (an entity inside an entity gets a line
 * over it, a role inside a role a lower underline).
 *
 * Spans are painted incrementally: {@link SpanHighlights} keeps the ranges of every span and,
 * after an edit, touches only the spans whose record or level changed.
 */
import type { LabelDef, LabelKind, LabelSchema } from '../../shared/model/schema';
import type { SpanRecord } from '../../shared/model/types';
import { paragraphAtOffset, rangesForOffsets } from './dom-offsets';
import { DEEPEST_LEVEL, nestingLevels } from './nesting';

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

function withAlpha(hex: string, alpha: string): string {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex.slice(0, 7);
  return `${full}${alpha}`;
}

/** Underline offsets of attribution roles by level: each level its own line below the text. */
const ROLE_UNDERLINE_OFFSET = ['4px', '10px', '16px'];

function labelRule(label: LabelDef, level: number): string {
  const name = highlightName(label.id, level);
  const dark = `color-mix(in srgb, ${label.colour} 55%, #000)`;
  if (label.kind === 'entity') {
    const over = level === 0 ? '' : ` text-decoration: overline ${level === 1 ? 'solid' : 'double'} ${dark}; text-decoration-thickness: ${level === 1 ? 3 : 2}px;`;
    return `::highlight(${name}) { background-color: ${withAlpha(label.colour, 'b0')};${over} }`;
  }
  const style = label.id === 'CLAIM' ? 'wavy' : level === 2 ? 'dashed' : 'solid';
  return `::highlight(${name}) { background-color: ${withAlpha(label.colour, '30')}; text-decoration: underline ${style} ${level === 0 ? label.colour : dark}; text-decoration-thickness: 2px; text-underline-offset: ${ROLE_UNDERLINE_OFFSET[level]}; }`;
}

/** The style sheet text for a schema's highlights (colours come from the schema, not from the document). */
export function highlightStyles(schema: LabelSchema): string {
  const levels = Array.from({ length: DEEPEST_LEVEL + 1 }, (_, level) => level);
  return [
    ...schema.labels.flatMap((label) => levels.map((level) => labelRule(label, level))),
    `::highlight(${SEARCH}) { background-color: #ffe066; color: #000; }`,
    `::highlight(${SUGGESTION}) { text-decoration: underline dotted #6b6b6b; text-decoration-thickness: 2px; text-underline-offset: 7px; }`,
    `::highlight(${SUGGESTION_FOCUS}) { background-color: rgba(120, 120, 120, 0.22); text-decoration: underline dotted #222; text-decoration-thickness: 3px; text-underline-offset: 7px; }`,
    `::highlight(${FOCUS}) { background-color: rgba(20, 60, 160, 0.28); color: inherit; text-decoration: underline double #143ca0; text-decoration-thickness: 2px; }`,
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
  ranges: Range[];
  /** The update that last saw this span (to find spans that are gone). */
  seen: number;
}

/**
 * The span highlights of one rendered article. `update` is called with the document's
 * spans after every change; only spans whose record or nesting level changed get new
 * ranges, so an edit costs the same with 10 or 10,000 spans present.
 */
export class SpanHighlights {
  private readonly painted = new Map<string, PaintedSpan>();
  private readonly highlights = new Map<string, Highlight>();
  private lastSpans: readonly SpanRecord[] | null = null;
  private lastSchema: LabelSchema | null = null;
  private focusKey = '';
  private generation = 0;

  constructor(private readonly root: HTMLElement) {}

  /** Paints `spans` (in reading order) with `schema`'s labels, and the focused span. */
  update(spans: readonly SpanRecord[], schema: LabelSchema, focusedSpanId: string | null): void {
    const highlights = registry();
    if (!highlights) return;
    if (schema !== this.lastSchema) {
      this.clearSpans();
      this.lastSchema = schema;
    }
    if (spans !== this.lastSpans) {
      this.paintSpans(spans, schema, highlights);
      this.lastSpans = spans;
    }
    this.paintFocus(focusedSpanId, highlights);
  }

  private paintSpans(spans: readonly SpanRecord[], schema: LabelSchema, highlights: HighlightRegistry): void {
    const labels = new Map(schema.labels.map((label, index) => [label.id, { kind: label.kind, index }]));
    const levels = nestingLevels(spans, (id) => labels.get(id)?.kind);
    const generation = ++this.generation;
    spans.forEach((span, i) => {
      const level = levels[i] ?? 0;
      const name = highlightName(span.label, level);
      const before = this.painted.get(span.id);
      if (before && before.span === span && before.name === name) {
        before.seen = generation;
        return;
      }
      if (before) this.unpaint(before);
      const label = labels.get(span.label);
      const highlight = this.highlight(name, labelPriority(label?.kind, label?.index ?? 99, level), highlights);
      const ranges = rangesForOffsets(this.root, span.start, span.end);
      for (const range of ranges) highlight.add(range);
      this.painted.set(span.id, { span, name, ranges, seen: generation });
    });
    if (this.painted.size > spans.length || spans.length === 0) {
      for (const [id, entry] of this.painted) {
        if (entry.seen === generation) continue;
        this.unpaint(entry);
        this.painted.delete(id);
      }
    }
    for (const [name, highlight] of this.highlights) if (highlight.size === 0) this.dropHighlight(name, highlights);
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

  private dropHighlight(name: string, highlights: HighlightRegistry): void {
    this.highlights.delete(name);
    if (highlights.get(name) !== undefined) highlights.delete(name);
  }

  private unpaint(entry: PaintedSpan): void {
    const highlight = this.highlights.get(entry.name);
    if (highlight) for (const range of entry.ranges) highlight.delete(range);
  }

  private paintFocus(focusedSpanId: string | null, highlights: HighlightRegistry): void {
    const focused = focusedSpanId ? this.painted.get(focusedSpanId) : undefined;
    const key = focused ? `${focused.span.id}:${focused.span.start}:${focused.span.end}` : '';
    if (key === this.focusKey) return;
    this.focusKey = key;
    highlights.delete(FOCUS);
    if (!focused) return;
    const highlight = new Highlight(...rangesForOffsets(this.root, focused.span.start, focused.span.end));
    highlight.priority = 1000;
    highlights.set(FOCUS, highlight);
  }

  private clearSpans(): void {
    const highlights = registry();
    for (const name of this.highlights.keys()) highlights?.delete(name);
    this.highlights.clear();
    this.painted.clear();
    this.lastSpans = null;
  }

  /** Removes this article's span and focus highlights (when it unmounts or shows another text). */
  clear(): void {
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

/** Paints search matches (original-text offsets) in the article and scrolls to the first. */
export function paintSearchMatches(root: HTMLElement, matches: ReadonlyArray<{ start: number; end: number }>): void {
  const highlights = registry();
  if (!highlights) return;
  highlights.delete(SEARCH);
  if (!matches.length) return;
  const highlight = new Highlight(...matches.flatMap((m) => rangesForOffsets(root, m.start, m.end)));
  highlight.priority = 700;
  highlights.set(SEARCH, highlight);
  paragraphAtOffset(root, matches[0]!.start)?.scrollIntoView({ block: 'nearest' });
}

/** Paints suggestions (dotted, unlike annotations) and the focused one. */
export function paintSuggestions(root: HTMLElement, suggestions: ReadonlyArray<{ id: string; start: number; end: number }>, focusedId: string | null): void {
  const highlights = registry();
  if (!highlights) return;
  highlights.delete(SUGGESTION);
  highlights.delete(SUGGESTION_FOCUS);
  if (!suggestions.length) return;
  const all = new Highlight(...suggestions.flatMap((s) => rangesForOffsets(root, s.start, s.end)));
  all.priority = 50;
  highlights.set(SUGGESTION, all);
  const focused = suggestions.find((s) => s.id === focusedId);
  if (focused) {
    const highlight = new Highlight(...rangesForOffsets(root, focused.start, focused.end));
    highlight.priority = 900;
    highlights.set(SUGGESTION_FOCUS, highlight);
    paragraphAtOffset(root, focused.start)?.scrollIntoView({ block: 'nearest' });
  }
}

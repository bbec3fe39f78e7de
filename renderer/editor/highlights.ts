/**
 * Paints spans with the CSS Custom Highlight API: no elements are inserted into the text,
 * so highlighting can never break the joining of Arabic letters, and repainting is cheap
 * (measured in TOOLCHAIN.md: ~1× plain text). Entities paint a background, attribution
 * roles an underline, so an entity nested in a claim stays visible.
 */
import type { LabelDef, LabelSchema } from '../../shared/model/schema';
import type { SpanRecord } from '../../shared/model/types';
import { rangesForOffsets } from './dom-offsets';
import { blend, contrastRatio, parseHex, toHex } from '../theme/contrast';

const PREFIX = 'isnad-';
const FOCUS = `${PREFIX}focus`;
/** Search matches have their own registry name, painted over spans. */
const SEARCH = 'isnad-search';
/** Suggestions are painted apart from annotations: a dotted outline-like underline. */
const SUGGESTION = 'isnad-suggestion';
const SUGGESTION_FOCUS = 'isnad-suggestion-focus';

/** The highlight name of a label (label ids are validated as [A-Za-z][\w-]*). */
export function highlightName(labelId: string): string {
  return `${PREFIX}${labelId}`;
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

function labelRule(label: LabelDef): string {
  const name = highlightName(label.id);
  if (label.kind === 'entity') {
    return `::highlight(${name}) { background-color: ${lightDark((t) => entityColours(label.colour, t).background)}; color: ${lightDark((t) => entityColours(label.colour, t).text)}; }`;
  }
  return `::highlight(${name}) { background-color: ${lightDark((t) => roleColours(label.colour, t).background)}; text-decoration: underline ${label.id === 'CLAIM' ? 'wavy' : 'solid'} ${label.colour}; text-decoration-thickness: 2px; text-underline-offset: 5px; }`;
}

/** The style sheet text for a schema's highlights (colours come from the schema, not from the document). */
export function highlightStyles(schema: LabelSchema): string {
  return [
    ...schema.labels.map(labelRule),
    `::highlight(${SEARCH}) { background-color: #ffe066; color: #000; }`,
    `::highlight(${SUGGESTION}) { text-decoration: underline dotted light-dark(#6b6b6b, #9aa0a6); text-decoration-thickness: 2px; text-underline-offset: 7px; }`,
    `::highlight(${SUGGESTION_FOCUS}) { background-color: light-dark(rgba(120, 120, 120, 0.22), rgba(200, 200, 200, 0.2)); text-decoration: underline dotted light-dark(#222, #e8e6e1); text-decoration-thickness: 3px; text-underline-offset: 7px; }`,
    `::highlight(${FOCUS}) { background-color: ${lightDark((t) => FOCUS_COLOURS[t].background)}; color: ${lightDark((t) => FOCUS_COLOURS[t].text)}; }`,
  ].join('\n');
}

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  return css?.highlights ?? null;
}

/** Paints the spans of the open document; clears highlights of labels that have none. */
export function paintSpans(root: HTMLElement, spans: readonly SpanRecord[], schema: LabelSchema, focusedSpanId: string | null): void {
  const highlights = registry();
  if (!highlights || typeof Highlight !== 'function') return;
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const byLabel = new Map<string, Range[]>();
  let focused: Range[] = [];
  for (const span of spans) {
    const ranges = rangesForOffsets(root, paragraphs, span.start, span.end);
    const list = byLabel.get(span.label) ?? [];
    list.push(...ranges);
    byLabel.set(span.label, list);
    if (span.id === focusedSpanId) focused = ranges;
  }
  for (const name of [...highlights.keys()]) if (name.startsWith(PREFIX) && name !== SEARCH && name !== SUGGESTION && name !== SUGGESTION_FOCUS) highlights.delete(name);
  schema.labels.forEach((label, index) => {
    const ranges = byLabel.get(label.id);
    if (!ranges?.length) return;
    const highlight = new Highlight(...ranges);
    // Entities above roles, so an entity inside a claim shows its own colour.
    highlight.priority = (label.kind === 'entity' ? 100 : 0) + index;
    highlights.set(highlightName(label.id), highlight);
  });
  if (focused.length) {
    const highlight = new Highlight(...focused);
    highlight.priority = 1000;
    highlights.set(FOCUS, highlight);
  }
}

/** Removes every Isnad highlight (when the article view unmounts). */
export function clearHighlights(): void {
  const highlights = registry();
  if (!highlights) return;
  for (const name of [...highlights.keys()]) if (name.startsWith(PREFIX)) highlights.delete(name);
}

/** Paints search matches (original-text offsets) in the article. */
export function paintSearchMatches(root: HTMLElement, matches: ReadonlyArray<{ start: number; end: number }>): void {
  const highlights = registry();
  if (!highlights || typeof Highlight !== 'function') return;
  highlights.delete(SEARCH);
  if (!matches.length) return;
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const highlight = new Highlight(...matches.flatMap((m) => rangesForOffsets(root, paragraphs, m.start, m.end)));
  highlight.priority = 500;
  highlights.set(SEARCH, highlight);
  scrollFirstIntoView(paragraphs, matches[0]!.start);
}

function scrollFirstIntoView(paragraphs: HTMLElement[], offset: number): void {
  const target = [...paragraphs].reverse().find((p) => Number(p.dataset.start) <= offset);
  target?.scrollIntoView({ block: 'nearest' });
}

/** Paints suggestions (dotted, unlike annotations) and the focused one. */
export function paintSuggestions(root: HTMLElement, suggestions: ReadonlyArray<{ id: string; start: number; end: number }>, focusedId: string | null): void {
  const highlights = registry();
  if (!highlights || typeof Highlight !== 'function') return;
  highlights.delete(SUGGESTION);
  highlights.delete(SUGGESTION_FOCUS);
  if (!suggestions.length) return;
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const all = new Highlight(...suggestions.flatMap((s) => rangesForOffsets(root, paragraphs, s.start, s.end)));
  all.priority = 50;
  highlights.set(SUGGESTION, all);
  const focused = suggestions.find((s) => s.id === focusedId);
  if (focused) {
    const highlight = new Highlight(...rangesForOffsets(root, paragraphs, focused.start, focused.end));
    highlight.priority = 900;
    highlights.set(SUGGESTION_FOCUS, highlight);
    scrollFirstIntoView(paragraphs, focused.start);
  }
}

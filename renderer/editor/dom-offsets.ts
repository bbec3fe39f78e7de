/**
 * Maps between DOM positions inside the article view and logical text offsets. Each
 * paragraph element carries `data-start` (its offset in the document text) and holds one
 * text node, so a DOM point (node, offset) is logical order by construction: offsets never
 * come from visual positions on screen. Every paragraph of the document stays in the DOM
 * (the browser skips laying out the ones far from view, see ArticleView), so these mappings
 * hold for text that has never been on screen too.
 */

const PARAGRAPH_SELECTOR = '[data-start]';

/** The paragraph elements of an article in document order, with their start offsets and lengths. */
interface ParagraphIndex {
  readonly elements: readonly HTMLElement[];
  readonly starts: readonly number[];
  readonly lengths: readonly number[];
}

const indexes = new WeakMap<HTMLElement, ParagraphIndex>();

/**
 * The paragraph index of `root`, built on first use. An article element shows one text for
 * its whole life (ArticleView renders a new element for another document, and invalidates
 * the index when it renders), so the index stays valid while its paragraphs are connected.
 */
function paragraphIndex(root: HTMLElement): ParagraphIndex {
  const cached = indexes.get(root);
  if (cached && cached.elements.length > 0 && root.contains(cached.elements[0]!)) return cached;
  const elements = [...root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)];
  const index = { elements, starts: elements.map(paragraphStart), lengths: elements.map(paragraphLength) };
  indexes.set(root, index);
  return index;
}

/**
 * Forgets the paragraph index of `root`: call after the article's paragraphs were rendered
 * again (another document, another text).
 */
export function invalidateParagraphIndex(root: HTMLElement): void {
  indexes.delete(root);
}

/** The position of the last paragraph starting at or before `offset` (-1 when none). */
function paragraphPosition(index: ParagraphIndex, offset: number): number {
  let low = 0;
  let high = index.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.starts[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function paragraphOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>(PARAGRAPH_SELECTOR) ?? null;
  return paragraph && root.contains(paragraph) ? paragraph : null;
}

function paragraphStart(paragraph: HTMLElement): number {
  return Number(paragraph.dataset.start);
}

function paragraphLength(paragraph: HTMLElement): number {
  return paragraph.firstChild?.textContent?.length ?? 0;
}

/** The text offset of a DOM point inside the article, or null when it is outside any paragraph. */
export function offsetFromDomPoint(root: HTMLElement, node: Node, offset: number): number | null {
  const paragraph = paragraphOf(node, root);
  if (paragraph) {
    if (node.nodeType === Node.TEXT_NODE) return paragraphStart(paragraph) + offset;
    return paragraphStart(paragraph) + (offset === 0 ? 0 : paragraphLength(paragraph));
  }
  if (!root.contains(node)) return null;
  // A point between paragraphs (on the article element itself): nearest paragraph edge.
  const { elements } = paragraphIndex(root);
  const child = node.childNodes[offset];
  for (const p of elements) {
    if (child && (child === p || child.contains(p) || child.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)) return paragraphStart(p);
  }
  const last = elements.at(-1);
  return last ? paragraphStart(last) + paragraphLength(last) : null;
}

/** The DOM point for a text offset (clamped into the nearest paragraph). */
export function domPointFromOffset(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const index = paragraphIndex(root);
  const best = index.elements[Math.max(0, paragraphPosition(index, offset))];
  if (!best?.firstChild) return null;
  const local = Math.max(0, Math.min(offset - paragraphStart(best), paragraphLength(best)));
  return { node: best.firstChild, offset: local };
}

/**
 * The offset the article shows for `offset`: the same, unless the DOM cannot hold that
 * position — one inside the line breaks between paragraphs or after the text's final line
 * break — which it shows at the nearest paragraph edge.
 */
export function shownOffset(root: HTMLElement, offset: number): number {
  const point = domPointFromOffset(root, offset);
  return point ? (offsetFromDomPoint(root, point.node, point.offset) ?? offset) : offset;
}

/** The current selection inside the article as `{anchor, focus}` offsets, or null. */
export function readSelection(root: HTMLElement): { anchor: number; focus: number } | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  const anchor = offsetFromDomPoint(root, selection.anchorNode, selection.anchorOffset);
  const focus = offsetFromDomPoint(root, selection.focusNode, selection.focusOffset);
  if (anchor === null || focus === null) return null;
  return { anchor, focus };
}

/**
 * Selects `[anchor, focus]` (focus may be before anchor) in the article. Works for any
 * paragraph, on screen or not (it does not scroll).
 */
export function selectOffsets(root: HTMLElement, anchor: number, focus: number): void {
  const a = domPointFromOffset(root, anchor);
  const f = domPointFromOffset(root, focus);
  const selection = root.ownerDocument.getSelection();
  if (!a || !f || !selection) return;
  selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}

/** The paragraph element holding a text offset (the last one starting at or before it), or null. */
export function paragraphAtOffset(root: HTMLElement, offset: number): HTMLElement | null {
  const index = paragraphIndex(root);
  return index.elements[paragraphPosition(index, offset)] ?? null;
}

/** The DOM ranges covering `[start, end)`, one per paragraph it touches. */
export function rangesForOffsets(root: HTMLElement, start: number, end: number): Range[] {
  const index = paragraphIndex(root);
  const ranges: Range[] = [];
  for (let i = Math.max(0, paragraphPosition(index, start)); i < index.elements.length; i += 1) {
    const p = index.elements[i]!;
    const pStart = index.starts[i]!;
    if (pStart >= end) break;
    const pEnd = pStart + index.lengths[i]!;
    if (pEnd <= start) continue;
    const text = p.firstChild;
    if (!text) continue;
    const range = root.ownerDocument.createRange();
    range.setStart(text, Math.max(start, pStart) - pStart);
    range.setEnd(text, Math.min(end, pEnd) - pStart);
    ranges.push(range);
  }
  return ranges;
}

/** The text offset under a viewport point (for clicks on highlighted text), or null. */
export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const doc = root.ownerDocument as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return offsetFromDomPoint(root, position.offsetNode, position.offset);
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? offsetFromDomPoint(root, range.startContainer, range.startOffset) : null;
}

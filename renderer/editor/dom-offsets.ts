/**
 * Maps between DOM positions inside the article view and logical text offsets. Each
 * paragraph element carries `data-start` (its offset in the document text) and holds one
 * text node, so a DOM point (node, offset) is logical order by construction: offsets never
 * come from visual positions on screen.
 */

const PARAGRAPH_SELECTOR = '[data-start]';

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
  const paragraphs = [...root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)];
  const child = node.childNodes[offset];
  for (const p of paragraphs) {
    if (child && (child === p || child.contains(p) || (child.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING))) return paragraphStart(p);
  }
  const last = paragraphs.at(-1);
  return last ? paragraphStart(last) + paragraphLength(last) : null;
}

/** The DOM point for a text offset (clamped into the nearest paragraph). */
export function domPointFromOffset(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const paragraphs = root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR);
  let best: HTMLElement | null = null;
  for (const p of paragraphs) {
    if (paragraphStart(p) <= offset) best = p;
    else break;
  }
  best ??= paragraphs[0] ?? null;
  if (!best?.firstChild) return null;
  const local = Math.max(0, Math.min(offset - paragraphStart(best), paragraphLength(best)));
  return { node: best.firstChild, offset: local };
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

/** Selects `[anchor, focus]` (focus may be before anchor) in the article. */
export function selectOffsets(root: HTMLElement, anchor: number, focus: number): void {
  const a = domPointFromOffset(root, anchor);
  const f = domPointFromOffset(root, focus);
  const selection = root.ownerDocument.getSelection();
  if (!a || !f || !selection) return;
  selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}

/** The DOM ranges covering `[start, end)`, one per paragraph it touches. */
export function rangesForOffsets(root: HTMLElement, paragraphs: readonly HTMLElement[], start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const p of paragraphs) {
    const pStart = paragraphStart(p);
    const pEnd = pStart + paragraphLength(p);
    if (pEnd <= start) continue;
    if (pStart >= end) break;
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

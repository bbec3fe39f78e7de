/**
 * Where a logical offset is drawn: the rectangle of a collapsed range at that offset (the
 * caret), beside the text an edge bounds (span-edge handles, and the caret at the end of a
 * selection or on a focused span's edge), and scrolling it into view. Offsets still come
 * only from the text (dom-offsets); geometry is used for drawing, never to compute an offset.
 */
import type { SpanEdge } from '../../shared/text/span-edges';
import { domPointFromOffset } from './dom-offsets';
import { edgeGlyph } from './edge-glyph';

/** A caret rectangle in viewport coordinates. */
export interface CaretBox {
  left: number;
  top: number;
  height: number;
}

/**
 * The caret box at `offset` in the article, or null when that text is not laid out. At a
 * direction boundary a collapsed range has one rectangle per side; the first is used.
 */
export function caretBox(root: HTMLElement, offset: number): CaretBox | null {
  const point = domPointFromOffset(root, offset);
  if (!point) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!rect || (rect.height === 0 && rect.width === 0 && rect.top === 0 && rect.left === 0)) return fromParagraph(point.node, point.offset);
  return { left: rect.left, top: rect.top, height: rect.height };
}

/**
 * The box of a span's `edge` at `offset`: at the visual edge of the span's own first (start)
 * or last (end) character, on the side where that character begins or ends in its direction
 * (see edge-glyph). Unlike a collapsed range, this is right where the direction changes at the
 * edge: the end of "Reuters" in an Arabic paragraph is at the right of its "s", not at the left
 * of the Arabic that follows. Falls back to {@link caretBox} where the span has no character in
 * the paragraph on that side, or the character gives no rectangle.
 */
export function edgeBox(root: HTMLElement, offset: number, edge: SpanEdge): CaretBox | null {
  const point = domPointFromOffset(root, offset);
  const paragraph = point?.node.parentElement;
  if (!point || point.node.nodeType !== Node.TEXT_NODE || !paragraph) return caretBox(root, offset);
  const text = point.node.textContent ?? '';
  const glyph = edgeGlyph(text, point.offset, edge, paragraph.dir === 'ltr' ? 'ltr' : 'rtl');
  if (!glyph) return caretBox(root, offset);
  const range = root.ownerDocument.createRange();
  range.setStart(point.node, glyph.from);
  range.setEnd(point.node, glyph.to);
  const rects = range.getClientRects();
  // (One rectangle, but for a grapheme a line break or a run boundary splits: the start's first, the end's last.)
  const rect = edge === 'start' ? rects[0] : rects[rects.length - 1];
  if (!rect || (rect.width === 0 && rect.height === 0)) return caretBox(root, offset);
  return { left: glyph.side === 'left' ? rect.left : rect.right, top: rect.top, height: rect.height };
}

/**
 * Which text the caret at `focus` is drawn against: the selected text when there is a
 * selection (its end when it was made forward, its start when backward), the focused span's
 * when the caret is on one of its edges (where a new, resized or newly focused span leaves
 * it: the caret is then drawn at that edge's handle), or null for a caret anywhere else,
 * drawn where the browser puts a collapsed range (pure: unit-tested).
 */
export function caretEdge(caret: { anchor: number; focus: number }, span: { start: number; end: number } | null): SpanEdge | null {
  if (caret.anchor !== caret.focus) return caret.focus > caret.anchor ? 'end' : 'start';
  if (span && caret.focus === span.start) return 'start';
  if (span && caret.focus === span.end) return 'end';
  return null;
}

/** An empty paragraph gives no range rectangle: use the paragraph's own box, at its start side. */
function fromParagraph(node: Node, offset: number): CaretBox | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  const rtl = getComputedStyle(element).direction === 'rtl';
  const atStart = offset === 0;
  return { left: rtl === atStart ? rect.right : rect.left, top: rect.top, height: Math.min(rect.height, 40) };
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return null;
}

/** Scrolls the article's scrolling container so that the caret at `offset` is visible, with a margin. */
export function scrollOffsetIntoView(root: HTMLElement, offset: number, margin = 48): void {
  const box = caretBox(root, offset);
  const container = scrollParent(root);
  if (!box || !container) return;
  const view = container.getBoundingClientRect();
  if (box.top < view.top + margin) container.scrollTop -= view.top + margin - box.top;
  else if (box.top + box.height > view.bottom - margin) container.scrollTop += box.top + box.height - (view.bottom - margin);
}

/**
 * Where a logical offset is drawn: the rectangle of a collapsed range at that offset (for
 * the caret and the span-edge handles), and scrolling it into view. Offsets still come only
 * from the text (dom-offsets); geometry is used for drawing, never to compute an offset.
 */
import { domPointFromOffset } from './dom-offsets';

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

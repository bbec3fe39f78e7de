/**
 * The mouse in the article: a selection the user makes flows into the caret state, a drag
 * is snapped when the button is released (by the user's snapping mode), and a double-click
 * selects the word under the pointer.
 */
import type { CaretActions } from '../app/actions/caret-actions';
import { offsetAtPoint } from './dom-offsets';

/** Listens on `doc` for the article's pointer selections; returns a function that stops. */
export function installPointerSelection(doc: Document, article: () => HTMLElement | null, caret: CaretActions): () => void {
  const inArticle = (target: EventTarget | null): boolean => {
    const root = article();
    return !!root && target instanceof Node && root.contains(target);
  };
  const onSelectionChange = (): void => caret.syncFromDom();
  const onMouseUp = (event: MouseEvent): void => {
    if (event.button === 0 && inArticle(event.target)) caret.snapPointerSelection();
  };
  const onDoubleClick = (event: MouseEvent): void => {
    const root = article();
    if (!root || !inArticle(event.target)) return;
    const offset = offsetAtPoint(root, event.clientX, event.clientY);
    if (offset !== null) caret.selectWordAt(offset);
  };
  doc.addEventListener('selectionchange', onSelectionChange);
  doc.addEventListener('mouseup', onMouseUp);
  doc.addEventListener('dblclick', onDoubleClick);
  return () => {
    doc.removeEventListener('selectionchange', onSelectionChange);
    doc.removeEventListener('mouseup', onMouseUp);
    doc.removeEventListener('dblclick', onDoubleClick);
  };
}

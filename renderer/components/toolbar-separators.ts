/**
 * The toolbar wraps onto several lines in a narrow window; a group separator that ends up at
 * the end or the start of a line separates nothing there. This hides such separators (keeping
 * their place, so hiding one never changes where the toolbar wraps) whenever the toolbar's
 * size changes.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Whether `after` starts a new line of the toolbar after `before` (items are vertically centred on a line, so lines are told apart by overlap, not by equal tops). */
function onAnotherLine(before: Element, after: Element): boolean {
  const a = before.getBoundingClientRect();
  const b = after.getBoundingClientRect();
  return b.top >= a.bottom || a.top >= b.bottom;
}

/** Marks each `.separator` child of the toolbar whose neighbours are on different lines with `data-wrapped`. */
export function markWrappedSeparators(toolbar: HTMLElement): void {
  for (const separator of toolbar.querySelectorAll<HTMLElement>(':scope > .separator')) {
    const before = separator.previousElementSibling;
    const after = separator.nextElementSibling;
    const wrapped = !!before && !!after && onAnotherLine(before, after);
    if (wrapped !== separator.hasAttribute('data-wrapped')) separator.toggleAttribute('data-wrapped', wrapped);
  }
}

/**
 * Keeps {@link markWrappedSeparators} true: after every render of the toolbar (a longer corpus
 * name or another language moves the breaks) and whenever its size changes (window width,
 * font size). The toolbar does not render on edits, only its undo and redo buttons do.
 */
export function useWrappedSeparators(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (ref.current) markWrappedSeparators(ref.current);
  });
  useLayoutEffect(() => {
    const toolbar = ref.current;
    if (!toolbar || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => markWrappedSeparators(toolbar));
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, [ref]);
}

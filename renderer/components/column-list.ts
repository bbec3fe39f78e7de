/**
 * Lists virtualised inside the scrolling side column (the span list, the attributions): only
 * the rows near the visible part of the column are rendered. A long article has thousands of
 * spans and hundreds of claims; rendering every row again on each edit cost more than the
 * edit itself, and kept as many fibers and elements in memory.
 *
 * Nothing here reads layout while React renders: the list's distance from the top of the
 * column is measured when a ResizeObserver reports (layout is then up to date, so reading it
 * is cheap), the scroll position comes from scroll events, and the viewport's height from a
 * ResizeObserver. Reading a position during render forced the browser to lay out the
 * window in the middle of every edit.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { scrollParent } from '../editor/scroll-parent';

/** How a column list lays out its rows. */
export interface ColumnListOptions {
  /** A row's height, exact for fixed rows, an estimate for rows measured once rendered. */
  rowHeight: number;
  gap: number;
  overscan: number;
  /** False while the list is not rendered (its panel shows nothing): its scroller is found once it is. */
  shown: boolean;
}

/** The scroller of a list in the side column and the list's distance from the top of its content. */
interface ColumnPlace {
  listRef: React.RefObject<HTMLUListElement | null>;
  scroller: HTMLElement | null;
  /** The list's top, in the scroller's content coordinates (a row at `y` in the list is at `scrollMargin + y` there). */
  scrollMargin: number;
  /** The scroller's scroll position when `scrollMargin` was measured. */
  measuredScrollTop: number;
}

/** The list's top in the scroller's content coordinates (reads layout). */
function offsetIn(list: HTMLElement, scroller: HTMLElement): number {
  return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/**
 * The elements whose size places the list in its scroller: the list's ancestors below the
 * scroller and every element before the list or before one of those ancestors.
 */
function placingElements(list: HTMLElement, scroller: HTMLElement): HTMLElement[] {
  const elements: HTMLElement[] = [];
  for (let node: HTMLElement | null = list; node && node !== scroller; node = node.parentElement) {
    if (node !== list) elements.push(node);
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) if (before instanceof HTMLElement) elements.push(before);
  }
  return elements;
}

/**
 * Finds the list's scroller (the panel column, or the page's own scroller when no ancestor
 * scrolls) and keeps the list's distance from the top of its content. That distance changes
 * only when something above the list changes size (a panel above grows, the focused span's
 * details appear), or when an element is put in or taken out above it (the suggestions
 * panel shown with G), so it is measured again when the list's ancestors or anything
 * before them resize (a ResizeObserver) and when the children of those ancestors, the
 * scroller's included, change (a MutationObserver, which also starts observing the new
 * ones), never during render. An element put in the scroller itself resizes nothing the
 * ResizeObserver watched: the list kept its old distance while the browser's scroll
 * anchoring moved the column by the new element's height, and rendered no row at all.
 * The scroll position is read with the distance, so a window can be computed from the two
 * as they were at the same moment.
 */
function useColumnPlace(shown: boolean): ColumnPlace {
  const listRef = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [place, setPlace] = useState({ scrollMargin: 0, measuredScrollTop: 0 });
  useLayoutEffect(() => setScroller(shown ? (scrollParent(listRef.current) ?? (document.scrollingElement as HTMLElement | null)) : null), [shown]);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!scroller || !list) return;
    const measure = (): void => {
      const next = { scrollMargin: Math.round(offsetIn(list, scroller)), measuredScrollTop: scroller.scrollTop };
      setPlace((before) => (before.scrollMargin === next.scrollMargin && before.measuredScrollTop === next.measuredScrollTop ? before : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const resizes = new ResizeObserver(measure);
    const observe = (): void => {
      resizes.disconnect();
      for (const element of placingElements(list, scroller)) resizes.observe(element);
    };
    observe();
    const insertions =
      typeof MutationObserver === 'undefined'
        ? null
        : new MutationObserver(() => {
            observe();
            measure();
          });
    for (let node = list.parentElement; node && insertions; node = node === scroller ? null : node.parentElement) insertions.observe(node, { childList: true });
    return () => {
      resizes.disconnect();
      insertions?.disconnect();
    };
  }, [scroller]);
  return { listRef, scroller, ...place };
}

/**
 * The virtualiser of a list of `items` (keyed by id) whose rows are measured once rendered
 * (the attributions: a claim's sources make its row taller), the ref of its `<ul>`, and the
 * list's distance from the top of the column (`scrollMargin`: subtract it from a row's
 * `start` to place the row inside the list).
 */
export function useColumnList<T extends { id: string }>(items: readonly T[], { rowHeight, gap, overscan, shown }: ColumnListOptions): { listRef: React.RefObject<HTMLUListElement | null>; virtualizer: Virtualizer<HTMLElement, HTMLLIElement>; scrollMargin: number } {
  const { listRef, scroller, scrollMargin } = useColumnPlace(shown);
  // A key function that changes only with the list: the virtualiser recomputes every row's position when it changes.
  const getItemKey = useCallback((index: number) => items[index]!.id, [items]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the lists re-render with the store, not through memoised children
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({ count: items.length, getScrollElement: () => scroller, estimateSize: () => rowHeight, overscan, gap, scrollMargin, getItemKey });
  return { listRef, virtualizer, scrollMargin };
}

/** The rows a fixed-row list renders: indices `[start, end)`. */
export interface RowRange {
  start: number;
  end: number;
}

/** A fixed-row list in the side column (see {@link useFixedRowList}). */
export interface FixedRowList {
  listRef: React.RefObject<HTMLUListElement | null>;
  /** The rows to render (those near the visible part of the column). */
  range: RowRange;
  /** The list's height. */
  totalHeight: number;
  /** Where row `index` starts inside the list. */
  rowTop(index: number): number;
  /** Scrolls the column, in the next frame, just enough to show row `index` whole (nothing when it is). */
  reveal(index: number): void;
}

/** The rows `[start, end)` to render for a viewport of `height` at `scrollTop` (pure: unit-tested). */
export function visibleRows(count: number, step: number, listTop: number, scrollTop: number, height: number, overscan: number): RowRange {
  if (count === 0 || step <= 0) return { start: 0, end: 0 };
  const first = Math.floor((scrollTop - listTop) / step);
  const last = Math.ceil((scrollTop + height - listTop) / step);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.max(0, Math.min(count, last + overscan)) };
}

/**
 * The scroll position that shows the whole row `[rowStart, rowEnd)` (content coordinates) in
 * a viewport of `height` at `scrollTop`, moving as little as possible; null when it already
 * shows (pure: unit-tested).
 */
export function scrollToShow(rowStart: number, rowEnd: number, scrollTop: number, height: number): number | null {
  if (rowStart < scrollTop) return rowStart;
  if (rowEnd > scrollTop + height) return Math.max(0, Math.min(rowStart, rowEnd - height));
  return null;
}

/**
 * A list of `count` rows of one fixed height in the side column, windowed by arithmetic:
 * row `i` is at `i × (rowHeight + gap)`. The span list uses it: with 10,000 spans, a general
 * virtualiser rebuilt the position of every row whenever a span was added or deleted, and
 * read the column's layout to scroll the focused span into view, on every edit.
 */
export function useFixedRowList(count: number, { rowHeight, gap, overscan, shown }: ColumnListOptions): FixedRowList {
  /** The scroller's scroll position and height as last reported (never read during render). */
  const view = useRef({ scrollTop: 0, height: 0 });
  const { listRef, scroller, scrollMargin, measuredScrollTop } = useColumnPlace(shown);
  const step = rowHeight + gap;
  const [range, setRange] = useState<RowRange>({ start: 0, end: Math.min(count, overscan * 2) });
  const update = useCallback(() => {
    const next = visibleRows(count, step, scrollMargin, view.current.scrollTop, view.current.height, overscan);
    setRange((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
  }, [count, step, scrollMargin, overscan]);
  const updateRef = useRef(update);
  // A measurement of the margin comes with the scroll position read with it (scroll
  // anchoring may have moved the column when something was put in above the list).
  useLayoutEffect(() => {
    view.current.scrollTop = measuredScrollTop;
  }, [measuredScrollTop]);
  // A changed count, margin or measured position moves the window at once (in this commit, before paint).
  useLayoutEffect(() => {
    updateRef.current = update;
    update();
  }, [update, measuredScrollTop]);
  useEffect(() => {
    if (!scroller) return;
    // The page's own scroller reports scrolling on the window.
    const target: HTMLElement | Window = scroller === document.scrollingElement ? window : scroller;
    const onScroll = (): void => {
      view.current.scrollTop = scroller.scrollTop;
      updateRef.current();
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      view.current.height = scroller === document.scrollingElement ? window.innerHeight : scroller.clientHeight;
      onScroll();
    });
    observer?.observe(scroller);
    if (!observer) {
      view.current.height = scroller.clientHeight;
      onScroll();
    }
    target.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      target.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scroller]);
  const reveal = useCallback(
    (index: number) => {
      if (!scroller || index < 0 || index >= count) return;
      requestAnimationFrame(() => {
        const top = scrollMargin + index * step;
        const to = scrollToShow(top, top + rowHeight, view.current.scrollTop, view.current.height);
        if (to === null) return;
        scroller.scrollTop = to;
        view.current.scrollTop = scroller.scrollTop;
        updateRef.current();
      });
    },
    [scroller, count, scrollMargin, step, rowHeight],
  );
  const rowTop = useCallback((index: number) => index * step, [step]);
  return { listRef, range, totalHeight: count ? count * step - gap : 0, rowTop, reveal };
}

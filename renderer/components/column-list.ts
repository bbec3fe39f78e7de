/**
 * A list virtualised inside the scrolling side column (the span list, the attributions):
 * only the rows near the visible part of the column are rendered. A long article has
 * thousands of spans and hundreds of claims; rendering every row again on each edit cost
 * more than the edit itself, and kept as many fibers and elements in memory.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
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

/**
 * The virtualiser of a list of `items` (keyed by id) in the side column, the ref of its `<ul>`,
 * and the list's distance from the top of the column (`scrollMargin`: subtract it from a
 * row's `start` to place the row inside the list). The column scrolls, and what is above the
 * list changes height, so that distance is read on each render.
 */
export function useColumnList<T extends { id: string }>(items: readonly T[], { rowHeight, gap, overscan, shown }: ColumnListOptions): { listRef: React.RefObject<HTMLUListElement | null>; virtualizer: Virtualizer<HTMLElement, HTMLLIElement>; scrollMargin: number } {
  const listRef = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // The panel column, or the page's own scroller when no ancestor scrolls.
  useLayoutEffect(() => setScroller(shown ? (scrollParent(listRef.current) ?? (document.scrollingElement as HTMLElement | null)) : null), [shown]);
  const list = listRef.current;
  const scrollMargin = scroller && list ? list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop : 0;
  // A key function that changes only with the list: the virtualiser recomputes every row's position when it changes.
  const getItemKey = useCallback((index: number) => items[index]!.id, [items]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the lists re-render with the store, not through memoised children
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({ count: items.length, getScrollElement: () => scroller, estimateSize: () => rowHeight, overscan, gap, scrollMargin, getItemKey });
  return { listRef, virtualizer, scrollMargin };
}

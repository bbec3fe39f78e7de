import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRows } from '../../../renderer/components/column-list';

describe('fixed-row window of a side-column list', () => {
  // Rows of 34 px with a 4 px gap: row i starts at 38 i inside the list; the list starts 200 px into the column.
  const step = 38;
  const listTop = 200;

  it('renders the rows under the viewport and `overscan` rows either side, never beyond the list', () => {
    // Viewport from 200 to 580 px: rows 0..10 (row 10 starts at 580, ceil counts it as the end).
    expect(visibleRows(10_000, step, listTop, 200, 380, 0)).toEqual({ start: 0, end: 10 });
    expect(visibleRows(10_000, step, listTop, 200, 380, 5)).toEqual({ start: 0, end: 15 });
    // Scrolled to row 1,000 (at 200 + 38,000 px).
    expect(visibleRows(10_000, step, listTop, 38_200, 380, 5)).toEqual({ start: 995, end: 1_015 });
    // Past the end, and a viewport above the list.
    expect(visibleRows(12, step, listTop, 38_200, 380, 5)).toEqual({ start: 12, end: 12 });
    expect(visibleRows(12, step, listTop, 0, 100, 2)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(0, step, listTop, 0, 1_000, 5)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls only as far as needed to show a whole row, and not at all when it shows', () => {
    // Viewport 1,000 to 1,400.
    expect(scrollToShow(1_100, 1_134, 1_000, 400)).toBeNull();
    // Above: its top comes to the top.
    expect(scrollToShow(900, 934, 1_000, 400)).toBe(900);
    // Below: its bottom comes to the bottom.
    expect(scrollToShow(1_390, 1_424, 1_000, 400)).toBe(1_024);
    // A row taller than the viewport shows its start.
    expect(scrollToShow(2_000, 2_600, 1_000, 400)).toBe(2_000);
  });
});

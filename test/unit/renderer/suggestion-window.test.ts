import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, suggestionWindow, withPageAfter, withPageBefore } from '../../../renderer/state/suggestion-window';

describe('the suggestions the panel lists', () => {
  it('lists the first page, or all when there are fewer', () => {
    expect(suggestionWindow(FIRST_PAGE, 6423, -1)).toEqual({ start: 0, end: 100 });
    expect(suggestionWindow(FIRST_PAGE, 42, -1)).toEqual({ start: 0, end: 42 });
    expect(suggestionWindow(FIRST_PAGE, 0, -1)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the window while the focused suggestion is in it', () => {
    expect(suggestionWindow(FIRST_PAGE, 6423, 0)).toEqual({ start: 0, end: 100 });
    expect(suggestionWindow(FIRST_PAGE, 6423, 99)).toEqual({ start: 0, end: 100 });
    expect(suggestionWindow({ first: 0, count: 300 }, 6423, 250)).toEqual({ start: 0, end: 300 });
  });

  it('lists the page of a focused suggestion outside the window, not everything up to it', () => {
    // , from none focused: the last of 6,423.
    expect(suggestionWindow(FIRST_PAGE, 6423, 6422)).toEqual({ start: 6400, end: 6423 });
    // . past the end of the first page.
    expect(suggestionWindow(FIRST_PAGE, 6423, 100)).toEqual({ start: 100, end: 200 });
    // , before a later window.
    expect(suggestionWindow({ first: 500, count: 100 }, 6423, 499)).toEqual({ start: 400, end: 500 });
  });

  it('moves back to the last page when the list shrank under the window', () => {
    expect(suggestionWindow({ first: 6400, count: 100 }, 6400, -1)).toEqual({ start: 6300, end: 6400 });
    expect(suggestionWindow({ first: 200, count: 200 }, 150, -1)).toEqual({ start: 100, end: 150 });
    expect(suggestionWindow({ first: 200, count: 100 }, 0, -1)).toEqual({ start: 0, end: 0 });
  });

  it('grows by a page at either end on request, from what is shown', () => {
    const shown = suggestionWindow(FIRST_PAGE, 6423, 6422);
    expect(withPageBefore(shown)).toEqual({ first: 6300, count: 123 });
    expect(suggestionWindow(withPageBefore(shown), 6423, 6422)).toEqual({ start: 6300, end: 6423 });
    const first = suggestionWindow(FIRST_PAGE, 6423, -1);
    expect(suggestionWindow(withPageAfter(first), 6423, -1)).toEqual({ start: 0, end: 200 });
    expect(withPageBefore({ start: 40, end: 140 })).toEqual({ first: 0, count: 140 });
  });

  it('lists every suggestion once each page is asked for, in order and without a gap', () => {
    let pages = FIRST_PAGE;
    const total = 1234;
    let shown = suggestionWindow(pages, total, -1);
    while (shown.end < total) {
      pages = withPageAfter(shown);
      const next = suggestionWindow(pages, total, -1);
      expect(next.start).toBe(shown.start);
      expect(next.end - shown.end).toBe(Math.min(100, total - shown.end));
      shown = next;
    }
    expect(shown).toEqual({ start: 0, end: total });
  });
});

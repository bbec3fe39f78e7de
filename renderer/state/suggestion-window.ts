/**
 * Which suggestions the panel lists. A long article has thousands of them, and listing them
 * all cost seconds, so the panel lists a window of whole pages: the first page at first, more
 * pages on request (before or after), and — when . or , focus a suggestion outside the window
 * — the page that holds it instead. Pure, so that it is tested in Node.
 */

/** Suggestions per page of the panel. */
export const SUGGESTIONS_PAGE = 100;

/** The pages the user asked for: from suggestion `first` (a page's start), `count` of them. */
export interface ListedPages {
  first: number;
  count: number;
}

/** The first page only. */
export const FIRST_PAGE: ListedPages = { first: 0, count: SUGGESTIONS_PAGE };

/** The suggestions listed, `[start, end)`, out of `total`. */
export interface SuggestionWindow {
  start: number;
  end: number;
}

/** The start of the page that holds suggestion `index`. */
function pageStart(index: number): number {
  return Math.floor(index / SUGGESTIONS_PAGE) * SUGGESTIONS_PAGE;
}

/**
 * The window listed: the pages asked for, or the page of the focused suggestion
 * (`focusedIndex`, -1 for none) when it lies outside them. A window past the end (the list
 * shrank: suggestions accepted or rejected) moves back to the last page.
 */
export function suggestionWindow(asked: ListedPages, total: number, focusedIndex: number): SuggestionWindow {
  let { first, count } = asked;
  if (focusedIndex >= 0 && focusedIndex < total && (focusedIndex < first || focusedIndex >= first + count)) {
    first = pageStart(focusedIndex);
    count = SUGGESTIONS_PAGE;
  }
  const start = Math.min(first, pageStart(Math.max(0, total - 1)));
  return { start, end: Math.min(total, start + count) };
}

/** The pages after "Show more" below `shown`: one page more at the end. */
export function withPageAfter(shown: SuggestionWindow): ListedPages {
  return { first: shown.start, count: shown.end - shown.start + SUGGESTIONS_PAGE };
}

/** The pages after "Show earlier" above `shown`: one page more at the start. */
export function withPageBefore(shown: SuggestionWindow): ListedPages {
  const first = Math.max(0, shown.start - SUGGESTIONS_PAGE);
  return { first, count: shown.end - first };
}

/**
 * Stepping through the search matches of the open article from the caret (F3 / Shift+F3,
 * Enter in the search box): which match comes next or before, wrapping around the article
 * as a browser's find does. Pure, over matches in reading order (as the search finds them).
 */
import { lowerBound } from '../model/span-index';
import type { TextMatch } from './search';

/** A selection in the article as logical offsets (collapsed: the caret). */
export interface SelectionOffsets {
  anchor: number;
  focus: number;
}

/** The match a step lands on, and whether it went round the end (or the start) of the article. */
export interface MatchStep {
  index: number;
  wrapped: boolean;
}

/** The first index of `matches` whose start is not before `offset` (`strictly`: after it). */
function firstStartingFrom(matches: readonly TextMatch[], offset: number, strictly: boolean): number {
  return lowerBound(matches, (match) => match.start < offset || (strictly && match.start === offset));
}

/**
 * The match after (`1`) or before (`-1`) the selection, in reading order; null when there
 * are none. Forward from a caret, a match starting at the caret is next; from a selection,
 * the first match starting after the selection's start, so a selected match (as a step
 * leaves it) steps on to the one after it. Backward, the last match starting before the
 * selection's start. No selection: the first or the last match. Past either end, the step
 * wraps around.
 */
export function matchStep(matches: readonly TextMatch[], selection: SelectionOffsets | null, direction: 1 | -1): MatchStep | null {
  if (!matches.length) return null;
  if (!selection) return { index: direction === 1 ? 0 : matches.length - 1, wrapped: false };
  const start = Math.min(selection.anchor, selection.focus);
  const collapsed = selection.anchor === selection.focus;
  if (direction === 1) {
    const index = firstStartingFrom(matches, start, !collapsed);
    return index < matches.length ? { index, wrapped: false } : { index: 0, wrapped: true };
  }
  const index = firstStartingFrom(matches, start, false) - 1;
  return index >= 0 ? { index, wrapped: false } : { index: matches.length - 1, wrapped: true };
}

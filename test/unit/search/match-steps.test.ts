import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStep } from '../../../shared/search/match-steps';
import { findInText } from '../../../shared/search/search';

const text = 'قالت وكالة نوفوستي إن الوفد وصل. ونقلت نوفوستي عن مصدر أن نوفوستي';
const matches = findInText(text, 'نوفوستي');
const caret = (offset: number) => ({ anchor: offset, focus: offset });
const select = (index: number) => ({ anchor: matches[index]!.start, focus: matches[index]!.end });

describe('stepping through the matches of the open article', () => {
  it('finds three matches to step through', () => {
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['نوفوستي', 'نوفوستي', 'نوفوستي']);
  });

  it('goes from the caret to the next match, a match at the caret included, then wraps to the first', () => {
    expect(matchStep(matches, caret(0), 1)).toEqual({ index: 0, wrapped: false });
    expect(matchStep(matches, caret(matches[1]!.start), 1)).toEqual({ index: 1, wrapped: false });
    expect(matchStep(matches, caret(matches[1]!.start + 1), 1)).toEqual({ index: 2, wrapped: false });
    expect(matchStep(matches, caret(text.length), 1)).toEqual({ index: 0, wrapped: true });
  });

  it('steps from a selected match to the one after it, and back to the one before it', () => {
    expect(matchStep(matches, select(0), 1)).toEqual({ index: 1, wrapped: false });
    expect(matchStep(matches, select(1), -1)).toEqual({ index: 0, wrapped: false });
    expect(matchStep(matches, select(2), 1)).toEqual({ index: 0, wrapped: true });
    expect(matchStep(matches, select(0), -1)).toEqual({ index: 2, wrapped: true });
    // A backward selection (focus before anchor) is the same match.
    expect(matchStep(matches, { anchor: matches[1]!.end, focus: matches[1]!.start }, 1)).toEqual({ index: 2, wrapped: false });
  });

  it('goes back from a caret inside a match to that match', () => {
    expect(matchStep(matches, caret(matches[2]!.start + 2), -1)).toEqual({ index: 2, wrapped: false });
    expect(matchStep(matches, caret(matches[2]!.start), -1)).toEqual({ index: 1, wrapped: false });
  });

  it('starts at the first or the last match without a caret, and has nothing to step to without matches', () => {
    expect(matchStep(matches, null, 1)).toEqual({ index: 0, wrapped: false });
    expect(matchStep(matches, null, -1)).toEqual({ index: 2, wrapped: false });
    expect(matchStep([], caret(3), 1)).toBeNull();
    expect(matchStep([], null, -1)).toBeNull();
  });

  it('agrees with a scan of every match, forward and backward, from any selection', () => {
    const sortedMatches = fc
      .uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 30 })
      .map((starts) => starts.sort((a, b) => a - b).map((start, k, all) => ({ start, end: Math.min(start + 3, all[k + 1] ?? start + 3) })).filter((m) => m.end > m.start));
    fc.assert(
      fc.property(sortedMatches, fc.integer({ min: 0, max: 210 }), fc.integer({ min: 0, max: 210 }), fc.constantFrom<1 | -1>(1, -1), (list, anchor, focus, direction) => {
        const start = Math.min(anchor, focus);
        const collapsed = anchor === focus;
        let expected: number;
        if (direction === 1) {
          expected = list.findIndex((m) => (collapsed ? m.start >= start : m.start > start));
          const step = matchStep(list, { anchor, focus }, 1);
          if (!list.length) return step === null;
          return expected >= 0 ? step!.index === expected && !step!.wrapped : step!.index === 0 && step!.wrapped;
        }
        expected = list.findLastIndex((m) => m.start < start);
        const step = matchStep(list, { anchor, focus }, -1);
        if (!list.length) return step === null;
        return expected >= 0 ? step!.index === expected && !step!.wrapped : step!.index === list.length - 1 && step!.wrapped;
      }),
    );
  });
});

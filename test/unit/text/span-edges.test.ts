import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../../shared/text/chars';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { resizeRange, snapEdge, type EdgeChange, type EdgeUnit, type SpanEdge } from '../../../shared/text/span-edges';
import type { SnapMode } from '../../../shared/text/snapSelection';

const TEXT = 'أعلنت وزارة الخارجية الروسية، اليوم، أن وكالة قاسيون (Qasioun) نقلت عن 12 مصدراً.';

function rangeOf(quote: string, text = TEXT): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`${quote} not in text`);
  return { start, end: start + quote.length };
}

function resized(quote: string, edge: SpanEdge, change: EdgeChange, unit: EdgeUnit, text = TEXT): string | null {
  const r = resizeRange(text, rangeOf(quote, text), edge, change, unit);
  return r && text.slice(r.start, r.end);
}

describe('resizing a span by word', () => {
  it('grows the end to the next word and the start to the previous word, punctuation between going along', () => {
    expect(resized('وكالة', 'end', 'grow', 'word')).toBe('وكالة قاسيون');
    expect(resized('وكالة قاسيون', 'end', 'grow', 'word')).toBe('وكالة قاسيون (Qasioun');
    expect(resized('اليوم', 'start', 'grow', 'word')).toBe('الروسية، اليوم');
    expect(resized('وزارة', 'start', 'grow', 'word')).toBe('أعلنت وزارة');
  });

  it('shrinks the end to the previous word’s end and the start to the next word’s start', () => {
    expect(resized('وزارة الخارجية الروسية', 'end', 'shrink', 'word')).toBe('وزارة الخارجية');
    expect(resized('وزارة الخارجية الروسية', 'start', 'shrink', 'word')).toBe('الخارجية الروسية');
    expect(resized('قاسيون (Qasioun)', 'end', 'shrink', 'word')).toBe('قاسيون');
    expect(resized('12 مصدراً', 'start', 'shrink', 'word')).toBe('مصدراً');
  });

  it('refuses to shrink a one-word span to nothing or to grow past the text’s edges', () => {
    expect(resized('وزارة', 'end', 'shrink', 'word')).toBeNull();
    expect(resized('وزارة', 'start', 'shrink', 'word')).toBeNull();
    expect(resized('أعلنت', 'start', 'grow', 'word')).toBeNull();
    expect(resizeRange(TEXT, { start: TEXT.length - 7, end: TEXT.length }, 'end', 'grow', 'word')).toBeNull();
  });
});

describe('resizing a span by character', () => {
  it('takes or gives one grapheme cluster, never resting an edge beside a space', () => {
    expect(resized('وكالة', 'end', 'grow', 'grapheme')).toBe('وكالة ق');
    expect(resized('وكالة ق', 'end', 'shrink', 'grapheme')).toBe('وكالة');
    expect(resized('وكالة', 'start', 'grow', 'grapheme')).toBe('ن وكالة');
    expect(resized('وزارة', 'start', 'shrink', 'grapheme')).toBe('زارة');
  });

  it('keeps harakat with their letter and lam-alef whole', () => {
    const text = 'وأكَّدَ السلام';
    expect(resized('وأ', 'end', 'grow', 'grapheme', text)).toBe('وأكَّ');
    expect(resized('وأكَّدَ', 'end', 'shrink', 'grapheme', text)).toBe('وأكَّ');
    expect(resized('الس', 'end', 'grow', 'grapheme', text)).toBe('السلا');
    expect(resized('سلام', 'start', 'shrink', 'grapheme', text)).toBe('لام');
    expect(resized('لام', 'start', 'shrink', 'grapheme', text)).toBe('م');
  });

  it('refuses to shrink a single cluster away', () => {
    expect(resized('كَّ', 'end', 'shrink', 'grapheme', 'أكَّد')).toBeNull();
  });

  it('always gives grapheme boundaries and a non-empty span without blank edges', () => {
    const alphabet = ['ا', 'ل', 'أ', 'و', 'ب', 'َ', 'ّ', ' ', '.', '،', 'A', '4', '👍', '🏽', '\n'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }).map((cs) => cs.join('')),
        fc.nat(),
        fc.nat(),
        fc.constantFrom<SpanEdge>('start', 'end'),
        fc.constantFrom<EdgeChange>('grow', 'shrink'),
        fc.constantFrom<EdgeUnit>('word', 'grapheme'),
        (text, a, b, edge, change, unit) => {
          const boundaries = [...Array(text.length + 1).keys()].filter((o) => isGraphemeBoundary(text, o));
          const x = boundaries[a % boundaries.length]!;
          const y = boundaries[b % boundaries.length]!;
          if (x === y) return;
          const r = resizeRange(text, { start: Math.min(x, y), end: Math.max(x, y) }, edge, change, unit);
          if (!r) return;
          expect(r.start).toBeLessThan(r.end);
          expect(isGraphemeBoundary(text, r.start) && isGraphemeBoundary(text, r.end)).toBe(true);
          expect(isBlank(text.slice(r.start, r.end))).toBe(false);
          const moved = edge === 'start' ? r.start : r.end;
          const before = edge === 'start' ? Math.min(x, y) : Math.max(x, y);
          const outward = edge === 'start' ? moved < before : moved > before;
          expect(outward).toBe(change === 'grow');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('snapping a dragged edge', () => {
  const text = 'قال إن والمعارضة وافقت';
  const inWord = text.indexOf('معارضة') + 2;

  it('for a start edge: back to a clitic boundary (clitic-aware), the word start (whole words) or the cluster', () => {
    const modes: Array<[SnapMode, string]> = [
      ['word', 'معارضة وافقت'],
      ['strict-word', 'والمعارضة وافقت'],
      ['grapheme', 'ارضة وافقت'],
    ];
    for (const [mode, expected] of modes) expect(text.slice(snapEdge(text, inWord, 'start', mode))).toBe(expected);
  });

  it('for an end edge: forward to the word end, or back to the previous word’s end from a space', () => {
    expect(text.slice(0, snapEdge(text, inWord, 'end', 'word'))).toBe('قال إن والمعارضة');
    expect(text.slice(0, snapEdge(text, text.indexOf(' وافقت') + 1, 'end', 'word'))).toBe('قال إن والمعارضة');
    expect(text.slice(0, snapEdge(text, text.indexOf(' وافقت') + 1, 'end', 'grapheme'))).toBe('قال إن والمعارضة');
    expect(text.slice(snapEdge(text, text.indexOf(' وافقت'), 'start', 'word'))).toBe('وافقت');
  });

  it('never splits a letter from its harakat', () => {
    const marked = 'وأكَّدَ';
    expect(snapEdge(marked, 3, 'end', 'grapheme')).toBe(5);
    expect(snapEdge(marked, 3, 'start', 'grapheme')).toBe(2);
  });
});

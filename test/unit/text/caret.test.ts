import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrowDirection,
  directionAt,
  moveCaret,
  moveSelection,
  moveSelectionByArrow,
  nextCliticEdge,
  nextParagraphEdge,
  type CaretUnit,
  type LogicalDirection,
  type TextSelection,
} from '../../../shared/text/caret';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';

// Our own paragraphs: Arabic with a Latin name, both digit systems and harakat; then English.
const AR = 'قال المتحدث جان مارتان (Jean Martin) إن 4.1 مليون شخص و٢٠٠ ألف طفل يحتاجون المساعدة. وأكَّدَ أن الأمم المتحدة ستواصل عملها.';
const EN = 'Summary: the spokesman Jean Martin said 4.1 million people need aid.';
const TEXT = `${AR}\n${EN}\n`;

/** Every stop of repeated caret steps from `from`, as the text between consecutive stops. */
function pieces(text: string, from: number, unit: CaretUnit, direction: LogicalDirection, count: number): string[] {
  const out: string[] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    const next = moveCaret(text, at, unit, direction);
    out.push(direction === 'forward' ? text.slice(at, next) : text.slice(next, at));
    at = next;
  }
  return out;
}

/** Presses an arrow `count` times from `selection` and returns the selected (or passed) text. */
function press(text: string, selection: TextSelection, arrow: 'left' | 'right' | 'up' | 'down', unit: CaretUnit, extend: boolean, count = 1): TextSelection {
  let current = selection;
  for (let i = 0; i < count; i++) current = moveSelectionByArrow(text, current, arrow, unit, extend);
  return current;
}

function selected(text: string, s: TextSelection): string {
  return text.slice(Math.min(s.anchor, s.focus), Math.max(s.anchor, s.focus));
}

const caret = (offset: number): TextSelection => ({ anchor: offset, focus: offset });

describe('arrows in reading order', () => {
  it('mirrors left and right by the paragraph’s direction; up and down are never mirrored', () => {
    expect(arrowDirection('left', 'rtl')).toBe('forward');
    expect(arrowDirection('right', 'rtl')).toBe('backward');
    expect(arrowDirection('right', 'ltr')).toBe('forward');
    expect(arrowDirection('left', 'ltr')).toBe('backward');
    for (const dir of ['rtl', 'ltr'] as const) {
      expect(arrowDirection('down', dir)).toBe('forward');
      expect(arrowDirection('up', dir)).toBe('backward');
    }
  });

  it('takes the direction from the paragraph holding the caret, not from the word under it', () => {
    expect(directionAt(TEXT, TEXT.indexOf('Jean'))).toBe('rtl');
    expect(directionAt(TEXT, TEXT.indexOf('Summary') + 3)).toBe('ltr');
    expect(directionAt(TEXT, AR.length)).toBe('rtl'); // the end of the Arabic line
    expect(directionAt(TEXT, AR.length + 1)).toBe('ltr'); // the start of the English line
  });

  it('in an Arabic paragraph, Shift+Left selects forward word by word, Shift+Right gives words back', () => {
    const start = caret(0);
    expect(selected(TEXT, press(TEXT, start, 'left', 'word', true, 2))).toBe('قال المتحدث');
    const four = press(TEXT, start, 'left', 'word', true, 4);
    expect(selected(TEXT, four)).toBe('قال المتحدث جان مارتان');
    expect(selected(TEXT, press(TEXT, four, 'right', 'word', true, 1))).toBe('قال المتحدث جان ');
  });

  it('in an English paragraph, Shift+Right selects forward', () => {
    const start = caret(TEXT.indexOf('Summary'));
    expect(selected(TEXT, press(TEXT, start, 'right', 'word', true, 2))).toBe('Summary: the');
    expect(press(TEXT, start, 'left', 'word', false).focus).toBe(TEXT.indexOf('عملها'));
  });

  it('steps over a Latin name in parentheses and both kinds of digits as words, logically', () => {
    const from = TEXT.indexOf('مارتان') + 'مارتان'.length;
    expect(pieces(TEXT, from, 'word', 'forward', 6)).toEqual([' (Jean', ' Martin', ') إن', ' 4.1', ' مليون', ' شخص']);
    const digits = TEXT.indexOf('و٢٠٠');
    expect(pieces(TEXT, digits, 'word', 'forward', 2)).toEqual(['و٢٠٠', ' ألف']);
  });

  it('moving with a selection collapses it to the edge on that side first', () => {
    const s = { anchor: 4, focus: 11 };
    expect(moveSelection(TEXT, s, 'word', 'forward', false)).toEqual(caret(11));
    expect(moveSelection(TEXT, s, 'word', 'backward', false)).toEqual(caret(4));
    expect(moveSelection(TEXT, caret(0), 'word', 'backward', false)).toEqual(caret(0));
  });
});

describe('grapheme clusters', () => {
  it('keeps harakat with their letter', () => {
    const word = 'وأكَّدَ';
    expect(pieces(word, 0, 'grapheme', 'forward', 4)).toEqual(['و', 'أ', 'كَّ', 'دَ']);
    expect(pieces(word, word.length, 'grapheme', 'backward', 4)).toEqual(['دَ', 'كَّ', 'أ', 'و']);
  });

  it('never splits the lam-alef ligature', () => {
    expect(pieces('الأمم', 0, 'grapheme', 'forward', 4)).toEqual(['ا', 'لأ', 'م', 'م']);
    expect(pieces('سلام', 4, 'grapheme', 'backward', 3)).toEqual(['م', 'لا', 'س']);
  });

  it('moves over an emoji with a skin tone, a ZWJ family and a flag in one step each', () => {
    const text = 'شكراً 👍🏽 👨‍👩‍👧 🇸🇾!';
    const from = text.indexOf('👍');
    expect(pieces(text, from, 'grapheme', 'forward', 6)).toEqual(['👍🏽', ' ', '👨‍👩‍👧', ' ', '🇸🇾', '!']);
  });

  it('Shift+Alt-style extension by cluster in an Arabic paragraph selects right to left', () => {
    const text = 'وأكَّدَ الوزير';
    expect(selected(text, press(text, caret(0), 'left', 'grapheme', true, 3))).toBe('وأكَّ');
  });
});

describe('clitic boundaries', () => {
  it('stops after و and after ال inside a word, then at its end', () => {
    const text = 'قال والمعارضة بالصواريخ';
    const w = text.indexOf('والمعارضة');
    expect(pieces(text, w, 'clitic', 'forward', 3)).toEqual(['و', 'ال', 'معارضة']);
    const b = text.indexOf('بالصواريخ');
    // Word starts are stops too, so the caret can go to the start of the next word.
    expect(pieces(text, w + 'والمعارضة'.length, 'clitic', 'forward', 5)).toEqual([' ', 'ب', 'ال', 'صواريخ', '']);
    expect(pieces(text, text.length, 'clitic', 'backward', 4)).toEqual(['صواريخ', 'ال', 'ب', ' ']);
    expect(nextCliticEdge(text, b, 'backward')).toBe(w + 'والمعارضة'.length);
  });

  it('does not stop inside a lam-alef ligature (للأمم) and keeps harakat on the clitic', () => {
    const text = 'للأمم وَالمدينة';
    expect(pieces(text, 0, 'clitic', 'forward', 1)).toEqual(['للأمم']);
    const w = text.indexOf('وَالمدينة');
    expect(pieces(text, w, 'clitic', 'forward', 3)).toEqual(['وَ', 'ال', 'مدينة']);
  });

  it('treats a word without clitics (and Latin words, digits) as one step', () => {
    const text = 'روسيا Reuters ٢٠١٩';
    expect(pieces(text, 0, 'clitic', 'forward', 5)).toEqual(['روسيا', ' ', 'Reuters', ' ', '٢٠١٩']);
  });
});

describe('sentences and paragraphs', () => {
  it('moves by sentence with ↓ and ↑ in any paragraph', () => {
    const end = press(TEXT, caret(0), 'down', 'sentence', true);
    expect(selected(TEXT, end)).toBe('قال المتحدث جان مارتان (Jean Martin) إن 4.1 مليون شخص و٢٠٠ ألف طفل يحتاجون المساعدة.');
    const collapsed = press(TEXT, end, 'down', 'sentence', false);
    expect(collapsed).toEqual(caret(end.focus));
    const second = press(TEXT, collapsed, 'down', 'sentence', false);
    expect(TEXT.slice(0, second.focus)).toBe(AR);
    expect(press(TEXT, second, 'up', 'sentence', false).focus).toBe(TEXT.indexOf('وأكَّدَ'));
  });

  it('moves by clause at the Arabic comma as well', () => {
    const text = 'أعلنت الوزارة، اليوم الأربعاء، أن الوفد سيعود.';
    expect(pieces(text, 0, 'clause', 'forward', 3)).toEqual(['أعلنت الوزارة،', ' اليوم الأربعاء،', ' أن الوفد سيعود.']);
    expect(pieces(text, 0, 'sentence', 'forward', 1)).toEqual([text]);
    const from = text.indexOf('الوفد');
    expect(text.slice(moveCaret(text, from, 'clause', 'backward'), from)).toBe('أن ');
  });

  it('moves to paragraph ends and starts, skipping blank lines', () => {
    const text = 'الفقرة الأولى\n\n  \nSecond paragraph\nالثالثة';
    expect(nextParagraphEdge(text, 3, 'forward')).toBe('الفقرة الأولى'.length);
    expect(nextParagraphEdge(text, 'الفقرة الأولى'.length, 'forward')).toBe(text.indexOf('\nالثالثة'));
    expect(nextParagraphEdge(text, text.length, 'backward')).toBe(text.indexOf('الثالثة'));
    expect(nextParagraphEdge(text, text.indexOf('الثالثة'), 'backward')).toBe(text.indexOf('Second'));
    expect(nextParagraphEdge(text, text.indexOf('Second'), 'backward')).toBe(0);
    expect(nextParagraphEdge(text, text.indexOf('الثالثة'), 'forward')).toBe(text.length);
  });
});

describe('every move', () => {
  const units: CaretUnit[] = ['grapheme', 'clitic', 'word', 'clause', 'sentence', 'paragraph'];
  const alphabet = ['ا', 'ل', 'أ', 'و', 'ب', 'َ', 'ّ', ' ', '.', '؟', '،', '\n', 'A', '4', '٤', '👍', '🏽', '\u200d', '(', '»'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));

  it('lands on a grapheme boundary, moves strictly in its direction unless at the edge, and stays in the text', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.constantFrom(...units), fc.constantFrom<LogicalDirection>('forward', 'backward'), (t, n, unit, direction) => {
        const from = [...Array(t.length + 1).keys()].filter((o) => isGraphemeBoundary(t, o))[n % (t.length + 1)] ?? 0;
        const next = moveCaret(t, from, unit, direction);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThanOrEqual(t.length);
        expect(isGraphemeBoundary(t, next)).toBe(true);
        if (direction === 'forward') expect(next > from || from === t.length || next === t.length).toBe(true);
        else expect(next < from || from === 0 || next === 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

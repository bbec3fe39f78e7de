import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseRepeatedParagraphs, findRepeatedParagraphs, MIN_REPEATED_PARAGRAPH_LENGTH } from '../../../shared/text/repeats';
import { splitParagraphs } from '../../../shared/text/paragraphs';

// Our own sentences (never copied from real articles).
const P1 = 'قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا في العاصمة.';
const P2 = 'وأضاف أن الوفدين سيناقشان ملفات التعاون الاقتصادي والتجاري.';
const P3 = 'ولم يصدر أي تعليق رسمي من الجانب الآخر حتى الآن.';

describe('findRepeatedParagraphs', () => {
  it('finds every repeated paragraph with all its occurrences, by first occurrence', () => {
    const text = [P1, P2, P3, P2, P1, P2].join('\n');
    expect(findRepeatedParagraphs(text)).toEqual([
      { text: P1, occurrences: [0, 4] },
      { text: P2, occurrences: [1, 3, 5] },
    ]);
  });

  it('compares normalised text: harakat, hamza forms and spacing do not matter', () => {
    const variant = 'قالَ المتحدثُ باسم الوزارة  ان الاجتماع سيعقد غداً في العاصمة.';
    const text = `${P1}\n${P3}\n${variant}`;
    expect(findRepeatedParagraphs(text)).toEqual([{ text: P1, occurrences: [0, 2] }]);
  });

  it('counts paragraph indices over non-blank lines', () => {
    const text = `${P1}\n\n\n${P2}\n \n${P1}\n`;
    expect(findRepeatedParagraphs(text)).toEqual([{ text: P1, occurrences: [0, 2] }]);
  });

  it('ignores short repeated lines such as "اقرأ أيضا"', () => {
    expect('اقرا ايضا'.length).toBeLessThan(MIN_REPEATED_PARAGRAPH_LENGTH);
    const text = `اقرأ أيضا\n${P1}\nاقرأ أيضا\n${P2}`;
    expect(findRepeatedParagraphs(text)).toEqual([]);
  });

  it('finds nothing in an article without repeats', () => {
    expect(findRepeatedParagraphs([P1, P2, P3].join('\n'))).toEqual([]);
    expect(findRepeatedParagraphs('')).toEqual([]);
  });
});

describe('collapseRepeatedParagraphs', () => {
  it('keeps the first occurrence and removes later ones with their line break', () => {
    const text = `${[P1, P2, P3, P1, P2].join('\n')}\n`;
    expect(collapseRepeatedParagraphs(text)).toEqual({ text: `${[P1, P2, P3].join('\n')}\n`, removed: 2, kept: 3 });
  });

  it('handles a last paragraph without a final line break', () => {
    const text = [P1, P2, P1, P2].join('\n');
    expect(collapseRepeatedParagraphs(text)).toEqual({ text: `${P1}\n${P2}`, removed: 2, kept: 2 });
  });

  it('removes the blank lines that separated a removed paragraph', () => {
    const text = [P1, P2, P1, P3].join('\n\n');
    expect(collapseRepeatedParagraphs(text).text).toBe([P1, P2, P3].join('\n\n'));
  });

  it('keeps CRLF lines byte for byte', () => {
    const text = `${P1}\r\n${P2}\r\n${P1}\r\n${P3}\r\n`;
    expect(collapseRepeatedParagraphs(text).text).toBe(`${P1}\r\n${P2}\r\n${P3}\r\n`);
  });

  it('returns the same string when nothing repeats', () => {
    const text = `${P1}\n${P2}`;
    const result = collapseRepeatedParagraphs(text);
    expect(result.text).toBe(text);
    expect(result).toEqual({ text, removed: 0, kept: 2 });
  });

  it('leaves no repeats, keeps first occurrences byte-identical, and is idempotent (property)', () => {
    const lineArb = fc.constantFrom(P1, P2, P3, `${P1} `, 'قالَ المتحدثُ باسم الوزارة إن الاجتماع سيعقد غداً في العاصمة.', 'اقرأ أيضا', '', ' ');
    const separatorArb = fc.constantFrom('\n', '\n\n', '\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(lineArb, separatorArb), { maxLength: 12 }), fc.boolean(), (parts, trailing) => {
        let text = parts.map(([line, sep]) => line + sep).join('');
        if (!trailing && parts.length > 0) text = text.slice(0, -parts.at(-1)![1].length);
        const before = splitParagraphs(text).map((p) => text.slice(p.start, p.end));
        const result = collapseRepeatedParagraphs(text);
        const after = splitParagraphs(result.text).map((p) => result.text.slice(p.start, p.end));
        expect(findRepeatedParagraphs(result.text)).toEqual([]);
        expect(result.kept).toBe(after.length);
        expect(result.removed).toBe(before.length - after.length);
        // The kept paragraphs are the original lines, in order, minus the later copies.
        const dropped = new Set(findRepeatedParagraphs(text).flatMap((r) => r.occurrences.slice(1)));
        expect(after).toEqual(before.filter((_, i) => !dropped.has(i)));
        expect(collapseRepeatedParagraphs(result.text).text).toBe(result.text);
        if (text.endsWith('\n') && after.length > 0) expect(result.text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

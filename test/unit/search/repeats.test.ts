import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseRepeatedParagraphs, findRepeatedParagraphs, MIN_REPEATED_PARAGRAPH_LENGTH } from '../../../shared/text/repeats';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { normaliseQuery } from '../../../shared/text/normalise';
import { arabicTextArb } from './arbitraries';

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

/** The straightforward reading of the rules: every paragraph normalised and compared, nothing skipped. */
function straightforwardRepeats(text: string): Array<{ text: string; occurrences: number[] }> {
  const byKey = new Map<string, { text: string; occurrences: number[] }>();
  for (const p of splitParagraphs(text)) {
    const line = text.slice(p.start, p.end);
    const key = normaliseQuery(line).replace(/\s+/gu, ' ').trim();
    if (key.length < MIN_REPEATED_PARAGRAPH_LENGTH) continue;
    const seen = byKey.get(key);
    if (seen) seen.occurrences.push(p.index);
    else byKey.set(key, { text: line, occurrences: [p.index] });
  }
  return [...byKey.values()].filter((r) => r.occurrences.length > 1);
}

describe('repeated paragraphs, found the quick way', () => {
  it('are exactly those of comparing every normalised paragraph (property)', () => {
    // Lines that repeat with and without harakat, tatweel, hamza forms, Arabic-Indic digits,
    // spacing and invisible characters; blank and near-blank lines; short lines; random text;
    // separated by LF, CRLF, lone CR or blank lines.
    const variants = [P1, P2, P3, `${P1} `, ` ${P1}`, 'قالَ المتحدثُ باسم الوزارة  ان الاجتماع سيعقد غداً في العاصمة.', 'قال المتحدث باسم الوزارة إن الاجتمـــاع سيعقد غدا في العاصمة.'];
    const numbered = ['بلغ عدد الزوار 2019 زائرا في المعرض هذا العام', 'بلغ عدد الزوار ٢٠١٩ زائرا في المعرض هذا العام', 'بلغ عدد الزوار ۲۰۱۹ زائرا في المعرض هذا العام'];
    const blanks = ['', ' ', '\t', '\u00A0', '\u200F', '\u200B\u00AD', 'اقرأ أيضا', 'اقرا ايضا'];
    const lineArb = fc.oneof(fc.constantFrom(...variants, ...numbered, ...blanks), arabicTextArb, arabicTextArb.map((t) => `${P2} ${t}`));
    const separatorArb = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', '\n \n');
    fc.assert(
      fc.property(fc.array(fc.tuple(lineArb, separatorArb), { maxLength: 14 }), fc.boolean(), (parts, trailing) => {
        let text = parts.map(([line, sep]) => line + sep).join('');
        if (!trailing && parts.length > 0) text = text.slice(0, -parts.at(-1)![1].length);
        const expected = straightforwardRepeats(text);
        expect(findRepeatedParagraphs(text)).toEqual(expected);
        expect(collapseRepeatedParagraphs(text).removed).toBe(expected.reduce((n, r) => n + r.occurrences.length - 1, 0));
      }),
      { numRuns: 1000 },
    );
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseDirection, hasRightToLeftText, paragraphRanges, splitParagraphs } from '../../../shared/text/paragraphs';
import { isBlank } from '../../../shared/text/chars';

describe('splitParagraphs', () => {
  const text = 'عنوان الخبر\n\nالفقرة الأولى من النص.\n   \t\nThe second paragraph is English.\n«نقلت» الوكالة الخبر\n2019 كان عاماً صعباً\n';

  it('splits at line breaks, skips blank and whitespace-only lines, and excludes the \\n', () => {
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'عنوان الخبر',
      'الفقرة الأولى من النص.',
      'The second paragraph is English.',
      '«نقلت» الوكالة الخبر',
      '2019 كان عاماً صعباً',
    ]);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(paragraphs[0]).toEqual({ index: 0, start: 0, end: 11, dir: 'rtl' });
  });

  it('gives each paragraph its direction: Arabic rtl, English ltr, digits or quotes then Arabic rtl', () => {
    expect(splitParagraphs(text).map((p) => p.dir)).toEqual(['rtl', 'rtl', 'ltr', 'rtl', 'rtl']);
  });

  it('keeps leading and trailing spaces inside the paragraph range (text is never trimmed)', () => {
    const t = '  سطر بمسافات  \nآخر';
    expect(splitParagraphs(t).map((p) => [p.start, p.end])).toEqual([
      [0, 15],
      [16, 19],
    ]);
  });

  it('handles a text without a final newline, an empty text and blank-only texts', () => {
    expect(splitParagraphs('سطر واحد')).toEqual([{ index: 0, start: 0, end: 8, dir: 'rtl' }]);
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\n\n  \n\u00A0\u200F\n')).toEqual([]);
  });

  it('also ends lines at a stray \\r\\n or \\r', () => {
    const t = 'أ\r\nب\rج';
    expect(splitParagraphs(t).map((p) => t.slice(p.start, p.end))).toEqual(['أ', 'ب', 'ج']);
  });

  it('uses the fallback for paragraphs without a strong character', () => {
    expect(splitParagraphs('2019 - 14%').map((p) => p.dir)).toEqual(['rtl']);
    expect(splitParagraphs('2019 - 14%', 'ltr').map((p) => p.dir)).toEqual(['ltr']);
  });
});

describe('paragraphRanges', () => {
  /** The rule as words say it: lines split at \r\n, \r or \n; the lines that are not blank. */
  function byRule(text: string): Array<{ index: number; start: number; end: number }> {
    const out: Array<{ index: number; start: number; end: number }> = [];
    let start = 0;
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (!isBlank(line)) out.push({ index: out.length, start, end: start + line.length });
      start += line.length + (text.startsWith('\r\n', start + line.length) ? 2 : 1);
    }
    return out;
  }

  it('finds in one pass the non-blank lines, whatever the line breaks, blanks and format characters', () => {
    const pieces = ['قال', ' ', '\t', '\u00A0', '\u200F', '\u200B', '\uFEFF', '\u2028', '\n', '\r', '\r\n', 'A', '٣', '😀', '\uD800', '\u0651', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(paragraphRanges(text)).toEqual(byRule(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('baseDirection', () => {
  it.each([
    ['قال الوزير', 'rtl'],
    ['Reuters reported', 'ltr'],
    ['14 آذار', 'rtl'],
    ['٢٠١٩ عام', 'rtl'],
    ['"قال" Reuters', 'rtl'],
    ['«الأسد» said', 'rtl'],
    ['(Reuters) قالت', 'ltr'],
    ['2019: A year', 'ltr'],
    ['שלום עולם', 'rtl'],
    ['ܫܠܡܐ', 'rtl'],
    ['ދިވެހި', 'rtl'],
    ['\uFEFB\uFE8D', 'rtl'], // Arabic presentation forms
    ['Привет', 'ltr'],
    ['\u2066English\u2069 عربي', 'rtl'], // isolates are skipped
    ['\u2067عربي\u2069 English', 'ltr'],
    ['\u200Eعربي', 'ltr'], // LRM is strong
    ['\u200Fabc', 'rtl'], // RLM is strong
    ['ً ـ ؟', 'rtl'], // Arabic question mark (bidi AL) after a mark and tatweel
  ] as const)('%s → %s', (text, dir) => {
    expect(baseDirection(text)).toBe(dir);
  });

  it('falls back when there is no strong character', () => {
    expect(baseDirection('')).toBe('rtl');
    expect(baseDirection('123 - 456')).toBe('rtl');
    expect(baseDirection('123 - 456', 'ltr')).toBe('ltr');
    expect(baseDirection('\u2066abc\u2069 12', 'ltr')).toBe('ltr');
  });
});

describe('hasRightToLeftText', () => {
  it('finds right-to-left letters and marks outside isolates, not punctuation or digits', () => {
    expect(hasRightToLeftText('مقال.txt')).toBe(true);
    expect(hasRightToLeftText('Reuters (رويترز)')).toBe(true);
    expect(hasRightToLeftText('report؟')).toBe(true);
    expect(hasRightToLeftText('x\u200F')).toBe(true);
    // The middle dot's script extensions include Arabic; it is no letter.
    expect(hasRightToLeftText('Plain text, UTF-8 · 2 repeated paragraphs removed')).toBe(false);
    expect(hasRightToLeftText('١٤٤٥ 2024 (35)')).toBe(false);
    expect(hasRightToLeftText('file “\u2068خبر\u2069”')).toBe(false);
    expect(hasRightToLeftText('')).toBe(false);
  });
});

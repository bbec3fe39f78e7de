import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInText, prepareQuery, searchDocuments, type TextMatch } from '../../../shared/search/search';
import { normaliseForSearch, normaliseQuery } from '../../../shared/text/normalise';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { arabicTextArb, simpleTextArb } from './arbitraries';

/** The original slices of the matches. */
function found(text: string, query: string, options?: Parameters<typeof findInText>[2]): string[] {
  return findInText(text, query, options).map((m) => text.slice(m.start, m.end));
}

describe('findInText', () => {
  it('finds words whatever their harakat and hamza', () => {
    const text = 'أعلنَ الوزير ثم أعلن المتحدث';
    expect(found(text, 'اعلن')).toEqual(['أعلنَ', 'أعلن']);
    expect(found(text, 'أعلنَ')).toEqual(['أعلنَ', 'أعلن']);
  });

  it('finds الأمم with الامم', () => {
    expect(found('الجمعية العامة للأمم المتحدة والأمم', 'الامم')).toEqual(['الأمم']);
    expect(found('الجمعية العامة للأمم المتحدة والأمم', 'الامم').length).toBe(1);
    expect(found('قالت الأمم المتحدة', 'الامم')).toEqual(['الأمم']);
  });

  it('treats alef maqsura and yeh alike, both ways', () => {
    expect(found('قال مصطفي', 'مصطفى')).toEqual(['مصطفي']);
    expect(found('قال مصطفى', 'مصطفي')).toEqual(['مصطفى']);
  });

  it('folds teh marbuta only with the option', () => {
    expect(found('مدرسة البلدة', 'مدرسه')).toEqual([]);
    expect(found('مدرسة البلدة', 'مدرسه', { tehMarbuta: true })).toEqual(['مدرسة']);
    expect(found('مدرسه البلدة', 'مدرسة', { tehMarbuta: true })).toEqual(['مدرسه']);
  });

  it('finds stretched words (tatweel)', () => {
    expect(found('ثم قـــال الوزير', 'قال')).toEqual(['قـــال']);
  });

  it('finds Arabic-Indic digits with ASCII ones and the other way round', () => {
    expect(found('في عام ٢٠١٩ وفي ۲۰۱۹', '2019')).toEqual(['٢٠١٩', '۲۰۱۹']);
    expect(found('in 2019', '٢٠١٩')).toEqual(['2019']);
  });

  it('returns whole letters of the original, trailing harakat included', () => {
    const text = 'ثم قَالَ إنَّ';
    const [m] = findInText(text, 'قال');
    expect(m).toEqual({ start: 3, end: 8 });
    expect(text.slice(m!.start, m!.end)).toBe('قَالَ');
    expect(found(text, 'ان')).toEqual(['إنَّ']);
  });

  it('never splits lam-alef: a match ending on the lam covers the alef', () => {
    expect(found('السلام عليكم', 'السل')).toEqual(['السلا']);
  });

  it('is case-insensitive for Latin unless caseFold is false', () => {
    expect(found('Reuters and REUTERS', 'reuters')).toEqual(['Reuters', 'REUTERS']);
    expect(found('Reuters and REUTERS', 'reuters', { caseFold: false })).toEqual([]);
  });

  it('matches across different spacing and bidi marks', () => {
    expect(found('قال\u00A0 \u200Fإن', 'قال   إن')).toEqual(['قال\u00A0 \u200Fإن']);
  });

  it('returns non-overlapping matches in order', () => {
    expect(findInText('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('drops a later match that would share a grapheme with the previous one', () => {
    // ال|ال: the first match widens over the lam-alef ligature in the middle.
    expect(findInText('الال', 'ال')).toEqual([{ start: 0, end: 3 }]);
  });

  it('gives nothing for an empty or blank query', () => {
    expect(findInText('قال', '')).toEqual([]);
    expect(findInText('قال', '   \u200F ')).toEqual([]);
    expect(findInText('قال', '\u064E')).toEqual([]);
  });

  describe('wholeWord', () => {
    const text = 'قال وقال القائل قال، قالوا';
    it('matches only whole words', () => {
      expect(findInText(text, 'قال', { wholeWord: true }).map((m) => m.start)).toEqual([0, 16]);
      expect(found(text, 'قال')).toHaveLength(4);
    });
    it('ignores harakat at word edges', () => {
      expect(found('قَالَ وقال', 'قال', { wholeWord: true })).toEqual(['قَالَ']);
    });
    it('treats digits as word characters', () => {
      expect(found('2019 20190', '2019', { wholeWord: true })).toEqual(['2019']);
    });
  });

  it('reuses a given normalised text and ignores one made from another text', () => {
    const text = 'أعلنَ الوزير';
    const n = normaliseForSearch(text);
    expect(findInText(text, 'اعلن', {}, n)).toEqual(findInText(text, 'اعلن'));
    expect(findInText('قال الوزير', 'قال', {}, n)).toEqual([{ start: 0, end: 3 }]);
  });

  it('prepares queries: normalised, spaces collapsed, trimmed', () => {
    expect(prepareQuery('  أعلنَ\n  الوزير ')).toBe('اعلن الوزير');
  });
});

describe('findInText properties', () => {
  /** A query drawn from the text itself (so there is at least one match) or random. */
  const caseArb = (textArb: fc.Arbitrary<string>) =>
    textArb.chain((text) =>
      fc.oneof(
        fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({ text, query: text.slice(Math.min(a, b), Math.max(a, b)) })),
        textArb.map((query) => ({ text, query })),
      ),
    );

  const check = (text: string, query: string, matches: TextMatch[], exact: boolean): void => {
    const q = prepareQuery(query);
    if (q.length > 0 && normaliseForSearch(text).text.includes(q)) expect(matches.length).toBeGreaterThan(0);
    let last = 0;
    for (const m of matches) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeGreaterThan(m.start);
      last = m.end;
      expect(isGraphemeBoundary(text, m.start), `start ${m.start} in ${JSON.stringify(text)}`).toBe(true);
      expect(isGraphemeBoundary(text, m.end), `end ${m.end} in ${JSON.stringify(text)}`).toBe(true);
      const slice = prepareQuery(text.slice(m.start, m.end));
      if (exact) expect(slice).toBe(q);
      else expect(slice).toContain(q);
    }
  };

  it('matches are grapheme-aligned and normalise exactly to the query (no widening alphabet)', () => {
    fc.assert(
      fc.property(caseArb(simpleTextArb), fc.boolean(), ({ text, query }, wholeWord) => {
        const matches = findInText(text, query, { wholeWord });
        if (!wholeWord) check(text, query, matches, true);
        else for (const m of matches) expect(normaliseQuery(text.slice(m.start, m.end)).trim().replace(/\s+/gu, ' ')).toBe(prepareQuery(query));
      }),
      { numRuns: 500 },
    );
  });

  it('with lam-alef, kept accents and emoji, matches are grapheme-aligned and contain the query', () => {
    fc.assert(
      fc.property(caseArb(arabicTextArb), ({ text, query }) => {
        check(text, query, findInText(text, query), false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('searchDocuments', () => {
  const long = `${'كلمة '.repeat(20)}وأعلنَت الخارجية الروسية ${'نص '.repeat(30)}`;
  const docs = [
    { id: 'a', text: 'لا شيء هنا' },
    { id: 'b', text: long },
    { id: 'c', text: 'أعلنت الوزارة\nثم أعلنت مرة أخرى' },
  ];

  it('returns one hit per matching document, in order, with all matches', () => {
    const hits = searchDocuments(docs, 'اعلنت');
    expect(hits.map((h) => h.docId)).toEqual(['b', 'c']);
    expect(hits[1]!.matches).toHaveLength(2);
  });

  it('respects the limit', () => {
    expect(searchDocuments(docs, 'اعلنت', {}, 1).map((h) => h.docId)).toEqual(['b']);
    expect(searchDocuments(docs, 'اعلنت', {}, 0)).toEqual([]);
  });

  it('gives a snippet of about 40 characters either side, cut at spaces', () => {
    const [hit] = searchDocuments(docs, 'الخارجية');
    const { text, matchStart, matchEnd } = hit!.snippet;
    expect(text.slice(matchStart, matchEnd)).toBe('الخارجية');
    expect(matchStart).toBeLessThanOrEqual(40);
    expect(text.length - matchEnd).toBeLessThanOrEqual(40);
    expect(matchStart).toBeGreaterThan(20);
    expect(text.startsWith(' ')).toBe(false);
    expect(long.includes(text)).toBe(true);
    // cut at spaces: the words at both edges are whole words of the document
    const first = text.split(' ')[0]!;
    const lastWord = text.split(' ').at(-1)!;
    expect(['كلمة', 'وأعلنَت'].includes(first)).toBe(true);
    expect(lastWord).toBe('نص');
  });

  it('turns line breaks in snippets into spaces', () => {
    const hit = searchDocuments(docs, 'مرة')[0]!;
    expect(hit.snippet.text.includes('\n')).toBe(false);
    expect(hit.snippet.text.slice(hit.snippet.matchStart, hit.snippet.matchEnd)).toBe('مرة');
  });

  it('cuts a snippet without spaces at grapheme boundaries', () => {
    const text = `${'بَ'.repeat(50)}قال${'تُ'.repeat(50)}`;
    const [hit] = searchDocuments([{ id: 'x', text }], 'قال');
    const { text: s, matchStart } = hit!.snippet;
    const offset = text.indexOf(s);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(isGraphemeBoundary(text, offset)).toBe(true);
    expect(isGraphemeBoundary(text, offset + s.length)).toBe(true);
    expect(s.slice(matchStart, matchStart + 3)).toBe('قال');
  });

  it('gives nothing for a blank query', () => {
    expect(searchDocuments(docs, '  ')).toEqual([]);
  });
});

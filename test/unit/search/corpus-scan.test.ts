import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusScan, LONG_DOCUMENT } from '../../../shared/search/corpus-scan';
import { createSearchIndex, findInText, searchDocuments } from '../../../shared/search/search';
import { arabicTextArb } from './arbitraries';

/** Runs a scan to the end, stopping at every chance (the most slices). */
function runToEnd(scan: CorpusScan): number {
  let slices = 1;
  while (!scan.step(() => true)) slices++;
  return slices;
}

describe('CorpusScan', () => {
  it('finds what searchDocuments and findInText find, however it is sliced (property)', () => {
    const docsArb = fc.array(arabicTextArb, { minLength: 1, maxLength: 6 }).map((texts) => texts.map((text, i) => ({ id: `d${i}`, text })));
    fc.assert(
      fc.property(docsArb, fc.constantFrom('ا', 'ال', 'قال', 'لا', 'ة', ' '), fc.boolean(), fc.boolean(), fc.nat(), (docs, query, teh, wholeWord, pick) => {
        const options = { tehMarbuta: teh, wholeWord };
        const open = docs[pick % docs.length]!;
        const scan = new CorpusScan(docs, query, options, createSearchIndex(), open.id);
        runToEnd(scan);
        expect(scan.done).toBe(true);
        const expected = searchDocuments(docs, query, options);
        expect(scan.hits.map((h) => [h.docId, h.count, h.snippet])).toEqual(expected.map((h) => [h.docId, h.matches.length, h.snippet]));
        if (scan.prepared) expect(scan.open).toEqual({ docId: open.id, matches: findInText(open.text, query, options), done: true });
        else expect(scan.open).toBeNull();
      }),
    );
  });

  it('searches the open document first and works in bounded slices on a long document', () => {
    const long = 'نص عربي طويل للتجربة. '.repeat(Math.ceil((LONG_DOCUMENT * 1.5) / 22));
    const docs = [
      { id: 'a', text: 'قال طويل' },
      { id: 'big', text: long },
    ];
    const index = createSearchIndex();
    const scan = new CorpusScan(docs, 'طويل', {}, index, 'big');
    expect(scan.step(() => true)).toBe(false);
    expect(scan.open?.done).toBe(false);
    const slices = runToEnd(scan);
    expect(slices).toBeGreaterThan(20);
    expect(scan.open?.matches.length).toBe(long.split('طويل').length - 1);
    expect(scan.hits.map((h) => h.docId)).toEqual(['a', 'big']);
    // The long document's normalised text is cached: a second search of it normalises nothing.
    expect(index.peek('big', long, { tehMarbuta: false, caseFold: true })).toBeDefined();
  });

  it('matches nothing for an empty query', () => {
    const scan = new CorpusScan([{ id: 'a', text: 'قال' }], '  ', {}, createSearchIndex(), 'a');
    expect(scan.step(() => false)).toBe(true);
    expect(scan.hits).toEqual([]);
    expect(scan.open).toBeNull();
  });
});

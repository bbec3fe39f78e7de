import { describe, expect, it } from 'vitest';
import {
  EMPTY_SLOT,
  estimateJaccard,
  exactJaccard,
  groupNearDuplicates,
  groupSignatures,
  isEmptySignature,
  minHashSignature,
  NearDuplicateIndex,
} from '../../../shared/model/near-duplicates';
import { fnv1a32 } from '../../../shared/search/hash32';
import fc from 'fast-check';
import { shingleHashes, shinglesOfWords, wordHashes, wordHashesOfUnits } from '../../../shared/search/shingles';
import { normaliseToUnits } from '../../../shared/text/normalise';
import { signatureOfShingles } from '../../../shared/search/minhash';
import { arabicTextArb } from './arbitraries';
import { createUnionFind } from '../../../shared/search/unionFind';
import { createSearchIndex, searchDocuments } from '../../../shared/search/search';
import { createRandom, makeCorpus, makeDocument, makeNearDuplicate, makeVocabulary } from './synthetic';

const random = createRandom(7);
const vocabulary = makeVocabulary(random, 3000);
const docA = makeDocument(random, vocabulary, 450);
const docB = makeDocument(random, vocabulary, 450);

describe('minHashSignature', () => {
  it('is deterministic for a seed and has numHashes values', () => {
    const sig = minHashSignature(docA);
    expect(sig).toBeInstanceOf(Uint32Array);
    expect(sig.length).toBe(128);
    expect(minHashSignature(docA)).toEqual(sig);
    expect(minHashSignature(docA, { seed: 99 })).not.toEqual(sig);
    expect(minHashSignature(docA, { numHashes: 64 }).length).toBe(64);
  });

  it('ignores harakat, tatweel, hamza forms, digits and case', () => {
    const plain = 'اعلن الرئيس عن خطة جديدة في عام 2019 مع شركة Reuters';
    const marked = 'أعلنَ الرئيـــسُ عن خطةٍ جديدة في عام ٢٠١٩ مع شركة REUTERS';
    expect(minHashSignature(marked)).toEqual(minHashSignature(plain));
  });

  it('gives an empty signature for a text without words, which matches nothing', () => {
    const empty = minHashSignature(' . ، ');
    expect(isEmptySignature(empty)).toBe(true);
    expect(empty.every((v) => v === EMPTY_SLOT)).toBe(true);
    expect(estimateJaccard(empty, empty)).toBe(0);
    expect(exactJaccard('', '...')).toBe(0);
    expect(isEmptySignature(minHashSignature('كلمة'))).toBe(false);
  });

  it('rejects invalid options', () => {
    expect(() => minHashSignature('x', { numHashes: 0 })).toThrow(RangeError);
    expect(() => minHashSignature('x', { shingleSize: 1.5 })).toThrow(RangeError);
    expect(() => groupNearDuplicates([], { bands: 200 })).toThrow(RangeError);
    expect(() => groupNearDuplicates([], { threshold: 2 })).toThrow(RangeError);
  });
});

describe('words and shingles', () => {
  it('hashes normalised words (teh marbuta folded, clitics kept) with FNV-1a', () => {
    expect([...wordHashes('أعلنَت الحكومةُ، وروسيا: 2019!')]).toEqual(['اعلنت', 'الحكومه', 'وروسيا', '2019'].map((w) => fnv1a32(w)));
    expect([...wordHashes('👍 𐐀bc')]).toEqual([fnv1a32('𐐨bc')]);
  });

  it('hash in one pass exactly the words of the normalised text', () => {
    fc.assert(
      fc.property(arabicTextArb, (text) => {
        expect([...wordHashes(text)]).toEqual([...wordHashesOfUnits(normaliseToUnits(text, { tehMarbuta: true, caseFold: true }))]);
      }),
      { numRuns: 500 },
    );
    expect([...wordHashes('قالَ الرئيـس')]).toEqual(['قال', 'الرئيس'].map((w) => fnv1a32(w)));
  });
});

describe('signatures stored in databases', () => {
  /** Signatures of the current scheme (database version 4), summed up as one FNV-1a hash each. */
  const STORED = [
    ['قالَ وزيرُ الخارجيةِ إنّ المحادثاتِ ستُستأنفُ في جنيف يومَ الثلاثاء.', 2548988215],
    ['أعلنت الحكومة، وروسيا: 2019! ٢٠١٩ — Reuters 😀 RIA Novosti الرئيـــس إلى آخر ٱلكلام', 3929013145],
    ['كلمة', 868469355],
  ] as const;

  it('do not change: a faster implementation must give the values already stored', () => {
    for (const [text, digest] of STORED) expect(fnv1a32([...minHashSignature(text)].join(','))).toBe(digest);
  });

  it('one pass over the text gives the shingles of the normalised words, for every shingle size', () => {
    const reference = (text: string, size: number): number[] => [...shinglesOfWords(wordHashesOfUnits(normaliseToUnits(text, { tehMarbuta: true, caseFold: true })), size)];
    const long = fc.array(arabicTextArb, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(arabicTextArb, long), fc.integer({ min: 1, max: 6 }), (text, size) => {
        expect([...shingleHashes(text, size)]).toEqual(reference(text, size));
        if (size === 3) expect([...minHashSignature(text)]).toEqual([...signatureOfShingles(Uint32Array.from(reference(text, 3)))]);
      }),
      { numRuns: 1000 },
    );
    for (const text of [docA, docB, '', 'كلمة', 'كلمتان اثنتان']) expect([...shingleHashes(text, 3)]).toEqual(reference(text, 3));
  });

  it('signing reuses its lists from text to text without carrying anything over', () => {
    const reference = (text: string, size: number, numHashes: number): number[] =>
      [...signatureOfShingles(shinglesOfWords(wordHashesOfUnits(normaliseToUnits(text, { tehMarbuta: true, caseFold: true })), size), { numHashes, bands: 1 })];
    // Texts of every length in turn (a long one, then shorter ones that leave its values in the lists), any shingle size and signature length.
    const long = fc.array(arabicTextArb, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(fc.oneof(arabicTextArb, long), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(128, 64, 100, 7), (texts, size, numHashes) => {
        for (const text of texts) expect([...minHashSignature(text, { shingleSize: size, numHashes, bands: 1 })]).toEqual(reference(text, size, numHashes));
      }),
      { numRuns: 500 },
    );
    // A text too long for the shared lists gets its own, and the next short text is signed as before.
    const huge = Array.from({ length: 60 }, () => docA).join('\n');
    expect(huge.length).toBeGreaterThan(1 << 17);
    expect([...minHashSignature(huge)]).toEqual(reference(huge, 3, 128));
    expect([...minHashSignature('كلمة')]).toEqual(reference('كلمة', 3, 128));
    expect([...minHashSignature(docB)]).toEqual(reference(docB, 3, 128));
    expect([...shingleHashes(docB, 3)]).toEqual([...shinglesOfWords(wordHashesOfUnits(normaliseToUnits(docB, { tehMarbuta: true, caseFold: true })), 3)]);
  });
});

describe('one-permutation signatures', () => {
  it('fill every bin of a short text: empty bins borrow the values of filled ones', () => {
    const short = makeDocument(random, vocabulary, 12); // ~10 shingles for 128 bins
    const sig = minHashSignature(short);
    expect(sig.every((v) => v !== EMPTY_SLOT)).toBe(true);
    const own = new Set(shingleHashes(short, 3)).size;
    expect(new Set(sig).size).toBeLessThanOrEqual(own);
  });

  it('keep two short near-duplicates close and two unrelated short texts apart', () => {
    const short = makeDocument(random, vocabulary, 40);
    const copy = `${short} ${makeDocument(random, vocabulary, 2)}`;
    expect(estimateJaccard(minHashSignature(short), minHashSignature(copy))).toBeGreaterThan(0.75);
    expect(estimateJaccard(minHashSignature(short), minHashSignature(makeDocument(random, vocabulary, 40)))).toBeLessThan(0.1);
  });

  it('depend on the set of shingles only (order and repeats do not matter)', () => {
    const shingles = shingleHashes(docA, 3);
    const shuffled = Uint32Array.from([...shingles].reverse().concat([...shingles.slice(0, 50)]));
    expect(signatureOfShingles(shuffled)).toEqual(signatureOfShingles(shingles));
  });
});

describe('createUnionFind', () => {
  it('merges sets', () => {
    const sets = createUnionFind(5);
    expect(sets.union(0, 3)).toBe(true);
    expect(sets.union(3, 4)).toBe(true);
    expect(sets.union(4, 0)).toBe(false);
    expect(sets.find(4)).toBe(sets.find(0));
    expect(sets.find(1)).not.toBe(sets.find(0));
  });

  it('grows one element at a time', () => {
    const sets = createUnionFind(0);
    for (let i = 0; i < 40; i++) expect(sets.add()).toBe(i);
    expect(sets.size).toBe(40);
    expect(sets.union(39, 0)).toBe(true);
    expect(sets.find(0)).toBe(sets.find(39));
    expect(sets.find(20)).toBe(20);
  });
});

describe('estimateJaccard and exactJaccard', () => {
  it('are 1 for identical texts and about 0 for unrelated ones', () => {
    expect(exactJaccard(docA, docA)).toBe(1);
    expect(estimateJaccard(minHashSignature(docA), minHashSignature(docA))).toBe(1);
    expect(exactJaccard(docA, docB)).toBeLessThan(0.02);
    expect(estimateJaccard(minHashSignature(docA), minHashSignature(docB))).toBeLessThan(0.05);
  });

  it('rejects signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(8))).toThrow(RangeError);
  });

  it('the estimate is unbiased and close to the exact value', () => {
    const errors: number[] = [];
    for (const rate of [0.02, 0.05, 0.1, 0.2, 0.3]) {
      for (let i = 0; i < 20; i++) {
        const copy = makeNearDuplicate(random, vocabulary, docA, rate);
        errors.push(estimateJaccard(minHashSignature(docA), minHashSignature(copy)) - exactJaccard(docA, copy));
      }
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    const rms = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    // One standard deviation of a 128-hash estimate is at most 0.044.
    expect(rms).toBeLessThan(0.06);
  });
});

describe('groupNearDuplicates', () => {
  it('groups near-duplicates in input order, ordered by first member, and omits singletons', () => {
    const docs = [
      { id: 'b', text: docB },
      { id: 'a', text: docA },
      { id: 'a2', text: makeNearDuplicate(random, vocabulary, docA, 0.05) },
      { id: 'empty', text: '' },
      { id: 'empty2', text: '—' },
      { id: 'b2', text: makeNearDuplicate(random, vocabulary, docB, 0.05) },
      { id: 'a3', text: makeNearDuplicate(random, vocabulary, docA, 0.05) },
      { id: 'alone', text: makeDocument(random, vocabulary, 200) },
    ];
    expect(groupNearDuplicates(docs)).toEqual([
      ['b', 'b2'],
      ['a', 'a2', 'a3'],
    ]);
    expect(groupNearDuplicates([])).toEqual([]);
  });

  it('groups precomputed signatures the same way', () => {
    const docs = [docA, docB, makeNearDuplicate(random, vocabulary, docA, 0.05)];
    expect(groupSignatures(docs.map((d) => minHashSignature(d)))).toEqual([[0, 2]]);
  });

  it('finds every planted near-duplicate in 2,000 synthetic documents and groups nothing else', () => {
    const { docs, pairs } = makeCorpus(2024, 2000, 150);
    const byId = new Map(docs.map((d) => [d.id, d.text]));
    const similarities = pairs.map(([a, b]) => exactJaccard(byId.get(a)!, byId.get(b)!)).sort((x, y) => x - y);
    const started = performance.now();
    const groups = groupNearDuplicates(docs);
    const ms = performance.now() - started;
    const chars = docs.reduce((sum, d) => sum + d.text.length, 0);
    console.log(
      `groupNearDuplicates: ${docs.length} docs, ${(chars / 1e6).toFixed(1)}M chars, ${groups.length} groups in ${ms.toFixed(0)} ms; ` +
        `planted pairs' exact Jaccard min ${similarities[0]!.toFixed(2)}, median ${similarities[similarities.length >> 1]!.toFixed(2)}`,
    );
    const expected = pairs
      .map(([a, b]) => [a, b].sort((x, y) => docs.findIndex((d) => d.id === x) - docs.findIndex((d) => d.id === y)))
      .sort((x, y) => docs.findIndex((d) => d.id === x[0]) - docs.findIndex((d) => d.id === y[0]));
    expect(groups).toEqual(expected);
  }, 30_000);

  it('grows: the groups after each added signature are those of grouping the prefix at once', () => {
    const { docs } = makeCorpus(31, 300, 40, 100);
    const signatures = docs.map((d) => minHashSignature(d.text));
    const index = new NearDuplicateIndex();
    signatures.forEach((sig, i) => {
      expect(index.add(sig)).toBe(i);
      if (i % 37 === 0) expect(index.groups()).toEqual(groupSignatures(signatures.slice(0, i + 1)));
    });
    expect(index.groups()).toEqual(groupSignatures(signatures));
    expect(index.groups().length).toBeGreaterThan(30);
    expect(() => index.add(new Uint32Array(8))).toThrow(RangeError);
  });

  it.skipIf(!process.env.ISNAD_PERF)(
    process.env.ISNAD_PERF ? 'groups 10,000 documents of ~3 KB in a few seconds' : 'skipped: set ISNAD_PERF=1 to time 10,000 documents of ~3 KB',
    () => {
      const { docs, pairs } = makeCorpus(5, 10_000, 500);
      const started = performance.now();
      const groups = groupNearDuplicates(docs);
      const ms = performance.now() - started;
      const chars = docs.reduce((sum, d) => sum + d.text.length, 0);
      console.log(`groupNearDuplicates: ${docs.length} docs, ${(chars / 1e6).toFixed(1)}M chars → ${groups.length} groups (${pairs.length} planted) in ${ms.toFixed(0)} ms`);
      expect(groups.every((g) => g.length === 2)).toBe(true);
      expect(ms).toBeLessThan(10_000);
      const word = docs[0]!.text.split(/\s+/u)[3]!;
      let t = performance.now();
      const cold = searchDocuments(docs, word);
      const coldMs = performance.now() - t;
      const index = createSearchIndex();
      t = performance.now();
      searchDocuments(docs, word, { index });
      const fillMs = performance.now() - t;
      t = performance.now();
      const warm = searchDocuments(docs, word, { index });
      console.log(
        `searchDocuments over ${docs.length} docs (${warm.length} hits for one word): ${coldMs.toFixed(0)} ms without index, ` +
          `${fillMs.toFixed(0)} ms filling an index, ${(performance.now() - t).toFixed(0)} ms with the warm index`,
      );
      expect(warm).toEqual(cold);
      expect(warm.length).toBeGreaterThan(0);
    },
    60_000,
  );
});

/**
 * Diagnostic: where preparation time goes, in this browser (`?profile=1`, optionally
 * `&rounds=N`). Each step runs over the same generated articles (as the import decodes them)
 * `rounds` times after a warm-up; the least time of the rounds is reported, in ms.
 */
import { prepareFile } from '../../shared/model/import';
import { sha256Hex } from '../../shared/model/hash';
import { minHashSignature } from '../../shared/model/near-duplicates';
import { shingleHashes } from '../../shared/search/shingles';
import { signatureOfShingles } from '../../shared/search/minhash';
import { findRepeatedParagraphs } from '../../shared/text/repeats';
import { paragraphRanges } from '../../shared/text/paragraphs';
import { decodeArticleBytes, decodeStrict } from '../../shared/text/decode';
import { countControlBytes } from '../../shared/text/binarySniff';
import { extractArticles } from '../../shared/formats/intake';
import { titleFromText } from '../../shared/model/import';
import { generateCorpus } from './generate';

/** Times each preparation step over `count` generated articles: the least of `rounds` runs. */
export async function profile(count: number, rounds = 5): Promise<Record<string, number>> {
  const enc = new TextEncoder();
  const files = generateCorpus(count, 42, 1650).map((a) => ({ name: a.name, bytes: enc.encode(a.text) }));
  // The texts as decoding gives them (flat strings, as in the import), not as generated.
  const texts = files.map((f) => decodeStrict(f.bytes, 'utf-8')!);
  const shingles = texts.map((t) => shingleHashes(t, 3));
  const out: Record<string, number> = {};
  const time = async (label: string, f: () => unknown): Promise<void> => {
    await f();
    let least = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      await f();
      least = Math.min(least, performance.now() - t);
    }
    out[label] = Math.round(least);
  };
  await time('prepareFile (no hash)', () => files.forEach((f) => prepareFile(f, {}, false)));
  await time('extract', () => files.forEach((f) => extractArticles(f.name, f.bytes, {})));
  await time('decodeArticleBytes', () => files.forEach((f) => decodeArticleBytes(f.bytes, f.name)));
  await time('TextDecoder only', () => files.forEach((f) => decodeStrict(f.bytes, 'utf-8')));
  await time('countControlBytes', () => files.forEach((f) => countControlBytes(f.bytes)));
  await time('titleFromText', () => texts.forEach((t) => titleFromText(t, 'x')));
  await time('minhash', () => texts.forEach((t) => minHashSignature(t)));
  await time('shingleHashes', () => texts.forEach((t) => shingleHashes(t, 3)));
  await time('signatureOfShingles', () => shingles.forEach((s) => signatureOfShingles(s)));
  await time('repeats', () => texts.forEach((t) => findRepeatedParagraphs(t)));
  await time('paragraphRanges', () => texts.forEach((t) => paragraphRanges(t)));
  await time('sha256 (noble)', () => texts.forEach((t) => sha256Hex(t)));
  await time('sha256 (subtle)', () => Promise.all(files.map((f) => crypto.subtle.digest('SHA-256', f.bytes))));
  return out;
}

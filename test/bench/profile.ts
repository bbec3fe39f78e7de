/** Diagnostic: where preparation time goes, in this browser (`?profile=1`). */
import { prepareFile } from '../../shared/model/import';
import { sha256Hex } from '../../shared/model/hash';
import { minHashSignature } from '../../shared/model/near-duplicates';
import { findRepeatedParagraphs } from '../../shared/text/repeats';
import { extractArticles } from '../../shared/formats/intake';
import { generateCorpus } from './generate';

/** Times each preparation step over `count` generated articles. */
export async function profile(count: number): Promise<Record<string, number>> {
  const corpus = generateCorpus(count, 42, 1650);
  const enc = new TextEncoder();
  const files = corpus.map((a) => ({ name: a.name, bytes: enc.encode(a.text) }));
  const out: Record<string, number> = {};
  const time = async (label: string, f: () => unknown): Promise<void> => {
    const t = performance.now();
    await f();
    out[label] = Math.round(performance.now() - t);
  };
  await time('prepareFile (warm-up)', () => files.slice(0, 500).forEach((f) => prepareFile(f, {}, false)));
  await time('prepareFile (no hash)', () => files.forEach((f) => prepareFile(f, {}, false)));
  const { titleFromText } = await import('../../shared/model/import');
  await time('titleFromText', () => corpus.forEach((a) => titleFromText(a.text, 'x')));
  const { decodeArticleBytes } = await import('../../shared/text/decode');
  await time('decodeArticleBytes', () => files.forEach((f) => decodeArticleBytes(f.bytes, f.name)));
  await time('TextDecoder only', () => { const d = new TextDecoder('utf-8', { fatal: true }); files.forEach((f) => d.decode(f.bytes)); });
  await time('extract', () => files.forEach((f) => extractArticles(f.name, f.bytes, {})));
  await time('sha256 (noble)', () => corpus.forEach((a) => sha256Hex(a.text)));
  await time('sha256 (subtle)', () => Promise.all(corpus.map((a) => crypto.subtle.digest('SHA-256', enc.encode(a.text)))));
  await time('minhash', () => corpus.forEach((a) => minHashSignature(a.text)));
  await time('repeats', () => corpus.forEach((a) => findRepeatedParagraphs(a.text)));
  const blobs = files.map((f) => new File([f.bytes], f.name));
  await time('File.arrayBuffer sequential', async () => {
    for (const b of blobs) await b.arrayBuffer();
  });
  await time('File.arrayBuffer parallel', () => Promise.all(blobs.map((b) => b.arrayBuffer())));
  return out;
}

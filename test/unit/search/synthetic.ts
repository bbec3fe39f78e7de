/**
 * A synthetic Arabic-like corpus for near-duplicate tests: pseudo-words built from Arabic
 * letters by a seeded generator (no real text), documents of a title line, a blank line
 * and paragraphs, and planted near-duplicates (a different first line, ~10% word edits,
 * and some harakat / hamza spellings that normalisation must see through).
 */
import { splitMix32 } from '../../../shared/search/hash32';

const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651'];

/** A seeded random source with a few helpers. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** A {@link Random} from a seed. */
export function createRandom(seed: number): Random {
  const gen = splitMix32(seed);
  const next = (): number => gen() / 0x100000000;
  return { next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** `size` distinct pseudo-words, 3–7 letters, some with the article ال. */
export function makeVocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    const length = 3 + random.int(5);
    for (let i = 0; i < length; i++) w += random.pick(LETTERS);
    if (random.next() < 0.3) w = `ال${w}`;
    words.add(w);
  }
  return [...words];
}

/** A skewed (Zipf-like) pick: low indices are much more frequent. */
function pickWord(random: Random, vocabulary: readonly string[]): string {
  const r = random.next();
  return vocabulary[Math.floor(r * r * r * vocabulary.length)]!;
}

/** A document of about `words` body words: title line, blank line, paragraphs. */
export function makeDocument(random: Random, vocabulary: readonly string[], words: number): string {
  const title = Array.from({ length: 6 + random.int(6) }, () => pickWord(random, vocabulary)).join(' ');
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 30 + random.int(50));
    paragraphs.push(`${Array.from({ length: n }, () => pickWord(random, vocabulary)).join(' ')}.`);
    left -= n;
  }
  return `${title}\n\n${paragraphs.join('\n')}\n`;
}

/** Adds a haraka to a word or swaps its first alef for أ / إ, which normalisation undoes. */
function respell(random: Random, word: string): string {
  if (word.startsWith('ا') && random.next() < 0.5) return `${random.pick(['أ', 'إ'])}${word.slice(1)}`;
  const at = 1 + random.int(word.length);
  return `${word.slice(0, at)}${random.pick(HARAKAT)}${word.slice(at)}`;
}

/**
 * A near-duplicate of `doc`, as another outlet would publish it: the first line replaced
 * by an outlet line, and about `editRate` of the body words edited in short runs of 1–5
 * words (rewritten phrases: each word of a run is substituted, deleted, or followed by an
 * inserted word). 5% of the untouched words are respelled with harakat or hamza forms.
 */
export function makeNearDuplicate(random: Random, vocabulary: readonly string[], doc: string, editRate = 0.1): string {
  const lines = doc.split('\n');
  const outlet = `وكالة ${random.pick(vocabulary)} ${random.pick(vocabulary)} للأنباء`;
  let runLeft = 0;
  const edit = (word: string): string[] => {
    if (runLeft === 0 && random.next() < editRate / 3) runLeft = 1 + random.int(5);
    if (runLeft > 0) {
      runLeft--;
      const op = random.next();
      if (op < 0.6) return [pickWord(random, vocabulary)];
      if (op < 0.8) return [];
      return [word, pickWord(random, vocabulary)];
    }
    return [random.next() < 0.05 ? respell(random, word) : word];
  };
  const body = lines.slice(1).map((line) =>
    line
      .split(' ')
      .flatMap((word) => (word.length === 0 ? [word] : edit(word)))
      .join(' '),
  );
  return [outlet, ...body].join('\n');
}

/** A near-duplicate with `editRate` of the words edited one by one, scattered (harder: each edit breaks `shingleSize` shingles). */
export function makeScatteredNearDuplicate(random: Random, vocabulary: readonly string[], doc: string, editRate = 0.1): string {
  const lines = doc.split('\n');
  const body = lines.slice(1).map((line) =>
    line
      .split(' ')
      .map((word) => (word.length > 0 && random.next() < editRate ? pickWord(random, vocabulary) : word))
      .join(' '),
  );
  return [`وكالة ${random.pick(vocabulary)} للأنباء`, ...body].join('\n');
}

/** A corpus of `count` documents with `planted` near-duplicate pairs (copy placed at a random later position). */
export function makeCorpus(
  seed: number,
  count: number,
  planted: number,
  words = 450,
  editRate = 0.1,
  scattered = false,
): { docs: Array<{ id: string; text: string }>; pairs: Array<[string, string]> } {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random, 5000);
  const originals = Array.from({ length: count - planted }, (_, i) => ({ id: `doc-${i}`, text: makeDocument(random, vocabulary, words) }));
  const docs = [...originals];
  const pairs: Array<[string, string]> = [];
  for (let p = 0; p < planted; p++) {
    const source = originals[p * Math.floor(originals.length / planted)]!;
    const copy = { id: `dup-${p}-of-${source.id}`, text: (scattered ? makeScatteredNearDuplicate : makeNearDuplicate)(random, vocabulary, source.text, editRate) };
    docs.splice(random.int(docs.length + 1), 0, copy);
    pairs.push([source.id, copy.id]);
  }
  return { docs, pairs };
}

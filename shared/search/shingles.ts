/**
 * Word shingles of a text for near-duplicate detection: the text is normalised for search
 * (harakat, tatweel, alef forms, digits, case … and teh marbuta ة → ه, see
 * shared/text/normalise.ts), split into words (runs of letters, digits and marks; clitics
 * such as و ف ب ل ال stay attached — a deliberate simplification), and every run of
 * `size` consecutive words is hashed to 32 bits.
 */
import { normaliseToUnits, normaliseUnit } from '../text/normalise';
import { fmix32 } from './hash32';
import { isWordCodePoint, isWordUnit } from './wordChars';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Appends to a growable list of hashes; returns the (maybe new) array. */
function push(hashes: Uint32Array<ArrayBuffer>, count: number, h: number): Uint32Array<ArrayBuffer> {
  if (count < hashes.length) {
    hashes[count] = h;
    return hashes;
  }
  const bigger = new Uint32Array(hashes.length * 2);
  bigger.set(hashes);
  bigger[count] = h;
  return bigger;
}

const REMOVED = -1;
const BOUNDARY = -2;
const UNKNOWN = -3;
/** A surrogate (half of an astral character): the text takes the general path. */
const SURROGATE_UNIT = -4;

/**
 * One entry per BMP unit, filled lazily: the normalised unit when it belongs to a word,
 * REMOVED when normalisation drops it (a haraka inside a word does not end it),
 * SURROGATE_UNIT for surrogates, BOUNDARY otherwise. Teh marbuta and case are folded, as
 * for shingles.
 */
const unitTable = new Int32Array(0x10000).fill(UNKNOWN);

function classifyUnit(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SURROGATE_UNIT;
  const unit = normaliseUnit(code, true, true);
  if (unit < 0) return REMOVED;
  return isWordUnit(unit) ? unit : BOUNDARY;
}

/** The units of `text` normalised as for shingles (teh marbuta and case folded). */
function normaliseUnits(text: string): Uint16Array {
  return normaliseToUnits(text, { tehMarbuta: true, caseFold: true });
}

/**
 * The normalised words of `text`, each hashed with FNV-1a over its UTF-16 units (the same
 * value as `fnv1a32` of the word). Normalising, splitting and hashing run in one pass over
 * the text, without building strings; a text with surrogates (astral characters) is
 * normalised first ({@link wordHashesOfUnits}).
 */
export function wordHashes(text: string): Uint32Array {
  let hashes = new Uint32Array(Math.max(16, text.length >>> 2));
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unit = unitTable[code]!;
    if (unit === UNKNOWN) unit = unitTable[code] = classifyUnit(code);
    if (unit === SURROGATE_UNIT) return wordHashesOfUnits(normaliseUnits(text));
    if (unit >= 0) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      h = Math.imul(h ^ unit, FNV_PRIME);
    } else if (unit === BOUNDARY && inWord) {
      hashes = push(hashes, count++, h >>> 0);
      inWord = false;
    }
  }
  if (inWord) hashes = push(hashes, count++, h >>> 0);
  return hashes.slice(0, count);
}

/** {@link wordHashes} of already normalised units, which may hold surrogate pairs. */
export function wordHashesOfUnits(units: Uint16Array): Uint32Array {
  let hashes = new Uint32Array(Math.max(16, units.length >>> 2));
  let count = 0;
  let h = 0;
  let inWord = false;
  const n = units.length;
  for (let i = 0; i <= n; i++) {
    let word = false;
    let width = 1;
    if (i < n) {
      const code = units[i]!;
      if (code < 0xd800 || code > 0xdfff) word = isWordUnit(code);
      else if (code <= 0xdbff && i + 1 < n && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
        word = isWordCodePoint(((code - 0xd800) << 10) + (units[i + 1]! - 0xdc00) + 0x10000);
        width = 2;
      }
    }
    if (word) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      for (let j = 0; j < width; j++) h = Math.imul(h ^ units[i + j]!, FNV_PRIME);
      i += width - 1;
    } else if (inWord) {
      hashes = push(hashes, count++, h >>> 0);
      inWord = false;
    }
  }
  return hashes.slice(0, count);
}

/** The 32-bit hash of a shingle: `width` consecutive word hashes from `words[from]`. */
function shingleOf(words: ArrayLike<number>, from: number, width: number): number {
  let h = width;
  for (let j = 0; j < width; j++) h = Math.imul(((h << 5) | (h >>> 27)) ^ words[from + j]!, 0x9e3779b1);
  return fmix32(h);
}

/**
 * The shingle hashes of a list of word hashes: every run of `size` consecutive words, or
 * one shingle of all the words when there are fewer (none when there is no word).
 */
export function shinglesOfWords(words: Uint32Array, size: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const width = Math.min(size, words.length);
  const out = new Uint32Array(words.length - width + 1);
  for (let i = 0; i < out.length; i++) out[i] = shingleOf(words, i, width);
  return out;
}

/** Scratch lists reused by {@link shingleHashesInScratch} for texts up to this many units; longer texts get lists of their own. */
const SCRATCH_UNITS = 1 << 17;
let scratchWords = new Uint32Array(0);
let scratchShingles = new Uint32Array(0);

/** The first `count` values of `hashes`: shingle hashes in a list that may be reused (see {@link shingleHashesInScratch}). */
export interface ShingleList {
  hashes: Uint32Array;
  count: number;
}

/**
 * The 32-bit hashes of the `size`-word shingles of `text`, in text order, duplicates kept.
 * A text with fewer than `size` words (but at least one) has one shingle of all its words;
 * a text without words has none. The result is the caller's own (see
 * {@link shingleHashesInScratch} for how it is computed).
 */
export function shingleHashes(text: string, size: number): Uint32Array {
  const { hashes, count } = shingleHashesInScratch(text, size);
  return hashes.slice(0, count);
}

/**
 * {@link shingleHashes} without a copy: the first `count` values of `hashes`, which may be
 * a scratch list that the next call overwrites, so they must be read before the next call
 * and never kept. The hot path of every import (MinHash signatures).
 *
 * Normalising, splitting into words, hashing the words and combining the last `size` of
 * them into shingles run in one pass over the text, without strings; the word and shingle
 * hashes go into lists allocated once. (A list per text, and copying or viewing the part
 * that was filled — `slice`, `subarray` — cost a third of the shingling.) A text with
 * surrogates (astral characters) is normalised first and takes the general path
 * ({@link wordHashesOfUnits}); both give the same values as {@link shinglesOfWords} of
 * {@link wordHashes} (checked by the unit tests).
 */
export function shingleHashesInScratch(text: string, size: number): ShingleList {
  const n = text.length;
  // At most one word per two units (a unit and a boundary), so at most that many words and shingles.
  const capacity = (n >>> 1) + 1;
  const own = capacity > scratchWords.length && n > SCRATCH_UNITS;
  if (capacity > scratchWords.length && !own) {
    scratchWords = new Uint32Array(capacity);
    scratchShingles = new Uint32Array(capacity);
  }
  const words = own ? new Uint32Array(capacity) : scratchWords;
  const out = own ? new Uint32Array(capacity) : scratchShingles;
  let shingles = 0;
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= n; i++) {
    let unit = BOUNDARY;
    if (i < n) {
      const code = text.charCodeAt(i);
      unit = unitTable[code]!;
      if (unit < 0) {
        if (unit === UNKNOWN) unit = unitTable[code] = classifyUnit(code);
        if (unit === SURROGATE_UNIT) {
          const general = shinglesOfWords(wordHashesOfUnits(normaliseUnits(text)), size);
          return { hashes: general, count: general.length };
        }
        if (unit === REMOVED) continue;
      }
    }
    if (unit >= 0) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      h = Math.imul(h ^ unit, FNV_PRIME);
    } else if (inWord) {
      inWord = false;
      words[count++] = h;
      if (count >= size) out[shingles++] = shingleOf(words, count - size, size);
    }
  }
  if (count > 0 && count < size) out[shingles++] = shingleOf(words, 0, count);
  return { hashes: out, count: shingles };
}

/**
 * A cache of normalised document texts, so repeated searches over the same documents do
 * not normalise them again.
 */
import { normaliseForSearch, normaliseQuery, type NormaliseOptions, type NormalisedText } from '../text/normalise';

/** Caches {@link NormalisedText} per document id and normalisation options. */
export interface SearchIndex {
  /**
   * The normalised form of `text` (the current text of `docId`). A cached entry is reused
   * only when its stored original is the same string (`===`); otherwise it is rebuilt.
   */
  get(docId: string, text: string, options?: NormaliseOptions): NormalisedText;
  /** The cached normalised form of `text` (as {@link get}), or undefined: never normalises. */
  peek(docId: string, text: string, options?: NormaliseOptions): NormalisedText | undefined;
  /** Caches a normalised form made elsewhere (e.g. a slice at a time); `normalised.original` is the document's text. */
  put(docId: string, normalised: NormalisedText, options?: NormaliseOptions): void;
  /** Forgets every cached form of one document (e.g. when it is deleted). */
  delete(docId: string): void;
  /** Forgets everything. */
  clear(): void;
  /** Number of cached entries (one per document and option set). */
  readonly size: number;
}

/** Options of {@link createSearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Most entries kept; the least recently used are dropped first. Default: unlimited. An
   * entry costs about 2 bytes per character of the document, plus 4 per character once
   * the document has had a match (the offset map is built only then).
   */
  maxEntries?: number;
}

function optionsKey(options: NormaliseOptions | undefined): string {
  return `${options?.tehMarbuta ? 't' : '-'}${(options?.caseFold ?? true) ? 'c' : '-'}`;
}

/**
 * A normalised text whose offset map is computed on first use: most documents of a corpus
 * search never match, and the map is twice the size of the text.
 */
function lazilyMapped(original: string, options: NormaliseOptions | undefined): NormalisedText {
  const text = normaliseQuery(original, options);
  let map: Int32Array | undefined;
  return {
    text,
    original,
    get toOriginal(): Int32Array {
      return (map ??= normaliseForSearch(original, options).toOriginal);
    },
  };
}

/** A new, empty {@link SearchIndex}. */
export function createSearchIndex(indexOptions: SearchIndexOptions = {}): SearchIndex {
  const maxEntries = indexOptions.maxEntries ?? Infinity;
  // Insertion order of a Map doubles as recency order: a hit is moved to the end.
  const entries = new Map<string, NormalisedText>();
  const keysByDoc = new Map<string, Set<string>>();

  const forget = (key: string, docId: string): void => {
    entries.delete(key);
    const keys = keysByDoc.get(docId);
    keys?.delete(key);
    if (keys?.size === 0) keysByDoc.delete(docId);
  };

  const keyOf = (docId: string, options: NormaliseOptions | undefined): string => `${optionsKey(options)}\u0000${docId}`;

  const store = (docId: string, key: string, fresh: NormalisedText): void => {
    entries.delete(key);
    entries.set(key, fresh);
    let keys = keysByDoc.get(docId);
    if (!keys) keysByDoc.set(docId, (keys = new Set()));
    keys.add(key);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      forget(oldest, oldest.slice(oldest.indexOf('\u0000') + 1));
    }
  };

  const peek = (docId: string, text: string, options: NormaliseOptions | undefined): NormalisedText | undefined => {
    const key = keyOf(docId, options);
    const cached = entries.get(key);
    if (!cached || cached.original !== text) return undefined;
    entries.delete(key);
    entries.set(key, cached);
    return cached;
  };

  return {
    get(docId, text, options) {
      const cached = peek(docId, text, options);
      if (cached) return cached;
      const fresh = lazilyMapped(text, { tehMarbuta: options?.tehMarbuta ?? false, caseFold: options?.caseFold ?? true });
      store(docId, keyOf(docId, options), fresh);
      return fresh;
    },
    peek,
    put(docId, normalised, options) {
      store(docId, keyOf(docId, options), normalised);
    },
    delete(docId) {
      for (const key of keysByDoc.get(docId) ?? []) entries.delete(key);
      keysByDoc.delete(docId);
    },
    clear() {
      entries.clear();
      keysByDoc.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

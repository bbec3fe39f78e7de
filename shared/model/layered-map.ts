/**
 * An immutable map that is cheap to change by a few entries: a shared base map plus a small
 * overlay of the entries changed since. A transaction on a corpus with 10,000 spans changes
 * one or two of them; copying the whole map for that cost milliseconds per keystroke (and as
 * much garbage). `with` copies only the overlay, and folds it into a new base once it holds
 * more than {@link FOLD_AT} entries, so a change costs O(changes) amortised.
 *
 * Reads are those of a `ReadonlyMap`. Iteration visits the base's keys in their order (a
 * changed value in its key's place), then keys added since; a key deleted and added again
 * keeps its old place (a `Map` would move it to the end).
 */

/** Overlay entries that record a deletion. */
const DELETED: unique symbol = Symbol('deleted');
type Slot<V> = V | typeof DELETED;

/** Overlay size at which `with` builds a new base instead of copying the overlay. */
export const FOLD_AT = 64;

/** A `ReadonlyMap` changed by {@link LayeredMap.with}, never in place. */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly overlay: ReadonlyMap<K, Slot<V>>,
    readonly size: number,
  ) {}

  /** Wraps `map` without copying it: the caller must not change `map` afterwards. */
  static of<K, V>(map: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return map instanceof LayeredMap ? (map as LayeredMap<K, V>) : new LayeredMap(map, new Map(), map.size);
  }

  /** A new map with `changes` applied in order (`null` deletes the key); this one is unchanged. */
  with(changes: Iterable<readonly [K, V | null]>): LayeredMap<K, V> {
    const overlay = new Map(this.overlay);
    let size = this.size;
    for (const [key, value] of changes) {
      const had = this.hasIn(overlay, key);
      if (value === null) {
        if (had) size -= 1;
        if (this.base.has(key)) overlay.set(key, DELETED);
        else overlay.delete(key);
      } else {
        if (!had) size += 1;
        overlay.set(key, value);
      }
    }
    if (overlay.size <= FOLD_AT) return new LayeredMap(this.base, overlay, size);
    // The base copied whole, then the overlay written over it: a changed key keeps its place,
    // an added one comes last (the order `entriesOf` gives), and no generator step per entry.
    const folded = new Map<K, V>(this.base);
    for (const [key, slot] of overlay) {
      if (slot === DELETED) folded.delete(key);
      else folded.set(key, slot);
    }
    return new LayeredMap(folded, new Map(), folded.size);
  }

  private hasIn(overlay: ReadonlyMap<K, Slot<V>>, key: K): boolean {
    const slot = overlay.get(key);
    if (slot !== undefined) return slot !== DELETED;
    return !overlay.has(key) && this.base.has(key);
  }

  get(key: K): V | undefined {
    const slot = this.overlay.get(key);
    if (slot !== undefined) return slot === DELETED ? undefined : slot;
    return this.overlay.has(key) ? undefined : this.base.get(key);
  }

  has(key: K): boolean {
    return this.hasIn(this.overlay, key);
  }

  private *entriesOf(overlay: ReadonlyMap<K, Slot<V>>): Generator<[K, V]> {
    if (overlay.size === 0) {
      yield* this.base.entries();
      return;
    }
    for (const [key, value] of this.base) {
      if (!overlay.has(key)) yield [key, value];
      else {
        const slot = overlay.get(key)!;
        if (slot !== DELETED) yield [key, slot];
      }
    }
    for (const [key, slot] of overlay) if (slot !== DELETED && !this.base.has(key)) yield [key, slot];
  }

  entries(): MapIterator<[K, V]> {
    return this.entriesOf(this.overlay) as MapIterator<[K, V]>;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entriesOf(this.overlay)) yield key;
  }

  *values(): MapIterator<V> {
    if (this.overlay.size === 0) {
      yield* this.base.values();
      return;
    }
    for (const [, value] of this.entriesOf(this.overlay)) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entriesOf(this.overlay)) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

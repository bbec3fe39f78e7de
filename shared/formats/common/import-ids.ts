/**
 * Unique ids for imported documents and spans: a format's own id is kept when it is free,
 * otherwise it gets a suffix (and the caller notes the repair).
 */

/** Hands out ids that are unique within one import. */
export interface IdBook {
  /** `wanted` when unused so far, else `wanted~2`, `wanted~3` …; `repaired` says which. */
  claim(wanted: string): { id: string; repaired: boolean };
}

/** A fresh id book. */
export function createIdBook(): IdBook {
  const used = new Set<string>();
  return {
    claim(wanted) {
      if (!used.has(wanted)) {
        used.add(wanted);
        return { id: wanted, repaired: false };
      }
      let n = 2;
      while (used.has(`${wanted}~${n}`)) n += 1;
      const id = `${wanted}~${n}`;
      used.add(id);
      return { id, repaired: true };
    },
  };
}

/** A document's metadata from a format's extra keys: primitives kept, other values as JSON text. */
export function metaFromExtras(record: Record<string, unknown>, skip: readonly string[]): Record<string, string | number | boolean | undefined> {
  const meta: Record<string, string | number | boolean | undefined> = {};
  const put = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    meta[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  };
  for (const [key, value] of Object.entries(record)) {
    if (skip.includes(key)) continue;
    if (key === 'meta' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) put(k, v);
    } else put(key, value);
  }
  return meta;
}

/** The metadata to write: defined primitive values only. */
export function cleanMeta(meta: Record<string, string | number | boolean | undefined>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const key in meta) {
    const value = meta[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

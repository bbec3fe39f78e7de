/**
 * Nesting levels of spans, so nested and overlapping spans can be drawn apart: an entity
 * inside an entity gets a line over it, a role inside a role a lower underline. Pure (no DOM).
 */
import type { SpanRecord } from '../../shared/model/types';

/** Levels are 0 (outermost or alone), 1, and 2 for anything deeper. */
export const DEEPEST_LEVEL = 2;

/** The kind a span's label counts as (entity, attribution role, or its own for unknown labels). */
export type KindOf = (label: string) => string;

/**
 * The nesting level of each span of `sorted` (reading order, outer spans first), among spans
 * of the same kind: how many spans of its kind are still open where it starts (an earlier
 * one that ends after its start, or one on the same range listed before it), capped at
 * {@link DEEPEST_LEVEL}. One pass, no allocation per span.
 */
export function nestingLevels(sorted: readonly SpanRecord[], kindOf: KindOf): Uint8Array {
  const levels = new Uint8Array(sorted.length);
  const open = new Map<string, number[]>();
  for (let i = 0; i < sorted.length; i += 1) {
    const span = sorted[i]!;
    const kind = kindOf(span.label);
    let ends = open.get(kind);
    if (!ends) open.set(kind, (ends = []));
    let kept = 0;
    for (const end of ends) if (end > span.start) ends[kept++] = end;
    ends.length = kept;
    levels[i] = Math.min(kept, DEEPEST_LEVEL);
    ends.push(span.end);
  }
  return levels;
}

/**
 * The level {@link nestingLevels} gives `sorted[index]`, found by looking back from it only
 * as far as a span can reach: `maxLength` must be at least the length of every span.
 */
export function levelAt(sorted: readonly SpanRecord[], index: number, kindOf: KindOf, maxLength: number): number {
  const span = sorted[index]!;
  const kind = kindOf(span.label);
  let open = 0;
  for (let j = index - 1; j >= 0; j -= 1) {
    const other = sorted[j]!;
    if (other.start + maxLength <= span.start) break;
    if (other.end > span.start && kindOf(other.label) === kind) open += 1;
  }
  return Math.min(open, DEEPEST_LEVEL);
}

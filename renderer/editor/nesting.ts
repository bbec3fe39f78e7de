/**
 * Nesting levels of spans, so nested and overlapping spans can be drawn apart: an entity
 * inside an entity gets a line over it, a role inside a role a lower underline. Pure (no DOM).
 */
import type { LabelKind } from '../../shared/model/schema';
import type { SpanRecord } from '../../shared/model/types';

/** Levels are 0 (outermost or alone), 1, and 2 for anything deeper. */
export const DEEPEST_LEVEL = 2;

/**
 * The nesting level of each span of `sorted` (reading order, outer spans first), among spans
 * of the same kind: how many spans of its kind are still open where it starts (an earlier
 * one that ends after its start, or one on the same range listed before it), capped at
 * {@link DEEPEST_LEVEL}. Spans of an unknown label count as their own kind.
 */
export function nestingLevels(sorted: readonly SpanRecord[], kindOf: (label: string) => LabelKind | undefined): Uint8Array {
  const levels = new Uint8Array(sorted.length);
  const open = new Map<string, number[]>();
  sorted.forEach((span, i) => {
    const kind = kindOf(span.label) ?? `label:${span.label}`;
    const ends = (open.get(kind) ?? []).filter((end) => end > span.start);
    levels[i] = Math.min(ends.length, DEEPEST_LEVEL);
    ends.push(span.end);
    open.set(kind, ends);
  });
  return levels;
}

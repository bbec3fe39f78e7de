/**
 * The spans of each document in reading order, kept per state version and carried forward
 * through transactions. Sorting a long article's 10,000 spans on every keystroke costs
 * milliseconds; a transaction usually changes one span, which is one binary-search removal
 * and one insertion in the already sorted list. Lists are cached against the immutable
 * spans map of a state (a WeakMap, so old versions are freed with their state).
 */
import type { SpanRecord } from './types';

/** Compares spans in reading order: by start, then longer (outer) spans first, then label. */
export function compareSpans(a: SpanRecord, b: SpanRecord): number {
  return a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

type SpanMap = ReadonlyMap<string, SpanRecord>;
/** One change to the spans table, as a transaction holds it. */
export interface SpanChange {
  before: SpanRecord | null;
  after: SpanRecord | null;
}

const sortedLists = new WeakMap<SpanMap, Map<string, readonly SpanRecord[]>>();

/** The first index of `sorted` whose item is not `before` the target (a binary search). */
export function lowerBound<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(sorted[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of `span` in `sorted` (reading order), or where it would be inserted. */
export function searchIndex(sorted: readonly SpanRecord[], span: SpanRecord): number {
  return lowerBound(sorted, (other) => compareSpans(other, span) < 0);
}

/** Anything with an extent in a text: spans, suggestions. */
type Extent = { start: number; end: number };

const longestLengths = new WeakMap<readonly Extent[], number>();

/**
 * The length of the longest item in `sorted` (0 for none), kept per list. Any upper bound
 * of it serves {@link firstReaching}.
 */
export function longestSpanLength(sorted: readonly Extent[]): number {
  let longest = longestLengths.get(sorted);
  if (longest !== undefined) return longest;
  longest = 0;
  for (const span of sorted) if (span.end - span.start > longest) longest = span.end - span.start;
  longestLengths.set(sorted, longest);
  return longest;
}

/**
 * The first index of `sorted` (by start) whose item can reach `offset` (end after it) when no
 * item is longer than `longest`: one starting before `offset - longest` ends before `offset`.
 * A search for the items around `offset` starts there instead of at the start of the text.
 */
export function firstReaching(sorted: readonly Extent[], offset: number, longest: number): number {
  return lowerBound(sorted, (item) => item.start < offset - longest);
}

/**
 * The spans of `docId` in `spans`, in reading order. The list is shared between callers
 * and must not be changed (copy it first).
 */
export function sortedSpansOf(spans: SpanMap, docId: string): readonly SpanRecord[] {
  let lists = sortedLists.get(spans);
  const cached = lists?.get(docId);
  if (cached) return cached;
  const list: SpanRecord[] = [];
  for (const span of spans.values()) if (span.docId === docId) list.push(span);
  list.sort(compareSpans);
  if (!lists) sortedLists.set(spans, (lists = new Map()));
  lists.set(docId, list);
  return list;
}

/**
 * Builds, in one pass over `spans`, the sorted lists of every document of `docIds` not
 * cached yet (documents without spans get an empty list). A view that needs many documents'
 * lists (the document list's span counts) then costs one pass instead of one per document,
 * and the lists are carried through later transactions like any other.
 */
export function primeSortedSpans(spans: SpanMap, docIds: Iterable<string>): void {
  let lists = sortedLists.get(spans);
  if (!lists) sortedLists.set(spans, (lists = new Map()));
  const missing = new Map<string, SpanRecord[]>();
  for (const docId of docIds) if (!lists.has(docId)) missing.set(docId, []);
  if (!missing.size) return;
  for (const span of spans.values()) missing.get(span.docId)?.push(span);
  for (const [docId, list] of missing) lists.set(docId, list.sort(compareSpans));
}

/**
 * More changes of one document than this are carried by {@link mergedList} instead of one
 * splice each: a splice moves the rest of the list, so accepting 6,400 suggestions in an
 * article of 10,000 spans moved some 80 million entries, and undoing it as many again.
 */
const SPLICE_LIMIT = 32;

/**
 * `list` (sorted) with `changes` applied in one pass: the spans they remove or replace left
 * out, the spans they leave merged in, in reading order.
 */
function mergedList(list: readonly SpanRecord[], changes: readonly SpanChange[]): SpanRecord[] {
  const removed = new Set<string>();
  const added = new Map<string, SpanRecord>();
  for (const { before, after } of changes) {
    if (before) {
      removed.add(before.id);
      added.delete(before.id);
    }
    if (after) added.set(after.id, after);
  }
  const incoming = [...added.values()].sort(compareSpans);
  const merged: SpanRecord[] = [];
  let i = 0;
  for (const span of list) {
    if (removed.has(span.id)) continue;
    while (i < incoming.length && compareSpans(incoming[i]!, span) < 0) merged.push(incoming[i++]!);
    merged.push(span);
  }
  while (i < incoming.length) merged.push(incoming[i++]!);
  return merged;
}

/**
 * Carries the sorted lists of `from` over to `to`, the spans map made by applying `changes`
 * to it: lists of untouched documents are shared, touched ones are patched. Called by
 * `applyTransaction`; lists nobody asked for are not built.
 */
export function carrySortedSpans(from: SpanMap, to: SpanMap, changes: readonly SpanChange[]): void {
  const lists = sortedLists.get(from);
  if (!lists || from === to) return;
  const next = new Map(lists);
  const patched = new Map<string, SpanRecord[]>();
  const editable = (docId: string): SpanRecord[] | undefined => {
    let list = patched.get(docId);
    if (list) return list;
    const shared = next.get(docId);
    if (!shared) return undefined;
    list = shared.slice();
    patched.set(docId, list);
    next.set(docId, list);
    return list;
  };
  const logs = new Map<string, SpanChange[]>();
  const log = (docId: string, change: SpanChange): void => {
    const entries = logs.get(docId);
    if (entries) entries.push(change);
    else logs.set(docId, [change]);
  };
  for (const change of changes) log((change.before ?? change.after)!.docId, change);
  for (const [docId, docChanges] of logs) {
    if (!next.has(docId)) continue;
    // (A span never moves to another document; a change that did would take the splices.)
    if (docChanges.length > SPLICE_LIMIT && docChanges.every(({ before, after }) => !before || !after || before.docId === after.docId)) {
      const list = mergedList(next.get(docId)!, docChanges);
      patched.set(docId, list);
      next.set(docId, list);
      continue;
    }
    for (const { before, after } of docChanges) {
      if (before) {
        const list = editable(before.docId);
        if (list) {
          const at = searchIndex(list, before);
          if (list[at]?.id === before.id) list.splice(at, 1);
          else next.delete(before.docId); // not where it should be: rebuild when asked
        }
      }
      if (after) {
        const list = editable(after.docId);
        if (list) list.splice(searchIndex(list, after), 0, after);
      }
    }
  }
  for (const [docId, list] of patched) {
    if (next.get(docId) !== list) continue;
    const previous = lists.get(docId)!;
    changeLogs.set(list, { from: versionOf(previous), changes: logs.get(docId) ?? [] });
  }
  sortedLists.set(to, next);
}

/** Version numbers of sorted lists (so a change log can name its predecessor without holding it). */
const versions = new WeakMap<readonly SpanRecord[], number>();
let lastVersion = 0;
/** How a carried list differs from the list it was made from. */
const changeLogs = new WeakMap<readonly SpanRecord[], { from: number; changes: readonly SpanChange[] }>();

/** A number identifying a sorted list returned by {@link sortedSpansOf}. */
export function versionOf(list: readonly SpanRecord[]): number {
  let version = versions.get(list);
  if (version === undefined) versions.set(list, (version = ++lastVersion));
  return version;
}

/**
 * The span changes that turned the list of version `fromVersion` into `list`, when `list` was
 * carried from it by one transaction; otherwise null (compare the lists in full).
 */
export function changesSince(list: readonly SpanRecord[], fromVersion: number): readonly SpanChange[] | null {
  const log = changeLogs.get(list);
  return log && log.from === fromVersion ? log.changes : null;
}

/** Per sorted list, its spans of each label asked for ({@link spansLabelled}). */
const labelledLists = new WeakMap<readonly SpanRecord[], Map<string, readonly SpanRecord[]>>();
/** Per label, the last such list handed out and the version of the list it came from. */
const lastLabelled = new Map<string, { version: number; spans: readonly SpanRecord[] }>();

/**
 * The spans of `sorted` (a list from {@link sortedSpansOf}) labelled `label`, in reading
 * order; shared, must not be changed. After a transaction that added, removed or changed no
 * span of that label, the same array as before is returned, so a view listing them (the
 * claims of the attribution panel) has nothing to do for the other edits.
 */
export function spansLabelled(sorted: readonly SpanRecord[], label: string): readonly SpanRecord[] {
  let byLabel = labelledLists.get(sorted);
  const cached = byLabel?.get(label);
  if (cached) return cached;
  const last = lastLabelled.get(label);
  const changes = last ? changesSince(sorted, last.version) : null;
  const untouched = last && changes && !changes.some(({ before, after }) => before?.label === label || after?.label === label);
  const spans = untouched ? last.spans : sorted.filter((span) => span.label === label);
  if (!byLabel) labelledLists.set(sorted, (byLabel = new Map()));
  byLabel.set(label, spans);
  lastLabelled.set(label, { version: versionOf(sorted), spans });
  return spans;
}

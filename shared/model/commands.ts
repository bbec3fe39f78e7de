/**
 * Pure commands: `(state, args, context) → transaction | error`. They never touch the DOM,
 * the database or the clock directly; ids and timestamps come from the context, so every
 * command is deterministic under test.
 */
import { isGraphemeBoundary } from '../text/graphemes';
import { spanRemovalChanges, spanUsage } from './attribution-commands';
import { findLabel, type LabelDef } from './schema';
import type { CorpusState } from './state';
import { lowerBound, sortedSpansOf } from './span-index';
import { applyTransaction, transaction, type RecordChange, type Transaction } from './transaction';
import type { DocumentRecord, DocumentStatus, EditableDocumentFields, SpanRecord } from './types';

/** What commands need from the outside world. */
export interface CommandContext {
  newId(): string;
  now(): string;
  annotator: string;
}

/** A command either builds a transaction or explains, in words for the user, why it cannot. */
export type CommandResult = { ok: true; tx: Transaction } | { ok: false; error: string };

function fail(error: string): CommandResult {
  return { ok: false, error };
}

function statusAfterEdit(doc: DocumentRecord): RecordChange[] {
  if (doc.status !== 'todo') return [];
  return [{ table: 'documents', id: doc.id, before: doc, after: { ...doc, status: 'in-progress' } }];
}

/**
 * Why a span with `label` cannot cover [start, end) of `doc`, or null when it can: offsets
 * out of range or empty, an edge inside a grapheme cluster, an exact duplicate, or crossing
 * a span the schema forbids. `ignoreSpanId` is the span being moved (it cannot clash with
 * itself).
 */
function placementProblem(state: CorpusState, doc: DocumentRecord, start: number, end: number, label: LabelDef, ignoreSpanId?: string): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) {
    return 'Select some text first.';
  }
  if (!isGraphemeBoundary(doc.text, start) || !isGraphemeBoundary(doc.text, end)) {
    return 'A span edge would split a letter from its marks.';
  }
  // Reading order: spans starting at or after `end` can neither equal nor cross the new one.
  for (const other of sortedSpansOf(state.spans, doc.id)) {
    if (other.start >= end) break;
    if (other.id === ignoreSpanId) continue;
    if (other.start === start && other.end === end && other.label === label.id) {
      return `This text is already marked ${label.id}.`;
    }
    const crosses = other.start < end && start < other.end && !(other.start <= start && end <= other.end) && !(start <= other.start && other.end <= end);
    if (!crosses) continue;
    const otherKind = findLabel(state.corpus.schema, other.label)?.kind;
    const rule = state.corpus.schema.allowCrossing;
    if (rule === 'never' || (rule === 'different-kind' && otherKind === label.kind)) {
      return `The ${label.id} span would partly overlap the ${other.label} span “${doc.text.slice(other.start, other.end)}”; spans may nest but not cross.`;
    }
  }
  return null;
}

/** The spans of `span`'s document on exactly its range (itself included): a binary search, no copy. */
function sameRangeSpans(state: CorpusState, span: SpanRecord): SpanRecord[] {
  const sorted = sortedSpansOf(state.spans, span.docId);
  const result: SpanRecord[] = [];
  for (let i = lowerBound(sorted, (o) => o.start < span.start); i < sorted.length && sorted[i]!.start === span.start; i += 1) {
    if (sorted[i]!.end === span.end) result.push(sorted[i]!);
  }
  return result;
}

/**
 * Adds a span `[start, end)` with `label` to a document. Refuses empty or out-of-range
 * offsets, edges inside a grapheme cluster, unknown labels, an exact duplicate, and crossing
 * spans the schema forbids. A first span moves the document from "to do" to "in progress".
 */
export function addSpan(state: CorpusState, args: { docId: string; start: number; end: number; label: string }, ctx: CommandContext): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('That document is no longer in the corpus.');
  const label = findLabel(state.corpus.schema, args.label);
  if (!label) return fail(`There is no label “${args.label}” in this corpus.`);
  const { start, end } = args;
  const problem = placementProblem(state, doc, start, end, label);
  if (problem) return fail(problem);
  const span: SpanRecord = {
    id: ctx.newId(),
    corpusId: doc.corpusId,
    docId: doc.id,
    start,
    end,
    label: label.id,
    annotator: ctx.annotator,
    createdAt: ctx.now(),
  };
  return {
    ok: true,
    tx: transaction([{ table: 'spans', id: span.id, before: null, after: span }, ...statusAfterEdit(doc)], {
      origin: 'user',
      description: `Add ${label.id} span`,
      docId: doc.id,
    }),
  };
}

/**
 * Moves a span's edges to [start, end) in one undoable step, under the rules of adding one
 * (grapheme boundaries, no duplicate, no forbidden crossing). The span keeps its id, so the
 * attributions that use it stay valid.
 */
export function resizeSpan(state: CorpusState, args: { spanId: string; start: number; end: number }): CommandResult {
  const span = state.spans.get(args.spanId);
  if (!span) return fail('That span no longer exists.');
  const doc = state.documents.get(span.docId);
  if (!doc) return fail('That document is no longer in the corpus.');
  const label = findLabel(state.corpus.schema, span.label);
  if (!label) return fail(`There is no label “${span.label}” in this corpus.`);
  if (span.start === args.start && span.end === args.end) return fail('The span already has these edges.');
  const problem = placementProblem(state, doc, args.start, args.end, label, span.id);
  if (problem) return fail(problem === 'Select some text first.' ? 'A span must keep at least one character.' : problem);
  return {
    ok: true,
    tx: transaction([{ table: 'spans', id: span.id, before: span, after: { ...span, start: args.start, end: args.end } }], {
      origin: 'user',
      description: `Resize ${span.label} span`,
      docId: span.docId,
    }),
  };
}

/**
 * Removes a span, and repairs the attributions that use it in the same step: attributions
 * whose claim it is are removed (chains through them are cut), mention and cue links to it
 * are cleared. Undo restores everything.
 */
export function removeSpan(state: CorpusState, args: { spanId: string }): CommandResult {
  const span = state.spans.get(args.spanId);
  if (!span) return fail('That span no longer exists.');
  return {
    ok: true,
    tx: transaction([...spanRemovalChanges(state, span.id), { table: 'spans', id: span.id, before: span, after: null }], {
      origin: 'user',
      description: `Delete ${span.label} span`,
      docId: span.docId,
    }),
  };
}

/** Gives a span another label (same rules as adding one). */
export function relabelSpan(state: CorpusState, args: { spanId: string; label: string }): CommandResult {
  const span = state.spans.get(args.spanId);
  if (!span) return fail('That span no longer exists.');
  const label = findLabel(state.corpus.schema, args.label);
  if (!label) return fail(`There is no label “${args.label}” in this corpus.`);
  if (label.id === span.label) return fail(`This span is already ${label.id}.`);
  const usage = spanUsage(state, span.id);
  if (usage.claimOf || usage.mentionOrCueOf) {
    return fail(`This ${span.label} span is used by ${usage.claimOf + usage.mentionOrCueOf} attribution${usage.claimOf + usage.mentionOrCueOf === 1 ? '' : 's'}; remove ${usage.claimOf + usage.mentionOrCueOf === 1 ? 'it' : 'them'} before changing its label.`);
  }
  const duplicate = sameRangeSpans(state, span).some((o) => o.label === label.id);
  if (duplicate) return fail(`This text is already marked ${label.id}.`);
  return {
    ok: true,
    tx: transaction([{ table: 'spans', id: span.id, before: span, after: { ...span, label: label.id } }], {
      origin: 'user',
      description: `Relabel ${span.label} as ${label.id}`,
      docId: span.docId,
    }),
  };
}

/** Sets a document's workflow status (to do, in progress, done). */
export function setDocumentStatus(state: CorpusState, args: { docId: string; status: DocumentStatus }): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('That document is no longer in the corpus.');
  if (doc.status === args.status) return fail(`The document is already marked ${args.status}.`);
  return {
    ok: true,
    tx: transaction([{ table: 'documents', id: doc.id, before: doc, after: { ...doc, status: args.status } }], {
      origin: 'user',
      description: `Mark document ${args.status}`,
      docId: doc.id,
    }),
  };
}

/** Limits on edited metadata, so a paste cannot bloat every export. */
const FIELD_LIMITS: Record<keyof EditableDocumentFields, number> = { title: 2000, outlet: 500, url: 4000, date: 200 };

/**
 * Edits a document's title, outlet, URL or date (never its text). Values are trimmed; an
 * empty title is refused, an empty outlet/URL/date removes the field.
 */
export function updateDocumentDetails(state: CorpusState, args: { docId: string; fields: Partial<EditableDocumentFields> }): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('That document is no longer in the corpus.');
  let title = doc.title;
  const meta = { ...doc.meta };
  const changed: string[] = [];
  for (const [key, raw] of Object.entries(args.fields) as Array<[keyof EditableDocumentFields, string | undefined]>) {
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value.length > FIELD_LIMITS[key]) return fail(`The ${key} is too long (at most ${FIELD_LIMITS[key]} characters).`);
    if (key === 'title') {
      if (!value) return fail('A document needs a title.');
      if (value !== title) changed.push('title');
      title = value;
      continue;
    }
    if ((meta[key] ?? '') === value) continue;
    changed.push(key);
    if (value) meta[key] = value;
    else delete meta[key];
  }
  if (!changed.length) return fail('Nothing changed.');
  return {
    ok: true,
    tx: transaction([{ table: 'documents', id: doc.id, before: doc, after: { ...doc, title, meta } }], {
      origin: 'user',
      description: `Edit ${changed.join(', ')}`,
      docId: doc.id,
    }),
  };
}

/**
 * Adds several spans in one undoable step (accepting suggestions): each is checked like
 * `addSpan` against the state the previous ones left; spans that cannot be added (already
 * there, crossing) are skipped and counted.
 */
export function addSpans(state: CorpusState, args: { docId: string; spans: ReadonlyArray<{ start: number; end: number; label: string }>; description: string }, ctx: CommandContext): CommandResult & { skipped?: number } {
  let scratch = state;
  const changes: RecordChange[] = [];
  let skipped = 0;
  for (const span of args.spans) {
    const result = addSpan(scratch, { docId: args.docId, ...span }, ctx);
    if (!result.ok) {
      skipped += 1;
      continue;
    }
    changes.push(...result.tx.changes);
    scratch = applyTransaction(scratch, result.tx);
  }
  if (!changes.length) return fail(args.spans.length ? 'Those spans are already marked.' : 'Nothing to add.');
  return { ok: true, tx: transaction(changes, { origin: 'user', description: args.description, docId: args.docId }), skipped };
}

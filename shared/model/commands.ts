/**
 * Pure commands: `(state, args, context) → transaction | error`. They never touch the DOM,
 * the database or the clock directly; ids and timestamps come from the context, so every
 * command is deterministic under test.
 */
import { isGraphemeBoundary } from '../text/graphemes';
import { spanRemovalChanges, spanUsage } from './attribution-commands';
import { findLabel, type LabelDef } from './schema';
import type { CorpusState } from './state';
import { firstReaching, longestSpanLength, lowerBound, searchIndex, sortedSpansOf } from './span-index';
import { transaction, type RecordChange, type Transaction } from './transaction';
import type { DocumentRecord, DocumentStatus, EditableDocumentFields, SpanRecord } from './types';
import { english, phrase, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { appendAll } from '../arrays';

/** What commands need from the outside world. */
export interface CommandContext {
  newId(): string;
  now(): string;
  annotator: string;
}

/**
 * A command either builds a transaction or explains why it cannot: in English (`error`, for
 * the CLI and logs) and as a phrase for the interface's language (absent in refusals made
 * outside shared/, whose `error` is already in the interface language).
 */
export type CommandResult = { ok: true; tx: Transaction } | { ok: false; error: string; phrase?: Phrase };

/** A refusal, from a phrase. */
export function refuse(why: Phrase): CommandResult & { ok: false } {
  return { ok: false, error: english(why), phrase: why };
}

function fail(code: PhraseCode, params?: Record<string, PhraseParam>): CommandResult & { ok: false } {
  return refuse(phrase(code, params));
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
function placementProblem(state: CorpusState, doc: DocumentRecord, start: number, end: number, label: LabelDef, ignoreSpanId?: string): Phrase | null {
  const sorted = sortedSpansOf(state.spans, doc.id);
  return placementProblemAmong(state, sorted, longestSpanLength(sorted), doc, start, end, label, ignoreSpanId);
}

/**
 * {@link placementProblem} against the document's spans `sorted` (reading order), none of
 * them longer than `longest`: only the spans that can reach [start, end) are looked at.
 */
function placementProblemAmong(state: CorpusState, sorted: readonly SpanRecord[], longest: number, doc: DocumentRecord, start: number, end: number, label: LabelDef, ignoreSpanId?: string): Phrase | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) {
    return phrase('refusal.selectFirst');
  }
  if (!isGraphemeBoundary(doc.text, start) || !isGraphemeBoundary(doc.text, end)) {
    return phrase('refusal.splitsLetter');
  }
  // Reading order: spans starting at or after `end` can neither equal nor cross the new one,
  // and a span starting before `start - longest` ends before `start`.
  for (let i = firstReaching(sorted, start, longest); i < sorted.length; i += 1) {
    const other = sorted[i]!;
    if (other.start >= end) break;
    if (other.id === ignoreSpanId) continue;
    if (other.start === start && other.end === end && other.label === label.id) {
      return phrase('refusal.alreadyMarked', { label: label.id });
    }
    const crosses = other.start < end && start < other.end && !(other.start <= start && end <= other.end) && !(start <= other.start && other.end <= end);
    if (!crosses) continue;
    const otherKind = findLabel(state.corpus.schema, other.label)?.kind;
    const rule = state.corpus.schema.allowCrossing;
    if (rule === 'never' || (rule === 'different-kind' && otherKind === label.kind)) {
      return phrase('refusal.crosses', { label: label.id, other: other.label, quote: doc.text.slice(other.start, other.end) });
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
  if (!doc) return fail('refusal.documentGone');
  const label = findLabel(state.corpus.schema, args.label);
  if (!label) return fail('refusal.noLabel', { label: args.label });
  const { start, end } = args;
  const problem = placementProblem(state, doc, start, end, label);
  if (problem) return refuse(problem);
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
      description: phrase('change.addSpan', { label: label.id }),
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
  if (!span) return fail('refusal.spanGone');
  const doc = state.documents.get(span.docId);
  if (!doc) return fail('refusal.documentGone');
  const label = findLabel(state.corpus.schema, span.label);
  if (!label) return fail('refusal.noLabel', { label: span.label });
  if (span.start === args.start && span.end === args.end) return fail('refusal.sameEdges');
  const problem = placementProblem(state, doc, args.start, args.end, label, span.id);
  if (problem) return refuse(problem.code === 'refusal.selectFirst' ? phrase('refusal.keepOneCharacter') : problem);
  return {
    ok: true,
    tx: transaction([{ table: 'spans', id: span.id, before: span, after: { ...span, start: args.start, end: args.end } }], {
      origin: 'user',
      description: phrase('change.resizeSpan', { label: span.label }),
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
  if (!span) return fail('refusal.spanGone');
  return {
    ok: true,
    tx: transaction([...spanRemovalChanges(state, span.id), { table: 'spans', id: span.id, before: span, after: null }], {
      origin: 'user',
      description: phrase('change.deleteSpan', { label: span.label }),
      docId: span.docId,
    }),
  };
}

/** Gives a span another label (same rules as adding one). */
export function relabelSpan(state: CorpusState, args: { spanId: string; label: string }): CommandResult {
  const span = state.spans.get(args.spanId);
  if (!span) return fail('refusal.spanGone');
  const label = findLabel(state.corpus.schema, args.label);
  if (!label) return fail('refusal.noLabel', { label: args.label });
  if (label.id === span.label) return fail('refusal.alreadyLabel', { label: label.id });
  const usage = spanUsage(state, span.id);
  if (usage.claimOf || usage.mentionOrCueOf) {
    return fail('refusal.spanInUse', { label: span.label, count: usage.claimOf + usage.mentionOrCueOf });
  }
  const duplicate = sameRangeSpans(state, span).some((o) => o.label === label.id);
  if (duplicate) return fail('refusal.alreadyMarked', { label: label.id });
  return {
    ok: true,
    tx: transaction([{ table: 'spans', id: span.id, before: span, after: { ...span, label: label.id } }], {
      origin: 'user',
      description: phrase('change.relabelSpan', { from: span.label, to: label.id }),
      docId: span.docId,
    }),
  };
}

/** Sets a document's workflow status (to do, in progress, done). */
export function setDocumentStatus(state: CorpusState, args: { docId: string; status: DocumentStatus }): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('refusal.documentGone');
  if (doc.status === args.status) return fail(`refusal.statusAlready.${args.status}`);
  return {
    ok: true,
    tx: transaction([{ table: 'documents', id: doc.id, before: doc, after: { ...doc, status: args.status } }], {
      origin: 'user',
      description: phrase(`change.status.${args.status}`),
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
  if (!doc) return fail('refusal.documentGone');
  let title = doc.title;
  const meta = { ...doc.meta };
  const changed: Array<keyof EditableDocumentFields> = [];
  for (const [key, raw] of Object.entries(args.fields) as Array<[keyof EditableDocumentFields, string | undefined]>) {
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value.length > FIELD_LIMITS[key]) return fail('refusal.tooLong', { field: phrase(`field.${key}`), limit: FIELD_LIMITS[key] });
    if (key === 'title') {
      if (!value) return fail('refusal.needsTitle');
      if (value !== title) changed.push('title');
      title = value;
      continue;
    }
    if ((meta[key] ?? '') === value) continue;
    changed.push(key);
    if (value) meta[key] = value;
    else delete meta[key];
  }
  if (!changed.length) return fail('refusal.nothingChanged');
  return {
    ok: true,
    tx: transaction([{ table: 'documents', id: doc.id, before: doc, after: { ...doc, title, meta } }], {
      origin: 'user',
      description: phrase('change.editDocument', { fields: changed.map((key) => phrase(`field.${key}`)) }),
      docId: doc.id,
    }),
  };
}

/**
 * Adds several spans in one undoable step (accepting suggestions): each is checked like
 * `addSpan` against the state the previous ones left; spans that cannot be added (already
 * there, crossing) are skipped and counted.
 */
export function addSpans(state: CorpusState, args: { docId: string; spans: ReadonlyArray<{ start: number; end: number; label: string }>; description: Phrase }, ctx: CommandContext): CommandResult & { skipped?: number } {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('refusal.documentGone');
  // The document's spans with those added so far, in reading order: each new span is checked
  // against them as `addSpan` would check it against the state the previous ones left, but
  // without building that state once per span (accepting 6,000 suggestions on a long article
  // copied the spans map and its sorted list 6,000 times: about a second and a half).
  const sorted = sortedSpansOf(state.spans, doc.id).slice();
  let longest = longestSpanLength(sorted);
  const changes: RecordChange[] = [];
  let skipped = 0;
  for (const { start, end, label: labelId } of args.spans) {
    const label = findLabel(state.corpus.schema, labelId);
    if (!label || placementProblemAmong(state, sorted, longest, doc, start, end, label)) {
      skipped += 1;
      continue;
    }
    const span: SpanRecord = { id: ctx.newId(), corpusId: doc.corpusId, docId: doc.id, start, end, label: label.id, annotator: ctx.annotator, createdAt: ctx.now() };
    sorted.splice(searchIndex(sorted, span), 0, span);
    longest = Math.max(longest, end - start);
    changes.push({ table: 'spans', id: span.id, before: null, after: span });
    // (A first span moves the document from "to do" to "in progress".)
    if (changes.length === 1) appendAll(changes, statusAfterEdit(doc));
  }
  if (!changes.length) return fail(args.spans.length ? 'refusal.spansAlreadyMarked' : 'refusal.nothingToAdd');
  return { ok: true, tx: transaction(changes, { origin: 'user', description: args.description, docId: args.docId }), skipped };
}

/** The suggestions rejected in document `docId` (none: an empty list). */
export function rejectedSuggestionsOf(state: CorpusState, docId: string): readonly string[] {
  return state.documents.get(docId)?.rejectedSuggestions ?? NO_REJECTIONS;
}

const NO_REJECTIONS: readonly string[] = Object.freeze([]);

/** The change that sets a document's rejected suggestions to `ids` (the field is removed when empty). */
function withRejections(doc: DocumentRecord, ids: readonly string[]): RecordChange {
  const { rejectedSuggestions: _previous, ...rest } = doc;
  return { table: 'documents', id: doc.id, before: doc, after: ids.length ? { ...rest, rejectedSuggestions: ids } : rest };
}

/**
 * Rejects a suggestion in a document: it is not proposed there again until it is brought
 * back or the rejection is undone. `suggestion` is what the panel showed (its id, label and
 * text, for the undo description).
 */
export function rejectSuggestion(state: CorpusState, args: { docId: string; suggestion: { id: string; label: string; text: string } }): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('refusal.documentGone');
  const rejected = rejectedSuggestionsOf(state, args.docId);
  if (rejected.includes(args.suggestion.id)) return fail('refusal.nothingChanged');
  const { label, text } = args.suggestion;
  return {
    ok: true,
    tx: transaction([withRejections(doc, [...rejected, args.suggestion.id])], { origin: 'user', description: phrase('change.rejectSuggestion', { label, text }), docId: doc.id }),
  };
}

/** Brings back every suggestion rejected in a document: they are proposed again. */
export function restoreRejectedSuggestions(state: CorpusState, args: { docId: string }): CommandResult {
  const doc = state.documents.get(args.docId);
  const rejected = rejectedSuggestionsOf(state, args.docId);
  if (!doc || !rejected.length) return fail('refusal.nothingChanged');
  return {
    ok: true,
    tx: transaction([withRejections(doc, [])], { origin: 'user', description: phrase('change.restoreSuggestions', { count: rejected.length }), docId: doc.id }),
  };
}

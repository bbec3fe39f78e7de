/**
 * Merging an imported dataset into the open corpus: a pure plan the user previews (what is
 * new, what is already there, what conflicts) and one undoable transaction that carries it out.
 *
 * - Documents are matched by the SHA-256 of their text. Unmatched documents are added whole.
 * - In a matched document each incoming span is identical to an existing one (same range and
 *   label: nothing to do), new, or in conflict with existing spans: the same range with another
 *   label of the same kind ("relabelled"), the same label over an overlapping but different
 *   range ("boundaries"), or two labels of the same kind crossing ("crossing"). Nesting of
 *   different labels (an entity inside a claim, a place inside an organisation) is not a
 *   conflict, and neither are labels of different kinds on the same text.
 * - Sources are matched by their names (`sameNamesKey`), then by id; others join the registry.
 * - Attributions follow their spans and sources; one whose claim, mention, cue or "via" did
 *   not make it into the merge has missing ends.
 * The user decides per category (see {@link MergeChoices}).
 */
import { sameNamesKey, spanRemovalChanges } from './attribution-commands';
import type { CommandContext } from './commands';
import { ATTRIBUTE_NAMES, attributeValues, findLabel, type AttributeValues, type LabelDef, type LabelSchema } from './schema';
import { applyTransaction, transaction, type RecordChange, type Transaction } from './transaction';
import { compareSpans, documentsInOrder, spansByDocument, type CorpusState } from './state';
import type { AttributionRecord, DocumentRecord, SourceRecord, SpanRecord } from './types';
import type { Phrase } from '../phrases/phrase';
import { appendAll, maxOf } from '../arrays';

/** How an incoming span conflicts with existing ones. */
export type SpanConflictKind = 'relabelled' | 'boundaries' | 'crossing';

/** An incoming span that conflicts with existing spans of the same document. */
export interface SpanConflict {
  kind: SpanConflictKind;
  docId: string;
  docTitle: string;
  incoming: SpanRecord;
  existing: SpanRecord[];
}

/** The user's decision for each category of a merge. */
export interface MergeChoices {
  /** New spans in documents the corpus already has. */
  newSpans: 'take-incoming' | 'keep-existing';
  /** Conflicting spans: keep the corpus's, replace them by the file's, or keep both. */
  conflicts: 'keep-existing' | 'take-incoming' | 'keep-both';
  /** Sources the registry already has (same names) but whose details differ. */
  sources: 'keep-existing' | 'take-incoming';
  /** Attributions with a missing mention, cue or "via": skip them, or keep them without the missing links. */
  missingEnds: 'skip' | 'keep-partial';
}

/** What the preview proposes before the user chooses. */
export const DEFAULT_MERGE_CHOICES: MergeChoices = { newSpans: 'take-incoming', conflicts: 'keep-existing', sources: 'keep-existing', missingEnds: 'keep-partial' };

/** An incoming attribution that cannot be merged whole. */
export interface MissingEnds {
  incoming: AttributionRecord;
  /** Which ends are missing: 'claim' and 'source' (then it is always skipped), 'mention', 'cue', 'via'. */
  missing: Array<'claim' | 'source' | 'mention' | 'cue' | 'via'>;
  /** What the merge does with it under the current choices. */
  outcome: 'skipped' | 'kept-partial';
}

/** The previewed merge: every category with its items, under the given choices. */
export interface MergePlan {
  choices: MergeChoices;
  newDocuments: DocumentRecord[];
  matchedDocuments: Array<{ incoming: DocumentRecord; existing: DocumentRecord }>;
  /** Incoming documents with the same text as an earlier incoming one: skipped. */
  repeatedDocuments: Array<{ incoming: DocumentRecord; sameAs: DocumentRecord }>;
  /** Spans of new documents (added with them). */
  spansOfNewDocuments: number;
  identicalSpans: Array<{ incoming: SpanRecord; existing: SpanRecord }>;
  /** New spans in matched documents. */
  newSpans: SpanRecord[];
  conflicts: SpanConflict[];
  /** Conflicts that cannot be kept both (they would cross a span the schema forbids crossing): the existing span is kept. */
  notKeptBoth: SpanConflict[];
  sameSources: Array<{ incoming: SourceRecord; existing: SourceRecord; differs: boolean }>;
  newSources: SourceRecord[];
  identicalAttributions: number;
  /** Attributions added whole. */
  newAttributions: number;
  missingEnds: MissingEnds[];
  /** Labels of the file that the corpus schema lacks (added to it). */
  labelsAdded: LabelDef[];
  /** Attribute values of the file's schema that the corpus lacks, per attribute (added to it, so the merged attributions keep theirs). */
  attributeValuesAdded: Partial<AttributeValues>;
}

/** The values of each attribute that `incoming` allows and `existing` does not, in the file's order. */
function newAttributeValues(existing: LabelSchema, incoming: LabelSchema): Partial<AttributeValues> {
  const ours = attributeValues(existing);
  const theirs = attributeValues(incoming);
  const added: Partial<AttributeValues> = {};
  for (const attribute of ATTRIBUTE_NAMES) {
    const values = theirs[attribute].filter((value) => !ours[attribute].includes(value));
    if (values.length) added[attribute] = values;
  }
  return added;
}

/** `schema` with `values` appended to its attribute values. */
function withAttributeValues(schema: LabelSchema, values: Partial<AttributeValues>): LabelSchema {
  const current = attributeValues(schema);
  const attributes = { ...current };
  for (const attribute of ATTRIBUTE_NAMES) if (values[attribute]?.length) attributes[attribute] = [...current[attribute], ...values[attribute]!];
  return { ...schema, attributes };
}

function overlaps(a: SpanRecord, b: SpanRecord): boolean {
  return a.start < b.end && b.start < a.end;
}

function nested(a: SpanRecord, b: SpanRecord): boolean {
  return (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
}

function kindOf(schema: LabelSchema, label: string): string {
  return findLabel(schema, label)?.kind ?? 'entity';
}

/** How `incoming` conflicts with `existing` (both in one document), or null when they can live together. */
export function spanConflictKind(schema: LabelSchema, incoming: SpanRecord, existing: SpanRecord): SpanConflictKind | null {
  if (!overlaps(incoming, existing)) return null;
  const sameRange = incoming.start === existing.start && incoming.end === existing.end;
  if (incoming.label === existing.label) return sameRange ? null : 'boundaries';
  if (kindOf(schema, incoming.label) !== kindOf(schema, existing.label)) return null;
  if (sameRange) return 'relabelled';
  return nested(incoming, existing) ? null : 'crossing';
}

const SOURCE_FIELDS = ['nameAr', 'nameLatin', 'kind', 'aliasesAr', 'aliasesLatin', 'ambiguous', 'note', 'url'] as const;

function sourceDetails(source: SourceRecord): string {
  return JSON.stringify(SOURCE_FIELDS.map((f) => source[f] ?? null));
}

function mergedSchema(existing: LabelSchema, incoming: LabelSchema): { schema: LabelSchema; added: LabelDef[] } {
  const added = incoming.labels.filter((l) => !findLabel(existing, l.id));
  return { schema: added.length ? { ...existing, labels: [...existing.labels, ...added] } : existing, added };
}

/** Would adding `span` cross a span of `others` in a way the schema forbids? */
function crossingForbidden(schema: LabelSchema, span: SpanRecord, others: readonly SpanRecord[]): boolean {
  if (schema.allowCrossing === 'always') return false;
  return others.some((o) => overlaps(o, span) && !nested(o, span) && (schema.allowCrossing === 'never' || kindOf(schema, o.label) === kindOf(schema, span.label)));
}

/**
 * Plans the merge of `incoming` (a dataset read from a file) into `existing` under `choices`.
 * Pure: nothing is written; the plan is what the preview shows and what
 * {@link mergeTransaction} carries out.
 */
export function planMerge(existing: CorpusState, incoming: CorpusState, choices: MergeChoices = DEFAULT_MERGE_CHOICES): MergePlan {
  const { schema, added: labelsAdded } = mergedSchema(existing.corpus.schema, incoming.corpus.schema);
  const byHash = new Map<string, DocumentRecord>();
  for (const doc of existing.documents.values()) byHash.set(doc.sha256, doc);
  const seen = new Map<string, DocumentRecord>();
  const plan: MergePlan = {
    choices,
    newDocuments: [],
    matchedDocuments: [],
    repeatedDocuments: [],
    spansOfNewDocuments: 0,
    identicalSpans: [],
    newSpans: [],
    conflicts: [],
    notKeptBoth: [],
    sameSources: [],
    newSources: [],
    identicalAttributions: 0,
    newAttributions: 0,
    missingEnds: [],
    labelsAdded,
    attributeValuesAdded: newAttributeValues(existing.corpus.schema, incoming.corpus.schema),
  };
  const existingSpans = spansByDocument(existing);
  const incomingSpans = spansByDocument(incoming);
  for (const doc of documentsInOrder(incoming)) {
    const earlier = seen.get(doc.sha256);
    if (earlier) {
      plan.repeatedDocuments.push({ incoming: doc, sameAs: earlier });
      continue;
    }
    seen.set(doc.sha256, doc);
    const match = byHash.get(doc.sha256);
    const spans = incomingSpans.get(doc.id) ?? [];
    if (!match) {
      plan.newDocuments.push(doc);
      plan.spansOfNewDocuments += spans.length;
      continue;
    }
    plan.matchedDocuments.push({ incoming: doc, existing: match });
    const present = existingSpans.get(match.id) ?? [];
    for (const span of spans) {
      const same = present.find((e) => e.start === span.start && e.end === span.end && e.label === span.label);
      if (same) {
        plan.identicalSpans.push({ incoming: span, existing: same });
        continue;
      }
      const conflicting = present.filter((e) => spanConflictKind(schema, span, e) !== null);
      if (!conflicting.length) {
        plan.newSpans.push(span);
        continue;
      }
      const kinds = conflicting.map((e) => spanConflictKind(schema, span, e)!);
      const kind = kinds.includes('relabelled') ? 'relabelled' : kinds.includes('boundaries') ? 'boundaries' : 'crossing';
      const conflict: SpanConflict = { kind, docId: match.id, docTitle: match.title, incoming: span, existing: conflicting };
      plan.conflicts.push(conflict);
      if (crossingForbidden(schema, span, present)) plan.notKeptBoth.push(conflict);
    }
  }
  planSources(existing, incoming, plan);
  planAttributions(existing, incoming, plan);
  return plan;
}

function planSources(existing: CorpusState, incoming: CorpusState, plan: MergePlan): void {
  const byNames = new Map<string, SourceRecord>();
  for (const s of existing.sources.values()) byNames.set(sameNamesKey(s), s);
  for (const source of incoming.sources.values()) {
    const match = byNames.get(sameNamesKey(source)) ?? existing.sources.get(source.id);
    if (match) plan.sameSources.push({ incoming: source, existing: match, differs: sourceDetails(match) !== sourceDetails(source) });
    else plan.newSources.push(source);
  }
}

/** Which incoming spans end up in the merge, as the id they will have (existing or incoming). */
function keptSpans(plan: MergePlan): Map<string, string> {
  const kept = new Map<string, string>();
  for (const { incoming, existing } of plan.identicalSpans) kept.set(incoming.id, existing.id);
  if (plan.choices.newSpans === 'take-incoming') for (const s of plan.newSpans) kept.set(s.id, s.id);
  const notKeptBoth = new Set(plan.notKeptBoth.map((c) => c.incoming.id));
  for (const c of plan.conflicts) {
    if (plan.choices.conflicts === 'take-incoming' || (plan.choices.conflicts === 'keep-both' && !notKeptBoth.has(c.incoming.id))) kept.set(c.incoming.id, c.incoming.id);
  }
  return kept;
}

function planAttributions(existing: CorpusState, incoming: CorpusState, plan: MergePlan): void {
  const newDocs = new Set(plan.newDocuments.map((d) => d.id));
  const matchedDocs = new Set(plan.matchedDocuments.map((m) => m.incoming.id));
  const kept = keptSpans(plan);
  for (const s of incoming.spans.values()) if (newDocs.has(s.docId)) kept.set(s.id, s.id);
  const sourceOf = new Map<string, string>();
  for (const { incoming: s, existing: e } of plan.sameSources) sourceOf.set(s.id, e.id);
  const existingKeys = new Set([...existing.attributions.values()].map((a) => `${a.claimSpanId}|${a.sourceId}`));
  const outcome = new Map<string, 'identical' | 'added' | 'skipped'>();
  const decide = (a: AttributionRecord, trail: Set<string>): 'identical' | 'added' | 'skipped' => {
    const known = outcome.get(a.id);
    if (known) return known;
    if (trail.has(a.id)) return 'skipped';
    trail.add(a.id);
    const missing: MissingEnds['missing'] = [];
    const claim = kept.get(a.claimSpanId);
    if (!claim) missing.push('claim');
    const sourceId = sourceOf.get(a.sourceId) ?? a.sourceId;
    if (!sourceOf.has(a.sourceId) && !incoming.sources.has(a.sourceId)) missing.push('source');
    if (claim && existingKeys.has(`${claim}|${sourceId}`)) {
      outcome.set(a.id, 'identical');
      plan.identicalAttributions += 1;
      return 'identical';
    }
    if (a.mentionSpanId && !kept.has(a.mentionSpanId)) missing.push('mention');
    if (a.cueSpanId && !kept.has(a.cueSpanId)) missing.push('cue');
    const via = a.viaId ? incoming.attributions.get(a.viaId) : undefined;
    if (a.viaId && (!via || decide(via, trail) === 'skipped')) missing.push('via');
    let result: 'added' | 'skipped';
    if (!missing.length) {
      result = 'added';
      plan.newAttributions += 1;
    } else {
      result = missing.includes('claim') || missing.includes('source') || plan.choices.missingEnds === 'skip' ? 'skipped' : 'added';
      plan.missingEnds.push({ incoming: a, missing, outcome: result === 'added' ? 'kept-partial' : 'skipped' });
    }
    outcome.set(a.id, result);
    return result;
  };
  for (const a of incoming.attributions.values()) if (newDocs.has(a.docId) || matchedDocs.has(a.docId)) decide(a, new Set());
}

/**
 * The one transaction that carries out a plan: every added record gets a fresh id (record ids
 * are unique across corpora), spans the user replaced are removed with their attributions
 * repaired, and the schema gains the file's labels and attribute values. Undo takes the whole
 * merge back.
 */
export function mergeTransaction(existing: CorpusState, incoming: CorpusState, plan: MergePlan, ctx: CommandContext, description: Phrase): Transaction | null {
  const corpusId = existing.corpus.id;
  const changes: RecordChange[] = [];
  let working = existing;
  const push = (list: RecordChange[]): void => {
    if (!list.length) return;
    working = applyTransaction(working, transaction(list, { origin: 'import', description }));
    appendAll(changes, list);
  };
  const valuesAdded = Object.keys(plan.attributeValuesAdded).length > 0;
  if (plan.labelsAdded.length || valuesAdded) {
    const corpus = existing.corpus;
    const labelled = plan.labelsAdded.length ? { ...corpus.schema, labels: [...corpus.schema.labels, ...plan.labelsAdded] } : corpus.schema;
    push([{ table: 'corpora', id: corpus.id, before: corpus, after: { ...corpus, schema: valuesAdded ? withAttributeValues(labelled, plan.attributeValuesAdded) : labelled } }]);
  }

  // Sources first: documents and attributions point at them.
  const sourceId = new Map<string, string>();
  for (const { incoming: s, existing: e, differs } of plan.sameSources) {
    sourceId.set(s.id, e.id);
    if (differs && plan.choices.sources === 'take-incoming') {
      const current = working.sources.get(e.id)!;
      const after: SourceRecord = { ...current };
      for (const field of SOURCE_FIELDS) {
        if (s[field] === undefined) delete after[field];
        else (after as unknown as Record<string, unknown>)[field] = s[field];
      }
      push([{ table: 'sources', id: e.id, before: current, after }]);
    }
  }
  const addedSources: RecordChange[] = [];
  for (const s of plan.newSources) {
    const id = ctx.newId();
    sourceId.set(s.id, id);
    addedSources.push({ table: 'sources', id, before: null, after: { ...s, id, corpusId } });
  }
  push(addedSources);

  // Documents: new ones at the end of the list.
  const docId = new Map<string, string>();
  for (const { incoming: d, existing: e } of plan.matchedDocuments) docId.set(d.id, e.id);
  let order = maxOf([...existing.documents.values()].map((d) => d.order), -1) + 1;
  const addedDocs: RecordChange[] = [];
  for (const d of plan.newDocuments) {
    const id = ctx.newId();
    docId.set(d.id, id);
    const publisherId = d.publisherId ? sourceId.get(d.publisherId) : undefined;
    const { publisherId: _p, ...rest } = d;
    addedDocs.push({ table: 'documents', id, before: null, after: { ...rest, id, corpusId, order: order++, ...(publisherId ? { publisherId } : {}) } });
  }
  push(addedDocs);

  // Spans the user replaced (conflicts taken from the file), then the spans added.
  const keepExistingIds = new Set(plan.identicalSpans.map((p) => p.existing.id));
  if (plan.choices.conflicts === 'take-incoming') {
    const removed = new Set<string>();
    for (const c of plan.conflicts) {
      for (const e of c.existing) {
        if (removed.has(e.id) || keepExistingIds.has(e.id)) continue;
        removed.add(e.id);
        push([...spanRemovalChanges(working, e.id), { table: 'spans', id: e.id, before: working.spans.get(e.id)!, after: null }]);
      }
    }
  }
  const spanId = new Map<string, string>();
  for (const { incoming: s, existing: e } of plan.identicalSpans) spanId.set(s.id, e.id);
  const toAdd: SpanRecord[] = [];
  const newDocIds = new Set(plan.newDocuments.map((d) => d.id));
  for (const s of incoming.spans.values()) if (newDocIds.has(s.docId)) toAdd.push(s);
  if (plan.choices.newSpans === 'take-incoming') appendAll(toAdd, plan.newSpans);
  const notKeptBoth = new Set(plan.notKeptBoth.map((c) => c.incoming.id));
  for (const c of plan.conflicts) {
    if (plan.choices.conflicts === 'take-incoming' || (plan.choices.conflicts === 'keep-both' && !notKeptBoth.has(c.incoming.id))) toAdd.push(c.incoming);
  }
  const addedSpans: RecordChange[] = [];
  for (const s of toAdd.sort(compareSpans)) {
    const id = ctx.newId();
    spanId.set(s.id, id);
    addedSpans.push({ table: 'spans', id, before: null, after: { ...s, id, corpusId, docId: docId.get(s.docId)! } });
  }
  push(addedSpans);

  // Attributions, in an order where each "via" comes before what points at it.
  const skipped = new Set(plan.missingEnds.filter((m) => m.outcome === 'skipped').map((m) => m.incoming.id));
  const identical = new Set<string>();
  const existingByKey = new Map([...existing.attributions.values()].map((a) => [`${a.claimSpanId}|${a.sourceId}`, a.id]));
  const attributionId = new Map<string, string>();
  for (const a of incoming.attributions.values()) {
    const claim = spanId.get(a.claimSpanId);
    const known = claim ? existingByKey.get(`${claim}|${sourceId.get(a.sourceId) ?? a.sourceId}`) : undefined;
    if (known) {
      identical.add(a.id);
      attributionId.set(a.id, known);
    } else if (!skipped.has(a.id) && docId.has(a.docId)) attributionId.set(a.id, ctx.newId());
  }
  const addedAttributions: RecordChange[] = [];
  const done = new Set<string>();
  const add = (a: AttributionRecord): void => {
    if (done.has(a.id) || identical.has(a.id) || !attributionId.has(a.id)) return;
    done.add(a.id);
    const via = a.viaId ? incoming.attributions.get(a.viaId) : undefined;
    if (via) add(via);
    const id = attributionId.get(a.id)!;
    const { mentionSpanId, cueSpanId, viaId, ...rest } = a;
    const mention = mentionSpanId ? spanId.get(mentionSpanId) : undefined;
    const cue = cueSpanId ? spanId.get(cueSpanId) : undefined;
    const viaTo = viaId ? attributionId.get(viaId) : undefined;
    const record: AttributionRecord = {
      ...rest,
      id,
      corpusId,
      docId: docId.get(a.docId)!,
      claimSpanId: spanId.get(a.claimSpanId)!,
      sourceId: sourceId.get(a.sourceId) ?? a.sourceId,
      ...(mention ? { mentionSpanId: mention } : {}),
      ...(cue ? { cueSpanId: cue } : {}),
      ...(viaTo ? { viaId: viaTo } : {}),
    };
    addedAttributions.push({ table: 'attributions', id, before: null, after: record });
  };
  for (const a of incoming.attributions.values()) add(a);
  push(addedAttributions);

  if (!changes.length) return null;
  const first = plan.newDocuments[0] ? docId.get(plan.newDocuments[0].id) : plan.matchedDocuments[0]?.existing.id;
  return transaction(changes, { origin: 'import', addToHistory: true, description, ...(first ? { docId: first } : {}) });
}

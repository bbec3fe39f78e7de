/**
 * Pure commands on the source registry and on attributions. Every command keeps the
 * integrity rules: an attribution's claim is a CLAIM span, its mention a SOURCE span and its
 * cue a CUE span of the same document; its source is in the registry; `via` points at an
 * attribution of the same document and never makes a cycle.
 */
import { refuse, type CommandContext, type CommandResult } from './commands';
import { phrase, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { ATTRIBUTE_NAMES, attributeValues } from './schema';
import type { CorpusState } from './state';
import { applyTransaction, transaction, type RecordChange } from './transaction';
import type { AttributionRecord, SourceKind, SourceRecord } from './types';
import { SOURCE_KINDS } from './types';
import { sourceNamesParam } from '../attribution/source-names';

function fail(code: PhraseCode, params?: Record<string, PhraseParam>): CommandResult {
  return refuse(phrase(code, params));
}

/** The editable fields of a source. */
export type SourceFields = Pick<SourceRecord, 'nameAr' | 'nameLatin' | 'kind' | 'aliasesAr' | 'aliasesLatin'> & Partial<Pick<SourceRecord, 'ambiguous' | 'note' | 'url'>>;

function cleanList(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

function sourceProblem(fields: SourceFields): Phrase | null {
  if (!fields.nameAr.trim() && !fields.nameLatin.trim()) return phrase('refusal.sourceNeedsName');
  if (!SOURCE_KINDS.includes(fields.kind as SourceKind)) return phrase('refusal.notSourceKind', { kind: fields.kind });
  return null;
}

function normalisedFields(fields: SourceFields): SourceFields {
  return {
    nameAr: fields.nameAr.trim(),
    nameLatin: fields.nameLatin.trim(),
    kind: fields.kind,
    aliasesAr: cleanList(fields.aliasesAr),
    aliasesLatin: cleanList(fields.aliasesLatin),
    ...(fields.ambiguous?.length ? { ambiguous: cleanList(fields.ambiguous) } : {}),
    ...(fields.note?.trim() ? { note: fields.note.trim() } : {}),
    ...(fields.url?.trim() ? { url: fields.url.trim() } : {}),
  };
}

/** The key under which two sources count as the same entry: same Latin name (any case) and same Arabic name. */
export function sameNamesKey(source: Pick<SourceRecord, 'nameAr' | 'nameLatin'>): string {
  return `${source.nameLatin.trim().toLowerCase()}|${source.nameAr.trim()}`;
}

/** Adds a source to the registry. */
export function addSource(state: CorpusState, fields: SourceFields, ctx: CommandContext): CommandResult {
  const problem = sourceProblem(fields);
  if (problem) return refuse(problem);
  const source: SourceRecord = { ...normalisedFields(fields), id: ctx.newId(), corpusId: state.corpus.id, createdAt: ctx.now() };
  return { ok: true, tx: transaction([{ table: 'sources', id: source.id, before: null, after: source }], { origin: 'user', description: phrase('change.addSource', { source: sourceNamesParam(source) }) }) };
}

/**
 * Adds several sources in one undoable step; invalid ones are refused. `describe` names the
 * step from the number of sources added ("Import 3 sources" by default).
 */
export function addSources(state: CorpusState, list: readonly SourceFields[], ctx: CommandContext, describe: (count: number) => Phrase = (count) => phrase('change.importSources', { count })): CommandResult {
  const changes: RecordChange[] = [];
  for (const fields of list) {
    if (sourceProblem(fields)) continue;
    const source: SourceRecord = { ...normalisedFields(fields), id: ctx.newId(), corpusId: state.corpus.id, createdAt: ctx.now() };
    changes.push({ table: 'sources', id: source.id, before: null, after: source });
  }
  if (!changes.length) return fail('refusal.noSourcesAdded');
  return { ok: true, tx: transaction(changes, { origin: 'user', description: describe(changes.length) }) };
}

/** Edits a source. */
export function updateSource(state: CorpusState, args: { sourceId: string; fields: SourceFields }): CommandResult {
  const source = state.sources.get(args.sourceId);
  if (!source) return fail('refusal.sourceGone');
  const problem = sourceProblem(args.fields);
  if (problem) return refuse(problem);
  const { ambiguous: _a, note: _n, url: _u, ...base } = source;
  const after: SourceRecord = { ...base, ...normalisedFields(args.fields) };
  return { ok: true, tx: transaction([{ table: 'sources', id: source.id, before: source, after }], { origin: 'user', description: phrase('change.editSource', { source: sourceNamesParam(after) }) }) };
}

/** How many attributions and documents point at a source. */
export function sourceUsage(state: CorpusState, sourceId: string): { attributions: number; publishers: number } {
  let attributions = 0;
  let publishers = 0;
  for (const a of state.attributions.values()) if (a.sourceId === sourceId) attributions += 1;
  for (const d of state.documents.values()) if (d.publisherId === sourceId) publishers += 1;
  return { attributions, publishers };
}

/** Deletes a source; refused while claims or documents point at it, saying how many. */
export function deleteSource(state: CorpusState, args: { sourceId: string }): CommandResult {
  const source = state.sources.get(args.sourceId);
  if (!source) return fail('refusal.sourceGone');
  const usage = sourceUsage(state, source.id);
  if (usage.attributions || usage.publishers) {
    const claims = phrase('refusal.usage.claims', { count: usage.attributions });
    const published = phrase('refusal.usage.published', { count: usage.publishers });
    const uses = usage.attributions && usage.publishers ? phrase('refusal.uses', { first: claims, second: published }) : usage.attributions ? claims : published;
    return fail('refusal.sourceInUse', { source: sourceNamesParam(source), uses });
  }
  return { ok: true, tx: transaction([{ table: 'sources', id: source.id, before: source, after: null }], { origin: 'user', description: phrase('change.deleteSource', { source: sourceNamesParam(source) }) }) };
}

/**
 * Merges `mergeId` into `keepId` (they are the same source): every attribution and
 * publisher link follows, the merged source's names become aliases of the kept one, and the
 * merged entry is removed. One undoable step.
 */
export function mergeSources(state: CorpusState, args: { keepId: string; mergeId: string }): CommandResult {
  const keep = state.sources.get(args.keepId);
  const merge = state.sources.get(args.mergeId);
  if (!keep || !merge) return fail('refusal.bothSources');
  if (keep.id === merge.id) return fail('refusal.mergeSelf');
  const names = (s: SourceRecord): { ar: string[]; latin: string[] } => ({ ar: [s.nameAr, ...s.aliasesAr], latin: [s.nameLatin, ...s.aliasesLatin] });
  const merged = names(merge);
  const after: SourceRecord = {
    ...keep,
    aliasesAr: cleanList([...keep.aliasesAr, ...merged.ar]).filter((n) => n !== keep.nameAr),
    aliasesLatin: cleanList([...keep.aliasesLatin, ...merged.latin]).filter((n) => n !== keep.nameLatin),
    ...(keep.ambiguous || merge.ambiguous ? { ambiguous: cleanList([...(keep.ambiguous ?? []), ...(merge.ambiguous ?? [])]) } : {}),
  };
  const changes: RecordChange[] = [{ table: 'sources', id: keep.id, before: keep, after }];
  for (const a of state.attributions.values()) if (a.sourceId === merge.id) changes.push({ table: 'attributions', id: a.id, before: a, after: { ...a, sourceId: keep.id } });
  for (const d of state.documents.values()) if (d.publisherId === merge.id) changes.push({ table: 'documents', id: d.id, before: d, after: { ...d, publisherId: keep.id } });
  changes.push({ table: 'sources', id: merge.id, before: merge, after: null });
  return { ok: true, tx: transaction(changes, { origin: 'user', description: phrase('change.mergeSources', { source: sourceNamesParam(merge), into: sourceNamesParam(keep) }) }) };
}

/** Would setting `viaId` on `attributionId` make a cycle (or point at itself)? */
export function wouldCycle(state: CorpusState, attributionId: string, viaId: string): boolean {
  const seen = new Set<string>([attributionId]);
  for (let id: string | undefined = viaId; id; id = state.attributions.get(id)?.viaId) {
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** What an attribution is made of; everything but claim and source is optional. */
export interface AttributionFields {
  claimSpanId: string;
  sourceId: string;
  mentionSpanId?: string | undefined;
  cueSpanId?: string | undefined;
  quotation?: string | undefined;
  stance?: string | undefined;
  claimType?: string | undefined;
  viaId?: string | undefined;
}

function checkAttribution(state: CorpusState, id: string, fields: AttributionFields): Phrase | null {
  const claim = state.spans.get(fields.claimSpanId);
  if (!claim) return phrase('refusal.claimGone');
  if (claim.label !== 'CLAIM') return phrase('refusal.notClaim', { label: claim.label });
  if (!state.sources.has(fields.sourceId)) return phrase('refusal.sourceNotInRegistry');
  for (const [key, label] of [
    ['mentionSpanId', 'SOURCE'],
    ['cueSpanId', 'CUE'],
  ] as const) {
    const spanId = fields[key];
    if (!spanId) continue;
    const span = state.spans.get(spanId);
    if (!span) return phrase('refusal.labelSpanGone', { label });
    if (span.label !== label) return phrase(key === 'cueSpanId' ? 'refusal.cueLabel' : 'refusal.mentionLabel', { label, actual: span.label });
    if (span.docId !== claim.docId) return phrase('refusal.otherDocument', { label });
  }
  const values = attributeValues(state.corpus.schema);
  for (const key of ATTRIBUTE_NAMES) {
    const value = fields[key];
    if (value && !values[key].includes(value)) return phrase('refusal.notAttributeValue', { value, attribute: phrase(`attributionField.${key}`), values: values[key] });
  }
  if (fields.viaId) {
    const via = state.attributions.get(fields.viaId);
    if (!via) return phrase('refusal.viaGone');
    if (via.docId !== claim.docId) return phrase('refusal.chainOneDocument');
    if (wouldCycle(state, id, fields.viaId)) return phrase('refusal.chainCircle');
  }
  return null;
}

function withFields(base: Omit<AttributionRecord, keyof AttributionFields>, fields: AttributionFields): AttributionRecord {
  const record: AttributionRecord = { ...base, claimSpanId: fields.claimSpanId, sourceId: fields.sourceId };
  for (const key of ['mentionSpanId', 'cueSpanId', 'quotation', 'stance', 'claimType', 'viaId'] as const) {
    const value = fields[key];
    if (value) record[key] = value;
  }
  return record;
}

/** Attributes a claim to a source (optionally with mention, cue, attributes and via). */
export function addAttribution(state: CorpusState, fields: AttributionFields, ctx: CommandContext): CommandResult {
  const id = ctx.newId();
  const problem = checkAttribution(state, id, fields);
  if (problem) return refuse(problem);
  const claim = state.spans.get(fields.claimSpanId)!;
  const record = withFields({ id, corpusId: state.corpus.id, docId: claim.docId, annotator: ctx.annotator, createdAt: ctx.now() }, fields);
  const source = state.sources.get(fields.sourceId)!;
  return { ok: true, tx: transaction([{ table: 'attributions', id, before: null, after: record }], { origin: 'user', description: phrase('change.attribute', { source: sourceNamesParam(source) }), docId: claim.docId }) };
}

/**
 * Attributes a claim to a source that is not in the registry yet: the source is added and
 * the claim attributed to it in one undoable step (one Enter in the palette, one undo).
 */
export function attributeToNewSource(state: CorpusState, source: SourceFields, fields: Omit<AttributionFields, 'sourceId'>, ctx: CommandContext): CommandResult {
  const added = addSource(state, source, ctx);
  if (!added.ok) return added;
  const sourceId = added.tx.changes[0]!.id;
  const attributed = addAttribution(applyTransaction(state, added.tx), { ...fields, sourceId }, ctx);
  if (!attributed.ok) return attributed;
  return { ok: true, tx: { ...attributed.tx, changes: [...added.tx.changes, ...attributed.tx.changes] } };
}

/** Changes an attribution: its source, mention, cue, attributes or via (undefined keeps, null clears). */
export function updateAttribution(state: CorpusState, args: { attributionId: string; patch: { [K in keyof AttributionFields]?: string | null } }): CommandResult {
  const current = state.attributions.get(args.attributionId);
  if (!current) return fail('refusal.attributionGone');
  const fields: AttributionFields = { ...current };
  for (const [key, value] of Object.entries(args.patch) as Array<[keyof AttributionFields, string | null | undefined]>) {
    if (value === undefined) continue;
    if (value === null) {
      if (key === 'claimSpanId' || key === 'sourceId') return fail(key === 'sourceId' ? 'refusal.keepSource' : 'refusal.keepClaim');
      delete fields[key];
    } else fields[key] = value;
  }
  const problem = checkAttribution(state, current.id, fields);
  if (problem) return refuse(problem);
  const { mentionSpanId: _m, cueSpanId: _c, quotation: _q, stance: _s, claimType: _t, viaId: _v, ...base } = current;
  const after = withFields(base, fields);
  const changed = (Object.keys(args.patch) as Array<keyof AttributionFields>).filter((k) => args.patch[k] !== undefined);
  return { ok: true, tx: transaction([{ table: 'attributions', id: current.id, before: current, after }], { origin: 'user', description: phrase('change.editAttribution', { fields: changed.map((k) => phrase(`attributionField.${k}`)) }), docId: current.docId }) };
}

/**
 * The changes that remove attributions and keep the rest whole: attributions that came via
 * a removed one lose their `via` (the chain is cut, not the claims).
 */
export function removeAttributionChanges(state: CorpusState, ids: ReadonlySet<string>): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const a of state.attributions.values()) {
    if (ids.has(a.id)) continue;
    if (a.viaId && ids.has(a.viaId)) {
      const { viaId: _v, ...rest } = a;
      changes.push({ table: 'attributions', id: a.id, before: a, after: rest });
    }
  }
  for (const id of ids) {
    const a = state.attributions.get(id);
    if (a) changes.push({ table: 'attributions', id, before: a, after: null });
  }
  return changes;
}

/** Removes an attribution (attributions via it keep their claims; their chain is cut). */
export function removeAttribution(state: CorpusState, args: { attributionId: string }): CommandResult {
  const a = state.attributions.get(args.attributionId);
  if (!a) return fail('refusal.attributionGone');
  return { ok: true, tx: transaction(removeAttributionChanges(state, new Set([a.id])), { origin: 'user', description: phrase('change.deleteAttribution'), docId: a.docId }) };
}

/**
 * The attribution changes that deleting a span requires: attributions whose claim it is are
 * removed; attributions that use it as mention or cue lose that link.
 */
export function spanRemovalChanges(state: CorpusState, spanId: string): RecordChange[] {
  const removed = new Set<string>();
  for (const a of state.attributions.values()) if (a.claimSpanId === spanId) removed.add(a.id);
  const changes = removeAttributionChanges(state, removed);
  const touched = new Map(changes.filter((c) => c.table === 'attributions' && c.after).map((c) => [c.id, c]));
  for (const a of state.attributions.values()) {
    if (removed.has(a.id) || (a.mentionSpanId !== spanId && a.cueSpanId !== spanId)) continue;
    const existing = touched.get(a.id);
    const base = (existing?.after as AttributionRecord | undefined) ?? a;
    const { mentionSpanId, cueSpanId, ...rest } = base;
    const after: AttributionRecord = { ...rest, ...(mentionSpanId && mentionSpanId !== spanId ? { mentionSpanId } : {}), ...(cueSpanId && cueSpanId !== spanId ? { cueSpanId } : {}) };
    if (existing) existing.after = after;
    else changes.push({ table: 'attributions', id: a.id, before: a, after });
  }
  return changes;
}

/** What deleting a span would do to attributions, for the confirmation question. */
export function spanUsage(state: CorpusState, spanId: string): { claimOf: number; mentionOrCueOf: number } {
  let claimOf = 0;
  let mentionOrCueOf = 0;
  for (const a of state.attributions.values()) {
    if (a.claimSpanId === spanId) claimOf += 1;
    else if (a.mentionSpanId === spanId || a.cueSpanId === spanId) mentionOrCueOf += 1;
  }
  return { claimOf, mentionOrCueOf };
}

/** Sets (or clears) the publisher of a document. */
export function setPublisher(state: CorpusState, args: { docId: string; sourceId: string | null }): CommandResult {
  const doc = state.documents.get(args.docId);
  if (!doc) return fail('refusal.documentGone');
  if (args.sourceId && !state.sources.has(args.sourceId)) return fail('refusal.sourceNotInRegistry');
  if ((doc.publisherId ?? null) === args.sourceId) return fail('refusal.nothingChanged');
  const { publisherId: _p, ...rest } = doc;
  const after = args.sourceId ? { ...rest, publisherId: args.sourceId } : rest;
  return { ok: true, tx: transaction([{ table: 'documents', id: doc.id, before: doc, after }], { origin: 'user', description: phrase(args.sourceId ? 'change.setPublisher' : 'change.clearPublisher'), docId: doc.id }) };
}

/**
 * Every broken rule in a state (empty when sound): attributions pointing at missing spans
 * or sources, wrong labels, cross-document links, cycles; publishers missing.
 */
export function integrityProblems(state: CorpusState): string[] {
  const problems: string[] = [];
  for (const a of state.attributions.values()) {
    const problem = checkAttribution(state, a.id, a);
    if (problem) problems.push(`attribution ${a.id}: ${problem}`);
    const claim = state.spans.get(a.claimSpanId);
    if (claim && claim.docId !== a.docId) problems.push(`attribution ${a.id}: its claim is in another document.`);
  }
  for (const d of state.documents.values()) if (d.publisherId && !state.sources.has(d.publisherId)) problems.push(`document ${d.id}: publisher ${d.publisherId} is missing.`);
  return problems;
}

/**
 * Replaces the values attribution attributes may take (the schema's lists). Values still
 * used by an attribution cannot be removed; the refusal says which.
 */
export function setAttributeValues(state: CorpusState, values: { quotation: readonly string[]; stance: readonly string[]; claimType: readonly string[] }): CommandResult {
  const next = { quotation: cleanList(values.quotation), stance: cleanList(values.stance), claimType: cleanList(values.claimType) };
  for (const key of ATTRIBUTE_NAMES) {
    if (!next[key].length) return fail(`refusal.keepOneValue.${key}`);
    if (next[key].some((v) => v.length > 100)) return fail('refusal.valueTooLong');
    const inUse = new Set([...state.attributions.values()].map((a) => a[key]).filter((v): v is string => !!v));
    const removed = [...inUse].filter((v) => !next[key].includes(v));
    if (removed.length) return fail('refusal.valuesInUse', { values: removed.map((value) => phrase('refusal.quotedValue', { value })) });
  }
  const current = attributeValues(state.corpus.schema);
  if (JSON.stringify(current) === JSON.stringify(next)) return fail('refusal.nothingChanged');
  const after = { ...state.corpus, schema: { ...state.corpus.schema, attributes: next } };
  return { ok: true, tx: transaction([{ table: 'corpora', id: state.corpus.id, before: state.corpus, after }], { origin: 'user', description: phrase('change.editAttributeValues') }) };
}

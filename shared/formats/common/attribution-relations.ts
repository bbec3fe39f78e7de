/**
 * Attributions as labelled relations between spans, for formats that hold only spans and
 * relations (doccano, Label Studio). Written:
 *   claim → mention  "attributed_to"   (an attribution with a source mention span)
 *   claim → cue      "cue"
 *   mention → mention "via"            (attribution A came via B; both have mentions)
 * Lossy: the source registry entry (only the mention text survives), the attributes
 * (quotation, stance, claim type; a note per document counts them), attributions without a
 * mention span (their source), a `via` link when either side has no mention, and which cue
 * belongs to which attribution when one claim has several. Reading back, one source is created per distinct mention text.
 * Label Studio writes the attributions whole besides (`ls-attributions.ts`), so its export
 * makes none of these notes.
 */
import type { DatasetAttribution, DatasetSpan, FormatNote } from '../dataset';
import type { SourceRecord } from '../../model/types';
import { ROLE_LABELS } from './imported-schema';
import { formatNote } from '../dataset';

/** The relation types Isnad writes. */
export const RELATION_TYPES = { attributedTo: 'attributed_to', cue: 'cue', via: 'via' } as const;

/** A relation between two spans of one document, by span id. */
export interface SpanRelation {
  from: string;
  to: string;
  type: string;
}

/** The attributes of an attribution, which relations cannot hold. */
const ATTRIBUTE_FIELDS = ['quotation', 'stance', 'claimType'] as const;

/**
 * The relations of a document's attributions, and notes on what they cannot hold (one note
 * per document counts the attributions whose attributes are left out). With `carried`, the
 * format writes the attributions whole elsewhere (Label Studio's region meta), so nothing is
 * lost and no such note is made.
 */
export function relationsOfAttributions(attributions: readonly DatasetAttribution[], docId: string, where: string, carried = false): { relations: SpanRelation[]; notes: FormatNote[] } {
  const relations: SpanRelation[] = [];
  const notes: FormatNote[] = [];
  const seen = new Set<string>();
  const add = (r: SpanRelation): void => {
    const key = `${r.from}\u0000${r.to}\u0000${r.type}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(r);
  };
  const byId = new Map(attributions.map((a) => [a.id, a]));
  for (const a of attributions) {
    if (a.mentionSpanId !== undefined) add({ from: a.claimSpanId, to: a.mentionSpanId, type: RELATION_TYPES.attributedTo });
    else if (!carried) notes.push(formatNote(where, 'skipped', 'exportNote.noMention', { doc: docId, attribution: a.id, source: a.sourceId }));
    if (a.cueSpanId !== undefined) add({ from: a.claimSpanId, to: a.cueSpanId, type: RELATION_TYPES.cue });
    if (a.viaId !== undefined) {
      const via = byId.get(a.viaId);
      if (a.mentionSpanId !== undefined && via?.mentionSpanId !== undefined) add({ from: a.mentionSpanId, to: via.mentionSpanId, type: RELATION_TYPES.via });
      else if (!carried) notes.push(formatNote(where, 'skipped', 'exportNote.viaNeedsMentions', { doc: docId, attribution: a.id }));
    }
  }
  const withAttributes = carried ? 0 : attributions.filter((a) => ATTRIBUTE_FIELDS.some((f) => a[f] !== undefined && a[f] !== '')).length;
  if (withAttributes) notes.push(formatNote(where, 'skipped', 'exportNote.attributesLeftOut', { doc: docId, count: withAttributes }));
  return { relations, notes };
}

/** Builds the source registry of an import: one source per distinct mention text. */
export interface SourceBook {
  /** The id of the source named `name` (created on first use: kind media-outlet, name by script). */
  sourceFor(name: string): string;
  /** The id of the one anonymous source used when a relation names no source. */
  anonymous(): string;
  /** The id of a source the file gives whole (id, names, kind): kept as it is, added on first use. */
  adopt(source: Pick<SourceRecord, 'id' | 'nameAr' | 'nameLatin' | 'kind'>): string;
  sources: Array<Omit<SourceRecord, 'corpusId'>>;
}

/** A fresh source book; its ids are `${prefix}-1`, `${prefix}-2` … */
export function createSourceBook(prefix = 'src'): SourceBook {
  const byName = new Map<string, string>();
  const sources: Array<Omit<SourceRecord, 'corpusId'>> = [];
  const taken = new Set<string>();
  const make = (key: string, record: Omit<SourceRecord, 'corpusId' | 'id' | 'aliasesAr' | 'aliasesLatin' | 'createdAt'>, wanted?: string): string => {
    const existing = byName.get(key);
    if (existing) return existing;
    let n = sources.length + 1;
    while (wanted === undefined && taken.has(`${prefix}-${n}`)) n += 1;
    const id = wanted ?? `${prefix}-${n}`;
    byName.set(key, id);
    taken.add(id);
    sources.push({ id, ...record, aliasesAr: [], aliasesLatin: [], createdAt: '' });
    return id;
  };
  return {
    sources,
    sourceFor(name) {
      const trimmed = name.trim();
      const arabic = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/.test(trimmed);
      return make(`name:${trimmed}`, { nameAr: arabic ? trimmed : '', nameLatin: arabic ? '' : trimmed, kind: 'media-outlet' });
    },
    anonymous() {
      return make('anonymous', { nameAr: 'مصدر غير مسمى', nameLatin: 'unnamed source', kind: 'anonymous' });
    },
    adopt({ id, nameAr, nameLatin, kind }) {
      return make(`id:${id}`, { nameAr, nameLatin, kind }, taken.has(id) && !byName.has(`id:${id}`) ? `${id}~2` : id);
    },
  };
}

/** What a relation type means to Isnad (Isnad's own names, and common others), or null. */
export function relationKind(type: string): 'attributed' | 'cue' | 'via' | null {
  const t = type.toLowerCase().replace(/[\s_-]/g, '');
  if (t === 'attributedto' || t === 'source') return 'attributed';
  if (t === 'cue') return 'cue';
  if (t === 'via' || t === 'reportedvia') return 'via';
  return null;
}

/**
 * Rebuilds the attributions of one document from its relations. Relation ends must be span
 * ids of `spans`; others are skipped with a note. Types Isnad does not know (e.g.
 * "AffiliatedWith") are reported once per type. A "via" relation from a claim (as in
 * `CLAIM ReportedVia AGENCY`) becomes an attribution of the claim to that span, which the
 * claim's other attributions come via; a "via" between mentions links their attributions.
 */
export function attributionsFromRelations(
  docId: string,
  spans: readonly DatasetSpan[],
  relations: readonly SpanRelation[],
  sources: SourceBook,
  text: string,
  where: string,
): { attributions: DatasetAttribution[]; notes: FormatNote[] } {
  const notes: FormatNote[] = [];
  const spanById = new Map(spans.map((s) => [s.id, s]));
  const attributions: DatasetAttribution[] = [];
  const cues = new Map<string, string[]>();
  const claimVia: Array<{ claim: string; attribution: DatasetAttribution }> = [];
  const mentionVia: Array<{ from: string; to: string }> = [];
  const unknownTypes = new Set<string>();
  const claims = new Set(relations.filter((r) => relationKind(r.type) === 'attributed' || relationKind(r.type) === 'cue').map((r) => r.from));
  const newAttribution = (claim: string, mention: string | undefined, sourceId: string): DatasetAttribution => {
    const a: DatasetAttribution = { id: `${docId}:a${attributions.length + 1}`, claimSpanId: claim, sourceId, ...(mention !== undefined ? { mentionSpanId: mention } : {}) };
    attributions.push(a);
    return a;
  };
  const textOf = (id: string): string => {
    const s = spanById.get(id)!;
    return text.slice(s.start, s.end);
  };
  for (const r of relations) {
    const kind = relationKind(r.type);
    if (kind === null) {
      unknownTypes.add(r.type);
      continue;
    }
    if (!spanById.has(r.from) || !spanById.has(r.to)) {
      notes.push(formatNote(where, 'skipped', 'relationNote.missingSpan', { doc: docId, type: r.type, from: r.from, to: r.to }));
      continue;
    }
    if (kind === 'attributed') newAttribution(r.from, r.to, sources.sourceFor(textOf(r.to)));
    else if (kind === 'cue') cues.set(r.from, [...(cues.get(r.from) ?? []), r.to]);
    else if (claims.has(r.from) || spanById.get(r.from)!.label === ROLE_LABELS.claim) {
      claimVia.push({ claim: r.from, attribution: newAttribution(r.from, r.to, sources.sourceFor(textOf(r.to))) });
    } else mentionVia.push({ from: r.from, to: r.to });
  }
  for (const [claim, cueIds] of cues) {
    const free = attributions.filter((a) => a.claimSpanId === claim && a.cueSpanId === undefined);
    cueIds.forEach((cue, i) => {
      const target = free[i] ?? newAttribution(claim, undefined, sources.anonymous());
      target.cueSpanId = cue;
    });
  }
  for (const { claim, attribution } of claimVia) {
    for (const a of attributions) if (a.claimSpanId === claim && a !== attribution && a.viaId === undefined && !claimVia.some((v) => v.attribution === a)) a.viaId = attribution.id;
  }
  for (const { from, to } of mentionVia) {
    const target = attributions.find((a) => a.mentionSpanId === to);
    const origin = attributions.find((a) => a.mentionSpanId === from && a.viaId === undefined && a !== target);
    if (target && origin) origin.viaId = target.id;
    else notes.push(formatNote(where, 'skipped', 'relationNote.via', { doc: docId, from, to }));
  }
  for (const type of unknownTypes) notes.push(formatNote(where, 'skipped', 'relationNote.unknownType', { doc: docId, type }));
  return { attributions, notes };
}

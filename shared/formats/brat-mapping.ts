/**
 * Isnad attributions as brat standoff lines. An attribution is anchored on its claim's T:
 *   R AttributedTo Arg1:<claim> Arg2:<mention>     one per claim–mention pair
 *   N Reference <mention> Isnad:<source id>\t<name> the source the mention names
 *   N Reference <claim> Isnad:<source id>\t<name>   the source of an attribution without mention
 *   R Cue Arg1:<claim> Arg2:<cue>
 *   A Quotation|Stance|ClaimType <claim> <value>
 *   R Via Arg1:<anchor> Arg2:<anchor of the attribution it came via>
 * where an attribution's anchor is its mention's T, or its claim's T when it has no mention
 * ("نوفوستي عن مصدر": Via from the T of مصدر to the T of نوفوستي). brat has one cue and one
 * value of each attribute per claim, one Via per anchor, and a Via names the first
 * attribution of its target anchor: where a corpus differs, the export says so in a note. Reading back, a source
 * comes from the N line of the mention (or claim); without one, from the mention's text
 * (noted). Other relation types and attributes (e.g. ReportedVia, Hedged) are noted and left.
 */
import type { DatasetAttribution, FormatNote } from './dataset';
import type { SourceRecord } from '../model/types';
import type { BratAnnotations, BratReference } from './brat-ann';
import { lineNote } from './dataset';
import type { PhraseCode, PhraseParam } from '../phrases/phrase';

/** Relation types written for attributions. */
export const BRAT_RELATIONS = { attributedTo: 'AttributedTo', cue: 'Cue', via: 'Via' } as const;

/** Attribute names written for attribution attributes, by attribution field. */
export const BRAT_ATTRIBUTES = { quotation: 'Quotation', stance: 'Stance', claimType: 'ClaimType' } as const;

/** The normalization RID of Isnad's source registry. */
export const ISNAD_RID = 'Isnad';

type AttributeField = keyof typeof BRAT_ATTRIBUTES;
const FIELDS = Object.keys(BRAT_ATTRIBUTES) as AttributeField[];

/** A registry source as the dataset holds it. */
export type DatasetSource = Omit<SourceRecord, 'corpusId'>;

/** The relation/attribute/reference lines of a document, before numbering. */
export interface AttributionLines {
  relations: Array<{ type: string; arg1: string; arg2: string }>;
  attributes: Array<{ name: string; target: string; value: string }>;
  references: Array<{ target: string; sourceId: string; name: string }>;
  /** What each attribution should read back as (see {@link attributionKey}). */
  meant: string[];
}

/** A comparable key of an attribution in brat terms (T ids, source id, cue, attributes, via claim). */
export function attributionKey(parts: { claim: string; mention?: string | undefined; source: string; cue?: string | undefined; values: Partial<Record<AttributeField, string>>; via?: string | undefined }): string {
  return JSON.stringify([parts.claim, parts.mention ?? '', parts.source, parts.cue ?? '', FIELDS.map((f) => parts.values[f] ?? ''), parts.via ?? '']);
}

/** The name written after an N line's TAB. */
export function sourceName(source: DatasetSource | undefined, id: string): string {
  return (source?.nameLatin || source?.nameAr || id).replace(/\s+/gu, ' ').trim() || id;
}

/** The lines of a document's attributions; `tOf` maps span ids to T ids. */
export function linesOfAttributions(attributions: readonly DatasetAttribution[], tOf: ReadonlyMap<string, string>, sources: ReadonlyMap<string, DatasetSource>, docId: string, where: string, notes: FormatNote[]): AttributionLines {
  const out: AttributionLines = { relations: [], attributes: [], references: [], meant: [] };
  const seen = new Set<string>();
  const once = (key: string): boolean => !seen.has(key) && (seen.add(key), true);
  const byClaim = new Map<string, DatasetAttribution[]>();
  for (const a of attributions) byClaim.set(a.claimSpanId, [...(byClaim.get(a.claimSpanId) ?? []), a]);
  const byId = new Map(attributions.map((a) => [a.id, a]));
  const loss = (message: string): void => void notes.push({ where, kind: 'skipped', message: `Document ${docId}: ${message}` });

  const anchorOf = (a: DatasetAttribution): string => tOf.get(a.mentionSpanId ?? a.claimSpanId) ?? tOf.get(a.claimSpanId)!;
  const firstAtAnchor = new Map<string, DatasetAttribution>();
  for (const a of attributions) if (!firstAtAnchor.has(anchorOf(a))) firstAtAnchor.set(anchorOf(a), a);
  const viaOfAnchor = new Map<string, { from: DatasetAttribution; via: string }>();
  for (const a of attributions) {
    const v = a.viaId !== undefined ? byId.get(a.viaId) : undefined;
    const anchor = anchorOf(a);
    const via = v ? anchorOf(v) : undefined;
    const earlier = viaOfAnchor.get(anchor);
    if (earlier) {
      if (earlier.via !== (via ?? '')) loss(`attribution ${a.id} has another “via” than ${earlier.from.id}, which has the same anchor ${anchor}; brat holds one Via per anchor (${earlier.from.id}’s is written).`);
      continue;
    }
    viaOfAnchor.set(anchor, { from: a, via: via ?? '' });
    if (!v || !via) continue;
    if (firstAtAnchor.get(via) !== v) loss(`attribution ${a.id} came via ${v.id}, which shares its anchor ${via} with another attribution; read back, Via points at the first attribution of ${via}.`);
    out.relations.push({ type: BRAT_RELATIONS.via, arg1: anchor, arg2: via });
  }

  for (const [claimSpan, group] of byClaim) {
    const claim = tOf.get(claimSpan)!;
    const first = group[0]!;
    const cue = first.cueSpanId !== undefined ? tOf.get(first.cueSpanId) : undefined;
    for (const a of group.slice(1)) {
      if (a.cueSpanId !== first.cueSpanId) loss(`attribution ${a.id} has another cue than ${first.id} on the same claim; brat holds one cue per claim (${first.id}’s is written).`);
      for (const f of FIELDS) if (a[f] !== first[f]) loss(`attribution ${a.id} has another ${f} than ${first.id} on the same claim; brat holds one per claim (${first.id}’s is written).`);
    }
    if (cue) out.relations.push({ type: BRAT_RELATIONS.cue, arg1: claim, arg2: cue });
    const values: Partial<Record<AttributeField, string>> = {};
    for (const f of FIELDS) {
      const value = first[f];
      if (value === undefined || value === '') continue;
      values[f] = value;
      out.attributes.push({ name: BRAT_ATTRIBUTES[f], target: claim, value });
    }
    for (const a of group) {
      const mention = a.mentionSpanId !== undefined ? tOf.get(a.mentionSpanId) : undefined;
      const anchor = anchorOf(a);
      if (mention && once(`R\u0000${claim}\u0000${mention}`)) out.relations.push({ type: BRAT_RELATIONS.attributedTo, arg1: claim, arg2: mention });
      if (once(`N\u0000${anchor}\u0000${a.sourceId}`)) out.references.push({ target: anchor, sourceId: a.sourceId, name: sourceName(sources.get(a.sourceId), a.sourceId) });
      const via = viaOfAnchor.get(anchor)?.via || undefined;
      const key = attributionKey({ claim, mention, source: a.sourceId, cue, values, via });
      if (out.meant.includes(key)) loss(`attribution ${a.id} repeats another attribution of the same claim, mention and source; it is written once.`);
      else out.meant.push(key);
    }
  }
  return out;
}

/** Sources of an import: from N lines (by id) and from mention texts (by name). */
export class BratSourceBook {
  /** The sources in the order first met. */
  readonly sources: DatasetSource[] = [];
  private readonly byId = new Map<string, DatasetSource>();

  /** The id of the source an N line names (created on first use). */
  fromReference(ref: BratReference): string {
    const id = ref.rid === ISNAD_RID ? ref.eid : `${ref.rid}:${ref.eid}`;
    if (!this.byId.has(id)) this.add(id, ref.name || ref.eid);
    return id;
  }

  /** The id of the source named `name` (an existing one with that name, or a new one). */
  fromName(name: string): string {
    const found = this.sources.find((s) => s.nameAr === name || s.nameLatin === name);
    if (found) return found.id;
    let n = this.sources.length + 1;
    while (this.byId.has(`src-${n}`)) n++;
    return this.add(`src-${n}`, name).id;
  }

  private add(id: string, name: string): DatasetSource {
    const arabic = /\p{Script=Arabic}/u.test(name);
    const source: DatasetSource = { id, nameAr: arabic ? name : '', nameLatin: arabic ? '' : name, kind: 'media-outlet', aliasesAr: [], aliasesLatin: [], createdAt: '' };
    this.byId.set(id, source);
    this.sources.push(source);
    return source;
  }
}

/** What the attribution reader needs of a document's text-bound annotations. */
export interface TextBoundIndex {
  /** Span id of each T that was read (T lines skipped are absent). */
  spanOf: ReadonlyMap<string, string>;
  labelOf: ReadonlyMap<string, string>;
  textOf: ReadonlyMap<string, string>;
}

/** Rebuilds a document's attributions from its R, A and N lines; what cannot be read is noted. */
export function attributionsOfAnn(
  docId: string,
  ann: BratAnnotations,
  index: TextBoundIndex,
  claimLabels: ReadonlySet<string>,
  book: BratSourceBook,
  where: string,
  notes: FormatNote[],
): { attributions: DatasetAttribution[]; keys: string[] } {
  const note = (line: number, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam>): void => void notes.push(lineNote(where, line, kind, code, params));
  const refs = new Map<string, string[]>();
  for (const ref of ann.references) {
    if (!index.spanOf.has(ref.target)) {
      note(ref.line, 'skipped', 'bratNote.refTarget', { id: ref.id, target: ref.target });
      continue;
    }
    refs.set(ref.target, [...(refs.get(ref.target) ?? []), book.fromReference(ref)]);
  }
  const ours = new Set<string>(Object.values(BRAT_RELATIONS));
  const relations = ann.relations.filter((r) => {
    if (!ours.has(r.type)) {
      note(r.line, 'skipped', 'bratNote.relationType', { type: r.type, id: r.id });
      return false;
    }
    const missing = [r.arg1, r.arg2].filter((t) => !index.spanOf.has(t));
    if (missing.length) note(r.line, 'skipped', 'bratNote.relationTarget', { id: r.id, type: r.type, missing });
    return missing.length === 0;
  });
  const values = new Map<string, Partial<Record<AttributeField, string>>>();
  const fieldOf = new Map<string, AttributeField>(FIELDS.map((f) => [BRAT_ATTRIBUTES[f], f]));
  for (const attr of ann.attributes) {
    const field = fieldOf.get(attr.name);
    if (!field || attr.value === undefined || !index.spanOf.has(attr.target)) {
      note(attr.line, 'skipped', attr.value === undefined ? 'bratNote.binaryAttribute' : 'bratNote.attribute', { name: attr.name, target: attr.target, id: attr.id });
      continue;
    }
    values.set(attr.target, { ...values.get(attr.target), [field]: attr.value });
  }
  const claims = new Set<string>();
  for (const r of relations) if (r.type !== BRAT_RELATIONS.via) claims.add(r.arg1);
  for (const t of values.keys()) claims.add(t);
  for (const [t, label] of index.labelOf) if (claimLabels.has(label)) claims.add(t);

  const firstOf = (type: string, claim: string): string | undefined => relations.find((r) => r.type === type && r.arg1 === claim)?.arg2;
  const made: Array<{ claim: string; mention?: string; source: string }> = [];
  for (const r of relations.filter((x) => x.type === BRAT_RELATIONS.attributedTo)) {
    let sources = refs.get(r.arg2);
    if (!sources) {
      const name = index.textOf.get(r.arg2)!;
      sources = [book.fromName(name)];
      note(r.line, 'repaired', 'bratNote.noReference', { id: r.arg2, name });
    }
    for (const source of sources) made.push({ claim: r.arg1, mention: r.arg2, source });
  }
  for (const [target, sources] of refs) if (claims.has(target)) for (const source of sources) made.push({ claim: target, source });

  const keys: string[] = [];
  const attributions: DatasetAttribution[] = [];
  const firstAtAnchor = new Map<string, string>();
  const anchors = made.map((m) => m.mention ?? m.claim);
  made.forEach((m, n) => {
    const id = `${docId}-a${n + 1}`;
    if (!firstAtAnchor.has(anchors[n]!)) firstAtAnchor.set(anchors[n]!, id);
    const cue = firstOf(BRAT_RELATIONS.cue, m.claim);
    const claimValues = values.get(m.claim) ?? {};
    attributions.push({
      id,
      claimSpanId: index.spanOf.get(m.claim)!,
      sourceId: m.source,
      ...(m.mention ? { mentionSpanId: index.spanOf.get(m.mention)! } : {}),
      ...(cue ? { cueSpanId: index.spanOf.get(cue)! } : {}),
      ...claimValues,
    });
    keys.push(attributionKey({ claim: m.claim, mention: m.mention, source: m.source, cue, values: claimValues, via: firstOf(BRAT_RELATIONS.via, anchors[n]!) }));
  });
  attributions.forEach((a, n) => {
    const via = firstOf(BRAT_RELATIONS.via, anchors[n]!);
    const viaId = via === undefined ? undefined : firstAtAnchor.get(via);
    if (viaId !== undefined && viaId !== a.id) a.viaId = viaId;
  });
  for (const r of relations) {
    if (r.type === BRAT_RELATIONS.via && (!firstAtAnchor.has(r.arg1) || !firstAtAnchor.has(r.arg2))) note(r.line, 'skipped', 'bratNote.via', { id: r.id, a: r.arg1, b: r.arg2 });
    if (r.type === BRAT_RELATIONS.cue && !made.some((m) => m.claim === r.arg1)) note(r.line, 'skipped', 'bratNote.cue', { id: r.id, claim: r.arg1 });
  }
  return { attributions, keys };
}

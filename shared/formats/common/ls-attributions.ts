/**
 * A claim's attributions on its Label Studio region, in the region result's `meta` (Label
 * Studio's region meta, kept with the result): `meta.text`, which Label Studio shows as the
 * region's meta, has one line per attribution for its user to read (source, via,
 * quotation, stance, claim type), and `meta.isnad`
 * the same attributions as data, which Isnad reads back whole — the registry source (id,
 * names, kind), the mention and cue regions by region id, the attributes and the `via` link
 * by attribution id. The relations (`attribution-relations.ts`) are still written, for Label
 * Studio to draw; a claim whose region carries `meta.isnad` is read from it, not from them.
 */
import type { DatasetAttribution, FormatNote } from '../dataset';
import { formatNote } from '../dataset';
import { SOURCE_KINDS, type SourceKind, type SourceRecord } from '../../model/types';
import { phrase, PhraseError } from '../../phrases/phrase';
import { isRecord } from './json-lines';
import { embedSource, type EmbeddedSource } from './embedded-source';

/** A source as a claim region's meta embeds it. */
export type LabelStudioMetaSource = EmbeddedSource;

/** One attribution of a claim, as its region's `meta.isnad` holds it. */
export interface LabelStudioMetaAttribution {
  id: string;
  source: LabelStudioMetaSource;
  /** Region ids of the same result. */
  mention?: string;
  cue?: string;
  quotation?: string;
  stance?: string;
  claimType?: string;
  /** The id of the attribution (of the same task) this one came through. */
  via?: string;
}

/** The `meta` of a claim region that has attributions. */
export interface LabelStudioClaimMeta {
  /** One line per attribution. */
  text: string;
  isnad: { attributions: LabelStudioMetaAttribution[] };
}

type Source = Omit<SourceRecord, 'corpusId'>;

function sourceName(source: Pick<Source, 'nameAr' | 'nameLatin'>): string {
  return [source.nameAr, source.nameLatin].filter(Boolean).join(' / ');
}

/** The line a Label Studio user reads for one attribution. */
function attributionLine(a: LabelStudioMetaAttribution, via: LabelStudioMetaAttribution | undefined): string {
  const parts = [`source: ${sourceName(a.source)} (${a.source.kind})`];
  if (via) parts.push(`via: ${sourceName(via.source)}`);
  if (a.quotation) parts.push(`quotation: ${a.quotation}`);
  if (a.stance) parts.push(`stance: ${a.stance}`);
  if (a.claimType) parts.push(`claim type: ${a.claimType}`);
  return parts.join('; ');
}

/**
 * The `meta` of each claim region of a document, by claim span id, from the attributions an
 * export writes (span ids are region ids). Throws a PhraseError for a source the registry lacks.
 */
export function claimMetas(attributions: readonly DatasetAttribution[], sources: ReadonlyMap<string, Source>): Map<string, LabelStudioClaimMeta> {
  const entries = new Map<string, LabelStudioMetaAttribution>();
  for (const a of attributions) {
    const source = sources.get(a.sourceId);
    if (!source) throw new PhraseError(phrase('jsonlError.source', { id: a.id, source: a.sourceId }));
    entries.set(a.id, {
      id: a.id,
      source: embedSource(source),
      ...(a.mentionSpanId !== undefined ? { mention: a.mentionSpanId } : {}),
      ...(a.cueSpanId !== undefined ? { cue: a.cueSpanId } : {}),
      ...(a.quotation !== undefined ? { quotation: a.quotation } : {}),
      ...(a.stance !== undefined ? { stance: a.stance } : {}),
      ...(a.claimType !== undefined ? { claimType: a.claimType } : {}),
      ...(a.viaId !== undefined ? { via: a.viaId } : {}),
    });
  }
  const metas = new Map<string, LabelStudioClaimMeta>();
  for (const a of attributions) {
    const entry = entries.get(a.id)!;
    const line = attributionLine(entry, a.viaId !== undefined ? entries.get(a.viaId) : undefined);
    const meta = metas.get(a.claimSpanId);
    if (meta) {
      meta.text += `\n${line}`;
      meta.isnad.attributions.push(entry);
    } else metas.set(a.claimSpanId, { text: line, isnad: { attributions: [entry] } });
  }
  return metas;
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The attributions of a region result's `meta.isnad`, or null when it has none (a region
 * Isnad did not write, or whose meta Label Studio's user replaced). Entries without an id or
 * a source with an id are left out.
 */
export function readClaimMeta(result: { meta?: unknown }): LabelStudioMetaAttribution[] | null {
  const meta = result.meta;
  if (!isRecord(meta) || !isRecord(meta.isnad) || !Array.isArray(meta.isnad.attributions)) return null;
  const read: LabelStudioMetaAttribution[] = [];
  for (const item of meta.isnad.attributions as unknown[]) {
    if (!isRecord(item) || !isRecord(item.source)) continue;
    const id = optionalString(item.id);
    const sourceId = optionalString(item.source.id);
    if (id === undefined || sourceId === undefined) continue;
    const kind = SOURCE_KINDS.includes(item.source.kind as SourceKind) ? (item.source.kind as SourceKind) : 'anonymous';
    const entry: LabelStudioMetaAttribution = { id, source: { id: sourceId, nameAr: optionalString(item.source.nameAr) ?? '', nameLatin: optionalString(item.source.nameLatin) ?? '', kind } };
    for (const key of ['mention', 'cue', 'quotation', 'stance', 'claimType', 'via'] as const) {
      const value = optionalString(item[key]);
      if (value !== undefined) entry[key] = value;
    }
    read.push(entry);
  }
  return read;
}

/** What `attributionsFromMeta` needs of the import around it. */
export interface MetaContext {
  docId: string;
  where: string;
  /** Region id → span id, for the regions of the task's result. */
  regions: ReadonlyMap<string, string>;
  /** A unique attribution id for the one the meta names. */
  attributionId(wanted: string): string;
  /** The registry source of an embedded source (added on first use). */
  source(source: LabelStudioMetaSource): string;
}

/**
 * Rebuilds the attributions of a task's claim regions from their meta (claim span id → meta
 * entries). A mention, cue or via that is not in the task, and a via that would close a
 * chain into a circle, is dropped with a `repaired` note.
 */
export function attributionsFromMeta(claims: ReadonlyMap<string, readonly LabelStudioMetaAttribution[]>, context: MetaContext): { attributions: DatasetAttribution[]; notes: FormatNote[] } {
  const notes: FormatNote[] = [];
  const ids = new Map<string, string>();
  const built: Array<{ attribution: DatasetAttribution; via?: string }> = [];
  for (const [claimSpanId, entries] of claims) {
    for (const entry of entries) {
      const id = context.attributionId(entry.id);
      ids.set(entry.id, id);
      const attribution: DatasetAttribution = { id, claimSpanId, sourceId: context.source(entry.source) };
      for (const [role, key] of [['mention', 'mentionSpanId'], ['cue', 'cueSpanId']] as const) {
        const region = entry[role];
        if (region === undefined) continue;
        const span = context.regions.get(region);
        if (span !== undefined) attribution[key] = span;
        else notes.push(formatNote(context.where, 'repaired', 'lsNote.metaRegion', { doc: context.docId, attribution: entry.id, region }));
      }
      for (const key of ['quotation', 'stance', 'claimType'] as const) if (entry[key] !== undefined) attribution[key] = entry[key];
      built.push({ attribution, ...(entry.via !== undefined ? { via: entry.via } : {}) });
    }
  }
  const byId = new Map(built.map((b) => [b.attribution.id, b.attribution]));
  /** Whether the chain from `from` (itself included) reaches `target`. */
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    for (let at = byId.get(from); at && !seen.has(at.id); at = at.viaId !== undefined ? byId.get(at.viaId) : undefined) {
      if (at.id === target) return true;
      seen.add(at.id);
    }
    return false;
  };
  for (const { attribution, via } of built) {
    if (via === undefined) continue;
    const viaId = ids.get(via);
    if (viaId === undefined) notes.push(formatNote(context.where, 'repaired', 'lsNote.metaVia', { doc: context.docId, attribution: attribution.id, via }));
    else if (reaches(viaId, attribution.id)) notes.push(formatNote(context.where, 'repaired', 'lsNote.metaCircle', { doc: context.docId, attribution: attribution.id, via }));
    else attribution.viaId = viaId;
  }
  return { attributions: built.map((b) => b.attribution), notes };
}

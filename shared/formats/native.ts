/**
 * Isnad's native JSON format: lossless, versioned, with declared offset unit. The exporter
 * verifies every span against the text before anything is written; the importer validates
 * the file, checks every quote and converts offsets back to UTF-16.
 */
import { sha256Hex } from '../model/hash';
import type { CorpusState } from '../model/state';
import { attributionsByDocument, documentsInOrder, sourcesInOrder, spansByDocument } from '../model/state';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../model/types';
import { migrateNativeFile } from './native-migrations';
import { fromUtf16Offsets, lengthInUnit, toUtf16Offsets, type OffsetUnit } from '../text/offsets';
import { NATIVE_FORMAT_TAG, NATIVE_FORMAT_VERSION, nativeAttributionSchema, nativeDocumentSchema, nativeFileSchema, type NativeDocument, type NativeFile } from './native-schema';

/** Options of a native export. */
export interface NativeExportOptions {
  offsetUnit?: OffsetUnit;
  exportedAt: string;
  generator?: string;
}

/** The result of an export: the file's text, or the problems that stopped it. */
export type ExportResult = { ok: true; file: NativeFile; json: string; spanCount: number } | { ok: false; problems: string[] };

/** The usual file name for a corpus export, e.g. "isnad-sample-corpus-2026-11-29.json". */
export function nativeExportFileName(corpusName: string, date: string): string {
  const slug = corpusName.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'corpus';
  return `isnad-${slug}-${date.slice(0, 10)}.json`;
}

const ATTRIBUTION_KEYS = Object.keys(nativeAttributionSchema.shape);
const META_KEYS = Object.keys(nativeDocumentSchema.shape.meta.shape);

/**
 * The fields of `record` named in `keys`, in that order (absent ones left out): exports are
 * written in the schema's key order whatever order the stored record has, so that exporting,
 * importing and exporting again gives the same bytes.
 */
function inKeyOrder<T>(record: object, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

function exportAttribution(a: AttributionRecord): NativeDocument['attributions'][number] {
  return inKeyOrder(a, ATTRIBUTION_KEYS);
}

function exportDocument(doc: DocumentRecord, spans: SpanRecord[], attributions: AttributionRecord[], unit: OffsetUnit): NativeDocument {
  const offsets = fromUtf16Offsets(doc.text, spans.flatMap((s) => [s.start, s.end]), unit);
  return {
    id: doc.id,
    title: doc.title,
    status: doc.status,
    order: doc.order,
    text: doc.text,
    meta: inKeyOrder({ ...doc.meta, sha256: doc.sha256 }, META_KEYS),
    ...(doc.publisherId ? { publisherId: doc.publisherId } : {}),
    attributions: attributions.map(exportAttribution),
    spans: spans.map((s, i) => ({
      id: s.id,
      start: offsets[2 * i]!,
      end: offsets[2 * i + 1]!,
      label: s.label,
      text: doc.text.slice(s.start, s.end),
      annotator: s.annotator,
      createdAt: s.createdAt,
    })),
  };
}

/**
 * Checks a native file on its own: the schema, each document's SHA-256, every span's
 * offsets slicing to its quoted text in the declared unit, labels known to the schema,
 * unique ids. Returns the problems (empty when the file is sound).
 */
export function verifyNativeFile(file: NativeFile, options: { checkHashes?: boolean } = {}): string[] {
  const problems: string[] = [];
  const labels = new Set(file.schema.labels.map((l) => l.id));
  const sourceIds = new Set<string>();
  for (const source of file.registry) {
    if (sourceIds.has(source.id)) problems.push(`registry: source id ${source.id} is used twice.`);
    sourceIds.add(source.id);
  }
  const docIds = new Set<string>();
  const spanIds = new Set<string>();
  for (const doc of file.documents) {
    const where = `document “${doc.title}” (${doc.id})`;
    if (docIds.has(doc.id)) problems.push(`${where}: the id is used twice.`);
    docIds.add(doc.id);
    if (options.checkHashes !== false && sha256Hex(doc.text) !== doc.meta.sha256) problems.push(`${where}: its text does not match its SHA-256.`);
    const length = lengthInUnit(doc.text, file.offsetUnit);
    // Back from the declared unit to UTF-16 in one pass (the exporter went the other way),
    // then each slice must read exactly the quoted text.
    const utf16 = toUtf16Offsets(doc.text, doc.spans.flatMap((s) => [s.start, s.end]), file.offsetUnit);
    doc.spans.forEach((span, i) => {
      if (spanIds.has(span.id)) problems.push(`${where}: span id ${span.id} is used twice.`);
      spanIds.add(span.id);
      if (!labels.has(span.label)) problems.push(`${where}: span ${span.id} has label ${span.label}, which the schema does not define.`);
      const start = utf16[2 * i];
      const end = utf16[2 * i + 1];
      if (!(span.start < span.end) || span.end > length || start == null || end == null) {
        problems.push(`${where}: span ${span.id} [${span.start}, ${span.end}) is empty or outside the text (${length} ${file.offsetUnit}s).`);
        return;
      }
      const actual = doc.text.slice(start, end);
      if (actual !== span.text) {
        problems.push(`${where}: span ${span.id} [${span.start}, ${span.end}) in ${file.offsetUnit}s reads “${actual}” but quotes “${span.text}”.`);
      }
    });
    if (doc.publisherId && !sourceIds.has(doc.publisherId)) problems.push(`${where}: publisher ${doc.publisherId} is not in the registry.`);
    problems.push(...attributionProblems(where, doc));
    for (const a of doc.attributions) if (!sourceIds.has(a.sourceId)) problems.push(`${where}: attribution ${a.id} points at source ${a.sourceId}, which is not in the registry.`);
  }
  return problems;
}

/** Reference checks of one document's attributions: spans and labels, via, no cycles. */
function attributionProblems(where: string, doc: NativeDocument): string[] {
  const problems: string[] = [];
  const spanLabels = new Map(doc.spans.map((s) => [s.id, s.label]));
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  for (const a of doc.attributions) {
    const refs: Array<[string | undefined, string, string]> = [
      [a.claimSpanId, 'CLAIM', 'claim'],
      [a.mentionSpanId, 'SOURCE', 'source mention'],
      [a.cueSpanId, 'CUE', 'cue'],
    ];
    for (const [spanId, label, role] of refs) {
      if (spanId === undefined) continue;
      const actual = spanLabels.get(spanId);
      if (actual === undefined) problems.push(`${where}: attribution ${a.id} has ${role} span ${spanId}, which is not in the document.`);
      else if (actual !== label) problems.push(`${where}: attribution ${a.id} has a ${actual} span as its ${role} (a ${label} span is needed).`);
    }
    if (a.viaId !== undefined && !byId.has(a.viaId)) problems.push(`${where}: attribution ${a.id} comes via ${a.viaId}, which is not in the document.`);
    const seen = new Set<string>();
    for (let step: typeof a | undefined = a; step; step = step.viaId ? byId.get(step.viaId) : undefined) {
      if (seen.has(step.id)) {
        problems.push(`${where}: the chain of attribution ${a.id} goes round in a circle.`);
        break;
      }
      seen.add(step.id);
    }
  }
  return problems;
}

/**
 * Exports the corpus in the native format. Every span is verified against the text in the
 * declared unit before the JSON is produced; any mismatch returns the problems instead.
 */
export function exportNative(state: CorpusState, options: NativeExportOptions): ExportResult {
  const unit = options.offsetUnit ?? 'codepoint';
  const problems: string[] = [];
  const documents: NativeDocument[] = [];
  let spanCount = 0;
  const spansByDoc = spansByDocument(state);
  const attributionsByDoc = attributionsByDocument(state);
  for (const doc of documentsInOrder(state)) {
    const spans = spansByDoc.get(doc.id) ?? [];
    spanCount += spans.length;
    try {
      documents.push(exportDocument(doc, spans, attributionsByDoc.get(doc.id) ?? [], unit));
    } catch (error) {
      problems.push(`document “${doc.title}”: ${(error as Error).message}`);
    }
  }
  if (problems.length) return { ok: false, problems };
  const file: NativeFile = {
    format: NATIVE_FORMAT_TAG,
    formatVersion: NATIVE_FORMAT_VERSION,
    offsetUnit: unit,
    exportedAt: options.exportedAt,
    generator: options.generator ?? 'Isnad',
    corpus: { id: state.corpus.id, name: state.corpus.name, createdAt: state.corpus.createdAt },
    schema: structuredCloneSchema(state.corpus.schema),
    registry: sourcesInOrder(state).map(exportSource),
    documents,
  };
  // The text hashes were computed at import and texts never change; the export checks
  // every span, reference and count (`isnad validate` and import check the hashes too).
  const verified = verifyNativeFile(file, { checkHashes: false });
  if (verified.length) return { ok: false, problems: verified };
  return { ok: true, file, json: JSON.stringify(file, null, 2) + '\n', spanCount };
}

function structuredCloneSchema(schema: CorpusRecord['schema']): NativeFile['schema'] {
  return {
    labels: schema.labels.map((l) => ({ ...l })),
    allowCrossing: schema.allowCrossing,
    ...(schema.attributes ? { attributes: { quotation: [...schema.attributes.quotation], stance: [...schema.attributes.stance], claimType: [...schema.attributes.claimType] } } : {}),
  };
}

/** A registry source in the schema's key order (whatever order the stored record has), so exports are byte-stable. */
function exportSource(s: SourceRecord): NativeFile['registry'][number] {
  return {
    id: s.id,
    nameAr: s.nameAr,
    nameLatin: s.nameLatin,
    kind: s.kind,
    aliasesAr: [...s.aliasesAr],
    aliasesLatin: [...s.aliasesLatin],
    ...(s.ambiguous ? { ambiguous: [...s.ambiguous] } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.url !== undefined ? { url: s.url } : {}),
    createdAt: s.createdAt,
  };
}

/** Does this text look like an Isnad native file (cheap sniff before a full parse)? */
export function looksLikeNativeFile(text: string): boolean {
  return /^\s*\{/.test(text) && text.slice(0, 4096).includes(`"${NATIVE_FORMAT_TAG}"`);
}

/** A parsed native file with offsets already converted to UTF-16 code units. */
export interface ParsedNative {
  corpus: NativeFile['corpus'];
  schema: NativeFile['schema'];
  /** The version the file had before migration. */
  fromVersion: number;
  sources: Array<Omit<SourceRecord, 'corpusId'>>;
  documents: Array<Omit<DocumentRecord, 'corpusId'>>;
  spans: Array<Omit<SpanRecord, 'corpusId'>>;
  attributions: Array<Omit<AttributionRecord, 'corpusId'>>;
}

/** Parses and verifies a native file. Errors are messages for the user; nothing half-parsed is returned. */
export function parseNative(json: string): { ok: true; value: ParsedNative } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`It is not valid JSON: ${(error as Error).message}`] };
  }
  const migrated = migrateNativeFile(raw);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const parsed = nativeFileSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  }
  const file = parsed.data;
  const problems = verifyNativeFile(file);
  if (problems.length) return { ok: false, problems };
  const documents: ParsedNative['documents'] = [];
  const spans: ParsedNative['spans'] = [];
  const attributions: ParsedNative['attributions'] = [];
  for (const doc of file.documents) {
    const { sha256, ...meta } = doc.meta;
    documents.push({ id: doc.id, title: doc.title, text: doc.text, sha256, status: doc.status, order: doc.order, meta, ...(doc.publisherId ? { publisherId: doc.publisherId } : {}) });
    for (const a of doc.attributions) attributions.push({ ...a, docId: doc.id });
    const offsets = toUtf16Offsets(doc.text, doc.spans.flatMap((s) => [s.start, s.end]), file.offsetUnit);
    doc.spans.forEach((s, i) => {
      spans.push({ id: s.id, docId: doc.id, start: offsets[2 * i]!, end: offsets[2 * i + 1]!, label: s.label, annotator: s.annotator, createdAt: s.createdAt });
    });
  }
  return { ok: true, value: { corpus: file.corpus, schema: file.schema, fromVersion: migrated.from, sources: file.registry, documents, spans, attributions } };
}

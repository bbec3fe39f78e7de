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
import { problemIn, refused, refusedAs, type Problem, type Refused } from './dataset';
import { codePointRange, unitPhrase } from './common/span-units';
import { schemaIssueProblem } from './schema-issues';
import { errorParam, phrase, said, type Phrase } from '../phrases/phrase';
import { textInUnit, toUtf16Offsets, type OffsetUnit, type TextInUnit } from '../text/offsets';
import { NATIVE_FORMAT_TAG, NATIVE_FORMAT_VERSION, nativeAttributionSchema, nativeDocumentSchema, nativeFileSchema, type NativeDocument, type NativeFile } from './native-schema';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll } from '../arrays';

/** Options of a native export. */
export interface NativeExportOptions {
  offsetUnit?: OffsetUnit;
  exportedAt: string;
  generator?: string;
  /** Progress: called before each document with how many are done so far. */
  onProgress?: (documentsDone: number) => void;
}

/** The result of an export: the file's text, or the problems that stopped it. */
export type ExportResult = { ok: true; file: NativeFile; json: string; spanCount: number } | Refused;

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

function exportDocument(doc: DocumentRecord, spans: SpanRecord[], attributions: AttributionRecord[], view: TextInUnit): NativeDocument {
  const edges = new Array<number>(2 * spans.length);
  spans.forEach((s, i) => {
    edges[2 * i] = s.start;
    edges[2 * i + 1] = s.end;
  });
  const offsets = view.fromUtf16(edges);
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

/** The checks of a native file, document by document (ids are unique across the whole file). */
interface NativeChecker {
  /** Checks one document, through its text in the file's unit when the caller has built it. */
  document(doc: NativeDocument, view?: TextInUnit): void;
  readonly problems: Problem[];
}

/** How a native file's checks treat hashes and ids. */
interface NativeCheckOptions {
  /** Check each text against its SHA-256. */
  checkHashes: boolean;
  /**
   * How document and span ids are known to be unique: by collecting them (`collect`, for a
   * file read on its own), or by the caller (`caller`: the exporter writes each record of
   * the corpus maps once and checks that it is stored under its own id — map keys are
   * unique — which costs nothing next to a set of 100,000 ids).
   */
  uniqueIds: 'collect' | 'caller';
}

/**
 * The checks of a native file's documents against its header (schema labels, registry):
 * each document's SHA-256, every span's offsets slicing to its quoted text in the declared
 * unit, labels known to the schema, unique ids, attribution references.
 */
function nativeChecker(file: Pick<NativeFile, 'schema' | 'registry' | 'offsetUnit'>, { checkHashes, uniqueIds }: NativeCheckOptions): NativeChecker {
  const problems: Problem[] = [];
  const labels = new Set(file.schema.labels.map((l) => l.id));
  const sourceIds = new Set<string>();
  for (const source of file.registry) {
    if (sourceIds.has(source.id)) problems.push(said('nativeCheck.sourceTwice', { id: source.id }));
    sourceIds.add(source.id);
  }
  const docIds = new Set<string>();
  const spanIds = new Set<string>();
  const unit = file.offsetUnit;
  return {
    problems,
    document(doc, view = textInUnit(doc.text, unit)) {
      const where = phrase('nativeCheck.document', { title: doc.title, doc: doc.id });
      const collect = uniqueIds === 'collect';
      if (collect && docIds.has(doc.id)) problems.push(problemIn(where, 'exportCheck.idTwice'));
      if (collect) docIds.add(doc.id);
      if (checkHashes && sha256Hex(doc.text) !== doc.meta.sha256) problems.push(problemIn(where, 'nativeCheck.hash'));
      // Through the text indexed in the declared unit (independently of the exporter's
      // conversion), each span must be in range and slice to exactly its quoted text.
      for (const span of doc.spans) {
        if (collect && spanIds.has(span.id)) problems.push(problemIn(where, 'nativeCheck.spanTwice', { id: span.id }));
        if (collect) spanIds.add(span.id);
        if (!labels.has(span.label)) problems.push(problemIn(where, 'nativeCheck.label', { id: span.id, label: span.label }));
        if (!(span.start < span.end) || view.toUtf16(span.start) === null || view.toUtf16(span.end) === null) {
          problems.push(problemIn(where, 'nativeCheck.outside', { id: span.id, start: span.start, end: span.end, length: view.length, unit: unitPhrase(unit) }));
          continue;
        }
        if (!view.reads(span.start, span.end, span.text)) problems.push(problemIn(where, 'nativeCheck.quote', { id: span.id, start: span.start, end: span.end, unit: unitPhrase(unit), actual: view.slice(span.start, span.end), quote: span.text }));
      }
      if (doc.publisherId && !sourceIds.has(doc.publisherId)) problems.push(problemIn(where, 'nativeCheck.publisher', { id: doc.publisherId }));
      if (!doc.attributions.length) return;
      appendAll(problems, attributionProblems(where, doc));
      for (const a of doc.attributions) if (!sourceIds.has(a.sourceId)) problems.push(problemIn(where, 'nativeCheck.registry', { id: a.id, source: a.sourceId }));
    },
  };
}

/**
 * Checks a native file on its own: the schema, each document's SHA-256, every span's
 * offsets slicing to its quoted text in the declared unit, labels known to the schema,
 * unique ids. Returns the problems (empty when the file is sound).
 */
export function verifyNativeFile(file: NativeFile, options: { checkHashes?: boolean } = {}): Problem[] {
  const checker = nativeChecker(file, { checkHashes: options.checkHashes !== false, uniqueIds: 'collect' });
  for (const doc of file.documents) checker.document(doc);
  return checker.problems;
}

/**
 * A native file as JSON text: the header (format, version, unit, corpus, schema, registry) on
 * the first line, then one document per line. Any JSON reader reads it; one document per
 * line keeps it greppable and diffable, and writing it costs no more than one
 * `JSON.stringify` (indenting every span would cost a third more).
 */
export function nativeJson(file: NativeFile): string {
  const { documents, ...header } = file;
  const head = JSON.stringify(header);
  if (!documents.length) return `${head.slice(0, -1)},"documents":[]}\n`;
  const lines = new Array<string>(documents.length);
  for (let i = 0; i < documents.length; i += 1) lines[i] = JSON.stringify(documents[i]);
  return `${head.slice(0, -1)},"documents":[\n${lines.join(',\n')}\n]}\n`;
}

/** Reference checks of one document's attributions: spans and labels, via, no cycles. */
function attributionProblems(where: Phrase, doc: NativeDocument): Problem[] {
  const problems: Problem[] = [];
  const spanLabels = new Map(doc.spans.map((s) => [s.id, s.label]));
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  for (const a of doc.attributions) {
    const refs: Array<[string | undefined, string, Phrase]> = [
      [a.claimSpanId, 'CLAIM', phrase('nativeRole.claim')],
      [a.mentionSpanId, 'SOURCE', phrase('nativeRole.mention')],
      [a.cueSpanId, 'CUE', phrase('nativeRole.cue')],
    ];
    for (const [spanId, label, role] of refs) {
      if (spanId === undefined) continue;
      const actual = spanLabels.get(spanId);
      if (actual === undefined) problems.push(problemIn(where, 'nativeCheck.roleSpan', { id: a.id, role, span: spanId }));
      else if (actual !== label) problems.push(problemIn(where, 'nativeCheck.roleLabel', { id: a.id, actual, role, label }));
    }
    if (a.viaId !== undefined && !byId.has(a.viaId)) problems.push(problemIn(where, 'nativeCheck.via', { id: a.id, via: a.viaId }));
    const seen = new Set<string>();
    for (let step: typeof a | undefined = a; step; step = step.viaId ? byId.get(step.viaId) : undefined) {
      if (seen.has(step.id)) {
        problems.push(problemIn(where, 'nativeCheck.cycle', { id: a.id }));
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
  const problems: Problem[] = [];
  const documents: NativeDocument[] = [];
  let spanCount = 0;
  const spansByDoc = spansByDocument(state);
  const attributionsByDoc = attributionsByDocument(state);
  const header = {
    format: NATIVE_FORMAT_TAG,
    formatVersion: NATIVE_FORMAT_VERSION,
    offsetUnit: unit,
    exportedAt: options.exportedAt,
    generator: options.generator ?? 'Isnad',
    corpus: { id: state.corpus.id, name: state.corpus.name, createdAt: state.corpus.createdAt },
    schema: structuredCloneSchema(state.corpus.schema),
    registry: sourcesInOrder(state).map(exportSource),
  } as const;
  // The text hashes were computed at import and texts never change; the export checks
  // every span, reference and count (`isnad validate` and import check the hashes too).
  // Each document is checked as it is built, through the same index of its text.
  const checker = nativeChecker(header, { checkHashes: false, uniqueIds: 'caller' });
  for (const [index, doc] of documentsInOrder(state).entries()) {
    options.onProgress?.(index);
    const spans = spansByDoc.get(doc.id) ?? [];
    spanCount += spans.length;
    try {
      const view = textInUnit(doc.text, unit);
      const exported = exportDocument(doc, spans, attributionsByDoc.get(doc.id) ?? [], view);
      checker.document(exported, view);
      // A quote can occur twice in a text: each span must also map back to where it was.
      exported.spans.forEach((out, i) => {
        const span = spans[i]!;
        if (view.toUtf16(out.start) !== span.start || view.toUtf16(out.end) !== span.end) problems.push(said('nativeCheck.elsewhere', { title: doc.title, id: span.id, ...codePointRange(doc.text, span) }));
      });
      documents.push(exported);
    } catch (error) {
      problems.push(said('nativeCheck.docError', { title: doc.title, error: errorParam(error) }));
    }
  }
  appendAll(problems, idProblems(state));
  if (problems.length) return refused(problems);
  const file: NativeFile = { ...header, documents };
  const verified = checker.problems.length ? checker.problems : countProblems(file, state);
  if (verified.length) return refused(verified);
  return { ok: true, file, json: nativeJson(file), spanCount };
}

/**
 * Records stored under a key other than their own id. Map keys are unique, and each record
 * is written once, so without such a record the written ids are unique too.
 */
function idProblems(state: CorpusState): Problem[] {
  const problems: Problem[] = [];
  for (const [table, map] of [['document', state.documents], ['span', state.spans], ['attribution', state.attributions]] as const) {
    for (const [key, record] of map) if (record.id !== key) problems.push(said('nativeCheck.storedAs', { table: phrase(`nativeTable.${table}`), key, id: record.id }));
  }
  return problems;
}

/** Documents, spans and attributions in the file that differ in number from the corpus. */
function countProblems(file: NativeFile, state: CorpusState): Problem[] {
  let spans = 0;
  let attributions = 0;
  for (const doc of file.documents) {
    spans += doc.spans.length;
    attributions += doc.attributions.length;
  }
  const problems: Problem[] = [];
  if (file.documents.length !== state.documents.size) problems.push(said('nativeCheck.fileDocuments', { file: file.documents.length, corpus: state.documents.size }));
  if (spans !== state.spans.size) problems.push(said('nativeCheck.fileSpans', { file: spans, corpus: state.spans.size }));
  if (attributions !== state.attributions.size) problems.push(said('nativeCheck.fileAttributions', { file: attributions, corpus: state.attributions.size }));
  return problems;
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

/** How many schema problems {@link parseNative} returns by default (an import's refusal is one line). */
export const LISTED_SCHEMA_PROBLEMS = 5;

/**
 * Parses and verifies a native file. Errors are messages for the user; nothing half-parsed is
 * returned. `checkHashes: false` skips the SHA-256 of each text (for a file just written
 * from texts whose hashes were computed moments before). Of a file that does not fit the
 * schema, the first `schemaProblems` problems are returned (default
 * {@link LISTED_SCHEMA_PROBLEMS}; `Infinity` for all, to count them).
 */
export function parseNative(json: string, options: { checkHashes?: boolean; schemaProblems?: number } = {}): { ok: true; value: ParsedNative } | Refused {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return refusedAs('native.badJson', { detail: jsonSyntaxPhrase(json, error) });
  }
  const migrated = migrateNativeFile(raw);
  if (!migrated.ok) return refused([{ text: migrated.problem, phrase: migrated.phrase }]);
  const parsed = nativeFileSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return refused(parsed.error.issues.slice(0, options.schemaProblems ?? LISTED_SCHEMA_PROBLEMS).map((issue) => schemaIssueProblem(issue)));
  }
  const file = parsed.data;
  const problems = verifyNativeFile(file, options);
  if (problems.length) return refused(problems);
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

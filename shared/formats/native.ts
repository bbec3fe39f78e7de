/**
 * Isnad's native JSON format: lossless, versioned, with declared offset unit. The exporter
 * verifies every span against the text before anything is written; the importer validates
 * the file, checks every quote and converts offsets back to UTF-16.
 */
import { sha256Hex } from '../model/hash';
import type { CorpusState } from '../model/state';
import { documentsInOrder, spansOfDocument } from '../model/state';
import type { CorpusRecord, DocumentRecord, SpanRecord } from '../model/types';
import { fromUtf16Offsets, sliceInUnit, toUtf16Offsets, type OffsetUnit } from '../text/offsets';
import { NATIVE_FORMAT_TAG, NATIVE_FORMAT_VERSION, nativeFileSchema, type NativeDocument, type NativeFile } from './native-schema';

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

function exportDocument(doc: DocumentRecord, spans: SpanRecord[], unit: OffsetUnit): NativeDocument {
  const offsets = fromUtf16Offsets(doc.text, spans.flatMap((s) => [s.start, s.end]), unit);
  return {
    id: doc.id,
    title: doc.title,
    status: doc.status,
    order: doc.order,
    text: doc.text,
    meta: { ...doc.meta, sha256: doc.sha256 },
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
export function verifyNativeFile(file: NativeFile): string[] {
  const problems: string[] = [];
  const labels = new Set(file.schema.labels.map((l) => l.id));
  const docIds = new Set<string>();
  const spanIds = new Set<string>();
  for (const doc of file.documents) {
    const where = `document “${doc.title}” (${doc.id})`;
    if (docIds.has(doc.id)) problems.push(`${where}: the id is used twice.`);
    docIds.add(doc.id);
    if (sha256Hex(doc.text) !== doc.meta.sha256) problems.push(`${where}: its text does not match its SHA-256.`);
    const codePoints = file.offsetUnit === 'codepoint' ? Array.from(doc.text) : undefined;
    const length = codePoints ? codePoints.length : doc.text.length;
    for (const span of doc.spans) {
      if (spanIds.has(span.id)) problems.push(`${where}: span id ${span.id} is used twice.`);
      spanIds.add(span.id);
      if (!labels.has(span.label)) problems.push(`${where}: span ${span.id} has label ${span.label}, which the schema does not define.`);
      if (!(span.start < span.end) || span.end > length) {
        problems.push(`${where}: span ${span.id} [${span.start}, ${span.end}) is empty or outside the text (${length} ${file.offsetUnit}s).`);
        continue;
      }
      const actual = sliceInUnit(doc.text, span.start, span.end, file.offsetUnit, codePoints);
      if (actual !== span.text) {
        problems.push(`${where}: span ${span.id} [${span.start}, ${span.end}) in ${file.offsetUnit}s reads “${actual}” but quotes “${span.text}”.`);
      }
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
  for (const doc of documentsInOrder(state)) {
    const spans = spansOfDocument(state, doc.id);
    spanCount += spans.length;
    try {
      documents.push(exportDocument(doc, spans, unit));
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
    documents,
  };
  const verified = verifyNativeFile(file);
  if (verified.length) return { ok: false, problems: verified };
  return { ok: true, file, json: JSON.stringify(file, null, 2) + '\n', spanCount };
}

function structuredCloneSchema(schema: CorpusRecord['schema']): NativeFile['schema'] {
  return { labels: schema.labels.map((l) => ({ ...l })), allowCrossing: schema.allowCrossing };
}

/** Does this text look like an Isnad native file (cheap sniff before a full parse)? */
export function looksLikeNativeFile(text: string): boolean {
  return /^\s*\{/.test(text) && text.slice(0, 4096).includes(`"${NATIVE_FORMAT_TAG}"`);
}

/** A parsed native file with offsets already converted to UTF-16 code units. */
export interface ParsedNative {
  corpus: NativeFile['corpus'];
  schema: NativeFile['schema'];
  documents: Array<Omit<DocumentRecord, 'corpusId'>>;
  spans: Array<Omit<SpanRecord, 'corpusId'>>;
}

/** Parses and verifies a native file. Errors are messages for the user; nothing half-parsed is returned. */
export function parseNative(json: string): { ok: true; value: ParsedNative } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`It is not valid JSON: ${(error as Error).message}`] };
  }
  if (raw && typeof raw === 'object' && 'formatVersion' in raw && (raw as { formatVersion: unknown }).formatVersion !== NATIVE_FORMAT_VERSION) {
    return { ok: false, problems: [`It is native format version ${String((raw as { formatVersion: unknown }).formatVersion)}; this Isnad reads version ${NATIVE_FORMAT_VERSION}.`] };
  }
  const parsed = nativeFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  }
  const file = parsed.data;
  const problems = verifyNativeFile(file);
  if (problems.length) return { ok: false, problems };
  const documents: ParsedNative['documents'] = [];
  const spans: ParsedNative['spans'] = [];
  for (const doc of file.documents) {
    const { sha256, ...meta } = doc.meta;
    documents.push({ id: doc.id, title: doc.title, text: doc.text, sha256, status: doc.status, order: doc.order, meta });
    const offsets = toUtf16Offsets(doc.text, doc.spans.flatMap((s) => [s.start, s.end]), file.offsetUnit);
    doc.spans.forEach((s, i) => {
      spans.push({ id: s.id, docId: doc.id, start: offsets[2 * i]!, end: offsets[2 * i + 1]!, label: s.label, annotator: s.annotator, createdAt: s.createdAt });
    });
  }
  return { ok: true, value: { corpus: file.corpus, schema: file.schema, documents, spans } };
}

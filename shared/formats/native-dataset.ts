/**
 * Isnad's native JSON as a dataset format (`isnad convert --to native`): a DatasetCorpus is
 * turned into a CorpusState and written by the native exporter (`exportNative`, format
 * version 2, with its own span verification), then re-parsed with `parseNative` before it is
 * returned. Import reads any native version this Isnad knows (migrations run in `parseNative`).
 * Offsets: the file declares `offsetUnit` (code points by default, UTF-16 on request).
 */
import type { AttributionRecord, CorpusRecord, DocumentMeta, DocumentRecord, DocumentStatus, SourceRecord, SpanRecord } from '../model/types';
import { sha256Hex } from '../model/hash';
import type { CorpusState } from '../model/state';
import { compareSpans, createCorpusState } from '../model/state';
import type { DatasetAttribution, DatasetCorpus, DatasetDocument, DatasetFormat, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { exportNative, nativeExportFileName, parseNative, type ParsedNative } from './native';
import { NATIVE_FORMAT_VERSION } from './native-schema';
import { phrase, said } from '../phrases/phrase';
import { codePointRange } from './common/span-units';
import { errorProblem, lineNote, metaToDataset, problemAt, problemsOf, refused, refusedAs, type Problem } from './dataset';

/** Options of `datasetToCorpusState` beyond the export options. */
export interface DatasetStateOptions extends ExportOptions {
  /** The corpus id to use (default: derived from the corpus name). */
  corpusId?: string;
  /** The time stamp used for missing `importedAt`/`createdAt` values (default: now). */
  now?: string;
}

const STATUSES: readonly DocumentStatus[] = ['todo', 'in-progress', 'done'];
const ORIGINS: ReadonlyArray<DocumentMeta['origin']> = ['sample', 'file', 'native-import'];
const ENCODINGS: ReadonlyArray<DocumentMeta['encoding']> = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6'];
const METHODS: ReadonlyArray<DocumentMeta['encodingMethod']> = ['bom', 'valid-utf8', 'detected', 'declared', 'user'];
const LINE_ENDINGS: ReadonlyArray<DocumentMeta['lineEndings']> = ['lf', 'crlf', 'cr', 'mixed', 'none'];
const SOURCE_FORMATS: ReadonlyArray<NonNullable<DocumentMeta['format']>> = ['text', 'markdown', 'html', 'json', 'jsonl', 'csv', 'docx', 'native'];

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Rebuilds DocumentMeta from a dataset document's free metadata (defaults where absent). */
function metaFromDataset(doc: DatasetDocument, now: string): DocumentMeta {
  const m = doc.meta;
  const format = pick(m.format, SOURCE_FORMATS, 'text');
  const fileName = optionalString(m.fileName);
  const outlet = optionalString(m.outlet);
  const url = optionalString(m.url);
  const date = optionalString(m.date);
  const externalId = optionalString(m.externalId);
  const repeated = optionalCount(m.repeatedParagraphs);
  const removed = optionalCount(m.collapsedRemovedParagraphs);
  const confidence = typeof m.encodingConfidence === 'number' && m.encodingConfidence >= 0 && m.encodingConfidence <= 1 ? m.encodingConfidence : 1;
  return {
    origin: pick(m.origin, ORIGINS, 'file'),
    encoding: pick(m.encoding, ENCODINGS, 'utf-8'),
    encodingMethod: pick(m.encodingMethod, METHODS, 'valid-utf8'),
    encodingConfidence: confidence,
    lineEndings: pick(m.lineEndings, LINE_ENDINGS, doc.text.includes('\n') ? 'lf' : 'none'),
    importedAt: optionalString(m.importedAt) ?? now,
    ...(m.format !== undefined ? { format } : {}),
    ...(fileName !== undefined ? { fileName } : {}),
    ...(outlet !== undefined ? { outlet } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(repeated !== undefined ? { repeatedParagraphs: repeated } : {}),
    ...(removed !== undefined ? { collapsedRepeats: { removedParagraphs: removed } } : {}),
  };
}

/**
 * Keeps the spans with the wanted labels and the attributions whose claim survives (their
 * mention/cue/via references are dropped when the filter removed those). `attributions: false`
 * drops all. References to spans that never existed are kept, so that verification reports them.
 */
export function filterDocument(doc: DatasetDocument, options: ExportOptions = {}): DatasetDocument {
  const wanted = options.labels ? new Set(options.labels) : undefined;
  const spans = wanted ? doc.spans.filter((s) => wanted.has(s.label)) : doc.spans;
  if (options.attributions === false) return { ...doc, spans, attributions: [] };
  if (!wanted) return doc;
  const removed = new Set(doc.spans.filter((s) => !wanted.has(s.label)).map((s) => s.id));
  const attributions = doc.attributions.filter((a) => !removed.has(a.claimSpanId));
  const dropped = new Set(doc.attributions.filter((a) => removed.has(a.claimSpanId)).map((a) => a.id));
  return {
    ...doc,
    spans,
    attributions: attributions.map((a) => {
      const { mentionSpanId, cueSpanId, viaId, ...rest } = a;
      return {
        ...rest,
        ...(mentionSpanId !== undefined && !removed.has(mentionSpanId) ? { mentionSpanId } : {}),
        ...(cueSpanId !== undefined && !removed.has(cueSpanId) ? { cueSpanId } : {}),
        ...(viaId !== undefined && !dropped.has(viaId) ? { viaId } : {}),
      };
    }),
  };
}

/** A stable corpus id from a corpus name (used when a dataset has none). */
function corpusIdFromName(name: string): string {
  return `corpus-${nativeExportFileName(name, '').replace(/^isnad-|-?\.json$/g, '') || 'corpus'}`;
}

/**
 * Builds the app's CorpusState from a dataset corpus (document order = array order; texts'
 * SHA-256 recomputed; missing metadata, annotators and times filled with defaults), honouring
 * the label and attribution filters of `options`.
 */
export function datasetToCorpusState(corpus: DatasetCorpus, options: DatasetStateOptions = {}): CorpusState {
  const now = options.now ?? new Date().toISOString();
  const corpusId = options.corpusId ?? corpus.id ?? corpusIdFromName(corpus.name);
  const record: CorpusRecord = { id: corpusId, name: corpus.name, schema: corpus.schema, createdAt: corpus.createdAt ?? now };
  const documents: DocumentRecord[] = [];
  const spans: SpanRecord[] = [];
  const attributions: AttributionRecord[] = [];
  corpus.documents.forEach((original, order) => {
    const doc = filterDocument(original, options);
    documents.push({
      id: doc.id,
      corpusId,
      title: doc.title,
      text: doc.text,
      sha256: sha256Hex(doc.text),
      status: pick(doc.meta.status, STATUSES, 'todo'),
      order,
      meta: metaFromDataset(doc, now),
      ...(doc.publisherId ? { publisherId: doc.publisherId } : {}),
    });
    for (const s of doc.spans) spans.push({ id: s.id, corpusId, docId: doc.id, start: s.start, end: s.end, label: s.label, annotator: s.annotator ?? '', createdAt: s.createdAt ?? now });
    for (const a of doc.attributions) attributions.push({ ...a, corpusId, docId: doc.id, annotator: a.annotator ?? '', createdAt: a.createdAt ?? now });
  });
  const sources: SourceRecord[] = corpus.sources.map((s) => ({ ...s, corpusId }));
  return createCorpusState(record, documents, spans, sources, attributions);
}

/** The dataset view of a parsed native file (offsets already UTF-16; spans in reading order). */
export function nativeToDataset(parsed: ParsedNative): DatasetCorpus {
  const spansByDoc = new Map<string, Array<ParsedNative['spans'][number]>>();
  for (const s of parsed.spans) spansByDoc.set(s.docId, [...(spansByDoc.get(s.docId) ?? []), s]);
  const attributionsByDoc = new Map<string, DatasetAttribution[]>();
  for (const { docId, ...a } of parsed.attributions) attributionsByDoc.set(docId, [...(attributionsByDoc.get(docId) ?? []), a]);
  const documents = [...parsed.documents].sort((a, b) => a.order - b.order).map(
    (d): DatasetDocument => ({
      id: d.id,
      title: d.title,
      text: d.text,
      meta: metaToDataset(d),
      spans: (spansByDoc.get(d.id) ?? [])
        .map((s) => ({ ...s, corpusId: '' }))
        .sort(compareSpans)
        .map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label, annotator: s.annotator, createdAt: s.createdAt })),
      attributions: attributionsByDoc.get(d.id) ?? [],
      ...(d.publisherId ? { publisherId: d.publisherId } : {}),
    }),
  );
  return { id: parsed.corpus.id, createdAt: parsed.corpus.createdAt, name: parsed.corpus.name, schema: parsed.schema, sources: parsed.sources.map((s) => ({ ...s })), documents };
}

/** Re-reads an exported native file and compares it with what was meant to be written. */
function checkExported(json: string, state: CorpusState): Problem[] {
  // The hashes were computed from these very texts by `datasetToCorpusState`.
  const reread = parseNative(json, { checkHashes: false });
  if (!reread.ok) return problemsOf(reread).map((p) => said('nativeCheck.notBack', { problem: p.phrase ?? p.text }));
  const problems: Problem[] = [];
  const spans = new Map(reread.value.spans.map((s) => [s.id, s]));
  for (const span of state.spans.values()) {
    const back = spans.get(span.id);
    if (!back || back.docId !== span.docId || back.start !== span.start || back.end !== span.end || back.label !== span.label) problems.push(said('nativeCheck.spanBack', { id: span.id, ...codePointRange(state.documents.get(span.docId)?.text ?? '', span) }));
  }
  if (spans.size !== state.spans.size) problems.push(said('nativeCheck.spanCount', { read: spans.size, written: state.spans.size }));
  if (reread.value.attributions.length !== state.attributions.size) problems.push(said('nativeCheck.attributionCount', { read: reread.value.attributions.length, written: state.attributions.size }));
  return problems;
}

/** Isnad native JSON (format version 2) as a dataset format. */
export const nativeFormat: DatasetFormat = {
  name: 'native',
  offsetConvention: phrase('offsets.native'),
  offsetUnits: ['codepoint', 'utf16'],
  exportCorpus(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
    const now = new Date().toISOString();
    const unit = options.offsetUnit ?? 'codepoint';
    const state = datasetToCorpusState(corpus, { ...options, now });
    let result: ReturnType<typeof exportNative>;
    try {
      result = exportNative(state, { offsetUnit: unit, exportedAt: now, generator: 'Isnad', ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    } catch (error) {
      return refused([errorProblem(error)]);
    }
    if (!result.ok) return result;
    const problems = checkExported(result.json, state);
    if (problems.length) return refused(problems);
    return { ok: true, files: [{ path: nativeExportFileName(corpus.name, now), contents: result.json }], notes: [], offsetUnit: unit };
  },
  importFiles(files: readonly OutputFile[]): ImportOutcome {
    const notes: FormatNote[] = [];
    const [file, ...rest] = files;
    if (!file) return refusedAs('dataset.noFile');
    for (const other of rest) notes.push(lineNote(other.path, undefined, 'skipped', 'readNote.oneFile', { format: 'native' }));
    const contents = file.contents.charCodeAt(0) === 0xfeff ? file.contents.slice(1) : file.contents;
    const parsed = parseNative(contents);
    if (!parsed.ok) return refused(problemsOf(parsed).map((p) => problemAt(file.path, undefined, p)));
    if (parsed.value.fromVersion !== NATIVE_FORMAT_VERSION) notes.push(lineNote(file.path, undefined, 'repaired', 'readNote.nativeMigrated', { from: parsed.value.fromVersion, to: NATIVE_FORMAT_VERSION }));
    return { ok: true, corpus: nativeToDataset(parsed.value), notes };
  },
};

/**
 * Turning files into documents: decode each file (plain text, or Isnad's native JSON),
 * skip exact duplicates, refuse what is not an article with a message naming the file, and
 * build one transaction for everything that could be imported. A bad file never stops the
 * rest of the batch.
 */
import { decodeArticleBytes, describeEncoding } from '../text/decode';
import { parseNative, looksLikeNativeFile } from '../formats/native';
import { sha256Hex } from './hash';
import type { CommandContext } from './commands';
import { findLabel } from './schema';
import type { CorpusState } from './state';
import { transaction, type RecordChange, type Transaction } from './transaction';
import type { DocumentMeta, DocumentRecord, SpanRecord } from './types';

/** A file handed to the importer: its bytes, or the reason the host could not read it. */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; error: string };

/** What an import did, file by file, for the report the user sees. */
export interface ImportReport {
  imported: Array<{ fileName: string; title: string; docId: string; detail: string }>;
  duplicates: Array<{ fileName: string; title: string; existingTitle: string }>;
  refused: Array<{ fileName: string; message: string }>;
}

/** The import's transaction (null when nothing was imported) and its report. */
export interface ImportOutcome {
  tx: Transaction | null;
  report: ImportReport;
}

const TITLE_LIMIT = 100;

/** A document title from the text: its first paragraph, cut at a word near 100 characters. */
export function titleFromText(text: string, fallback: string): string {
  const first = text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
  if (!first) return fallback;
  if (first.length <= TITLE_LIMIT) return first;
  const cut = first.lastIndexOf(' ', TITLE_LIMIT);
  return `${first.slice(0, cut > TITLE_LIMIT / 2 ? cut : TITLE_LIMIT)}…`;
}

/** Removes the last extension: "article.txt" → "article". */
export function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const name = fileName.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

class ImportBuilder {
  readonly changes: RecordChange[] = [];
  readonly report: ImportReport = { imported: [], duplicates: [], refused: [] };
  private readonly hashes = new Map<string, string>();
  private readonly docIds = new Set<string>();
  private readonly spanIds = new Set<string>();
  private nextOrder: number;
  schema: CorpusState['corpus']['schema'];

  constructor(
    private readonly state: CorpusState,
    private readonly ctx: CommandContext,
  ) {
    for (const doc of state.documents.values()) {
      this.hashes.set(doc.sha256, doc.title);
      this.docIds.add(doc.id);
    }
    for (const id of state.spans.keys()) this.spanIds.add(id);
    this.nextOrder = Math.max(-1, ...[...state.documents.values()].map((d) => d.order)) + 1;
    this.schema = state.corpus.schema;
  }

  isDuplicate(fileName: string, title: string, sha256: string): boolean {
    const existing = this.hashes.get(sha256);
    if (existing === undefined) return false;
    this.report.duplicates.push({ fileName, title, existingTitle: existing });
    return true;
  }

  addDocument(fields: Omit<DocumentRecord, 'corpusId' | 'order' | 'id'> & { id?: string }, fileName: string, detail: string): DocumentRecord {
    const id = fields.id && !this.docIds.has(fields.id) ? fields.id : this.ctx.newId();
    const doc: DocumentRecord = { ...fields, id, corpusId: this.state.corpus.id, order: this.nextOrder++ };
    this.docIds.add(id);
    this.hashes.set(doc.sha256, doc.title);
    this.changes.push({ table: 'documents', id, before: null, after: doc });
    this.report.imported.push({ fileName, title: doc.title, docId: id, detail });
    return doc;
  }

  addSpan(fields: Omit<SpanRecord, 'corpusId' | 'id'> & { id: string }): void {
    const id = this.spanIds.has(fields.id) ? this.ctx.newId() : fields.id;
    this.spanIds.add(id);
    const span: SpanRecord = { ...fields, id, corpusId: this.state.corpus.id };
    this.changes.push({ table: 'spans', id, before: null, after: span });
  }
}

function importPlainText(builder: ImportBuilder, name: string, bytes: Uint8Array, ctx: CommandContext): void {
  const decoded = decodeArticleBytes(bytes, name);
  if (!decoded.ok) {
    builder.report.refused.push({ fileName: name, message: decoded.message });
    return;
  }
  const sha256 = sha256Hex(decoded.text);
  const title = titleFromText(decoded.text, baseName(name));
  if (builder.isDuplicate(name, title, sha256)) return;
  const meta: DocumentMeta = {
    fileName: name,
    origin: 'file',
    encoding: decoded.encoding,
    encodingMethod: decoded.method,
    encodingConfidence: decoded.confidence,
    lineEndings: decoded.lineEndings,
    importedAt: ctx.now(),
  };
  builder.addDocument({ title, text: decoded.text, sha256, status: 'todo', meta }, name, describeEncoding(decoded));
}

function importNative(builder: ImportBuilder, name: string, text: string): void {
  const parsed = parseNative(text);
  if (!parsed.ok) {
    builder.report.refused.push({ fileName: name, message: `“${name}” is not a valid Isnad export: ${parsed.problems.join(' ')}` });
    return;
  }
  const { value } = parsed;
  const missing = value.schema.labels.filter((l) => !findLabel(builder.schema, l.id));
  if (missing.length) builder.schema = { ...builder.schema, labels: [...builder.schema.labels, ...missing] };
  for (const doc of value.documents) {
    if (builder.isDuplicate(name, doc.title, doc.sha256)) continue;
    const added = builder.addDocument({ ...doc, meta: { ...doc.meta } }, name, `Isnad export (${value.corpus.name})`);
    for (const span of value.spans) if (span.docId === doc.id) builder.addSpan({ ...span, docId: added.id });
  }
}

/**
 * Imports a batch of files into the corpus. Plain-text files are decoded (encoding
 * detected and reported); `.json` files holding an Isnad export bring their documents,
 * spans and any labels the corpus lacks. Exact duplicates (same text SHA-256) are skipped.
 */
export function importFiles(state: CorpusState, files: readonly IncomingFile[], ctx: CommandContext): ImportOutcome {
  const builder = new ImportBuilder(state, ctx);
  for (const file of files) {
    if ('error' in file) {
      builder.report.refused.push({ fileName: file.name, message: file.error });
      continue;
    }
    if (/\.json$/i.test(file.name)) {
      const decoded = decodeArticleBytes(file.bytes, file.name);
      if (decoded.ok && looksLikeNativeFile(decoded.text)) {
        importNative(builder, file.name, decoded.text);
        continue;
      }
      if (decoded.ok && /^\s*[[{]/.test(decoded.text)) {
        builder.report.refused.push({ fileName: file.name, message: `“${file.name}” is JSON but not an Isnad export; other JSON layouts are not supported yet.` });
        continue;
      }
    }
    importPlainText(builder, file.name, file.bytes, ctx);
  }
  const changes = builder.changes;
  if (builder.schema !== state.corpus.schema) {
    changes.unshift({ table: 'corpora', id: state.corpus.id, before: state.corpus, after: { ...state.corpus, schema: builder.schema } });
  }
  const count = builder.report.imported.length;
  const tx = changes.length
    ? transaction(changes, {
        origin: 'import',
        description: `Import ${count} document${count === 1 ? '' : 's'}`,
        ...(builder.report.imported[0] ? { docId: builder.report.imported[0].docId } : {}),
      })
    : null;
  return { tx, report: builder.report };
}

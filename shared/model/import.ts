/**
 * Turning files into documents, in two steps:
 * 1. `prepareFile` (pure, CPU-heavy, runs in a Web Worker in the app and directly in the
 *    CLI): detect the format and encoding, extract the articles, hash them, find repeated
 *    paragraphs (and collapse them when asked), compute MinHash signatures.
 * 2. `ImportBuilder` (cheap, on the main thread): skip exact duplicates of what the corpus
 *    holds or the import already brought, make records with ids, and build transactions plus a per-file report.
 * A bad file or record never stops the rest of the batch.
 */
import { extractArticles, markdownLineText } from '../formats/intake';
import { DEFAULT_FIELD_MAPPING, type ArticleDraft, type FieldMapping } from '../formats/article-draft';
import { parseNative, type ParsedNative } from '../formats/native';
import { problemsInTurn, problemsOf } from '../formats/dataset';
import { collapseRepeatedParagraphs, findRepeatedParagraphs } from '../text/repeats';
import { encodingPhrase, encodingSummary, type TextEncodingName } from '../text/decode';
import { english, phrase, said, type Phrase } from '../phrases/phrase';
import { sha256Hex } from './hash';
import type { CommandContext } from './commands';
import { minHashSignature } from './near-duplicates';
import { sameNamesKey } from './attribution-commands';
import { findLabel } from './schema';
import type { CorpusState } from './state';
import { transaction, type RecordChange, type Transaction } from './transaction';
import type { AttributionRecord, DocumentMeta, DocumentRecord, ImportSettings, SourceRecord, SpanRecord } from './types';

/** A file handed to the importer: its bytes, or the reason the host could not read it (with its phrase when it has one). */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; error: string; errorPhrase?: Phrase };

/** Import settings for corpora that never saved their own. */
export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { fieldMapping: DEFAULT_FIELD_MAPPING, collapseRepeatedParagraphs: false };

/** Options of one import run. */
export interface PrepareOptions {
  fieldMapping?: FieldMapping;
  collapseRepeatedParagraphs?: boolean;
  /** Per-file encoding overrides, by file name. */
  encodings?: Record<string, TextEncodingName>;
}

/** An article ready to become a document (everything but ids and order). */
export interface PreparedArticle {
  title: string;
  text: string;
  sha256: string;
  minhash: Uint32Array;
  meta: Omit<DocumentMeta, 'importedAt' | 'origin'>;
  /**
   * What the report says about it, as a phrase, e.g. "Windows-1256 (Arabic), detected 87% ·
   * 2 repeated paragraphs collapsed". Rendered where it is shown (ImportBuilder renders the
   * report's English): not in the preparing worker, where it cost 5% of preparing a file.
   */
  detailPhrase: Phrase;
}

/** An English sentence for the CLI and its phrase for the interface (absent in reports made before phrases). */
export interface ReportText {
  message: string;
  phrase?: Phrase;
}

/** What one file yielded after preparation. */
export type PreparedFile =
  | { name: string; kind: 'articles'; articles: PreparedArticle[]; problems: ReportText[] }
  | { name: string; kind: 'native'; parsed: ParsedNative }
  | ({ name: string; kind: 'refused' } & ReportText);

/** What an import did, file by file, for the report the user sees. */
export interface ImportReport {
  imported: Array<{ fileName: string; title: string; docId: string; detail: string; detailPhrase?: Phrase }>;
  /**
   * Texts skipped as exact copies: of a document the corpus held (`existingFile` absent), or
   * of one this import brought in first (`existingFile`: the file, or record, it came from).
   */
  duplicates: Array<{ fileName: string; title: string; existingTitle: string; existingFile?: string }>;
  refused: Array<{ fileName: string } & ReportText>;
  /** Records skipped inside files that were otherwise imported (a bad JSON line, a CSV row without text). */
  problems: Array<{ fileName: string } & ReportText>;
}

/** An empty report. */
export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], refused: [], problems: [] };
}

const TITLE_LIMIT = 100;

/**
 * A document title from the text: its first non-empty paragraph, cut at a word near 100
 * characters. `plain` turns a line into the words it shows (for Markdown, without its markup:
 * `markdownLineText`); a line that shows nothing is passed over.
 */
export function titleFromText(text: string, fallback: string, plain: (line: string) => string = (line) => line): string {
  let first = '';
  for (let start = 0; start <= text.length && !first; ) {
    const end = text.indexOf('\n', start);
    first = plain(text.slice(start, end < 0 ? text.length : end)).trim();
    start = end < 0 ? text.length + 1 : end + 1;
  }
  if (!first) return fallback;
  if (first.length <= TITLE_LIMIT) return first;
  const cut = first.lastIndexOf(' ', TITLE_LIMIT);
  return `${first.slice(0, cut > TITLE_LIMIT / 2 ? cut : TITLE_LIMIT)}…`;
}

/** Removes the folders and the last extension: "news/article.txt" → "article". */
export function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const name = fileName.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** How a document's bytes were decoded, in words (see shared/text/decode.ts). */
export { encodingSummary };

function prepareArticle(fileName: string, draft: ArticleDraft, options: PrepareOptions, hash: boolean): PreparedArticle {
  let text = draft.text;
  const repeats = findRepeatedParagraphs(text);
  let collapsedRepeats: DocumentMeta['collapsedRepeats'];
  let repeatedParagraphs = repeats.length;
  if (repeats.length && options.collapseRepeatedParagraphs) {
    const collapsed = collapseRepeatedParagraphs(text);
    text = collapsed.text;
    collapsedRepeats = { removedParagraphs: collapsed.removed };
    repeatedParagraphs = findRepeatedParagraphs(text).length;
  }
  const meta: PreparedArticle['meta'] = {
    fileName: draft.record === undefined ? fileName : `${fileName} #${draft.record}`,
    format: draft.format,
    encoding: draft.decoding.encoding,
    encodingMethod: draft.decoding.encodingMethod,
    encodingConfidence: draft.decoding.encodingConfidence,
    lineEndings: draft.decoding.lineEndings,
    repeatedParagraphs,
    ...(draft.outlet ? { outlet: draft.outlet } : {}),
    ...(draft.url ? { url: draft.url } : {}),
    ...(draft.date ? { date: draft.date } : {}),
    ...(draft.externalId ? { externalId: draft.externalId } : {}),
    ...(collapsedRepeats ? { collapsedRepeats } : {}),
  };
  const read = phrase('imported.read', { format: phrase(`sourceFormat.${draft.format}`), encoding: encodingPhrase(meta) });
  const detailPhrase = collapsedRepeats
    ? phrase('imported.removed', { read, count: collapsedRepeats.removedParagraphs })
    : repeats.length
      ? phrase('imported.repeated', { read, count: repeats.length })
      : read;
  return {
    title: draft.title?.trim() || titleFromText(text, baseName(fileName), draft.format === 'markdown' ? markdownLineText : undefined),
    text,
    sha256: hash ? sha256Hex(text) : '',
    minhash: minHashSignature(text),
    meta,
    detailPhrase,
  };
}

/**
 * Step 1 for one file: format and encoding detection, extraction, hashing, repeated
 * paragraphs, MinHash. Never throws for bad input; the reason is in the result.
 * With `hash: false` the SHA-256 is left empty for the caller to fill in (the import worker
 * uses the platform's native, asynchronous digest, which is several times faster).
 */
export function prepareFile(file: IncomingFile, options: PrepareOptions = {}, hash = true): PreparedFile {
  if ('error' in file) return { name: file.name, kind: 'refused', message: file.error, ...(file.errorPhrase ? { phrase: file.errorPhrase } : {}) };
  const refused = (why: { text: string; phrase: Phrase }): PreparedFile => ({ name: file.name, kind: 'refused', message: why.text, phrase: why.phrase });
  try {
    const encoding = options.encodings?.[file.name];
    const result = extractArticles(file.name, file.bytes, {
      fieldMapping: options.fieldMapping ?? DEFAULT_FIELD_MAPPING,
      ...(encoding ? { encoding } : {}),
    });
    if (!result.ok) return { name: file.name, kind: 'refused', message: result.reason, phrase: result.phrase };
    if ('nativeJson' in result) {
      const parsed = parseNative(result.nativeJson);
      if (!parsed.ok) return refused(said('file.notNative', { file: file.name, problems: problemsInTurn(problemsOf(parsed)) }));
      return { name: file.name, kind: 'native', parsed: parsed.value };
    }
    const problems = result.problems.map((p) => (p.line === undefined ? p.phrase : phrase('problem.line', { line: p.line, problem: p.phrase })));
    if (!result.articles.length) {
      return refused(problems.length ? said('file.noArticle', { file: file.name, problem: problems[0]! }) : said('file.noArticleText', { file: file.name }));
    }
    return {
      name: file.name,
      kind: 'articles',
      articles: result.articles.map((draft) => prepareArticle(file.name, draft, options, hash)),
      problems: problems.map((p) => ({ message: english(p), phrase: p })),
    };
  } catch (error) {
    return refused(said('file.unreadable', { file: file.name, error: (error as Error).message }));
  }
}

/**
 * The bytes of `file` when they are exactly the UTF-8 encoding of the one article it was
 * prepared into (a plain-text file in UTF-8 without byte-order mark or CR, taken as it is):
 * the article's SHA-256 can then be taken of the bytes, without encoding the text again.
 * Null otherwise.
 */
export function utf8OfArticle(file: IncomingFile, prepared: PreparedFile): Uint8Array | null {
  if (!('bytes' in file) || prepared.kind !== 'articles' || prepared.articles.length !== 1) return null;
  const { text, meta } = prepared.articles[0]!;
  const asIs = meta.format === 'text' && meta.encoding === 'utf-8' && meta.encodingMethod === 'valid-utf8' && (meta.lineEndings === 'lf' || meta.lineEndings === 'none') && !meta.collapsedRepeats;
  // (Each UTF-16 unit takes one to three bytes: a cheap guard that the text is the whole file.)
  return asIs && file.bytes.length >= text.length && file.bytes.length <= 3 * text.length ? file.bytes : null;
}

const utf8Encoder = new TextEncoder();

/**
 * Each article's text as UTF-8 bytes, in the order of `prepared.articles` (empty when the file
 * has no articles): the file's own bytes when they are exactly the text (`utf8OfArticle`),
 * else the text encoded; null for a text with a lone surrogate (from a JSON escape), which
 * UTF-8 cannot carry exactly.
 */
export function utf8OfArticles(file: IncomingFile, prepared: PreparedFile): Array<Uint8Array | null> {
  if (prepared.kind !== 'articles') return [];
  const asIs = utf8OfArticle(file, prepared);
  if (asIs) return [asIs];
  return prepared.articles.map((article) => (article.text.isWellFormed() ? utf8Encoder.encode(article.text) : null));
}

/**
 * Step 2: turns prepared files into records for one corpus. Call `add` per file (in any
 * batches), then `take()` to get the transaction for what was added since the last take.
 */
export class ImportBuilder {
  readonly report: ImportReport = emptyReport();
  private changes: RecordChange[] = [];
  /** Each text's SHA-256 → the title of its document, and its file when this import brought it. */
  private readonly hashes = new Map<string, { title: string; fileName?: string }>();
  private readonly docIds = new Set<string>();
  private readonly spanIds = new Set<string>();
  private nextOrder: number;
  private schema: CorpusState['corpus']['schema'];
  private corpus: CorpusState['corpus'];
  private readonly sources: Map<string, SourceRecord>;
  private readonly sourceIdMap = new Map<string, string>();
  private readonly attributionIds = new Set<string>();

  constructor(
    state: CorpusState,
    private readonly ctx: CommandContext,
  ) {
    let maxOrder = -1;
    for (const doc of state.documents.values()) {
      this.hashes.set(doc.sha256, { title: doc.title });
      this.docIds.add(doc.id);
      if (doc.order > maxOrder) maxOrder = doc.order;
    }
    for (const id of state.spans.keys()) this.spanIds.add(id);
    this.nextOrder = maxOrder + 1;
    this.sources = new Map(state.sources);
    for (const id of state.attributions.keys()) this.attributionIds.add(id);
    this.corpus = state.corpus;
    this.schema = state.corpus.schema;
  }

  private isDuplicate(fileName: string, title: string, sha256: string): boolean {
    const existing = this.hashes.get(sha256);
    if (existing === undefined) return false;
    this.report.duplicates.push({ fileName, title, existingTitle: existing.title, ...(existing.fileName !== undefined ? { existingFile: existing.fileName } : {}) });
    return true;
  }

  private addDocument(fields: Omit<DocumentRecord, 'corpusId' | 'order' | 'id'> & { id?: string }, fileName: string, detailPhrase: Phrase): DocumentRecord {
    const id = fields.id && !this.docIds.has(fields.id) ? fields.id : this.ctx.newId();
    const doc: DocumentRecord = { ...fields, id, corpusId: this.corpus.id, order: this.nextOrder++ };
    this.docIds.add(id);
    this.hashes.set(doc.sha256, { title: doc.title, fileName });
    this.changes.push({ table: 'documents', id, before: null, after: doc });
    // The English is rendered when read (the CLI, a short report): an import of thousands of
    // articles shows only their count, and rendering each line cost the UI thread for nothing.
    this.report.imported.push({
      fileName,
      title: doc.title,
      docId: id,
      get detail(): string {
        return english(detailPhrase);
      },
      detailPhrase,
    });
    return doc;
  }

  private addSpan(fields: Omit<SpanRecord, 'corpusId' | 'id'> & { id?: string }): string {
    const id = fields.id === undefined || this.spanIds.has(fields.id) ? this.ctx.newId() : fields.id;
    this.spanIds.add(id);
    this.changes.push({ table: 'spans', id, before: null, after: { ...fields, id, corpusId: this.corpus.id } });
    return id;
  }

  /**
   * The corpus source a file's source stands for: the same id, or the same names, or a new
   * registry entry (added once). Returns the id to use.
   */
  private resolveSource(source: ParsedNative['sources'][number], keepId: boolean): string {
    const known = this.sourceIdMap.get(source.id);
    if (known) return known;
    const key = sameNamesKey(source);
    const existing = this.sources.get(source.id) ?? [...this.sources.values()].find((s) => sameNamesKey(s) === key);
    let id: string;
    if (existing) id = existing.id;
    else {
      id = !keepId || this.sources.has(source.id) ? this.ctx.newId() : source.id;
      const record: SourceRecord = { ...source, id, corpusId: this.corpus.id };
      this.sources.set(id, record);
      this.changes.push({ table: 'sources', id, before: null, after: record });
    }
    this.sourceIdMap.set(source.id, id);
    return id;
  }

  /** Adds one prepared file. */
  add(file: PreparedFile): void {
    if (file.kind === 'refused') {
      this.report.refused.push({ fileName: file.name, message: file.message, ...(file.phrase ? { phrase: file.phrase } : {}) });
      return;
    }
    if (file.kind === 'native') {
      this.addNative(file.name, file.parsed);
      return;
    }
    for (const problem of file.problems) this.report.problems.push({ fileName: file.name, ...problem });
    for (const article of file.articles) {
      if (this.isDuplicate(article.meta.fileName ?? file.name, article.title, article.sha256)) continue;
      this.addDocument(
        { title: article.title, text: article.text, sha256: article.sha256, status: 'todo', minhash: article.minhash, meta: { ...article.meta, origin: 'file', importedAt: this.ctx.now() } },
        article.meta.fileName ?? file.name,
        article.detailPhrase,
      );
    }
  }

  private addNative(name: string, value: ParsedNative): void {
    const missing = value.schema.labels.filter((l) => !findLabel(this.schema, l.id));
    if (missing.length) {
      this.schema = { ...this.schema, labels: [...this.schema.labels, ...missing] };
      const after = { ...this.corpus, schema: this.schema };
      this.changes.push({ table: 'corpora', id: this.corpus.id, before: this.corpus, after });
      this.corpus = after;
    }
    // Record ids are unique across every corpus of the database. A file exported from this
    // very corpus keeps its ids; into any other corpus its records get fresh ids, because the
    // corpus it came from may still hold them (keeping them would overwrite its records).
    const keepIds = value.corpus.id === this.corpus.id;
    // The file's registry comes along: each source joins the corpus's registry unless the
    // registry already has it (same id or same names).
    for (const source of value.sources) this.resolveSource(source, keepIds);
    const sourceId = (id: string): string => this.sourceIdMap.get(id)!;
    for (const doc of value.documents) {
      if (this.isDuplicate(name, doc.title, doc.sha256)) continue;
      const { publisherId, id: fileId, ...fields } = doc;
      const added = this.addDocument(
        { ...fields, ...(keepIds ? { id: fileId } : {}), meta: { ...doc.meta }, minhash: minHashSignature(doc.text), ...(publisherId ? { publisherId: sourceId(publisherId) } : {}) },
        name,
        phrase('imported.native', { title: doc.title, corpus: value.corpus.name }),
      );
      const spanIds = new Map<string, string>();
      for (const span of value.spans) {
        if (span.docId !== doc.id) continue;
        const { id: spanId, ...rest } = span;
        spanIds.set(spanId, this.addSpan({ ...rest, ...(keepIds ? { id: spanId } : {}), docId: added.id }));
      }
      // Attribution ids are kept unless taken; via links follow the new ids.
      const attributions = value.attributions.filter((a) => a.docId === doc.id);
      const attributionIds = new Map(attributions.map((a) => [a.id, !keepIds || this.attributionIds.has(a.id) ? this.ctx.newId() : a.id]));
      for (const a of attributions) {
        const id = attributionIds.get(a.id)!;
        this.attributionIds.add(id);
        const record: AttributionRecord = {
          ...a,
          id,
          corpusId: this.corpus.id,
          docId: added.id,
          claimSpanId: spanIds.get(a.claimSpanId)!,
          sourceId: sourceId(a.sourceId),
          ...(a.mentionSpanId ? { mentionSpanId: spanIds.get(a.mentionSpanId)! } : {}),
          ...(a.cueSpanId ? { cueSpanId: spanIds.get(a.cueSpanId)! } : {}),
          ...(a.viaId ? { viaId: attributionIds.get(a.viaId)! } : {}),
        };
        this.changes.push({ table: 'attributions', id, before: null, after: record });
      }
    }
  }

  /** The transaction for everything added since the last call (null when nothing was). */
  take(): Transaction | null {
    if (!this.changes.length) return null;
    const changes = this.changes;
    this.changes = [];
    const docs = changes.filter((c) => c.table === 'documents').length;
    const first = changes.find((c) => c.table === 'documents');
    return transaction(changes, { origin: 'import', description: phrase('change.import', { count: docs }), ...(first ? { docId: first.id } : {}) });
  }
}

/** The transaction (null when nothing was imported) and the report of a whole import. */
export interface ImportOutcome {
  tx: Transaction | null;
  report: ImportReport;
}

/**
 * Imports a batch of files in one go (the CLI and tests; the app runs `prepareFile` in a
 * worker and feeds an `ImportBuilder` batch by batch).
 */
export function importFiles(state: CorpusState, files: readonly IncomingFile[], ctx: CommandContext, options: PrepareOptions = {}): ImportOutcome {
  const builder = new ImportBuilder(state, ctx);
  for (const file of files) builder.add(prepareFile(file, options));
  return { tx: builder.take(), report: builder.report };
}

/**
 * Intake: turning one file's bytes into article drafts. The format is chosen by extension
 * (or sniffed from the content when the name does not tell), the bytes are decoded
 * (detected, declared by an HTML page, or the user's override), and the format's
 * extractor produces drafts with their metadata. Files that are not articles are refused
 * with a reason naming the file; Isnad's own JSON exports are handed back untouched for
 * the native importer. Pure TypeScript: runs in Node and in a browser Web Worker.
 */
import type { ArticleDraft, DecodingInfo, IntakeOptions, IntakeResult, Refusal, SourceFormat } from '../article-draft';
import { DEFAULT_FIELD_MAPPING, refusal } from '../article-draft';
import { phrase } from '../../phrases/phrase';
import { looksLikeNativeFile } from '../native';
import { decodeForIntake, sizeRefusal } from './decoding';
import { extractDocxParagraphs, looksLikeZip, zipEntryNames } from './docx';
import { classifyFileName, looksLikeJsonLines, sniffTextFormat, type NamedFormat } from './file-kinds';
import { extractHtmlArticle } from './html';
import { extractMarkdownArticle } from './markdown';
import { fileExtension } from './names';
import { detectRecordFields, extractCsvRecords, extractJsonLinesRecords, extractJsonRecords } from './records';
import { isBlank } from '../../text/chars';

export { SUPPORTED_EXTENSIONS, isProbablyArticleFile, classifyFileName } from './file-kinds';
export { extractHtmlArticle, type HtmlArticle, type HtmlExtractOptions } from './html';
export { extractDocxParagraphs, MAX_DOCX_DOCUMENT_BYTES, type DocxExtraction } from './docx';
export { extractMarkdownArticle, markdownLineText, type MarkdownArticle } from './markdown';
export { detectRecordFields, extractCsvRecords, extractJsonLinesRecords, extractJsonRecords, type RecordContext } from './records';
export { decodeForIntake, declaredHtmlCharset, type IntakeText } from './decoding';

/** Isnad's own export, recognised by content: its JSON text, for the native importer. */
export interface NativeIntake {
  ok: true;
  format: 'native';
  nativeJson: string;
}

/** How a .docx was "decoded": its XML is UTF-8 by declaration, and it had no line endings of its own. */
const DOCX_DECODING: DecodingInfo = { encoding: 'utf-8', encodingMethod: 'declared', encodingConfidence: 1, lineEndings: 'none' };

type Metadata = Partial<Pick<ArticleDraft, 'title' | 'url' | 'date' | 'outlet'>>;

/** A one-article result; metadata fields that are absent stay absent. */
function single(format: SourceFormat, text: string, decoding: DecodingInfo, meta: Metadata): IntakeResult {
  const draft: ArticleDraft = { text, format, decoding };
  for (const key of ['title', 'url', 'date', 'outlet'] as const) {
    const value = meta[key];
    if (value !== undefined && !isBlank(value)) draft[key] = value;
  }
  return { ok: true, format, articles: [draft], problems: [] };
}

function refuse(why: Refusal, format?: SourceFormat): IntakeResult {
  return format === undefined ? { ok: false, ...why } : { ok: false, format, ...why };
}

function extractDocx(fileName: string, bytes: Uint8Array): IntakeResult {
  const result = extractDocxParagraphs(bytes, fileName);
  if (!result.ok) return refuse(result, 'docx');
  if (result.paragraphs.length === 0) return refuse(refusal('file.noText', { file: fileName }), 'docx');
  return single('docx', result.paragraphs.join('\n'), DOCX_DECODING, result.title === undefined ? {} : { title: result.title });
}

/** The format of a file whose name does not tell, from its first bytes (ZIP) — text formats are sniffed after decoding. */
function binaryVerdict(fileName: string, bytes: Uint8Array): { format: 'docx' } | Refusal | undefined {
  if (!looksLikeZip(bytes)) return undefined;
  const names = zipEntryNames(bytes);
  if (names?.includes('word/document.xml')) return { format: 'docx' };
  return refusal('file.notArticle', { file: fileName, why: phrase('notArticle.archives') });
}

/** The text formats' extractors, given decoded text. */
function extractText(format: Exclude<NamedFormat, 'docx'>, fileName: string, text: string, decoding: DecodingInfo, options: IntakeOptions): IntakeResult | NativeIntake {
  const context = { fileName, decoding, mapping: options.fieldMapping ?? DEFAULT_FIELD_MAPPING };
  switch (format) {
    case 'text':
      return single('text', text, decoding, {});
    case 'markdown': {
      const article = extractMarkdownArticle(text);
      if (isBlank(article.text)) return refuse(refusal('file.onlyFrontMatter', { file: fileName }), 'markdown');
      const { text: body, ...meta } = article;
      return single('markdown', body, decoding, meta);
    }
    case 'html': {
      const article = extractHtmlArticle(text, { xhtml: fileExtension(fileName) === 'xhtml' });
      if (article.paragraphs.length === 0) return refuse(refusal('file.noArticleText', { file: fileName }), 'html');
      const { paragraphs, ...meta } = article;
      return single('html', paragraphs.join('\n'), decoding, meta);
    }
    case 'json':
      if (looksLikeNativeFile(text)) return { ok: true, format: 'native', nativeJson: text };
      return extractJsonRecords(text, context);
    case 'jsonl':
      return extractJsonLinesRecords(text, context);
    case 'csv':
      return extractCsvRecords(text, fileExtension(fileName) === 'tsv' ? { ...context, delimiter: '\t' } : context);
  }
}

/** A .json file that is really JSON Lines (it does not parse as one document, but line by line it does). */
function refineJson(text: string): 'json' | 'jsonl' {
  try {
    JSON.parse(text);
    return 'json';
  } catch {
    return looksLikeJsonLines(text) ? 'jsonl' : 'json';
  }
}

/** Chooses the format (name, then content) and decodes: the shared first half of {@link extractArticles} and {@link detectFileFields}. */
function prepare(
  fileName: string,
  bytes: Uint8Array,
  options: IntakeOptions,
): ({ ok: false; format?: SourceFormat } & Refusal) | { ok: true; format: 'docx' } | { ok: true; format: Exclude<NamedFormat, 'docx'>; text: string; decoding: DecodingInfo } {
  const verdict = classifyFileName(fileName);
  if ('notArticle' in verdict) return { ok: false, ...refusal('file.notArticle', { file: fileName, why: phrase(verdict.notArticle) }) };
  const tooLarge = sizeRefusal(bytes, fileName, options.maxBytes);
  if (tooLarge) return { ok: false, ...tooLarge, ...('format' in verdict ? { format: verdict.format } : {}) };
  let format: NamedFormat | undefined = 'format' in verdict ? verdict.format : undefined;
  if (format === undefined) {
    const binary = binaryVerdict(fileName, bytes);
    if (binary && 'reason' in binary) return { ok: false, ...binary };
    if (binary) format = binary.format;
  }
  if (format === 'docx') return { ok: true, format };
  const mayBeHtml = format === undefined || format === 'html';
  const decoded = decodeForIntake(bytes, fileName, { ...options, html: mayBeHtml });
  if (!decoded.ok) return { ok: false, reason: decoded.reason, phrase: decoded.phrase, ...(format ? { format } : {}) };
  if (format === undefined) {
    format = sniffTextFormat(decoded.text);
    if (format !== 'html' && decoded.decoding.encodingMethod === 'declared') {
      // The declared charset only counts for pages; anything else is decoded as detected.
      const plain = decodeForIntake(bytes, fileName, options);
      if (!plain.ok) return { ok: false, reason: plain.reason, phrase: plain.phrase, format };
      return { ok: true, format: format === 'json' ? refineJson(plain.text) : format, text: plain.text, decoding: plain.decoding };
    }
  } else if (format === 'json') {
    format = refineJson(decoded.text);
  }
  return { ok: true, format, text: decoded.text, decoding: decoded.decoding };
}

/**
 * Extracts the articles of one file. The format comes from the extension (.txt .text,
 * .md .markdown, .html .htm .xhtml, .json, .jsonl .ndjson, .csv .tsv, .docx) or, when
 * the name does not tell, from the content (an HTML page, a ZIP holding
 * word/document.xml, JSON, JSON Lines, Markdown front matter, else text). Known
 * non-article files (images, PDF, archives, programs, system files …) are refused
 * ("not an article: images are not imported"), as are files over `options.maxBytes`,
 * undecodable or empty files, pages without article text and broken JSON. An Isnad
 * export (.json) is returned as `{ format: 'native', nativeJson }` for the native
 * importer. Titles come from the file's own metadata only (HTML, Word, front matter);
 * when absent `title` is left out and the caller derives one from the text.
 */
export function extractArticles(fileName: string, bytes: Uint8Array, options: IntakeOptions = {}): IntakeResult | NativeIntake {
  let format: SourceFormat | undefined;
  try {
    const prepared = prepare(fileName, bytes, options);
    format = prepared.format;
    if (!prepared.ok) return refuse(prepared, prepared.format);
    if (prepared.format === 'docx') return extractDocx(fileName, bytes);
    return extractText(prepared.format, fileName, prepared.text, prepared.decoding, options);
  } catch (error) {
    // A bug or an exotic input must refuse this file, never stop a batch.
    return refuse(refusal('file.unreadable', { file: fileName, error: (error as Error).message ?? String(error) }), format);
  }
}

/**
 * How the import would read a file, without extracting its articles: its format and, for a
 * text format, the encoding and how it was settled (for the import dialog, before the user
 * chooses an encoding); or why it would be refused. A Word document has no encoding of its own.
 */
export function readingOf(fileName: string, bytes: Uint8Array, options: IntakeOptions = {}): { ok: true; format: 'docx' } | { ok: true; format: Exclude<NamedFormat, 'docx'>; decoding: DecodingInfo } | ({ ok: false } & Refusal) {
  const prepared = prepare(fileName, bytes, options);
  if (!prepared.ok) return { ok: false, reason: prepared.reason, phrase: prepared.phrase };
  return prepared.format === 'docx' ? { ok: true, format: 'docx' } : { ok: true, format: prepared.format, decoding: prepared.decoding };
}

/**
 * The field names a JSON, JSON Lines or CSV file offers, for the field-mapping UI (see
 * {@link detectRecordFields}); refused for other formats and unreadable files.
 */
export function detectFileFields(fileName: string, bytes: Uint8Array, options: IntakeOptions = {}): { ok: true; format: 'json' | 'jsonl' | 'csv'; fields: string[] } | ({ ok: false } & Refusal) {
  const prepared = prepare(fileName, bytes, options);
  if (!prepared.ok) return { ok: false, reason: prepared.reason, phrase: prepared.phrase };
  if (prepared.format !== 'json' && prepared.format !== 'jsonl' && prepared.format !== 'csv') {
    return { ok: false, ...refusal('file.notRecords', { file: fileName }) };
  }
  const delimiter = fileExtension(fileName) === 'tsv' ? { delimiter: '\t' } : {};
  return { ok: true, format: prepared.format, fields: detectRecordFields(prepared.text, prepared.format, delimiter) };
}

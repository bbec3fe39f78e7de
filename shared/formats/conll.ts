/**
 * CoNLL-2003-style token files (FORMAT_SPECS.md §5): one token per line, columns separated
 * by a single space (or a TAB, on request), a blank line after each sentence, and
 * `-DOCSTART- -X- -X- O` before each document. Two columns `TOKEN TAG` by default, or the
 * four CoNLL-2003 columns `TOKEN X O TAG` with placeholder POS and chunk (as
 * `examples/conll2003_example.conll`). Tags are BIO (IOB2) by default, IOB1 on request; the
 * tag type is the span's label. There are no offsets: the unit is the token
 * ({@link tokenise}, optionally with clitics split).
 *
 * Only a flat layer fits: spans that start or end inside a token are reported `unaligned`,
 * nested or overlapping spans `skipped` (entities win over attribution roles), attributions
 * `skipped`. Sentences break at line breaks and after . ! ? ؟ ۔ … — never inside a chunk.
 *
 * Import reads BIO/IOB2, IOB1, BIOES files and real-world defects (see conll-read.ts) and
 * rebuilds a running text: tokens joined by one space, sentences by "\n", one document per
 * -DOCSTART-.
 */
import type { DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { selectForExport } from './common/export-selection';
import { codePointRange } from './common/span-units';
import { corpusSlug } from './common/file-name';
import { createIdBook } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { chooseFlat, type FlatItem } from './conll-flat';
import { FileNotes, readConll, readConllLines, stripBidi, type ConllDocument } from './conll-read';
import { decodeTags, encodeTags, looksLikeIob2, type Chunk, type TagScheme } from './conll-tags';
import { alignToTokens, tokenise, type Token } from './tokenise';
import { guardExport, guardImport } from './conll-guard';
import { phrase, said, type Phrase } from '../phrases/phrase';
import { formatNote, noteKind, problemAt, refused, refusedAs, type Problem } from './dataset';
import { appendAll } from '../arrays';

/** Options of the CoNLL export. */
export interface ConllExportOptions extends ExportOptions {
  /** 'BIO' (IOB2, default) or 'IOB1'. */
  scheme?: TagScheme;
  /** Split Arabic prefix clitics into tokens of their own (default false). */
  splitClitics?: boolean;
  /** Column separator: 'space' (default, as CoNLL-2003) or 'tab'. */
  separator?: 'space' | 'tab';
  /** 2 columns `TOKEN TAG` (default) or 4 columns `TOKEN X O TAG`. */
  columns?: 2 | 4;
}

/** What the CoNLL format counts. */

const SENTENCE_END = /^[.!?\u061F\u06D4\u2026]+$/u;

/** Token index ranges of the sentences: breaks at line breaks and after final punctuation, never inside a chunk. */
function sentenceRanges(text: string, tokens: readonly Token[], chunks: readonly Chunk[]): Array<[number, number]> {
  const inside = new Uint8Array(tokens.length + 1);
  for (const c of chunks) for (let i = c.first + 1; i <= c.last; i++) inside[i] = 1;
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!;
    const gap = text.slice(previous.end, tokens[i]!.start);
    if (!inside[i] && (/[\n\u2028\u2029]/u.test(gap) || SENTENCE_END.test(previous.text))) {
      ranges.push([from, i]);
      from = i;
    }
  }
  if (tokens.length) ranges.push([from, tokens.length]);
  return ranges;
}

interface WrittenDocument {
  tokens: string[];
  chunks: Chunk[];
}

/** The tokens and chunks of one document, with notes for what cannot be written. */
function layoutDocument(doc: DatasetDocument, corpus: DatasetCorpus, options: ConllExportOptions, where: string, notes: FormatNote[]): { tokens: Token[]; chunks: Chunk[] } {
  const selection = selectForExport(doc, { ...(options.labels ? { labels: options.labels } : {}), attributions: false }, where);
  appendAll(notes, selection.notes);
  if (options.attributions !== false && doc.attributions.length) {
    notes.push(formatNote(where, 'skipped', 'exportNote.noRelations.conll', { doc: doc.id, count: doc.attributions.length }));
  }
  const splitClitics = options.splitClitics ?? false;
  const tokens = tokenise(doc.text, { splitClitics });
  let splitTokens: Token[] | null = null;
  const items: FlatItem[] = [];
  for (const span of selection.spans) {
    const aligned = alignToTokens(doc.text, tokens, span.start, span.end);
    if (aligned) {
      items.push({ span, lo: aligned.first, hi: aligned.last + 1 });
      continue;
    }
    if (!splitClitics) splitTokens ??= tokenise(doc.text, { splitClitics: true });
    const withClitics = splitTokens && alignToTokens(doc.text, splitTokens, span.start, span.end);
    const params = { doc: doc.id, span: span.id, label: span.label, quote: doc.text.slice(span.start, span.end), ...codePointRange(doc.text, span) };
    notes.push(formatNote(where, 'unaligned', withClitics ? 'exportNote.unaligned.conllClitics' : 'exportNote.unaligned.conll', params));
  }
  const { kept, notes: flatNotes } = chooseFlat(items, corpus.schema, where, doc);
  appendAll(notes, flatNotes);
  return { tokens, chunks: kept.map((k) => ({ first: k.lo, last: k.hi - 1, type: k.span.label })) };
}

/** Exports the corpus as one CoNLL file, verified by reading it back before it is returned. */
export function exportConll(corpus: DatasetCorpus, options: ConllExportOptions = {}): ExportOutcome {
  const scheme = options.scheme ?? 'BIO';
  const sep = options.separator === 'tab' ? '\t' : ' ';
  const columns = options.columns ?? 2;
  const path = `${corpusSlug(corpus.name)}.conll`;
  const row = (token: string, tag: string): string => (columns === 4 ? [token, 'X', 'O', tag] : [token, tag]).join(sep);
  const notes: FormatNote[] = [];
  const lines: string[] = [];
  const written: WrittenDocument[] = [];
  for (const [index, doc] of corpus.documents.entries()) {
    options.onProgress?.(index);
    const { tokens, chunks } = layoutDocument(doc, corpus, options, path, notes);
    const tags = encodeTags(tokens.length, chunks, scheme);
    const texts = tokens.map((t) => stripBidi(t.text));
    lines.push(['-DOCSTART-', '-X-', '-X-', 'O'].join(sep), '');
    for (const [from, to] of sentenceRanges(doc.text, tokens, chunks)) {
      for (let i = from; i < to; i++) lines.push(row(texts[i]!, tags[i]!));
      lines.push('');
    }
    written.push({ tokens: texts, chunks });
  }
  const contents = lines.join('\n');
  const problems = verifyConll(path, contents, written, scheme);
  if (problems.length) return refused(problems);
  return { ok: true, files: [{ path, contents }], notes, offsetUnit: 'token', spansWritten: written.reduce((n, doc) => n + doc.chunks.length, 0) };
}

const chunkKey = (c: Chunk): string => `${c.first}:${c.last}:${c.type}`;

/** Reads the written file back and compares documents, tokens and chunks with what was meant. */
function verifyConll(path: string, contents: string, expected: readonly WrittenDocument[], scheme: TagScheme): Problem[] {
  const readNotes: FormatNote[] = [];
  const docs = readConll(path, contents, readNotes);
  const problems: Problem[] = readNotes.map((n) => said('exportCheck.readBackLine', { where: `${path}:${n.line ?? '?'}`, kind: noteKind(n.kind), note: n.phrase ?? n.message }));
  if (docs.length !== expected.length) problems.push(problemAt(path, undefined, said('exportCheck.documents', { written: expected.length, read: docs.length })));
  docs.forEach((doc, d) => {
    const want = expected[d];
    if (!want) return;
    const tokens = doc.sentences.flat();
    if (tokens.map((t) => t.text).join('\u0000') !== want.tokens.join('\u0000')) problems.push(said('exportCheck.tokens', { file: path, index: d + 1 }));
    const got = chunksOf(doc, scheme === 'BIO', () => undefined).map(chunkKey).join(' ');
    if (got !== want.chunks.map(chunkKey).join(' ')) problems.push(said('exportCheck.tags', { file: path, index: d + 1 }));
  });
  return problems;
}

/** The chunks of a read document, token indices counted over the whole document. */
function chunksOf(doc: ConllDocument, iob2: boolean, note: (line: number, said: Phrase) => void): Chunk[] {
  const out: Chunk[] = [];
  let base = 0;
  for (const sentence of doc.sentences) {
    for (const c of decodeTags(sentence, iob2, note)) out.push({ first: c.first + base, last: c.last + base, type: c.type });
    base += sentence.length;
  }
  return out;
}

/** The running text of a read document and the UTF-16 `[start, end)` of each token. */
export function rebuildText(doc: ConllDocument): { text: string; offsets: Array<[number, number]> } {
  const offsets: Array<[number, number]> = [];
  const parts: string[] = [];
  let at = 0;
  doc.sentences.forEach((sentence, s) => {
    if (s > 0) {
      parts.push('\n');
      at += 1;
    }
    sentence.forEach((token, t) => {
      if (t > 0) {
        parts.push(' ');
        at += 1;
      }
      offsets.push([at, at + token.text.length]);
      parts.push(token.text);
      at += token.text.length;
    });
  });
  return { text: parts.join(''), offsets };
}

function stem(path: string): string {
  const base = path.split(/[\\/]/u).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'conll';
}

/** Imports CoNLL files (any number of documents each); never throws. */
export function importConll(files: readonly OutputFile[]): ImportOutcome {
  if (!files.length) return refusedAs('dataset.noConll');
  const notes: FormatNote[] = [];
  const ids = createIdBook();
  const labels = new Set<string>();
  const documents: DatasetDocument[] = [];
  for (const file of files) {
    // One sink for the file: the notes of reading the lines and of reading the tags come out in line order together.
    const sink = new FileNotes(file.path, notes);
    const docs = readConllLines(file.contents, sink);
    const iob2 = looksLikeIob2(docs.flatMap((d) => d.sentences.map((s) => s.map((t) => t.tag))));
    const note = (line: number, said: Phrase): void => sink.add('i-start', 'conllDefect.iStart', line, 'repaired', said.code, said.params);
    docs.forEach((doc, k) => {
      const { id } = ids.claim(docs.length === 1 ? stem(file.path) : `${stem(file.path)}-${k + 1}`);
      const { text, offsets } = rebuildText(doc);
      const spans: DatasetSpan[] = chunksOf(doc, iob2, note).map((c, n) => {
        labels.add(c.type);
        return { id: `${id}-s${n + 1}`, start: offsets[c.first]![0], end: offsets[c.last]![1], label: c.type };
      });
      documents.push({ id, title: id, text, meta: { fileName: file.path, line: doc.line }, spans, attributions: [] });
    });
    sink.finish();
  }
  return { ok: true, corpus: { name: files.length === 1 ? stem(files[0]!.path) : 'CoNLL import', schema: schemaForLabels(labels), sources: [], documents }, notes };
}

/** The CoNLL dataset format (defaults: 2 space-separated columns, BIO, clitics not split). */
export const conllFormat: DatasetFormat = {
  name: 'conll',
  offsetConvention: phrase('offsets.conll'),
  offsetUnits: 'token',
  exportCorpus: (corpus, options) => guardExport(() => exportConll(corpus, options)),
  importFiles: (files) => guardImport(() => importConll(files)),
};

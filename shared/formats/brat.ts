/**
 * brat standoff (FORMAT_SPECS.md §1): per document `NAME.txt` — the exact text, UTF-8,
 * "\n" line endings, no BOM — and `NAME.ann`, plus one `annotation.conf` for the corpus.
 * NAME is the document id made safe for a file name. Offsets are brat's "character"
 * offsets, i.e. indices into a Python 3 str: code points (UTF-16 code units on request),
 * end-exclusive. Every span is one `T` line; one crossing a line break is written as
 * fragments split at the break (`0 5;6 12`, texts joined by a space), as brat does, and
 * read back as one span. Attributions: see brat-mapping.ts.
 *
 * Import takes .txt/.ann pairs (and annotation.conf when given): a BOM is removed and CRLF
 * made "\n" with offsets mapped (brat counts the CR); a T line whose text does not match the
 * .txt at its offsets is skipped with a note — never shifted; unparseable lines are noted
 * with their line numbers.
 */
import type { DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { fromUtf16Offsets, type OffsetUnit } from '../text/offsets';
import { selectForExport } from './common/export-selection';
import { createIdBook } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { quotePhraseChecker, refusal, spanToUtf16, unitPhrase, type OffsetRefusal } from './common/span-units';
import { annLine, parseAnn, type BratAnnotations, type BratTextBound } from './brat-ann';
import { readAnnotationConf, writeAnnotationConf, type BratConfInput } from './brat-conf';
import { BRAT_ATTRIBUTES, BratSourceBook, ISNAD_RID, attributionsOfAnn, linesOfAttributions, type DatasetSource } from './brat-mapping';
import { fragmentsOf, joinsAcrossLineBreak, normaliseLineEndings } from './brat-text';
import { guardExport, guardImport } from './conll-guard';
import { attributeValues } from '../model/schema';
import { errorParam, phrase, said } from '../phrases/phrase';
import { formatNote, lineNote, noteKind, problemsOf, refused, refusedAs, type Problem, type Refused } from './dataset';
import { appendAll } from '../arrays';

/** What the brat format counts. */

/** Options of a brat import. */
export interface BratImportOptions {
  /** The unit of the offsets in the .ann files (default code points). */
  offsetUnit?: OffsetUnit;
}

/** A document id as a file-name stem: letters, digits, _ and - kept, other runs made "_"; "doc" when nothing is left. */
export function bratFileStem(id: string): string {
  const safe = id.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/gu, '').slice(0, 100);
  if (!safe) return 'doc';
  return safe === 'annotation' ? 'doc_annotation' : safe;
}

interface WrittenDoc {
  spans: DatasetSpan[];
  meant: string[];
  text: string;
}

/** The .ann text of one document; fills the conf input and the verification record. */
function annOfDocument(doc: DatasetDocument, options: ExportOptions, unit: OffsetUnit, sources: ReadonlyMap<string, DatasetSource>, conf: BratConfInput, where: string, notes: FormatNote[]): { ann: string; written: WrittenDoc } {
  const selection = selectForExport(doc, options, where);
  appendAll(notes, selection.notes);
  const lines: string[] = [];
  const tOf = new Map<string, string>();
  const labelOfT = new Map<string, string>();
  const pieces = selection.spans.map((s) => fragmentsOf(doc.text, s.start, s.end));
  const converted = fromUtf16Offsets(doc.text, pieces.flat(2), unit);
  let k = 0;
  selection.spans.forEach((span, i) => {
    const t = `T${i + 1}`;
    tOf.set(span.id, t);
    labelOfT.set(t, span.label);
    const fragments = pieces[i]!.map((): [number, number] => [converted[k++]!, converted[k++]!]);
    if (fragments.length > 1) notes.push(formatNote(where, 'repaired', 'exportNote.fragments', { doc: doc.id, span: span.id, count: fragments.length, t }));
    lines.push(annLine.textBound(t, span.label, fragments, pieces[i]!.map(([s, e]) => doc.text.slice(s, e)).join(' ')));
  });
  const attributionLines = linesOfAttributions(selection.attributions, tOf, sources, doc.id, where, notes);
  attributionLines.relations.forEach((r, i) => {
    lines.push(annLine.relation(`R${i + 1}`, r.type, r.arg1, r.arg2));
    const args = (conf.relationArgs[r.type] ??= { arg1: new Set(), arg2: new Set() });
    args.arg1.add(labelOfT.get(r.arg1)!);
    args.arg2.add(labelOfT.get(r.arg2)!);
  });
  attributionLines.attributes.forEach((a, i) => {
    lines.push(annLine.attribute(`A${i + 1}`, a.name, a.target, a.value));
    conf.attributeArgs.add(labelOfT.get(a.target)!);
  });
  attributionLines.references.forEach((r, i) => lines.push(annLine.reference(`N${i + 1}`, r.target, ISNAD_RID, r.sourceId, r.name)));
  return { ann: lines.length ? `${lines.join('\n')}\n` : '', written: { spans: selection.spans, meant: attributionLines.meant, text: doc.text } };
}

/**
 * Exports the corpus as brat standoff files, verified by reading them back before they are
 * returned. Offsets in code points, brat's unit; UTF-16 units on request, with a note that
 * the files cannot say so.
 */
export function exportBrat(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
  const unit: OffsetUnit = options.offsetUnit ?? 'codepoint';
  // Asked for on the command line only (the dialog offers brat's own unit): say that the files cannot tell.
  const notes: FormatNote[] = unit === 'utf16' ? [formatNote('*.ann', 'unaligned', 'exportNote.bratUnit', {})] : [];
  const files: OutputFile[] = [];
  const written: WrittenDoc[] = [];
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const allowed = options.labels ? new Set(options.labels) : null;
  const used = corpus.documents.flatMap((d) => d.spans.map((s) => s.label)).filter((l) => !allowed || allowed.has(l));
  const labels = [...new Set([...corpus.schema.labels.map((l) => l.id).filter((l) => !allowed || allowed.has(l)), ...used])];
  const values = attributeValues(corpus.schema);
  const attributeValuesUsed: Record<string, Set<string>> = {};
  for (const [field, name] of Object.entries(BRAT_ATTRIBUTES)) attributeValuesUsed[name] = new Set(values[field as keyof typeof values]);
  const conf: BratConfInput = { labels, relationArgs: {}, attributeArgs: new Set(), attributeValues: {} };
  const stems = createIdBook();
  const problems: Problem[] = [];
  for (const [index, doc] of corpus.documents.entries()) {
    options.onProgress?.(index);
    const wanted = stems.claim(bratFileStem(doc.id));
    const stem = wanted.repaired ? wanted.id.replace('~', '_') : wanted.id;
    let result: ReturnType<typeof annOfDocument>;
    try {
      result = annOfDocument(doc, options, unit, sources, conf, `${stem}.ann`, notes);
    } catch (error) {
      problems.push(said('exportCheck.document', { doc: doc.id, error: errorParam(error) }));
      continue;
    }
    const { ann, written: w } = result;
    for (const a of doc.attributions) for (const [field, name] of Object.entries(BRAT_ATTRIBUTES)) {
      const v = a[field as keyof typeof BRAT_ATTRIBUTES];
      if (v) attributeValuesUsed[name]!.add(v);
    }
    files.push({ path: `${stem}.txt`, contents: doc.text }, { path: `${stem}.ann`, contents: ann });
    written.push(w);
  }
  conf.attributeValues = Object.fromEntries(Object.entries(attributeValuesUsed).map(([k, v]) => [k, [...v]]));
  if (problems.length) return refused(problems);
  files.push({ path: 'annotation.conf', contents: writeAnnotationConf(conf) });
  const verified = verifyBrat(files, written, unit);
  if (verified.length) return refused(verified);
  return { ok: true, files, notes, offsetUnit: unit };
}

const spanKey = (s: DatasetSpan): string => `${s.start}:${s.end}:${s.label}`;

/** Reads the written files back: texts, every span against its quote, relation ends, attribution keys, counts. */
function verifyBrat(files: readonly OutputFile[], written: readonly WrittenDoc[], unit: OffsetUnit): Problem[] {
  const problems: Problem[] = [];
  const read = readBrat(files, { offsetUnit: unit });
  if (!read.ok) return problemsOf(read);
  appendAll(problems, read.notes.map((n) => said('exportCheck.readBack', { where: `${n.where}${n.line ? `:${n.line}` : ''}`, kind: noteKind(n.kind), note: n.phrase ?? n.message })));
  if (read.documents.length !== written.length) problems.push(said('exportCheck.documents', { written: written.length, read: read.documents.length }));
  read.documents.forEach(({ doc, keys }, i) => {
    const want = written[i];
    if (!want) return;
    if (doc.text !== want.text) problems.push(said('exportCheck.text', { file: `${doc.id}.txt` }));
    const got = doc.spans.map(spanKey).sort().join(' ');
    if (got !== want.spans.map(spanKey).sort().join(' ')) problems.push(said('exportCheck.spans', { file: `${doc.id}.ann`, read: doc.spans.length, written: want.spans.length }));
    if ([...keys].sort().join('\n') !== [...want.meant].sort().join('\n')) problems.push(said('exportCheck.attributions', { file: `${doc.id}.ann`, read: keys.length, written: want.meant.length }));
  });
  return problems;
}

/**
 * A file's name parts: `stem` and `ext` of its base name, and `key`, its path without the
 * extension, by which a .txt and its .ann are paired (a folder's doc1.txt goes with that
 * folder's doc1.ann, not with another folder's).
 */
function splitName(path: string): { stem: string; ext: string; base: string; key: string } {
  const base = path.split(/[\\/]/u).pop() ?? path;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { stem: base, ext: '', base, key: path };
  const ext = base.slice(dot + 1);
  return { stem: base.slice(0, dot), ext: ext.toLowerCase(), base, key: path.slice(0, path.length - ext.length - 1) };
}

/** A T line as a span of the stored text, or the reason it is skipped. */
function spanOfTextBound(t: BratTextBound, raw: string, map: (o: number) => number | null, unit: OffsetUnit): { start: number; end: number } | OffsetRefusal {
  const check = quotePhraseChecker(raw, unit);
  const utf16: Array<[number, number]> = [];
  for (const [s, e] of t.fragments) {
    const problem = check(s, e, undefined);
    if (problem) return refusal(problem.code, problem.params);
    const at = spanToUtf16(raw, s, e, unit);
    if ('reason' in at) return at;
    utf16.push([at.start, at.end]);
  }
  const actual = utf16.map(([s, e]) => raw.slice(s, e)).join(' ');
  if (actual !== t.text) return refusal('bratWhy.textMismatch', { text: t.text, actual, at: t.fragments.map(([s, e]) => `${s}–${e}`).join(';'), unit: unitPhrase(unit) });
  for (let i = 1; i < utf16.length; i++) {
    if (!joinsAcrossLineBreak(raw, utf16[i - 1]![1], utf16[i]![0])) return refusal('bratWhy.discontinuous');
  }
  const start = map(utf16[0]![0]);
  const end = map(utf16[utf16.length - 1]![1]);
  if (start === null || end === null) return refusal('bratWhy.crlfEdge');
  return { start, end };
}

interface ReadDocument {
  doc: DatasetDocument;
  /** Attribution keys in brat terms, for verification. */
  keys: string[];
}

/** Reads .txt/.ann pairs (and annotation.conf); the core of {@link importBrat}. */
function readBrat(files: readonly OutputFile[], options: BratImportOptions): { ok: true; documents: ReadDocument[]; sources: DatasetSource[]; labels: string[]; notes: FormatNote[] } | Refused {
  const unit = options.offsetUnit ?? 'codepoint';
  const notes: FormatNote[] = [];
  // By path without extension: the same name in two folders is two documents.
  const pairs = new Map<string, { stem: string; txt?: OutputFile; ann?: OutputFile }>();
  let conf = { labels: [] as string[], claimLabels: [] as string[] };
  for (const file of files) {
    const { stem, ext, base, key } = splitName(file.path);
    if (base === 'annotation.conf') conf = readAnnotationConf(file.contents);
    else if (ext === 'txt' || ext === 'ann') pairs.set(key, { stem, ...pairs.get(key), [ext]: file });
    else notes.push(lineNote(file.path, undefined, 'skipped', 'bratNote.notBrat'));
  }
  if (![...pairs.values()].some((p) => p.txt)) return refusedAs('dataset.noBratTxt');
  const claimLabels = new Set([...conf.claimLabels, 'CLAIM']);
  const labels = new Set(conf.labels);
  const book = new BratSourceBook();
  const ids = createIdBook();
  const documents: ReadDocument[] = [];
  for (const [key, pair] of pairs) {
    const stem = pair.stem;
    if (!pair.txt) {
      notes.push(lineNote(pair.ann!.path, undefined, 'skipped', 'bratNote.noTxt', { txt: `${key}.txt`, ann: `${key}.ann` }));
      continue;
    }
    const where = pair.ann?.path ?? pair.txt.path;
    let raw = pair.txt.contents;
    if (raw.charCodeAt(0) === 0xfeff) {
      raw = raw.slice(1);
      notes.push(lineNote(pair.txt.path, 1, 'repaired', 'bratNote.bom'));
    }
    const lineEndings = normaliseLineEndings(raw);
    if (lineEndings.crlf) notes.push(lineNote(pair.txt.path, undefined, 'repaired', 'bratNote.crlf', { count: lineEndings.crlf }));
    const ann: BratAnnotations = pair.ann ? parseAnn(where, pair.ann.contents, notes) : { textBounds: [], relations: [], attributes: [], references: [] };
    const { id } = ids.claim(stem);
    const spans: DatasetSpan[] = [];
    const spanOf = new Map<string, string>();
    const labelOf = new Map<string, string>();
    const textOf = new Map<string, string>();
    for (const t of ann.textBounds) {
      if (spanOf.has(t.id)) {
        notes.push(lineNote(where, t.line, 'skipped', 'bratNote.twice', { id: t.id }));
        continue;
      }
      const at = spanOfTextBound(t, raw, (o) => lineEndings.map(o), unit);
      if ('reason' in at) {
        notes.push(lineNote(where, t.line, 'skipped', 'bratNote.skipped', { id: t.id, type: t.type, why: at.why }));
        continue;
      }
      const span: DatasetSpan = { id: `${id}-${t.id}`, start: at.start, end: at.end, label: t.type };
      spans.push(span);
      spanOf.set(t.id, span.id);
      labelOf.set(t.id, t.type);
      textOf.set(t.id, lineEndings.text.slice(at.start, at.end));
      labels.add(t.type);
    }
    const { attributions, keys } = attributionsOfAnn(id, ann, { spanOf, labelOf, textOf }, claimLabels, book, where, notes);
    documents.push({ doc: { id, title: stem, text: lineEndings.text, meta: { fileName: pair.txt.path }, spans, attributions }, keys });
  }
  return { ok: true, documents, sources: book.sources, labels: [...labels], notes };
}

/** Imports brat .txt/.ann pairs (offsets in `options.offsetUnit`, default code points). Never throws. */
export function importBrat(files: readonly OutputFile[], options: BratImportOptions = {}): ImportOutcome {
  const read = readBrat(files, options);
  if (!read.ok) return read;
  return {
    ok: true,
    corpus: { name: 'brat import', schema: schemaForLabels(read.labels), sources: read.sources, documents: read.documents.map((d) => d.doc) },
    notes: read.notes,
  };
}

/** The brat standoff dataset format (code points by default). */
export const bratFormat: DatasetFormat = {
  name: 'brat',
  offsetConvention: phrase('offsets.brat'),
  offsetUnits: ['codepoint'],
  exportCorpus: (corpus, options) => guardExport(() => exportBrat(corpus, options)),
  importFiles: (files) => guardImport(() => importBrat(files)),
};

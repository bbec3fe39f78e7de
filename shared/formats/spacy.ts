/**
 * spaCy training data as JSON (FORMAT_SPECS.md §4): a list of `[text, {"entities":
 * [[start, end, "LABEL"], …]}]`, the `(text, annotations)` pairs that `Example.from_dict`
 * takes (the structure of `examples/spacy_training_examples.json`). Offsets are Python str
 * indices, i.e. code points (UTF-16 code units on request), end-exclusive.
 *
 * spaCy keeps one flat layer of entities (`doc.ents`): nested or overlapping spans are left
 * out with a `skipped` note (entities win over attribution roles). spaCy's Arabic tokenizer
 * does not split proclitics, and `Doc.char_span` returns None for a span that does not sit
 * on token boundaries: such spans are still written, and reported `unaligned` against
 * {@link tokenise} (clitics not split). Attributions are not held.
 *
 * Import reads that list, a list of `{"text", "entities"}` objects, or an object whose
 * values are such lists (as the example file, grouped by case); entities as triples or
 * `{start, end, label}`.
 */
import type { DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import type { OffsetUnit } from '../text/offsets';
import { selectForExport } from './common/export-selection';
import { corpusSlug } from './common/file-name';
import { createIdBook } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { quoteChecker, spansInUnit, spanToUtf16, type UnitSpan } from './common/span-units';
import { chooseFlat } from './conll-flat';
import { guardExport, guardImport } from './conll-guard';
import { alignToTokens, tokenise } from './tokenise';
import { errorParam, phrase, said } from '../phrases/phrase';
import { formatNote, lineNote, refused, refusedAs, type Problem } from './dataset';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll } from '../arrays';

/** What the spaCy format counts. */

/** One written entry: `[text, { entities: [[start, end, label], …] }]`. */
export type SpacyEntry = [string, { entities: Array<[number, number, string]> }];

/** The entities of one document to write, with notes for spans that are left out or misaligned. */
function entitiesOf(doc: DatasetDocument, corpus: DatasetCorpus, options: ExportOptions, where: string, notes: FormatNote[]): DatasetSpan[] {
  const selection = selectForExport(doc, { ...(options.labels ? { labels: options.labels } : {}), attributions: false }, where);
  appendAll(notes, selection.notes);
  if (options.attributions !== false && doc.attributions.length) {
    notes.push(formatNote(where, 'skipped', 'exportNote.noRelations.spacy', { doc: doc.id, count: doc.attributions.length }));
  }
  const { kept, notes: flatNotes } = chooseFlat(
    selection.spans.map((span) => ({ span, lo: span.start, hi: span.end })),
    corpus.schema,
    where,
    doc,
  );
  appendAll(notes, flatNotes);
  const tokens = tokenise(doc.text);
  for (const { span } of kept) {
    if (alignToTokens(doc.text, tokens, span.start, span.end)) continue;
    notes.push(formatNote(where, 'unaligned', 'exportNote.unaligned.spacy', { doc: doc.id, span: span.id, label: span.label, quote: doc.text.slice(span.start, span.end) }));
  }
  return kept.map((k) => k.span);
}

/**
 * Exports the corpus as one spaCy JSON file, verified by reading it back. Offsets in code
 * points, spaCy's unit; UTF-16 units on request, with a note that the file cannot say so.
 */
export function exportSpacy(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
  const unit: OffsetUnit = options.offsetUnit ?? 'codepoint';
  const path = `${corpusSlug(corpus.name)}.spacy.json`;
  // Asked for on the command line only (the dialog offers spaCy's own unit): say that the file cannot tell.
  const notes: FormatNote[] = unit === 'utf16' ? [formatNote(path, 'unaligned', 'exportNote.spacyUnit', {})] : [];
  const problems: Problem[] = [];
  const entries: SpacyEntry[] = [];
  const meant: UnitSpan[][] = [];
  for (const [index, doc] of corpus.documents.entries()) {
    options.onProgress?.(index);
    let spans: UnitSpan[];
    try {
      spans = spansInUnit(doc.text, entitiesOf(doc, corpus, options, path, notes), unit);
    } catch (error) {
      problems.push(said('exportCheck.document', { doc: doc.id, error: errorParam(error) }));
      continue;
    }
    meant.push(spans);
    entries.push([doc.text, { entities: spans.map((s) => [s.start, s.end, s.label]) }]);
  }
  if (problems.length) return refused(problems);
  const contents = `${JSON.stringify(entries, null, 1)}\n`;
  const verified = verifySpacy(path, contents, corpus, meant, unit);
  if (verified.length) return { ok: false, problems: verified };
  return { ok: true, files: [{ path, contents }], notes, offsetUnit: unit };
}

/** Re-parses the written JSON: documents, texts and every entity against its quoted text. */
function verifySpacy(path: string, contents: string, corpus: DatasetCorpus, meant: readonly UnitSpan[][], unit: OffsetUnit): string[] {
  const problems: string[] = [];
  const parsed = JSON.parse(contents) as SpacyEntry[];
  if (parsed.length !== corpus.documents.length) problems.push(`${path}: ${corpus.documents.length} document(s) meant, ${parsed.length} written.`);
  parsed.forEach(([text, { entities }], i) => {
    const doc = corpus.documents[i];
    const spans = meant[i] ?? [];
    if (!doc || text !== doc.text) problems.push(`${path}: entry ${i + 1}: the text differs from document ${doc?.id ?? '?'}.`);
    if (entities.length !== spans.length) problems.push(`${path}: entry ${i + 1}: ${spans.length} entities meant, ${entities.length} written.`);
    const check = quoteChecker(text, unit);
    entities.forEach(([start, end, label], k) => {
      const want = spans[k];
      const problem = check(start, end, want?.text);
      if (problem) problems.push(`${path}: entry ${i + 1}, entity ${k + 1}: ${problem}.`);
      if (label !== want?.label) problems.push(`${path}: entry ${i + 1}, entity ${k + 1}: label ${label} written for ${want?.label ?? 'nothing'}.`);
    });
  });
  return problems;
}

interface RawEntry {
  group: string;
  index: number;
  text: unknown;
  entities: unknown;
}

/** The entries of a parsed file, whatever of the accepted shapes it has; null when none fits. */
function entriesOf(value: unknown, group: string): RawEntry[] | null {
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => {
      if (Array.isArray(item)) {
        const annotations = item[1] as { entities?: unknown } | undefined;
        return { group, index, text: item[0], entities: annotations && typeof annotations === 'object' ? annotations.entities : undefined };
      }
      const record = (item && typeof item === 'object' ? item : {}) as { text?: unknown; entities?: unknown };
      return { group, index, text: record.text, entities: record.entities };
    });
  }
  if (value && typeof value === 'object') {
    const groups = Object.entries(value as Record<string, unknown>).filter(([, v]) => Array.isArray(v));
    if (!groups.length) return null;
    return groups.flatMap(([key, v]) => entriesOf(v, key) ?? []);
  }
  return null;
}

/** One entity as [start, end, label], or null. */
function entityParts(entity: unknown): [unknown, unknown, unknown] | null {
  if (Array.isArray(entity)) return entity.length >= 3 ? [entity[0], entity[1], entity[2]] : null;
  if (entity && typeof entity === 'object') {
    const e = entity as { start?: unknown; end?: unknown; label?: unknown };
    return [e.start, e.end, e.label];
  }
  return null;
}

function stem(path: string): string {
  const base = path.split(/[\\/]/u).pop() ?? path;
  return base.replace(/(\.spacy)?\.json$/iu, '') || 'spacy';
}

/** Imports spaCy JSON files; offsets are read in `unit` (default code points). Never throws. */
export function importSpacy(files: readonly OutputFile[], unit: OffsetUnit = 'codepoint'): ImportOutcome {
  if (!files.length) return refusedAs('dataset.noSpacy');
  const notes: FormatNote[] = [];
  /** Files that could not be read: the whole import's problems when nothing was read, else notes. */
  const unread: FormatNote[] = [];
  const ids = createIdBook();
  const labels = new Set<string>();
  const documents: DatasetDocument[] = [];
  for (const file of files) {
    let value: unknown;
    const json = file.contents.replace(/^\uFEFF/u, '');
    try {
      value = JSON.parse(json);
    } catch (error) {
      unread.push(lineNote(file.path, undefined, 'skipped', 'spacyNote.badJson', { file: file.path, error: jsonSyntaxPhrase(json, error) }));
      continue;
    }
    const entries = entriesOf(value, stem(file.path));
    if (!entries) {
      unread.push(lineNote(file.path, undefined, 'skipped', 'spacyNote.notEntries', { file: file.path, shape: '[text, {"entities": …}]' }));
      continue;
    }
    for (const entry of entries) {
      const where = `${file.path} ${entry.group === stem(file.path) ? '' : `${entry.group} `}#${entry.index + 1}`;
      if (typeof entry.text !== 'string') {
        notes.push(lineNote(where, undefined, 'skipped', 'spacyNote.noText'));
        continue;
      }
      const { id } = ids.claim(`${entry.group}-${entry.index + 1}`);
      const spans: DatasetSpan[] = [];
      const list = Array.isArray(entry.entities) ? (entry.entities as unknown[]) : [];
      if (entry.entities !== undefined && !Array.isArray(entry.entities)) notes.push(lineNote(where, undefined, 'skipped', 'spacyNote.notList'));
      list.forEach((raw, k) => {
        const parts = entityParts(raw);
        if (!parts || typeof parts[2] !== 'string' || parts[2] === '') {
          notes.push(lineNote(where, undefined, 'skipped', 'spacyNote.badEntity', { index: k + 1 }));
          return;
        }
        const at = spanToUtf16(entry.text as string, parts[0], parts[1], unit);
        if ('reason' in at) {
          notes.push(lineNote(where, undefined, 'skipped', 'spacyNote.entity', { index: k + 1, label: parts[2], why: at.why }));
          return;
        }
        labels.add(parts[2]);
        spans.push({ id: `${id}-s${spans.length + 1}`, start: at.start, end: at.end, label: parts[2] });
      });
      documents.push({ id, title: id, text: entry.text, meta: { fileName: file.path }, spans, attributions: [] });
    }
  }
  if (unread.length && !documents.length) return refused(unread.map((n) => ({ text: n.message, ...(n.phrase ? { phrase: n.phrase } : {}) })));
  appendAll(notes, unread);
  return { ok: true, corpus: { name: files.length === 1 ? stem(files[0]!.path) : 'spaCy import', schema: schemaForLabels(labels), sources: [], documents }, notes };
}

/** The spaCy dataset format (code points by default). */
export const spacyFormat: DatasetFormat = {
  name: 'spacy',
  offsetConvention: phrase('offsets.spacy'),
  offsetUnits: ['codepoint'],
  exportCorpus: (corpus, options) => guardExport(() => exportSpacy(corpus, options)),
  importFiles: (files) => guardImport(() => importSpacy(files)),
};

/**
 * doccano JSONL, both variants (doccano/doccano @ab6b765e, FORMAT_SPECS.md §2):
 *   sequence labelling  {"id", "text", "label": [[start, end, "LABEL"], …], "title", "meta"}
 *   relation extraction {"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
 *                        "relations": [{"id", "from_id", "to_id", "type"}], "title", "meta"}
 * Offsets are JS string indices, i.e. UTF-16 code units (doccano#2290); doccano's optional
 * grapheme mode is not supported. Attributions become relations (see
 * `common/attribution-relations`): claim → mention "attributed_to", claim → cue "cue",
 * mention → mention "via". Lossy: span and attribution ids (renumbered), sources (rebuilt
 * from mention text), attribution attributes, attributions without a mention; the sequence
 * variant holds no attributions at all. Import detects the variant per line.
 */
import type { DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { attributionsFromRelations, createSourceBook, relationsOfAttributions, type SpanRelation } from './common/attribution-relations';
import { selectForExport } from './common/export-selection';
import { corpusSlug } from './common/file-name';
import { cleanMeta, createIdBook, metaFromExtras } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { isRecord, textRecords } from './common/json-lines';
import { spanToUtf16, spansInUnit } from './common/span-units';
import { valueText } from './common/value-text';
import { phrase, said } from '../phrases/phrase';
import { documentProblem, formatNote, lineNote, problemOnLine, refused, type Problem } from './dataset';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll } from '../arrays';

/** The two shapes of a doccano line. */
export type DoccanoVariant = 'seq' | 'relation';

/** Export options of doccano: the variant (default: relation when any attribution is written, else seq). */
export interface DoccanoExportOptions extends ExportOptions {
  variant?: DoccanoVariant;
}

/** An entity of the relation variant. */
export interface DoccanoEntity {
  id: number;
  label: string;
  start_offset: number;
  end_offset: number;
}

/** A relation of the relation variant. */
export interface DoccanoRelation {
  id: number;
  from_id: number;
  to_id: number;
  type: string;
}

/** What a doccano export must contain, line by line, for `verifyDoccano`. */
export interface DoccanoExpectation {
  variant: DoccanoVariant;
  lines: Array<{ text: string; spans: Array<{ label: string; quote: string }>; relations: number }>;
}

const KNOWN_KEYS = ['id', 'text', 'label', 'labels', 'entities', 'relations', 'title'];

/** The doccano line of one document. */
export function doccanoLineOf(doc: DatasetDocument, spans: readonly DatasetSpan[], relations: readonly SpanRelation[], variant: DoccanoVariant): Record<string, unknown> {
  const units = spansInUnit(doc.text, spans, 'utf16');
  const head = { id: doc.id, text: doc.text };
  const tail = { title: doc.title, meta: cleanMeta(doc.meta) };
  if (variant === 'seq') return { ...head, label: units.map((s) => [s.start, s.end, s.label]), ...tail };
  const numbers = new Map(units.map((s, i) => [s.id, i + 1]));
  return {
    ...head,
    entities: units.map((s, i): DoccanoEntity => ({ id: i + 1, label: s.label, start_offset: s.start, end_offset: s.end })),
    relations: relations.map((r, i): DoccanoRelation => ({ id: i + 1, from_id: numbers.get(r.from)!, to_id: numbers.get(r.to)!, type: r.type })),
    ...tail,
  };
}

/**
 * Re-reads a doccano export: each line parses, has the variant's keys and the expected text,
 * each span slices (in UTF-16 units) to the quote of the span it was written from, with its
 * label, each relation's ends are entities of the line, and the counts match. Returns the problems.
 */
export function verifyDoccano(contents: string, expected: DoccanoExpectation): Problem[] {
  const problems: Problem[] = [];
  const raw = contents.split('\n').filter((l) => l.trim());
  if (raw.length !== expected.lines.length) problems.push(said('doccanoCheck.lines', { written: raw.length, expected: expected.lines.length }));
  raw.forEach((source, index) => {
    const at = index + 1;
    const want = expected.lines[index];
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(source) as Record<string, unknown>;
    } catch (error) {
      problems.push(problemOnLine(at, 'exportCheck.badJson', { detail: jsonSyntaxPhrase(source, error, 'line') }));
      return;
    }
    if (!want) return;
    if (line.text !== want.text) problems.push(problemOnLine(at, 'doccanoCheck.text'));
    const written: Array<{ start: unknown; end: unknown; label: unknown }> =
      expected.variant === 'seq'
        ? (Array.isArray(line.label) ? (line.label as unknown[][]) : []).map((t) => ({ start: t[0], end: t[1], label: t[2] }))
        : (Array.isArray(line.entities) ? (line.entities as DoccanoEntity[]) : []).map((e) => ({ start: e.start_offset, end: e.end_offset, label: e.label }));
    if (written.length !== want.spans.length) problems.push(problemOnLine(at, 'doccanoCheck.spans', { written: written.length, expected: want.spans.length }));
    written.forEach((s, i) => {
      const quote = want.spans[i];
      if (!quote) return;
      const ok = typeof s.start === 'number' && typeof s.end === 'number' && s.start >= 0 && s.start < s.end && s.end <= want.text.length;
      const actual = ok ? want.text.slice(s.start as number, s.end as number) : undefined;
      if (actual !== quote.quote || s.label !== quote.label) {
        const read = actual ?? phrase('doccanoCheck.outside');
        problems.push(problemOnLine(at, 'doccanoCheck.span', { index: i + 1, start: valueText(s.start), end: valueText(s.end), label: valueText(s.label), actual: read, want: quote.label, quote: quote.quote }));
      }
    });
    if (expected.variant === 'relation') {
      const ids = new Set((Array.isArray(line.entities) ? (line.entities as DoccanoEntity[]) : []).map((e) => e.id));
      const relations = Array.isArray(line.relations) ? (line.relations as DoccanoRelation[]) : [];
      if (relations.length !== want.relations) problems.push(problemOnLine(at, 'exportCheck.relations', { written: relations.length, expected: want.relations }));
      for (const r of relations) if (!ids.has(r.from_id) || !ids.has(r.to_id)) problems.push(problemOnLine(at, 'doccanoCheck.relation', { id: String(r.id), from: String(r.from_id), to: String(r.to_id) }));
    }
  });
  return problems;
}

/** Exports a corpus as doccano JSONL (one file), verified before it is returned. */
export function exportDoccano(corpus: DatasetCorpus, options: DoccanoExportOptions = {}): ExportOutcome {
  const notes: FormatNote[] = [];
  const problems: Problem[] = [];
  const selections = corpus.documents.map((doc) => ({ doc, selection: selectForExport(doc, options, 'doccano') }));
  const variant: DoccanoVariant = options.variant ?? (selections.some((s) => s.selection.attributions.length) ? 'relation' : 'seq');
  const path = `${corpusSlug(corpus.name)}.doccano.jsonl`;
  if (options.offsetUnit === 'codepoint') notes.push(formatNote(path, 'repaired', 'exportNote.doccanoUnit', {}));
  const lines: string[] = [];
  const expected: DoccanoExpectation = { variant, lines: [] };
  for (const [index, { doc, selection }] of selections.entries()) {
    options.onProgress?.(index);
    for (const note of selection.notes) notes.push({ ...note, where: path });
    let relations: SpanRelation[] = [];
    if (variant === 'relation') {
      const mapped = relationsOfAttributions(selection.attributions, doc.id, path);
      relations = mapped.relations;
      appendAll(notes, mapped.notes);
    } else if (selection.attributions.length) {
      notes.push(formatNote(path, 'skipped', 'exportNote.noRelations.doccano', { doc: doc.id, count: selection.attributions.length }));
    }
    try {
      lines.push(JSON.stringify(doccanoLineOf(doc, selection.spans, relations, variant)));
      expected.lines.push({ text: doc.text, spans: selection.spans.map((s) => ({ label: s.label, quote: doc.text.slice(s.start, s.end) })), relations: relations.length });
    } catch (error) {
      problems.push(documentProblem(doc, error));
    }
  }
  if (problems.length) return refused(problems);
  const contents = lines.map((l) => `${l}\n`).join('');
  const verified = verifyDoccano(contents, expected);
  if (verified.length) return refused(verified);
  return { ok: true, files: [{ path, contents }], notes, offsetUnit: 'utf16' };
}

/** Which variant a parsed doccano line is (null: neither, i.e. text only). */
export function doccanoVariantOf(line: Record<string, unknown>): DoccanoVariant | null {
  if (Array.isArray(line.entities)) return 'relation';
  if (Array.isArray(line.label) || Array.isArray(line.labels)) return 'seq';
  return null;
}

/** Reads doccano JSONL files (either variant, detected per line). Bad lines and spans are skipped with notes. */
export function importDoccano(files: readonly OutputFile[]): ImportOutcome {
  const notes: FormatNote[] = [];
  const documents: DatasetDocument[] = [];
  const sources = createSourceBook();
  const docIds = createIdBook();
  const labels: string[] = [];
  for (const { line, where, record: value, skip } of textRecords(files, notes)) {
    const text = value.text;
    const rawId = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : `doccano-${line}`;
    const docId = docIds.claim(rawId);
    if (docId.repaired) notes.push(lineNote(where, line, 'repaired', 'readNote.lineIdReused', { line, id: rawId, newId: docId.id }));
    const spans: DatasetSpan[] = [];
    const entityIds = new Map<string, string>();
    const addSpan = (start: unknown, end: unknown, label: unknown, entityId: unknown): void => {
      if (typeof label !== 'string' || !label) return skip('doccanoNote.noLabel', { line, start: valueText(start), end: valueText(end) });
      const range = spanToUtf16(text, start, end, 'utf16');
      if ('reason' in range) return skip('doccanoNote.span', { line, label, why: range.why });
      const id = `${docId.id}:e${entityId === undefined ? spans.length + 1 : String(entityId)}`;
      if (spans.some((s) => s.id === id)) return skip('doccanoNote.entityTwice', { line, id: valueText(entityId) });
      spans.push({ id, start: range.start, end: range.end, label });
      if (entityId !== undefined) entityIds.set(String(entityId), id);
      if (!labels.includes(label)) labels.push(label);
    };
    const variant = doccanoVariantOf(value);
    const relations: SpanRelation[] = [];
    if (variant === 'seq') {
      const triples = (Array.isArray(value.label) ? value.label : value.labels) as unknown[];
      for (const t of triples) {
        if (Array.isArray(t) && t.length >= 3) addSpan(t[0], t[1], t[2], undefined);
        else skip('doccanoNote.badLabel', { line, value: JSON.stringify(t) });
      }
    } else if (variant === 'relation') {
      for (const e of value.entities as unknown[]) {
        if (isRecord(e) && (typeof e.id === 'number' || typeof e.id === 'string')) addSpan(e.start_offset, e.end_offset, e.label, e.id);
        else skip('doccanoNote.noEntityId', { line, value: JSON.stringify(e) });
      }
      for (const r of Array.isArray(value.relations) ? value.relations : []) {
        const from = isRecord(r) ? entityIds.get(String(r.from_id)) : undefined;
        const to = isRecord(r) ? entityIds.get(String(r.to_id)) : undefined;
        if (!isRecord(r) || from === undefined || to === undefined || typeof r.type !== 'string') {
          skip('doccanoNote.badRelation', { line, value: JSON.stringify(r) });
          continue;
        }
        relations.push({ from, to, type: r.type });
      }
    }
    const rebuilt = attributionsFromRelations(docId.id, spans, relations, sources, text, where);
    for (const note of rebuilt.notes) notes.push({ ...note, line });
    documents.push({
      id: docId.id,
      title: typeof value.title === 'string' ? value.title : docId.id,
      text,
      meta: metaFromExtras(value, KNOWN_KEYS),
      spans: spans.sort((a, b) => a.start - b.start || a.end - b.end),
      attributions: rebuilt.attributions,
    });
  }
  return {
    ok: true,
    corpus: { name: files[0]?.path.replace(/(\.doccano)?\.jsonl?$/, '') ?? 'doccano import', schema: schemaForLabels(labels), sources: sources.sources, documents },
    notes,
  };
}

/** The doccano format (JSONL, sequence-labelling or relation variant). */
export const doccanoFormat: DatasetFormat = {
  name: 'doccano',
  offsetConvention: phrase('offsets.doccano'),
  offsetUnits: ['utf16'],
  exportCorpus: exportDoccano,
  importFiles: importDoccano,
};

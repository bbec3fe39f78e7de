/**
 * Isnad JSON Lines, for training: one document per line,
 *   { id, text, title, meta, offsetUnit, entities: [{id,start,end,label,text}],
 *     claims: [{ id, span: {start,end,text}, attributions: [{ id, source: {id,nameAr,nameLatin,kind},
 *       mention?: {id,start,end,text}, cue?: {id,start,end,text}, quotation?, stance?, claimType?, via? }] }] }
 * Every span of the document is in `entities` (its label says what it is); claims that carry
 * attributions are repeated in `claims` with their attributions. Offsets are code points by
 * default (Python's `text[start:end]`), UTF-16 code units on request, declared on each line
 * as `offsetUnit`. Lossy only in the registry: a source keeps id, names and kind (no aliases,
 * notes or URL), and the label schema is not written (an import gets the default schema plus
 * the labels it meets).
 */
import type { DatasetAttribution, DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import type { SourceKind, SourceRecord } from '../model/types';
import { SOURCE_KINDS } from '../model/types';
import { textInUnit, type OffsetUnit, type TextInUnit } from '../text/offsets';
import { selectForExport } from './common/export-selection';
import { corpusSlug } from './common/file-name';
import { cleanMeta, createIdBook, metaFromExtras } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { isRecord, textRecords } from './common/json-lines';
import { createSourceBook } from './common/attribution-relations';
import { embedSource, type EmbeddedSource } from './common/embedded-source';
import { quotePhraseChecker, spanToUtf16, spansInUnit, type UnitSpan } from './common/span-units';
import { valueText } from './common/value-text';
import { phrase, PhraseError, said } from '../phrases/phrase';
import { documentProblem, lineNote, problemOnLine, refused, type Problem } from './dataset';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll } from '../arrays';

/** A quoted span of a JSONL line (offsets in the line's `offsetUnit`). */
export interface JsonlQuote {
  id?: string;
  start: number;
  end: number;
  text: string;
}

/** A source as embedded in a JSONL attribution. */
export type JsonlSource = EmbeddedSource;

/** An attribution of a JSONL claim. */
export interface JsonlAttribution {
  id: string;
  source: JsonlSource;
  mention?: JsonlQuote;
  cue?: JsonlQuote;
  quotation?: string;
  stance?: string;
  claimType?: string;
  /** The id of the attribution this one came through. */
  via?: string;
}

/** One line of an Isnad JSONL file. */
export interface JsonlLine {
  id: string;
  text: string;
  title: string;
  meta: Record<string, string | number | boolean>;
  offsetUnit: OffsetUnit;
  publisher?: JsonlSource;
  entities: Array<{ id: string; start: number; end: number; label: string; text: string }>;
  claims: Array<{ id: string; span: JsonlQuote; attributions: JsonlAttribution[] }>;
}


function quote(span: UnitSpan): JsonlQuote {
  return { id: span.id, start: span.start, end: span.end, text: span.text };
}

/** A document's attributions grouped by their claim span id, in their order. */
function attributionsByClaim(attributions: readonly DatasetAttribution[]): Map<string, DatasetAttribution[]> {
  const byClaim = new Map<string, DatasetAttribution[]>();
  for (const a of attributions) {
    const list = byClaim.get(a.claimSpanId);
    if (list) list.push(a);
    else byClaim.set(a.claimSpanId, [a]);
  }
  return byClaim;
}

/** Builds the JSONL line of one document (throws a RangeError on an offset that cannot be converted). */
export function jsonlLineOf(
  doc: DatasetDocument,
  spans: readonly DatasetSpan[],
  attributions: readonly DatasetAttribution[],
  sources: ReadonlyMap<string, Omit<SourceRecord, 'corpusId'>>,
  unit: OffsetUnit | TextInUnit,
): JsonlLine {
  const unitSpans = spansInUnit(doc.text, spans, unit);
  const claims: JsonlLine['claims'] = [];
  const byClaim = attributionsByClaim(attributions);
  const byId = byClaim.size ? new Map(unitSpans.map((s) => [s.id, s])) : undefined;
  for (const claimSpan of byClaim.size ? unitSpans : []) {
    const own = byClaim.get(claimSpan.id);
    if (!own) continue;
    claims.push({
      id: claimSpan.id,
      span: { start: claimSpan.start, end: claimSpan.end, text: claimSpan.text },
      attributions: own.map((a) => {
        const source = sources.get(a.sourceId);
        if (!source) throw new PhraseError(phrase('jsonlError.source', { id: a.id, source: a.sourceId }));
        const mention = a.mentionSpanId !== undefined ? byId!.get(a.mentionSpanId) : undefined;
        const cue = a.cueSpanId !== undefined ? byId!.get(a.cueSpanId) : undefined;
        return {
          id: a.id,
          source: embedSource(source),
          ...(mention ? { mention: quote(mention) } : {}),
          ...(cue ? { cue: quote(cue) } : {}),
          ...(a.quotation !== undefined ? { quotation: a.quotation } : {}),
          ...(a.stance !== undefined ? { stance: a.stance } : {}),
          ...(a.claimType !== undefined ? { claimType: a.claimType } : {}),
          ...(a.viaId !== undefined ? { via: a.viaId } : {}),
        };
      }),
    });
  }
  const publisher = doc.publisherId !== undefined ? sources.get(doc.publisherId) : undefined;
  return {
    id: doc.id,
    text: doc.text,
    title: doc.title,
    meta: cleanMeta(doc.meta),
    offsetUnit: typeof unit === 'string' ? unit : unit.unit,
    ...(publisher ? { publisher: embedSource(publisher) } : {}),
    entities: unitSpans,
    claims,
  };
}

/** What a JSONL export must contain, for `verifyJsonl` to count against. */
export interface JsonlExpectation {
  documents: number;
  spans: number;
  attributions: number;
}

/** Counts of what JSONL lines hold, added up line by line. */
interface JsonlTally {
  documents: number;
  spans: number;
  attributions: number;
}

/**
 * Checks one JSONL line (as written, or as read back): every entity, claim, mention and cue
 * slices to its quoted text in the line's unit, mention/cue/claim ids name entities, `via`
 * names an attribution of the same line, ids are unique. Problems go to `problems` (placed
 * at line `at`); what the line holds is added to `tally`.
 */
function checkJsonlLine(line: JsonlLine, at: number, problems: Problem[], tally: JsonlTally, view?: TextInUnit): void {
  tally.documents += 1;
  if (typeof line.text !== 'string' || !Array.isArray(line.entities) || !Array.isArray(line.claims)) {
    problems.push(problemOnLine(at, 'jsonlCheck.missing'));
    return;
  }
  if (line.offsetUnit !== 'codepoint' && line.offsetUnit !== 'utf16') {
    problems.push(problemOnLine(at, 'jsonlCheck.unit', { value: valueText(line.offsetUnit) }));
    return;
  }
  const check = quotePhraseChecker(view ?? textInUnit(line.text, line.offsetUnit));
  const entities = new Map<string, { start: number; end: number }>();
  for (const e of line.entities) {
    tally.spans += 1;
    if (entities.has(e.id)) problems.push(problemOnLine(at, 'jsonlCheck.entityTwice', { id: e.id }));
    entities.set(e.id, e);
    const problem = check(e.start, e.end, typeof e.text === 'string' ? e.text : '\u0000missing');
    if (problem) problems.push(problemOnLine(at, 'jsonlCheck.entity', { id: e.id, problem }));
  }
  if (!line.claims.length) return;
  const ids = new Set<string>();
  for (const c of line.claims) for (const a of c.attributions) ids.add(a.id);
  for (const c of line.claims) {
    const claimProblem = check(c.span.start, c.span.end, c.span.text);
    if (claimProblem) problems.push(problemOnLine(at, 'jsonlCheck.claim', { id: c.id, problem: claimProblem }));
    const entity = entities.get(c.id);
    if (!entity || entity.start !== c.span.start || entity.end !== c.span.end) problems.push(problemOnLine(at, 'jsonlCheck.claimNoEntity', { id: c.id }));
    for (const a of c.attributions) {
      tally.attributions += 1;
      for (const [role, q] of [['mention', a.mention], ['cue', a.cue]] as const) {
        if (!q) continue;
        const problem = check(q.start, q.end, q.text);
        if (problem) problems.push(problemOnLine(at, 'jsonlCheck.role', { role: phrase(`jsonlWhat.${role}`), id: a.id, problem }));
        const e = q.id !== undefined ? entities.get(q.id) : undefined;
        if (!e || e.start !== q.start || e.end !== q.end) problems.push(problemOnLine(at, 'jsonlCheck.roleNoEntity', { role: phrase(`jsonlWhat.${role}`), id: a.id }));
      }
      if (a.via !== undefined && !ids.has(a.via)) problems.push(problemOnLine(at, 'jsonlCheck.via', { id: a.id, via: a.via }));
      if (!a.source || typeof a.source.id !== 'string') problems.push(problemOnLine(at, 'jsonlCheck.noSource', { id: a.id }));
    }
  }
}

/** The problems of counts that differ from what was meant to be written. */
function countProblems(written: JsonlTally, expected: JsonlExpectation): Problem[] {
  const problems: Problem[] = [];
  if (written.documents !== expected.documents) problems.push(said('jsonlCheck.documents', { written: written.documents, expected: expected.documents }));
  if (written.spans !== expected.spans) problems.push(said('jsonlCheck.entities', { written: written.spans, expected: expected.spans }));
  if (written.attributions !== expected.attributions) problems.push(said('jsonlCheck.attributions', { written: written.attributions, expected: expected.attributions }));
  return problems;
}

/**
 * Re-reads a JSONL export on its own: every line parses and passes the line checks (quotes
 * in the line's unit, references, unique ids), and the counts match. Returns the problems.
 */
export function verifyJsonl(contents: string, expected?: JsonlExpectation): Problem[] {
  const problems: Problem[] = [];
  const tally: JsonlTally = { documents: 0, spans: 0, attributions: 0 };
  contents.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const at = index + 1;
    let line: JsonlLine;
    try {
      line = JSON.parse(raw) as JsonlLine;
    } catch (error) {
      problems.push(problemOnLine(at, 'exportCheck.badJson', { detail: jsonSyntaxPhrase(raw, error, 'line') }));
      return;
    }
    checkJsonlLine(line, at, problems, tally);
  });
  if (expected) appendAll(problems, countProblems(tally, expected));
  return problems;
}

/**
 * Exports a corpus as Isnad JSONL (one file). Each line is checked as it is written — the
 * very object that is serialised, so the check needs no re-parse — and the counts are
 * compared with the corpus at the end; any problem stops the export.
 */
export function exportJsonl(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
  const unit = options.offsetUnit ?? 'codepoint';
  const path = `${corpusSlug(corpus.name)}.jsonl`;
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const notes: FormatNote[] = [];
  const problems: Problem[] = [];
  const lines: string[] = [];
  const expected: JsonlExpectation = { documents: 0, spans: 0, attributions: 0 };
  const written: JsonlTally = { documents: 0, spans: 0, attributions: 0 };
  corpus.documents.forEach((doc, index) => {
    options.onProgress?.(index);
    const selection = selectForExport(doc, options, path);
    for (const note of selection.notes) notes.push(note);
    // The text is indexed once, for the conversion and for the check of the written line.
    const view = textInUnit(doc.text, unit);
    let line: JsonlLine;
    try {
      line = jsonlLineOf(doc, selection.spans, selection.attributions, sources, view);
    } catch (error) {
      problems.push(documentProblem(doc, error));
      return;
    }
    expected.documents += 1;
    expected.spans += selection.spans.length;
    expected.attributions += selection.attributions.length;
    checkJsonlLine(line, lines.length + 1, problems, written, view);
    lines.push(JSON.stringify(line));
  });
  if (!problems.length) appendAll(problems, countProblems(written, expected));
  if (problems.length) return refused(problems);
  lines.push('');
  return { ok: true, files: [{ path, contents: lines.join('\n') }], notes, offsetUnit: unit };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Reads Isnad JSONL files back (any unit declared per line). Bad lines and spans are skipped with notes. */
export function importJsonl(files: readonly OutputFile[]): ImportOutcome {
  const notes: FormatNote[] = [];
  const documents: DatasetDocument[] = [];
  const sources = new Map<string, Omit<SourceRecord, 'corpusId'>>();
  const fallbackSources = createSourceBook('jsonl-unnamed-source');
  const docIds = createIdBook();
  const spanIds = createIdBook();
  const attributionIds = createIdBook();
  const labels: string[] = [];
  const addSource = (raw: unknown): string | undefined => {
    if (!isRecord(raw) || str(raw.id) === undefined) return undefined;
    const id = str(raw.id)!;
    if (!sources.has(id)) {
      const kind = SOURCE_KINDS.includes(raw.kind as SourceKind) ? (raw.kind as SourceKind) : 'media-outlet';
      sources.set(id, { id, nameAr: str(raw.nameAr) ?? '', nameLatin: str(raw.nameLatin) ?? '', kind, aliasesAr: [], aliasesLatin: [], createdAt: '' });
    }
    return id;
  };
  for (const { line, where, record: value, skip } of textRecords(files, notes)) {
    const text = value.text;
    let unit: OffsetUnit = 'codepoint';
    if (value.offsetUnit === 'utf16' || value.offsetUnit === 'codepoint') unit = value.offsetUnit;
    else notes.push(lineNote(where, line, 'repaired', 'jsonlNote.unit', { line, value: valueText(value.offsetUnit) }));
    const docId = docIds.claim(str(value.id) ?? `line-${line}`);
    if (docId.repaired) notes.push(lineNote(where, line, 'repaired', 'readNote.lineIdReused', { line, id: valueText(value.id), newId: docId.id }));
    const check = quotePhraseChecker(text, unit);
    const spans: DatasetSpan[] = [];
    const spanIdMap = new Map<string, string>();
    const addSpan = (raw: unknown, label: string | undefined, what: 'entity' | 'claim' | 'mention' | 'cue'): string | undefined => {
      if (!isRecord(raw)) return undefined;
      const oldId = str(raw.id);
      if (oldId !== undefined && spanIdMap.has(oldId)) return spanIdMap.get(oldId);
      const spanLabel = str(raw.label) ?? label;
      const problem = check(raw.start, raw.end, typeof raw.text === 'string' ? raw.text : undefined);
      const range = problem ? null : spanToUtf16(text, raw.start, raw.end, unit);
      if (problem || !range || 'reason' in range || spanLabel === undefined) {
        skip('jsonlNote.span', { line, what: phrase(`jsonlWhat.${what}`), id: oldId ?? '', why: problem ?? (range && 'why' in range ? range.why : phrase('jsonlWhy.noLabel')) });
        return undefined;
      }
      const existing = spans.find((s) => s.start === range.start && s.end === range.end && s.label === spanLabel);
      if (existing && oldId === undefined) return existing.id;
      const id = spanIds.claim(oldId ?? `${docId.id}:s${spans.length + 1}`).id;
      if (oldId !== undefined) spanIdMap.set(oldId, id);
      spans.push({ id, start: range.start, end: range.end, label: spanLabel });
      if (!labels.includes(spanLabel)) labels.push(spanLabel);
      return id;
    };
    for (const e of Array.isArray(value.entities) ? value.entities : []) addSpan(e, undefined, 'entity');
    const attributions: DatasetAttribution[] = [];
    const attributionIdMap = new Map<string, string>();
    const vias: Array<[DatasetAttribution, string]> = [];
    for (const c of Array.isArray(value.claims) ? value.claims : []) {
      if (!isRecord(c)) continue;
      const claimId = addSpan(isRecord(c.span) ? { ...c.span, id: c.id } : undefined, 'CLAIM', 'claim');
      if (claimId === undefined) {
        skip('jsonlNote.claim', { line, id: valueText(c.id) });
        continue;
      }
      for (const a of Array.isArray(c.attributions) ? c.attributions : []) {
        if (!isRecord(a)) continue;
        const sourceId = addSource(a.source) ?? fallbackSources.anonymous();
        const mention = addSpan(a.mention, 'SOURCE', 'mention');
        const cue = addSpan(a.cue, 'CUE', 'cue');
        const id = attributionIds.claim(str(a.id) ?? `${docId.id}:a${attributions.length + 1}`).id;
        if (str(a.id) !== undefined) attributionIdMap.set(str(a.id)!, id);
        const attribution: DatasetAttribution = {
          id,
          claimSpanId: claimId,
          sourceId,
          ...(mention !== undefined ? { mentionSpanId: mention } : {}),
          ...(cue !== undefined ? { cueSpanId: cue } : {}),
          ...(typeof a.quotation === 'string' ? { quotation: a.quotation } : {}),
          ...(typeof a.stance === 'string' ? { stance: a.stance } : {}),
          ...(typeof a.claimType === 'string' ? { claimType: a.claimType } : {}),
        };
        attributions.push(attribution);
        if (str(a.via) !== undefined) vias.push([attribution, str(a.via)!]);
      }
    }
    for (const [a, via] of vias) {
      const target = attributionIdMap.get(via);
      if (target !== undefined) a.viaId = target;
      else skip('jsonlNote.via', { line, id: a.id, via });
    }
    const publisherId = addSource(value.publisher);
    documents.push({
      id: docId.id,
      title: str(value.title) ?? docId.id,
      text,
      meta: metaFromExtras(isRecord(value.meta) ? { meta: value.meta } : {}, []),
      spans: spans.sort((x, y) => x.start - y.start || x.end - y.end),
      attributions,
      ...(publisherId !== undefined ? { publisherId } : {}),
    });
  }
  return {
    ok: true,
    corpus: { name: files[0]?.path.replace(/\.[^.]*$/, '') ?? 'jsonl import', schema: schemaForLabels(labels), sources: [...sources.values(), ...fallbackSources.sources], documents },
    notes,
  };
}

/** The Isnad JSONL format. */
export const jsonlFormat: DatasetFormat = {
  name: 'jsonl',
  offsetConvention: phrase('offsets.jsonl'),
  offsetUnits: ['codepoint', 'utf16'],
  exportCorpus: exportJsonl,
  importFiles: importJsonl,
};

/**
 * Label Studio JSON tasks (FORMAT_SPECS.md §3, HumanSignal/label-studio task_format.md and
 * result_format.md): an array of `{ id, data: { text, title, docId, meta }, annotations: [{ result }] }`
 * where each span is a `labels` region `{ id, from_name: "label", to_name: "text", type: "labels",
 * value: { start, end, text, labels: [LABEL] } }` and each attribution part a `relation`
 * `{ type: "relation", from_id, to_id, direction: "right", labels: [attributed_to | cue | via] }`
 * (see `common/attribution-relations`). A second file, `label-config.xml`, is the matching
 * labeling config. Offsets of the Text tag are code points (e2e test emoji.cy.ts, "Should
 * calculate offsets by code points in text"). Each claim region carries its attributions
 * whole in the result's `meta` (`common/ls-attributions`: lines a Label Studio user reads,
 * and the data Isnad reads back — registry source, mention and cue, quotation, stance, claim
 * type, via); a claim region without it (a file Isnad did not write) has its attributions
 * rebuilt from the relations, sources from mention text. Import reads the latest
 * non-cancelled annotation of each task, or else its latest prediction; a region whose
 * `value.text` only matches when read as UTF-16 (older Label Studio builds) is repaired.
 */
import type { DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { attributionsFromRelations, createSourceBook, relationKind, relationsOfAttributions, RELATION_TYPES, type SpanRelation } from './common/attribution-relations';
import { selectForExport } from './common/export-selection';
import { corpusSlug } from './common/file-name';
import { cleanMeta, createIdBook, metaFromExtras } from './common/import-ids';
import { schemaForLabels } from './common/imported-schema';
import { isRecord, preview, stripBom } from './common/json-lines';
import { configLabelValues, labelStudioConfig } from './common/ls-config';
import { attributionsFromMeta, claimMetas, readClaimMeta, type LabelStudioClaimMeta, type LabelStudioMetaAttribution } from './common/ls-attributions';
import { quotePhraseChecker, spanToUtf16, spansInUnit } from './common/span-units';
import { valueText } from './common/value-text';
import { phrase, said, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { documentProblem, formatNote, lineNote, problemIn, refused, type Problem } from './dataset';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll } from '../arrays';

/** A `labels` region of a Label Studio result. */
export interface LabelStudioRegion {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  origin?: string;
  value: { start: number; end: number; text: string; labels: string[] };
  /** A claim region's attributions (see `common/ls-attributions`). */
  meta?: LabelStudioClaimMeta;
}

/** A relation of a Label Studio result. */
export interface LabelStudioRelation {
  type: 'relation';
  from_id: string;
  to_id: string;
  direction: 'left' | 'right' | 'bi';
  labels: string[];
}

/** A Label Studio task as Isnad writes it. */
export interface LabelStudioTask {
  id: number;
  data: { text: string; title: string; docId: string; meta: Record<string, string | number | boolean> };
  annotations: Array<{ id: number; result: Array<LabelStudioRegion | LabelStudioRelation>; was_cancelled: boolean; ground_truth: boolean }>;
}

/** The name of the config file written next to the tasks. */
export const LABEL_STUDIO_CONFIG_FILE = 'label-config.xml';

/** What a Label Studio export must contain, for `verifyLabelStudio` to count against. */
export interface LabelStudioExpectation {
  tasks: number;
  spans: number;
  relations: number;
  /** Attributions in the claim regions' meta. */
  attributions: number;
}


/** The task of one document; `metas` are the claim regions' meta, by span id. */
export function labelStudioTaskOf(doc: DatasetDocument, index: number, spans: readonly DatasetSpan[], relations: readonly SpanRelation[], metas: ReadonlyMap<string, LabelStudioClaimMeta> = new Map()): LabelStudioTask {
  const units = spansInUnit(doc.text, spans, 'codepoint');
  return {
    id: index + 1,
    data: { text: doc.text, title: doc.title, docId: doc.id, meta: cleanMeta(doc.meta) },
    annotations: [
      {
        id: index + 1,
        result: [
          ...units.map((s): LabelStudioRegion => {
            const meta = metas.get(s.id);
            return { id: s.id, from_name: 'label', to_name: 'text', type: 'labels', origin: 'manual', value: { start: s.start, end: s.end, text: s.text, labels: [s.label] }, ...(meta ? { meta } : {}) };
          }),
          ...relations.map((r): LabelStudioRelation => ({ type: 'relation', from_id: r.from, to_id: r.to, direction: 'right', labels: [r.type] })),
        ],
        was_cancelled: false,
        ground_truth: false,
      },
    ],
  };
}

/**
 * Re-reads a Label Studio export: the tasks parse, each region slices (in code points) to its
 * `value.text`, has a label the config defines, each relation's ends are regions of the same
 * result and its label a config relation, each attribution in a claim region's meta names
 * regions of the same result and, for `via`, an attribution of the task, and the counts
 * match. Returns the problems.
 */
export function verifyLabelStudio(tasksJson: string, configXml: string, expected?: LabelStudioExpectation): Problem[] {
  const problems: Problem[] = [];
  let tasks: LabelStudioTask[];
  try {
    tasks = JSON.parse(tasksJson) as LabelStudioTask[];
  } catch (error) {
    return [said('lsCheck.badJson', { detail: jsonSyntaxPhrase(tasksJson, error) })];
  }
  if (!Array.isArray(tasks)) return [said('lsCheck.notArray')];
  const labels = new Set(configLabelValues(configXml));
  const relationTypes = new Set([...configXml.matchAll(/<Relation\s[^>]*value="([^"]*)"/g)].map((m) => m[1]));
  let spans = 0;
  let relations = 0;
  let attributions = 0;
  for (const task of tasks) {
    const at = phrase('lsCheck.task', { id: typeof task.id === 'number' ? task.id : valueText(task.id) });
    const text = task.data?.text;
    if (typeof text !== 'string') {
      problems.push(problemIn(at, 'lsCheck.noText'));
      continue;
    }
    const check = quotePhraseChecker(text, 'codepoint');
    for (const annotation of task.annotations ?? []) {
      const ids = new Set<string>();
      for (const item of annotation.result) {
        if (item.type !== 'labels') continue;
        spans += 1;
        if (ids.has(item.id)) problems.push(problemIn(at, 'lsCheck.regionTwice', { id: item.id }));
        ids.add(item.id);
        const problem = check(item.value.start, item.value.end, item.value.text);
        if (problem) problems.push(problemIn(at, 'lsCheck.region', { id: item.id, problem }));
        for (const l of item.value.labels) if (!labels.has(l)) problems.push(problemIn(at, 'lsCheck.label', { id: item.id, label: l }));
      }
      for (const item of annotation.result) {
        if (item.type !== 'relation') continue;
        relations += 1;
        if (!ids.has(item.from_id) || !ids.has(item.to_id)) problems.push(problemIn(at, 'lsCheck.relation', { from: item.from_id, to: item.to_id }));
        for (const l of item.labels) if (!relationTypes.has(l)) problems.push(problemIn(at, 'lsCheck.relationLabel', { label: l }));
      }
      attributions += metaProblems(annotation.result, ids, at, problems);
    }
  }
  if (expected) {
    if (tasks.length !== expected.tasks) problems.push(said('lsCheck.tasks', { written: tasks.length, expected: expected.tasks }));
    if (spans !== expected.spans) problems.push(said('lsCheck.regions', { written: spans, expected: expected.spans }));
    if (relations !== expected.relations) problems.push(said('exportCheck.relations', { written: relations, expected: expected.relations }));
    if (attributions !== expected.attributions) problems.push(said('lsCheck.attributions', { written: attributions, expected: expected.attributions }));
  }
  return problems;
}

/**
 * Checks the attributions in the meta of a result's regions: mention and cue are regions of
 * the result (`regions`), `via` an attribution of the result. Returns how many there are.
 */
function metaProblems(result: ReadonlyArray<LabelStudioRegion | LabelStudioRelation>, regions: ReadonlySet<string>, at: Phrase, problems: Problem[]): number {
  const entries: Array<{ region: string; entry: LabelStudioMetaAttribution }> = [];
  for (const item of result) if (item.type === 'labels') for (const entry of readClaimMeta(item) ?? []) entries.push({ region: item.id, entry });
  const ids = new Set(entries.map((e) => e.entry.id));
  for (const { region, entry } of entries) {
    for (const named of [entry.mention, entry.cue]) if (named !== undefined && !regions.has(named)) problems.push(problemIn(at, 'lsCheck.metaRegion', { id: region, attribution: entry.id, region: named }));
    if (entry.via !== undefined && !ids.has(entry.via)) problems.push(problemIn(at, 'lsCheck.metaVia', { id: region, attribution: entry.id, via: entry.via }));
  }
  return entries.length;
}

/** Exports a corpus as Label Studio tasks plus `label-config.xml`, verified before it is returned. */
export function exportLabelStudio(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
  const path = `${corpusSlug(corpus.name)}.label-studio.json`;
  const notes: FormatNote[] = [];
  const problems: Problem[] = [];
  if (options.offsetUnit === 'utf16') notes.push(formatNote(path, 'repaired', 'exportNote.labelStudioUnit', {}));
  const tasks: LabelStudioTask[] = [];
  const expected: LabelStudioExpectation = { tasks: 0, spans: 0, relations: 0, attributions: 0 };
  const used: string[] = [];
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  corpus.documents.forEach((doc, index) => {
    options.onProgress?.(index);
    const selection = selectForExport(doc, options, path);
    appendAll(notes, selection.notes);
    // The region meta carries every attribution whole: the relations lose nothing worth a note.
    const mapped = relationsOfAttributions(selection.attributions, doc.id, path, true);
    appendAll(notes, mapped.notes);
    try {
      tasks.push(labelStudioTaskOf(doc, index, selection.spans, mapped.relations, claimMetas(selection.attributions, sources)));
      expected.tasks += 1;
      expected.spans += selection.spans.length;
      expected.relations += mapped.relations.length;
      expected.attributions += selection.attributions.length;
      for (const s of selection.spans) if (!used.includes(s.label)) used.push(s.label);
    } catch (error) {
      problems.push(documentProblem(doc, error));
    }
  });
  if (problems.length) return refused(problems);
  const allowed = options.labels ? new Set(options.labels) : null;
  const configLabels: Array<{ id: string; colour?: string }> = corpus.schema.labels.filter((l) => !allowed || allowed.has(l.id)).map((l) => ({ id: l.id, colour: l.colour }));
  for (const label of used) if (!configLabels.some((l) => l.id === label)) configLabels.push({ id: label });
  const config = labelStudioConfig(configLabels);
  const contents = `${JSON.stringify(tasks, null, 1)}\n`;
  const verified = verifyLabelStudio(contents, config, expected);
  if (verified.length) return refused(verified);
  return { ok: true, files: [{ path, contents }, { path: LABEL_STUDIO_CONFIG_FILE, contents: config }], notes, offsetUnit: 'codepoint' };
}

function stamp(item: Record<string, unknown>): string {
  return typeof item.updated_at === 'string' ? item.updated_at : typeof item.created_at === 'string' ? item.created_at : '';
}

/** The annotation (or prediction) of a task to read: the latest non-cancelled one; null when there is none. */
export function chooseCompletion(task: Record<string, unknown>): { result: unknown[]; from: 'annotation' | 'prediction'; count: number } | null {
  for (const key of ['annotations', 'predictions'] as const) {
    const list = (Array.isArray(task[key]) ? (task[key] as unknown[]) : []).filter((a): a is Record<string, unknown> => isRecord(a) && a.was_cancelled !== true && Array.isArray(a.result));
    if (!list.length) continue;
    let best = list[0]!;
    for (const a of list) if (stamp(a) >= stamp(best)) best = a;
    return { result: best.result as unknown[], from: key === 'annotations' ? 'annotation' : 'prediction', count: list.length };
  }
  return null;
}

/** Reads Label Studio task files (JSON array or one task; the config XML, if given, is not needed). */
export function importLabelStudio(files: readonly OutputFile[]): ImportOutcome {
  const notes: FormatNote[] = [];
  const documents: DatasetDocument[] = [];
  const sources = createSourceBook();
  const docIds = createIdBook();
  const spanIds = createIdBook();
  const attributionIds = createIdBook();
  const labels: string[] = [];
  for (const file of files) {
    if (/\.xml$/i.test(file.path)) continue;
    const { text: contents, hadBom } = stripBom(file.contents);
    if (hadBom) notes.push(lineNote(file.path, undefined, 'repaired', 'readNote.bomStart'));
    let parsed: unknown;
    try {
      parsed = JSON.parse(contents);
    } catch (error) {
      notes.push(lineNote(file.path, undefined, 'skipped', 'lsNote.badJson', { error: jsonSyntaxPhrase(contents, error), preview: preview(contents) }));
      continue;
    }
    const tasks = Array.isArray(parsed) ? parsed : [parsed];
    tasks.forEach((task, index) => {
      const where = `${file.path} task ${isRecord(task) && task.id !== undefined ? valueText(task.id) : index + 1}`;
      const skip = (code: PhraseCode, params?: Record<string, PhraseParam>): void => void notes.push(lineNote(where, undefined, 'skipped', code, params));
      if (!isRecord(task) || !isRecord(task.data) || typeof task.data.text !== 'string') {
        skip('lsNote.notTask', { index: index + 1 });
        return;
      }
      const data = task.data;
      const text = data.text as string;
      const rawId = typeof data.docId === 'string' ? data.docId : `task-${typeof task.id === 'number' || typeof task.id === 'string' ? task.id : index + 1}`;
      const docId = docIds.claim(rawId);
      if (docId.repaired) notes.push(lineNote(where, undefined, 'repaired', 'lsNote.idReused', { id: rawId, newId: docId.id }));
      const completion = chooseCompletion(task);
      if (completion && completion.count > 1) notes.push(lineNote(where, undefined, 'skipped', completion.from === 'annotation' ? 'lsNote.annotations' : 'lsNote.predictions', { count: completion.count }));
      const spans: DatasetSpan[] = [];
      const regions = new Map<string, string>();
      const metaClaims = new Map<string, LabelStudioMetaAttribution[]>();
      const relations: SpanRelation[] = [];
      const check = quotePhraseChecker(text, 'codepoint');
      const checkUtf16 = quotePhraseChecker(text, 'utf16');
      for (const item of completion?.result ?? []) {
        if (!isRecord(item)) continue;
        if (item.type === 'relation') continue;
        const value = item.value;
        if (!isRecord(value) || !Array.isArray(value.labels)) {
          if (item.type !== undefined) skip('lsNote.noLabels', { type: valueText(item.type) });
          continue;
        }
        const quote = typeof value.text === 'string' ? value.text : undefined;
        let unit: 'codepoint' | 'utf16' = 'codepoint';
        const problem = check(value.start, value.end, quote);
        if (problem) {
          if (quote !== undefined && checkUtf16(value.start, value.end, quote) === null) {
            unit = 'utf16';
            notes.push(lineNote(where, undefined, 'repaired', 'lsNote.utf16', { id: valueText(item.id) }));
          } else {
            skip('lsNote.region', { id: valueText(item.id), why: problem });
            continue;
          }
        }
        const range = spanToUtf16(text, value.start, value.end, unit);
        if ('reason' in range) {
          skip('lsNote.region', { id: valueText(item.id), why: range.why });
          continue;
        }
        const regionId = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : `${docId.id}:r${spans.length + 1}`;
        (value.labels as unknown[]).forEach((label, i) => {
          if (typeof label !== 'string') return;
          const id = spanIds.claim(i === 0 ? regionId : `${regionId}#${label}`).id;
          if (i === 0 && !regions.has(regionId)) regions.set(regionId, id);
          const meta = i === 0 ? readClaimMeta(item) : null;
          if (meta) metaClaims.set(id, meta);
          spans.push({ id, start: range.start, end: range.end, label });
          if (!labels.includes(label)) labels.push(label);
        });
      }
      for (const item of completion?.result ?? []) {
        if (!isRecord(item) || item.type !== 'relation') continue;
        const from = regions.get(String(item.from_id));
        const to = regions.get(String(item.to_id));
        const relationLabels = Array.isArray(item.labels) ? item.labels.filter((l): l is string => typeof l === 'string') : [];
        if (from === undefined || to === undefined) {
          skip('lsNote.relation', { from: valueText(item.from_id), to: valueText(item.to_id) });
          continue;
        }
        const [a, b] = item.direction === 'left' ? [to, from] : [from, to];
        if (!relationLabels.length) skip('lsNote.relationLabel', { from: valueText(item.from_id), to: valueText(item.to_id) });
        for (const type of relationLabels) relations.push({ from: a, to: b, type });
      }
      // Claims with their attributions in the region meta are read from it; the relations
      // drawn for them (from the claim, or `via` between their mentions) are not read again.
      const fromMeta = attributionsFromMeta(metaClaims, { docId: docId.id, where, regions, attributionId: (wanted) => attributionIds.claim(wanted).id, source: (s) => sources.adopt(s) });
      appendAll(notes, fromMeta.notes);
      const metaMentions = new Set(fromMeta.attributions.flatMap((a) => (a.mentionSpanId !== undefined ? [a.mentionSpanId] : [])));
      const unread = relations.filter((r) => !metaClaims.has(r.from) && !(relationKind(r.type) === 'via' && metaMentions.has(r.from) && metaMentions.has(r.to)));
      const rebuilt = attributionsFromRelations(docId.id, spans, unread, sources, text, where);
      appendAll(notes, rebuilt.notes);
      documents.push({
        id: docId.id,
        title: typeof data.title === 'string' ? data.title : docId.id,
        text,
        meta: metaFromExtras(data, ['text', 'title', 'docId']),
        spans: spans.sort((x, y) => x.start - y.start || x.end - y.end),
        attributions: [...fromMeta.attributions, ...rebuilt.attributions],
      });
    });
  }
  return {
    ok: true,
    corpus: { name: files.find((f) => !/\.xml$/i.test(f.path))?.path.replace(/(\.label-studio)?\.json$/i, '') ?? 'label studio import', schema: schemaForLabels(labels), sources: sources.sources, documents },
    notes,
  };
}

/** The relation labels Isnad writes to Label Studio. */
export const LABEL_STUDIO_RELATIONS: readonly string[] = Object.values(RELATION_TYPES);

/** The Label Studio format (tasks JSON + labeling config). */
export const labelStudioFormat: DatasetFormat = {
  name: 'label-studio',
  offsetConvention: phrase('offsets.label-studio'),
  offsetUnits: ['codepoint'],
  exportCorpus: exportLabelStudio,
  importFiles: importLabelStudio,
};

/**
 * W3C Web Annotation (JSON-LD) as a dataset format, after the Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/) and FORMAT_SPECS.md §6.
 *
 * The file is one `AnnotationCollection` whose `first` page (`AnnotationPage`) holds every
 * annotation in `items`, in document order:
 *
 * - a span is an `Annotation` with `motivation: "tagging"`, a `TextualBody` carrying the
 *   label (`purpose: "tagging"`), for a source mention also a `SpecificResource` body naming
 *   the registry source (`purpose: "identifying"`, `source: urn:isnad:source:<id>`), and
 *   `target: { source: urn:isnad:doc:<id>, selector: [TextQuoteSelector, TextPositionSelector] }`.
 *   Positions count Unicode code points of the stored text (W3C requires code points;
 *   the `offsetUnit` export option is ignored). `prefix`/`suffix` hold up to 32 code points.
 * - an attribution is an `Annotation` with `motivation: "linking"` whose `target` lists
 *   `SpecificResource`s pointing at the span annotations, each with `isnad:role` `claim`,
 *   `mention` or `cue`; its bodies are the registry source (`purpose: "identifying"`) and
 *   one `TextualBody` per attribute (`purpose: "classifying"`, `isnad:attribute`: quotation,
 *   stance or claimType); `isnad:via` is the IRI of the attribution it came through;
 *   `creator.name` / `created` are the annotator and time.
 *
 * So that an import can rebuild the corpus, the collection also carries JSON literals
 * (`@type: @json` in the second `@context` entry): `isnad:documents` (id, iri, title, text,
 * meta, publisherId of each document), `isnad:sources` (the registry), `isnad:schema` (the
 * label schema) and `isnad:corpus` ({ name, offsetUnit: "codepoint" }).
 *
 * Import also reads plain arrays of annotations (the shape of the spec's example), single
 * annotations and pages; without `isnad:documents`, each document's text comes from a
 * `.txt` file named after the last segment of its IRI. When a position selector and a quote
 * selector disagree, the quote with its prefix/suffix locates the span (a `repaired` note);
 * a span found by neither is `skipped`. An id names one annotation: one whose id an earlier
 * annotation already has (of either kind, in any of the files) is `skipped` with a note naming
 * the id and where the first one is, like the other annotations that cannot be read.
 */
import { ATTRIBUTE_NAMES, DEFAULT_ATTRIBUTE_VALUES, DEFAULT_LABEL_SCHEMA, type LabelDef, type LabelSchema } from '../model/schema';
import { SOURCE_KINDS, type SourceKind } from '../model/types';
import { fromUtf16Offsets, toUtf16Offsets } from '../text/offsets';
import type { DatasetAttribution, DatasetCorpus, DatasetDocument, DatasetFormat, DatasetSpan, ExportOptions, ExportOutcome, FormatNote, ImportOutcome, OutputFile } from './dataset';
import { filterDocument } from './native-dataset';
import { valueText } from './common/value-text';
import { codePointRange } from './common/span-units';
import { errorParam, phrase, PhraseError, said, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { errorProblem, lineNote, problemIn, problemsOf, refused, refusedAs, type Problem } from './dataset';
import { jsonSyntaxPhrase } from './intake/json-errors';
import { appendAll, maxOf } from '../arrays';

/** The JSON-LD context of an Isnad Web Annotation file. */
export const WEB_ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    '@version': 1.1,
    isnad: 'urn:isnad:vocab#',
    'isnad:corpus': { '@type': '@json' },
    'isnad:documents': { '@type': '@json' },
    'isnad:sources': { '@type': '@json' },
    'isnad:schema': { '@type': '@json' },
    'isnad:via': { '@type': '@id' },
  },
] as const;

/** IRI prefixes of documents, span annotations, attribution annotations and registry sources. */
export const WEB_ANNOTATION_IRI = {
  document: 'urn:isnad:doc:',
  span: 'urn:isnad:span:',
  attribution: 'urn:isnad:attribution:',
  source: 'urn:isnad:source:',
} as const;

/** How many code points of context a TextQuoteSelector carries on each side. */
export const QUOTE_CONTEXT = 32;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(node: Json, type: string): boolean {
  return asArray(node.type ?? node['@type']).includes(type);
}

function nodeId(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (!isRecord(node)) return undefined;
  const id = node.id ?? node['@id'];
  return typeof id === 'string' ? id : undefined;
}

/** The IRI naming a thing of `kind` with Isnad id `id`. */
export function isnadIri(kind: keyof typeof WEB_ANNOTATION_IRI, id: string): string {
  return WEB_ANNOTATION_IRI[kind] + encodeURIComponent(id);
}

/** The Isnad id inside an IRI of `kind`, or the IRI itself when it is not one of Isnad's. */
function idFromIri(kind: keyof typeof WEB_ANNOTATION_IRI, iri: string): string {
  const prefix = WEB_ANNOTATION_IRI[kind];
  if (!iri.startsWith(prefix)) return iri;
  try {
    return decodeURIComponent(iri.slice(prefix.length));
  } catch {
    return iri.slice(prefix.length);
  }
}

function corpusIri(name: string): string {
  return `urn:isnad:corpus:${encodeURIComponent(name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'corpus')}`;
}

function fileSlug(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'corpus';
}

// ---------------------------------------------------------------- export

function sourceBody(sourceId: string): Json {
  return { type: 'SpecificResource', source: isnadIri('source', sourceId), purpose: 'identifying' };
}

function one<T>(items: T[]): T | T[] {
  return items.length === 1 ? items[0]! : items;
}

function spanAnnotations(doc: DatasetDocument): Json[] {
  const codePoints = Array.from(doc.text);
  const offsets = fromUtf16Offsets(doc.text, doc.spans.flatMap((s) => [s.start, s.end]), 'codepoint');
  const mentionSources = new Map<string, string[]>();
  for (const a of doc.attributions) {
    if (a.mentionSpanId === undefined) continue;
    const list = mentionSources.get(a.mentionSpanId) ?? [];
    if (!list.includes(a.sourceId)) list.push(a.sourceId);
    mentionSources.set(a.mentionSpanId, list);
  }
  return doc.spans.map((span, i) => {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    if (!(span.start < span.end)) throw new PhraseError(phrase('waError.empty', { id: span.id, start, end }));
    const prefix = codePoints.slice(Math.max(0, start - QUOTE_CONTEXT), start).join('');
    const suffix = codePoints.slice(end, end + QUOTE_CONTEXT).join('');
    const quote: Json = { type: 'TextQuoteSelector', exact: doc.text.slice(span.start, span.end), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    const bodies: Json[] = [{ type: 'TextualBody', value: span.label, purpose: 'tagging' }, ...(mentionSources.get(span.id) ?? []).map(sourceBody)];
    return {
      id: isnadIri('span', span.id),
      type: 'Annotation',
      motivation: 'tagging',
      body: one(bodies),
      target: { source: isnadIri('document', doc.id), selector: [quote, { type: 'TextPositionSelector', start, end }] },
    };
  });
}

function attributionAnnotation(a: DatasetAttribution): Json {
  const role = (spanId: string, name: string): Json => ({ type: 'SpecificResource', source: isnadIri('span', spanId), 'isnad:role': name });
  const targets = [role(a.claimSpanId, 'claim'), ...(a.mentionSpanId !== undefined ? [role(a.mentionSpanId, 'mention')] : []), ...(a.cueSpanId !== undefined ? [role(a.cueSpanId, 'cue')] : [])];
  const attributes = ATTRIBUTE_NAMES.flatMap((key) => (a[key] !== undefined ? [{ type: 'TextualBody', value: a[key], purpose: 'classifying', 'isnad:attribute': key }] : []));
  return {
    id: isnadIri('attribution', a.id),
    type: 'Annotation',
    motivation: 'linking',
    body: one([sourceBody(a.sourceId), ...attributes]),
    target: targets,
    ...(a.viaId !== undefined ? { 'isnad:via': isnadIri('attribution', a.viaId) } : {}),
    ...(a.annotator !== undefined ? { creator: { name: a.annotator } } : {}),
    ...(a.createdAt !== undefined ? { created: a.createdAt } : {}),
  };
}

/** Builds the collection object of a corpus (throws a RangeError for a span that cannot be written). */
function buildCollection(corpus: DatasetCorpus, documents: DatasetDocument[], onProgress?: (documentsDone: number) => void): Json {
  const items: Json[] = [];
  const docs: Json[] = [];
  for (const [index, doc] of documents.entries()) {
    onProgress?.(index);
    try {
      appendAll(items, spanAnnotations(doc));
      appendAll(items, doc.attributions.map(attributionAnnotation));
    } catch (error) {
      throw new PhraseError(phrase('exportCheck.docError', { title: doc.title, doc: doc.id, error: errorParam(error) }));
    }
    docs.push({ id: doc.id, iri: isnadIri('document', doc.id), title: doc.title, text: doc.text, meta: doc.meta, ...(doc.publisherId ? { publisherId: doc.publisherId } : {}) });
  }
  const id = corpusIri(corpus.name);
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: corpus.name,
    total: items.length,
    'isnad:corpus': { name: corpus.name, offsetUnit: 'codepoint' },
    'isnad:schema': corpus.schema,
    'isnad:sources': corpus.sources,
    'isnad:documents': docs,
    first: { id: `${id}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ---------------------------------------------------------------- reading

/** Every annotation in a parsed Web Annotation document (array, annotation, page or collection). */
export function collectAnnotations(root: unknown): Json[] {
  const out: Json[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isRecord(node) || seen.has(node)) return;
    seen.add(node);
    if (hasType(node, 'Annotation')) out.push(node);
    else if (hasType(node, 'AnnotationPage')) {
      visit(node.items);
      if (isRecord(node.next)) visit(node.next);
    } else if (hasType(node, 'AnnotationCollection')) {
      if (isRecord(node.first)) visit(node.first);
      visit(node.items);
    }
  };
  visit(root);
  return out;
}

interface Selectors {
  position?: { start: unknown; end: unknown };
  quote?: { exact: string; prefix: string; suffix: string };
}

function readSelectors(target: Json): Selectors {
  const result: Selectors = {};
  for (const selector of asArray(target.selector)) {
    if (!isRecord(selector)) continue;
    if (hasType(selector, 'TextPositionSelector') && !result.position) result.position = { start: selector.start, end: selector.end };
    if (hasType(selector, 'TextQuoteSelector') && !result.quote && typeof selector.exact === 'string') {
      result.quote = { exact: selector.exact, prefix: typeof selector.prefix === 'string' ? selector.prefix : '', suffix: typeof selector.suffix === 'string' ? selector.suffix : '' };
    }
  }
  return result;
}

/** A text with its code points, for slicing by code point. */
interface IndexedText {
  text: string;
  codePoints: string[];
}

function sliceCodePoints(doc: IndexedText, start: unknown, end: unknown): string | undefined {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  if (!(start >= 0 && start < end && end <= doc.codePoints.length)) return undefined;
  return doc.codePoints.slice(start, end).join('');
}

/**
 * Locates a quote in a text: every occurrence of `exact`, scored by whether the prefix ends
 * right before it and the suffix starts right after it; ties go to the occurrence nearest
 * `hint` (UTF-16). Returns UTF-16 offsets, or undefined when no occurrence is unambiguous.
 */
export function locateQuote(text: string, quote: { exact: string; prefix: string; suffix: string }, hint?: number): { start: number; end: number } | undefined {
  if (!quote.exact) return undefined;
  const candidates: Array<{ start: number; score: number }> = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const before = text.slice(0, at).endsWith(quote.prefix) ? 1 : 0;
    const after = text.slice(at + quote.exact.length).startsWith(quote.suffix) ? 1 : 0;
    candidates.push({ start: at, score: before + after });
  }
  if (!candidates.length) return undefined;
  const best = maxOf(candidates.map((c) => c.score));
  const top = candidates.filter((c) => c.score === best);
  if (best === 0 && candidates.length > 1 && hint === undefined) return undefined;
  const chosen = hint === undefined ? top[0]! : top.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
  return { start: chosen.start, end: chosen.start + quote.exact.length };
}

/** Problems of a Web Annotation file written by Isnad: quotes, context, references, ids. */
export function verifyWebAnnotation(json: string): Problem[] {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    return [said('native.badJson', { detail: jsonSyntaxPhrase(json, error) })];
  }
  if (!isRecord(root)) return [said('waCheck.notCollection')];
  const problems: Problem[] = [];
  const docs = new Map<string, IndexedText>();
  for (const d of asArray(root['isnad:documents'])) {
    if (!isRecord(d) || typeof d.iri !== 'string' || typeof d.text !== 'string') problems.push(said('waCheck.documentEntry'));
    else docs.set(d.iri, { text: d.text, codePoints: Array.from(d.text) });
  }
  const sources = new Set(asArray(root['isnad:sources']).flatMap((s) => (isRecord(s) && typeof s.id === 'string' ? [isnadIri('source', s.id)] : [])));
  const annotations = collectAnnotations(root);
  const spanDocs = new Map<string, string>();
  const attributionIds = new Set<string>();
  const ids = new Set<string>();
  for (const a of annotations) {
    const id = nodeId(a) ?? NO_ID;
    if (ids.has(id)) problems.push(problemIn(annotationAt(id), 'exportCheck.idTwice'));
    ids.add(id);
    if (a.motivation === 'linking') attributionIds.add(id);
  }
  for (const a of annotations) {
    if (a.motivation !== 'tagging') continue;
    const id = nodeId(a)!;
    const at = annotationAt(id);
    const target = asArray(a.target)[0];
    if (!isRecord(target) || typeof target.source !== 'string') {
      problems.push(problemIn(at, 'waCheck.noTarget'));
      continue;
    }
    const doc = docs.get(target.source);
    if (!doc) {
      problems.push(problemIn(at, 'waCheck.targetDoc', { target: target.source }));
      continue;
    }
    spanDocs.set(id, target.source);
    const { position, quote } = readSelectors(target);
    if (!position || !quote) {
      problems.push(problemIn(at, 'waCheck.selectors'));
      continue;
    }
    const actual = sliceCodePoints(doc, position.start, position.end);
    const range = { start: valueText(position.start), end: valueText(position.end) };
    if (actual === undefined) problems.push(problemIn(at, 'waCheck.outside', { ...range, length: doc.codePoints.length }));
    else if (actual !== quote.exact) problems.push(problemIn(at, 'waCheck.quote', { ...range, actual, quote: quote.exact }));
    else {
      const start = position.start as number;
      const end = position.end as number;
      if (doc.codePoints.slice(Math.max(0, start - QUOTE_CONTEXT), start).join('') !== quote.prefix) problems.push(problemIn(at, 'waCheck.prefix'));
      if (doc.codePoints.slice(end, end + QUOTE_CONTEXT).join('') !== quote.suffix) problems.push(problemIn(at, 'waCheck.suffix'));
    }
    if (!asArray(a.body).some((b) => isRecord(b) && hasType(b, 'TextualBody') && b.purpose === 'tagging' && typeof b.value === 'string')) problems.push(problemIn(at, 'waCheck.noBody'));
    for (const b of asArray(a.body)) if (isRecord(b) && b.purpose === 'identifying' && !sources.has(String(b.source))) problems.push(problemIn(at, 'waCheck.source', { source: valueText(b.source) }));
  }
  for (const a of annotations) {
    if (a.motivation !== 'linking') continue;
    const id = nodeId(a)!;
    const at = annotationAt(id);
    const targets = asArray(a.target);
    const docsOfTargets = new Set<string>();
    for (const t of targets) {
      const ref = isRecord(t) ? t.source : t;
      const doc = typeof ref === 'string' ? spanDocs.get(ref) : undefined;
      if (doc === undefined) problems.push(problemIn(at, 'waCheck.linkTarget', { target: valueText(ref) }));
      else docsOfTargets.add(doc);
    }
    if (docsOfTargets.size > 1) problems.push(problemIn(at, 'waCheck.documents'));
    if (!targets.some((t) => isRecord(t) && t['isnad:role'] === 'claim')) problems.push(problemIn(at, 'waCheck.noClaim'));
    const identifying = asArray(a.body).filter((b) => isRecord(b) && b.purpose === 'identifying');
    if (identifying.length !== 1) problems.push(problemIn(at, 'waCheck.identifying'));
    for (const b of identifying) if (isRecord(b) && !sources.has(String(b.source))) problems.push(problemIn(at, 'waCheck.source', { source: valueText(b.source) }));
    const via = a['isnad:via'];
    if (via !== undefined && (typeof via !== 'string' || !attributionIds.has(via))) problems.push(problemIn(at, 'waCheck.via', { via: valueText(via) }));
  }
  return problems;
}

/** The key of annotations without an id in the check for repeated ids (no IRI is empty). */
const NO_ID = '';

/** "annotation <id>" (or "annotation (no id)"), where a problem of the written file is. */
function annotationAt(id: string): Phrase {
  return phrase('waCheck.annotation', { id: id === NO_ID ? phrase('waCheck.noId') : id });
}

// ---------------------------------------------------------------- import

const PALETTE = ['#f4a261', '#8ecae6', '#95d5b2', '#cdb4db', '#e9c46a', '#e76f51', '#2a9d8f', '#a8dadc', '#ffb4a2', '#b5e48c'];

function schemaForLabels(labels: readonly string[]): LabelSchema {
  const known = new Map(DEFAULT_LABEL_SCHEMA.labels.map((l) => [l.id, l]));
  const defs: LabelDef[] = labels.map((id, i) => known.get(id) ?? { id, name: id, kind: ['CLAIM', 'SOURCE', 'CUE'].includes(id) ? 'attribution' : 'entity', colour: PALETTE[i % PALETTE.length]!, hotkey: '' });
  return { labels: defs, allowCrossing: 'always', attributes: { ...DEFAULT_ATTRIBUTE_VALUES } };
}

function readSchema(value: unknown, labels: readonly string[]): LabelSchema {
  if (isRecord(value) && Array.isArray(value.labels) && value.labels.every((l) => isRecord(l) && typeof l.id === 'string')) {
    const schema = value as unknown as LabelSchema;
    const ids = new Set(schema.labels.map((l) => l.id));
    const missing = labels.filter((l) => !ids.has(l));
    return missing.length ? { ...schema, labels: [...schema.labels, ...schemaForLabels(missing).labels] } : schema;
  }
  return schemaForLabels(labels);
}

type Source = DatasetCorpus['sources'][number];

function readSource(value: unknown): Source | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !value.id) return undefined;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    id: value.id,
    nameAr: typeof value.nameAr === 'string' ? value.nameAr : '',
    nameLatin: typeof value.nameLatin === 'string' ? value.nameLatin : '',
    kind: (SOURCE_KINDS as readonly unknown[]).includes(value.kind) ? (value.kind as SourceKind) : 'anonymous',
    aliasesAr: strings(value.aliasesAr),
    aliasesLatin: strings(value.aliasesLatin),
    ...(Array.isArray(value.ambiguous) ? { ambiguous: strings(value.ambiguous) } : {}),
    ...(typeof value.note === 'string' ? { note: value.note } : {}),
    ...(typeof value.url === 'string' ? { url: value.url } : {}),
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
  };
}

function readMeta(value: unknown): DatasetDocument['meta'] {
  const meta: DatasetDocument['meta'] = {};
  if (!isRecord(value)) return meta;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') meta[key] = v;
  return meta;
}

/** The last segment of an IRI (after `:`, `/` or `#`), for matching a `.txt` file. */
function lastSegment(iri: string): string {
  const segment = iri.split(/[:/#]/).filter(Boolean).pop() ?? iri;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]*$/, '');
}

interface WorkingDoc {
  doc: DatasetDocument;
  indexed: IndexedText;
}

/** Where an annotation sits: its file, and its place (from 1) among the file's annotations. */
type AnnotationPlace = {
  id: string;
  file: string;
  position: number;
};

/**
 * The annotations whose id an earlier annotation (of either kind, in file order, then in
 * order within the file) already has, each with the id and the place of that first one.
 * The first annotation with an id is the one the id names: a later one is skipped even
 * when the first is skipped for a reason of its own, so a repeat is never read as the first.
 */
function repeatedIds(annotations: ReadonlyArray<{ where: string; node: Json }>): Map<Json, AnnotationPlace> {
  const first = new Map<string, AnnotationPlace>();
  const counts = new Map<string, number>();
  const repeats = new Map<Json, AnnotationPlace>();
  for (const { where, node } of annotations) {
    const position = (counts.get(where) ?? 0) + 1;
    counts.set(where, position);
    const id = nodeId(node);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier) repeats.set(node, earlier);
    else first.set(id, { id, file: where, position });
  }
  return repeats;
}

function importWebAnnotation(files: readonly OutputFile[]): ImportOutcome {
  // Notes in file order: a file's own notes before its annotations', each annotation's at its
  // place in the file (spans and attributions are read in two passes, so notes are ranked).
  const ranked: Array<{ note: FormatNote; rank: number }> = [];
  const note = (rank: number, value: FormatNote): void => void ranked.push({ note: value, rank });
  const jsonFiles = files.filter((f) => !/\.txt$/i.test(f.path));
  const textFiles = new Map(files.filter((f) => /\.txt$/i.test(f.path)).map((f) => [baseName(f.path), f.contents.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')]));
  if (!jsonFiles.length) return refusedAs('dataset.noWebAnnotation');
  const docs = new Map<string, WorkingDoc>();
  const annotations: Array<{ where: string; node: Json }> = [];
  let schemaValue: unknown;
  let name: string | undefined;
  const sources = new Map<string, Source>();
  for (const file of jsonFiles) {
    let root: unknown;
    const json = file.contents.replace(/^\uFEFF/, '');
    try {
      root = JSON.parse(json);
    } catch (error) {
      return refusedAs('dataset.waBadJson', { file: file.path, detail: jsonSyntaxPhrase(json, error) });
    }
    if (isRecord(root)) {
      schemaValue ??= root['isnad:schema'];
      const corpus = root['isnad:corpus'];
      if (isRecord(corpus) && typeof corpus.name === 'string') name ??= corpus.name;
      else if (typeof root.label === 'string') name ??= root.label;
      for (const s of asArray(root['isnad:sources'])) {
        const source = readSource(s);
        if (source) sources.set(source.id, source);
        else note(annotations.length - 0.5, lineNote(file.path, undefined, 'skipped', 'waNote.sourceNoId'));
      }
      for (const d of asArray(root['isnad:documents'])) {
        if (!isRecord(d) || typeof d.text !== 'string' || typeof d.id !== 'string') {
          note(annotations.length - 0.5, lineNote(file.path, undefined, 'skipped', 'waNote.documentNoId'));
          continue;
        }
        const iri = typeof d.iri === 'string' ? d.iri : isnadIri('document', d.id);
        const doc: DatasetDocument = { id: d.id, title: typeof d.title === 'string' ? d.title : d.id, text: d.text, meta: readMeta(d.meta), spans: [], attributions: [], ...(typeof d.publisherId === 'string' ? { publisherId: d.publisherId } : {}) };
        docs.set(iri, { doc, indexed: { text: d.text, codePoints: Array.from(d.text) } });
      }
    }
    const found = collectAnnotations(root);
    if (!found.length && !(isRecord(root) && asArray(root['isnad:documents']).length)) note(annotations.length - 0.5, lineNote(file.path, undefined, 'skipped', 'waNote.empty'));
    for (const node of found) annotations.push({ where: file.path, node });
  }
  const repeats = repeatedIds(annotations);

  const docOf = (iri: string): WorkingDoc | undefined => {
    const known = docs.get(iri);
    if (known) return known;
    const text = textFiles.get(lastSegment(iri)) ?? textFiles.get(encodeURIComponent(iri));
    if (text === undefined) return undefined;
    const id = idFromIri('document', iri);
    const created: WorkingDoc = { doc: { id, title: lastSegment(iri), text, meta: {}, spans: [], attributions: [] }, indexed: { text, codePoints: Array.from(text) } };
    docs.set(iri, created);
    return created;
  };

  // Spans: tagging annotations (anything with a text selector that is not a link).
  const spanIndex = new Map<string, { span: DatasetSpan; working: WorkingDoc }>();
  const labels: string[] = [];
  for (const [index, { where, node }] of annotations.entries()) {
    if (node.motivation === 'linking') continue;
    const iri = nodeId(node);
    const label = asArray(node.body)
      .filter((b): b is Json => isRecord(b) && hasType(b, 'TextualBody') && typeof b.value === 'string' && b.purpose !== 'classifying')
      .sort((a, b) => Number(b.purpose === 'tagging') - Number(a.purpose === 'tagging'))[0]?.value as string | undefined;
    const who: PhraseParam = iri ?? phrase('waWho.noId');
    const skip = (code: PhraseCode, params?: Record<string, PhraseParam>): void => note(index, lineNote(where, undefined, 'skipped', 'waNote.skipped', { who, why: phrase(code, params) }));
    if (!iri) {
      skip('waWhy.noId');
      continue;
    }
    const repeat = repeats.get(node);
    if (repeat) {
      skip('waWhy.idRepeated', repeat);
      continue;
    }
    if (!label) {
      skip('waWhy.noBody');
      continue;
    }
    const target = asArray(node.target).find((t): t is Json => isRecord(t) && typeof t.source === 'string');
    if (!target) {
      skip('waWhy.noSource');
      continue;
    }
    const working = docOf(target.source as string);
    if (!working) {
      skip('waWhy.noText', { source: valueText(target.source), name: `${lastSegment(String(target.source))}.txt` });
      continue;
    }
    const { position, quote } = readSelectors(target);
    const text = working.indexed.text;
    let located: { start: number; end: number } | undefined;
    const positional = position ? sliceCodePoints(working.indexed, position.start, position.end) : undefined;
    const toUtf16 = (start: number, end: number): { start: number; end: number } => {
      const [s, e] = toUtf16Offsets(text, [start, end], 'codepoint');
      return { start: s!, end: e! };
    };
    if (positional !== undefined && (!quote || positional === quote.exact)) located = toUtf16(position!.start as number, position!.end as number);
    else if (quote) {
      const hint = positional !== undefined ? toUtf16(position!.start as number, position!.end as number).start : undefined;
      located = locateQuote(text, quote, hint);
      if (located && position) {
        const [cs, ce] = fromUtf16Offsets(text, [located.start, located.end], 'codepoint');
        note(index, lineNote(where, undefined, 'repaired', 'waNote.quoteFound', { who: iri, start: valueText(position.start), end: valueText(position.end), quote: quote.exact, foundStart: cs!, foundEnd: ce! }));
      }
    }
    if (!located) {
      skip(position || quote ? 'waWhy.notLocated' : 'waWhy.noSelector');
      continue;
    }
    const span: DatasetSpan = { id: idFromIri('span', iri), start: located.start, end: located.end, label };
    working.doc.spans.push(span);
    spanIndex.set(iri, { span, working });
    if (!labels.includes(label)) labels.push(label);
  }

  // Attributions: linking annotations.
  const createdSources = new Map<string, string>();
  const attributionIris = new Map<string, { attribution: DatasetAttribution; viaIri?: string; where: string; index: number; working: WorkingDoc }>();
  for (const [index, { where, node }] of annotations.entries()) {
    if (node.motivation !== 'linking') continue;
    const iri = nodeId(node) ?? '(an annotation without id)';
    const who: PhraseParam = nodeId(node) ?? phrase('waWho.noId');
    const skip = (code: PhraseCode, params?: Record<string, PhraseParam>): void => note(index, lineNote(where, undefined, 'skipped', 'waNote.skipped', { who, why: phrase(code, params) }));
    const repeat = repeats.get(node);
    if (repeat) {
      skip('waWhy.idRepeated', repeat);
      continue;
    }
    const roles: Partial<Record<'claim' | 'mention' | 'cue', string>> = {};
    const unroled: string[] = [];
    for (const t of asArray(node.target)) {
      const ref = isRecord(t) ? (typeof t.source === 'string' ? t.source : nodeId(t)) : typeof t === 'string' ? t : undefined;
      if (ref === undefined) continue;
      const role = isRecord(t) ? t['isnad:role'] : undefined;
      if ((role === 'claim' || role === 'mention' || role === 'cue') && !roles[role]) roles[role] = ref;
      else unroled.push(ref);
    }
    let sourceId: string | undefined;
    const attributes: Partial<Record<'quotation' | 'stance' | 'claimType', string>> = {};
    for (const b of asArray(node.body)) {
      const ref = typeof b === 'string' ? b : isRecord(b) ? (typeof b.source === 'string' ? b.source : hasType(b, 'TextualBody') ? undefined : nodeId(b)) : undefined;
      if (isRecord(b) && hasType(b, 'TextualBody')) {
        const key = b['isnad:attribute'];
        if ((key === 'quotation' || key === 'stance' || key === 'claimType') && typeof b.value === 'string') attributes[key] = b.value;
        continue;
      }
      if (ref === undefined) continue;
      if (ref.startsWith(WEB_ANNOTATION_IRI.source) || (isRecord(b) && b.purpose === 'identifying' && !spanIndex.has(ref))) sourceId = idFromIri('source', ref);
      else if (spanIndex.has(ref)) unroled.push(ref);
    }
    // Without roles (e.g. the spec's example: body = speaker, target = claim): the first span is the claim, then SOURCE/CUE by label.
    for (const ref of unroled) {
      const label = spanIndex.get(ref)?.span.label;
      if (!roles.claim) roles.claim = ref;
      else if (label === 'CUE' && !roles.cue) roles.cue = ref;
      else if (!roles.mention) roles.mention = ref;
    }
    const claim = roles.claim ? spanIndex.get(roles.claim) : undefined;
    if (!claim) {
      skip(roles.claim ? 'waWhy.claimNotSpan' : 'waWhy.noClaim', roles.claim ? { claim: roles.claim } : {});
      continue;
    }
    const inDoc = (role: 'mention' | 'cue'): string | undefined => {
      const ref = roles[role];
      if (ref === undefined) return undefined;
      const found = spanIndex.get(ref);
      if (found && found.working === claim.working) return found.span.id;
      note(index, lineNote(where, undefined, 'repaired', role === 'mention' ? 'waNote.mentionDropped' : 'waNote.cueDropped', { who, ref }));
      return undefined;
    };
    const mentionSpanId = inDoc('mention');
    const cueSpanId = inDoc('cue');
    if (sourceId !== undefined && !sources.has(sourceId)) {
      note(index, lineNote(where, undefined, 'repaired', 'waNote.sourceAdded', { who, source: sourceId }));
      sources.set(sourceId, { id: sourceId, nameAr: '', nameLatin: sourceId, kind: 'anonymous', aliasesAr: [], aliasesLatin: [], createdAt: '' });
    }
    if (sourceId === undefined) {
      const mention = mentionSpanId !== undefined ? claim.working.doc.spans.find((s) => s.id === mentionSpanId) : undefined;
      if (!mention) {
        skip('waWhy.noSourceOrMention');
        continue;
      }
      const quote = claim.working.doc.text.slice(mention.start, mention.end);
      sourceId = createdSources.get(quote);
      if (sourceId === undefined) {
        sourceId = `web-annotation-source-${createdSources.size + 1}`;
        createdSources.set(quote, sourceId);
        const kind: SourceKind = ['PER', 'PERSON'].includes(mention.label) ? 'person' : mention.label === 'AGENCY' ? 'news-agency' : 'anonymous';
        const latin = /^[\p{Script=Latin}\p{N}\p{P}\s]*$/u.test(quote);
        sources.set(sourceId, { id: sourceId, nameAr: latin ? '' : quote, nameLatin: latin ? quote : '', kind, aliasesAr: [], aliasesLatin: [], createdAt: '' });
        note(index, lineNote(where, undefined, 'repaired', 'waNote.sourceFromMention', { who, source: sourceId, quote }));
      }
    }
    const creator = asArray(node.creator)[0];
    const annotator = isRecord(creator) && typeof creator.name === 'string' ? creator.name : typeof creator === 'string' ? creator : undefined;
    const attribution: DatasetAttribution = {
      id: idFromIri('attribution', iri),
      claimSpanId: claim.span.id,
      sourceId,
      ...(mentionSpanId !== undefined ? { mentionSpanId } : {}),
      ...(cueSpanId !== undefined ? { cueSpanId } : {}),
      ...attributes,
      ...(annotator !== undefined ? { annotator } : {}),
      ...(typeof node.created === 'string' ? { createdAt: node.created } : {}),
    };
    const via = node['isnad:via'];
    attributionIris.set(iri, { attribution, where, index, working: claim.working, ...(typeof via === 'string' ? { viaIri: via } : {}) });
  }
  for (const [iri, entry] of attributionIris) {
    if (entry.viaIri !== undefined) {
      const via = attributionIris.get(entry.viaIri);
      if (via && via.working === entry.working) entry.attribution.viaId = via.attribution.id;
      else note(entry.index, lineNote(entry.where, undefined, 'repaired', 'waNote.viaDropped', { who: iri, via: entry.viaIri! }));
    }
    entry.working.doc.attributions.push(entry.attribution);
  }
  const documents = [...docs.values()].map((w) => ({ ...w.doc, spans: [...w.doc.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id)) }));
  const notes = ranked.sort((a, b) => a.rank - b.rank).map((r) => r.note);
  return { ok: true, corpus: { name: name ?? baseName(jsonFiles[0]!.path), schema: readSchema(schemaValue, labels), sources: [...sources.values()], documents }, notes };
}

/** Compares the spans and attributions an export meant to write with what its file reads back as. */
function compareRoundTrip(expected: readonly DatasetDocument[], actual: DatasetCorpus): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(actual.documents.map((d) => [d.id, d]));
  for (const doc of expected) {
    const back = byId.get(doc.id);
    if (!back) {
      problems.push(said('waCheck.docMissing', { doc: doc.id }));
      continue;
    }
    if (back.text !== doc.text) problems.push(said('waCheck.docText', { doc: doc.id }));
    const spans = new Map(back.spans.map((s) => [s.id, s]));
    for (const s of doc.spans) {
      const b = spans.get(s.id);
      if (!b || b.start !== s.start || b.end !== s.end || b.label !== s.label) problems.push(said('waCheck.spanBack', { doc: doc.id, id: s.id, ...codePointRange(doc.text, s) }));
    }
    if (back.spans.length !== doc.spans.length) problems.push(said('waCheck.spanCount', { doc: doc.id, read: back.spans.length, written: doc.spans.length }));
    const attributions = new Map(back.attributions.map((a) => [a.id, a]));
    for (const a of doc.attributions) {
      const b = attributions.get(a.id);
      if (!b || b.claimSpanId !== a.claimSpanId || b.sourceId !== a.sourceId || b.mentionSpanId !== a.mentionSpanId || b.cueSpanId !== a.cueSpanId || b.viaId !== a.viaId) problems.push(said('waCheck.attributionBack', { doc: doc.id, id: a.id }));
    }
    if (back.attributions.length !== doc.attributions.length) problems.push(said('waCheck.attributionCount', { doc: doc.id, read: back.attributions.length, written: doc.attributions.length }));
  }
  return problems;
}

/** W3C Web Annotation (JSON-LD) as a dataset format; see the module comment for the shape. */
export const webAnnotationFormat: DatasetFormat = {
  name: 'web-annotation',
  offsetConvention: phrase('offsets.web-annotation'),
  offsetUnits: ['codepoint'],
  exportCorpus(corpus: DatasetCorpus, options: ExportOptions = {}): ExportOutcome {
    const documents = corpus.documents.map((d) => filterDocument(d, options));
    let collection: Json;
    try {
      collection = buildCollection(corpus, documents, options.onProgress);
    } catch (error) {
      return refused([errorProblem(error)]);
    }
    const contents = JSON.stringify(collection, null, 2) + '\n';
    const problems = verifyWebAnnotation(contents);
    if (!problems.length) {
      const reread = importWebAnnotation([{ path: 'export.jsonld', contents }]);
      if (!reread.ok) appendAll(problems, problemsOf(reread));
      else {
        appendAll(problems, compareRoundTrip(documents, reread.corpus));
        appendAll(problems, reread.notes.map((n) => said('waCheck.note', { note: n.phrase ?? n.message })));
      }
    }
    if (problems.length) return refused(problems);
    return { ok: true, files: [{ path: `${fileSlug(corpus.name)}.jsonld`, contents }], notes: [], offsetUnit: 'codepoint' };
  },
  importFiles(files: readonly OutputFile[]): ImportOutcome {
    return importWebAnnotation(files);
  },
};

/**
 * The common shape every dataset format module reads and writes: a corpus as plain data,
 * offsets in UTF-16 code units (as in memory); each format converts to its own unit at its
 * boundary and says which. Built from the app's state by `datasetFromState`, and turned back
 * into an import by `nativeFromDataset`.
 */
import type { LabelSchema } from '../model/schema';
import type { CorpusState } from '../model/state';
import { attributionsByDocument, documentsInOrder, sourcesInOrder, spansByDocument } from '../model/state';
import type { AttributionRecord, DocumentRecord, SourceRecord } from '../model/types';
import type { OffsetUnit } from '../text/offsets';
import { errorParam, phrase, PhraseError, said, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';

/** A span of a dataset document: `[start, end)` in UTF-16 code units. */
export interface DatasetSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  /** Who made the span and when: kept by native JSON; formats without a place for them leave them out. */
  annotator?: string;
  createdAt?: string;
}

/** An attribution of a dataset document (span and source references by id). */
export type DatasetAttribution = Omit<AttributionRecord, 'corpusId' | 'docId' | 'annotator' | 'createdAt'> & { annotator?: string; createdAt?: string };

/** One document of a dataset. */
export interface DatasetDocument {
  id: string;
  title: string;
  text: string;
  /** Free metadata carried by formats that can (outlet, url, date, file name, status …). */
  meta: Record<string, string | number | boolean | undefined>;
  spans: DatasetSpan[];
  attributions: DatasetAttribution[];
  publisherId?: string;
}

/** A corpus as data: what exporters write and importers produce. */
export interface DatasetCorpus {
  /** The corpus's id and creation time, when it has them (native JSON keeps them). */
  id?: string;
  createdAt?: string;
  name: string;
  schema: LabelSchema;
  sources: Array<Omit<SourceRecord, 'corpusId'>>;
  documents: DatasetDocument[];
}

/** A line or item an importer skipped or repaired, or a span an exporter could not align. */
export interface FormatNote {
  /** Where: a file name, with a line number when there is one. */
  where: string;
  line?: number;
  kind: 'skipped' | 'repaired' | 'unaligned';
  /** In English (the CLI, and notes no phrase was made for). */
  message: string;
  /** The message as a phrase, for the interface's language. */
  phrase?: Phrase;
}

/** A note from a phrase: its English message and the phrase. */
export function formatNote(where: string, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam>): FormatNote {
  const { text, phrase } = said(code, params);
  return { where, kind, message: text, phrase };
}

/** A reader's note from a phrase, at a line of the file (or the whole file when `line` is undefined). */
export function lineNote(where: string, line: number | undefined, kind: FormatNote['kind'], code: PhraseCode, params: Record<string, PhraseParam> = {}): FormatNote {
  const { text, phrase } = said(code, params);
  return line === undefined ? { where, kind, message: text, phrase } : { where, line, kind, message: text, phrase };
}

/**
 * The file a note is about: its `where` without the ":line" that readers of line-based files
 * write there as well as in `line` ("records.jsonl:2" with line 2 is "records.jsonl").
 */
export function noteFile(note: Pick<FormatNote, 'where' | 'line'>): string {
  return note.line && note.where.endsWith(`:${note.line}`) ? note.where.slice(0, -`:${note.line}`.length) : note.where;
}

/** A written file of an export (one for most formats; a folder of .txt + .ann for brat). */
export interface OutputFile {
  path: string;
  contents: string;
}

/** Options every exporter accepts. */
export interface ExportOptions {
  /** The unit of exported offsets, where the format lets the user choose (default: the format's own). */
  offsetUnit?: OffsetUnit;
  /** Only these labels (default: all). */
  labels?: readonly string[];
  /** Include attributions/relations (default true). */
  attributions?: boolean;
  /**
   * Progress, for a progress bar: exporters call it before each document with the number of
   * `corpus.documents` done so far (checking and serialising the whole file may follow).
   */
  onProgress?: (documentsDone: number) => void;
}

/** A problem that stopped a read or a write: its English sentence, and its phrase where one was made. */
export interface Problem {
  text: string;
  phrase?: Phrase;
}

/**
 * Why nothing could be read or written. `problems` are the English sentences (what the CLI
 * prints and tests compare); `phrases`, index for index, says each in the interface language
 * (null for a problem no phrase was made for, which the interface shows in English).
 */
export interface Refused {
  ok: false;
  problems: string[];
  phrases?: Array<Phrase | null>;
}

/** A refusal from problems given as English sentences or as phrases with their English. */
export function refused(items: ReadonlyArray<string | Problem>): Refused {
  const problems = items.map((item) => (typeof item === 'string' ? item : item.text));
  const phrases = items.map((item) => (typeof item === 'string' ? null : (item.phrase ?? null)));
  return phrases.some((p) => p !== null) ? { ok: false, problems, phrases } : { ok: false, problems };
}

/** A refusal of one problem said as a phrase (its English is the problem's text). */
export function refusedAs(code: PhraseCode, params?: Record<string, PhraseParam>): Refused {
  return refused([said(code, params)]);
}

/** A refusal's problems, each with its phrase when it has one (to pass on or to wrap). */
export function problemsOf(outcome: Pick<Refused, 'problems' | 'phrases'>): Problem[] {
  return outcome.problems.map((text, i) => {
    const value = outcome.phrases?.[i];
    return value ? { text, phrase: value } : { text };
  });
}

/** A problem placed in a file (and at a line): "file: problem", "file, line 3: problem". */
export function problemAt(where: string, line: number | undefined, problem: Problem): Problem {
  const inner: PhraseParam = problem.phrase ?? problem.text;
  return line ? said('dataset.atLine', { where, line, problem: inner }) : said('dataset.at', { where, problem: inner });
}

/** A problem at a line of a written file: "line 3: …", the problem said by `code`. */
export function problemOnLine(line: number, code: PhraseCode, params?: Record<string, PhraseParam>): Problem {
  return said('problem.line', { line, problem: phrase(code, params) });
}

/** A problem of a named part of a written file ("task 2: …", "annotation a1: …"), the part a phrase. */
export function problemIn(where: Phrase, code: PhraseCode, params?: Record<string, PhraseParam>): Problem {
  return said('dataset.at', { where, problem: phrase(code, params) });
}

/** A document an exporter could not write: "document “title” (id): error". */
export function documentProblem(doc: Pick<DatasetDocument, 'id' | 'title'>, error: unknown): Problem {
  return said('exportCheck.docError', { title: doc.title, doc: doc.id, error: errorParam(error) });
}

/** An error that stopped a read or a write as a problem: its phrase when it is a {@link PhraseError}, else its message. */
export function errorProblem(error: unknown): Problem {
  return error instanceof PhraseError ? { text: error.message, phrase: error.phrase } : { text: error instanceof Error ? error.message : String(error) };
}

/** Problems said one after another (their English joined by spaces), as one parameter of a phrase. */
export function problemsInTurn(problems: readonly Problem[]): PhraseParam {
  const parts = problems.map((p): PhraseParam => p.phrase ?? p.text);
  return parts.reduceRight<PhraseParam | undefined>((rest, first) => (rest === undefined ? first : phrase('problem.then', { first, rest })), undefined) ?? '';
}

/** The English sentences of problems (what the CLI prints and tests compare). */
export function problemTexts(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.text);
}

/** What happened to a noted line (skipped, repaired, unaligned), as a phrase. */
export function noteKind(kind: FormatNote['kind']): Phrase {
  return phrase(`noteKind.${kind}`);
}

/** The outcome of an export: files plus notes, or the problems that stopped it (nothing written). */
export type ExportOutcome =
  | {
      ok: true;
      files: OutputFile[];
      notes: FormatNote[];
      offsetUnit: OffsetUnit | 'token';
      /** How many spans the files hold, when the format may leave some out (CoNLL: those off token boundaries, nested or overlapping); absent, every span the options select. */
      spansWritten?: number;
    }
  | Refused;

/** The outcome of an import. */
export type ImportOutcome = { ok: true; corpus: DatasetCorpus; notes: FormatNote[] } | Refused;

/** The format names of `isnad convert`. */
export type FormatName = 'native' | 'jsonl' | 'doccano' | 'label-studio' | 'brat' | 'conll' | 'spacy' | 'web-annotation';

/** A dataset format: one module each in shared/formats/, all with this shape. */
export interface DatasetFormat {
  name: FormatName;
  /** What the offsets of this format count, as documented in the README (a phrase: the export dialog says it in the interface language). */
  offsetConvention: Phrase;
  /**
   * The offset units the export dialog offers: both where the file says which one it uses
   * (native, JSON Lines); otherwise only the one the format's own tools count in, since a
   * file that cannot say its unit must not quietly use another (`isnad convert
   * --offset-unit` still can, on request). 'token': the format has no offsets.
   */
  offsetUnits: readonly OffsetUnit[] | 'token';
  exportCorpus(corpus: DatasetCorpus, options?: ExportOptions): ExportOutcome;
  importFiles(files: readonly OutputFile[]): ImportOutcome;
}

/**
 * A document's metadata (how it came in, its status, its text's SHA-256) flattened into a
 * dataset document's free metadata; native JSON reads it back whole (metaFromDataset).
 */
export function metaToDataset(doc: Omit<DocumentRecord, 'corpusId'>): DatasetDocument['meta'] {
  const { collapsedRepeats, ...rest } = doc.meta;
  return {
    ...rest,
    ...(collapsedRepeats ? { collapsedRemovedParagraphs: collapsedRepeats.removedParagraphs } : {}),
    status: doc.status,
    sha256: doc.sha256,
  };
}

/** The dataset view of the app's corpus state (documents in list order, spans in reading order). */
export function datasetFromState(state: CorpusState, filter: (docId: string) => boolean = () => true): DatasetCorpus {
  const spansByDoc = spansByDocument(state);
  const attributionsByDoc = attributionsByDocument(state);
  return {
    id: state.corpus.id,
    createdAt: state.corpus.createdAt,
    name: state.corpus.name,
    schema: state.corpus.schema,
    sources: sourcesInOrder(state).map(({ corpusId: _c, ...s }) => s),
    documents: documentsInOrder(state)
      .filter((d) => filter(d.id))
      .map((d) => ({
        id: d.id,
        title: d.title,
        text: d.text,
        meta: metaToDataset(d),
        spans: (spansByDoc.get(d.id) ?? []).map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label, annotator: s.annotator, createdAt: s.createdAt })),
        attributions: (attributionsByDoc.get(d.id) ?? []).map(({ corpusId: _c, docId: _d, ...a }) => a),
        ...(d.publisherId ? { publisherId: d.publisherId } : {}),
      })),
  };
}

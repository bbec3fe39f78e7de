/**
 * Dataset export from the app: filter documents, optionally split train/dev/test keeping
 * near-duplicate groups together, run the chosen format's exporter (which verifies its own
 * output), and hand one file — or a zip when there are several — to the host to save.
 */
import { zipSync, strToU8 } from 'fflate';
import { datasetFromState, type DatasetCorpus, type FormatName, type OutputFile, type Refused } from '../../shared/formats/dataset';
import { DATASET_FORMATS } from '../../shared/formats/formats';
import { selectForExport } from '../../shared/formats/common/export-selection';
import { splitDocuments, type SplitRatios } from '../../shared/formats/splits';
import { groupDocumentsBySignature } from '../../shared/model/near-duplicates';
import type { CorpusState } from '../../shared/model/state';
import type { DocumentStatus } from '../../shared/model/types';
import type { OffsetUnit } from '../../shared/text/offsets';
import { createTranslator, type Translate } from '../../shared/i18n/i18n';

/** What the export dialog asks for. */
export interface DatasetExportRequest {
  format: FormatName;
  offsetUnit: OffsetUnit;
  /** Labels to include; empty for all. */
  labels: string[];
  /** Document statuses to include; empty for all. */
  statuses: DocumentStatus[];
  /** Outlets to include (documents' `meta.outlet`); empty for all. */
  outlets?: string[];
  /** Only these documents (the ones the document list shows for a search); null or absent for all. */
  documentIds?: string[] | null;
  attributions: boolean;
  split: { ratios: SplitRatios; seed: number } | null;
  /** CoNLL: Arabic prefix clitics (و ف ب ل ك, ال) as tokens of their own, so that spans after them align (other formats ignore it). */
  splitClitics?: boolean;
}

/** The file (or zip) ready to save, and what the user should know. */
export type DatasetExportResult =
  | { ok: true; fileName: string; contents: string | Uint8Array; documents: number; spans: number; notes: string[] }
  | { ok: false; problems: string[] };

const SLUG = (name: string): string => name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'corpus';

function subset(corpus: DatasetCorpus, ids: ReadonlySet<string>): DatasetCorpus {
  return { ...corpus, documents: corpus.documents.filter((d) => ids.has(d.id)) };
}

/** Why an export or a read stopped, each problem in the interface language (in English where it has no phrase). */
export function problemsIn(outcome: Pick<Refused, 'problems' | 'phrases'>, t: Translate): string[] {
  return outcome.problems.map((p, i) => t.text(p, outcome.phrases?.[i] ?? undefined));
}

/**
 * Builds the export (pure apart from the clock; nothing is written here). Messages are in the
 * language of `t`. `onProgress` hears documents done / total as the format's exporter goes
 * (all parts of a split together).
 */
export function buildDatasetExport(
  state: CorpusState,
  request: DatasetExportRequest,
  date = new Date().toISOString(),
  t: Translate = createTranslator('en'),
  onProgress?: (done: number, total: number) => void,
): DatasetExportResult {
  const statuses = new Set(request.statuses);
  const outlets = new Set(request.outlets ?? []);
  const listed = request.documentIds ? new Set(request.documentIds) : null;
  const corpus = datasetFromState(state, (docId) => {
    const doc = state.documents.get(docId)!;
    return (!statuses.size || statuses.has(doc.status)) && (!outlets.size || outlets.has(doc.meta.outlet ?? '')) && (!listed || listed.has(docId));
  });
  if (!corpus.documents.length) return { ok: false, problems: [t('export.noDocuments')] };
  const format = DATASET_FORMATS[request.format];
  const parts: Array<{ folder: string; corpus: DatasetCorpus }> = [];
  if (request.split) {
    const groups = groupDocumentsBySignature(corpus.documents.map((d) => state.documents.get(d.id)!));
    const assignment = splitDocuments(
      corpus.documents.map((d) => d.id),
      groups,
      request.split.ratios,
      request.split.seed,
    );
    for (const name of ['train', 'dev', 'test'] as const) if (assignment[name].length) parts.push({ folder: name, corpus: subset(corpus, new Set(assignment[name])) });
  } else parts.push({ folder: '', corpus });

  const files: OutputFile[] = [];
  const notes: string[] = [];
  const total = corpus.documents.length;
  const labels = request.labels.length ? { labels: request.labels } : {};
  let spans = 0;
  let before = 0;
  for (const part of parts) {
    const progress = onProgress ? { onProgress: (done: number) => onProgress(before + done, total) } : {};
    const clitics = request.format === 'conll' && request.splitClitics ? { splitClitics: true } : {};
    const outcome = format.exportCorpus(part.corpus, { offsetUnit: request.offsetUnit, attributions: request.attributions, ...labels, ...clitics, ...progress });
    if (!outcome.ok) return { ok: false, problems: problemsIn(outcome, t) };
    // (A format that writes every span the label filter keeps does not count them: its selection does.)
    spans += outcome.spansWritten ?? part.corpus.documents.reduce((n, d) => n + selectForExport(d, { ...labels, attributions: false }, '').spans.length, 0);
    before += part.corpus.documents.length;
    onProgress?.(before, total);
    for (const file of outcome.files) files.push({ path: part.folder ? `${part.folder}/${file.path}` : file.path, contents: file.contents });
    for (const note of outcome.notes) notes.push(`${part.folder ? `${part.folder}: ` : ''}${note.where}${note.line ? t('export.noteLine', { line: note.line }) : ''}: ${t.text(note.message, note.phrase)}`);
  }
  const base = `isnad-${SLUG(state.corpus.name)}-${request.format}-${date.slice(0, 10)}`;
  if (files.length === 1) {
    const only = files[0]!;
    const ext = /\.[a-z0-9]+$/i.exec(only.path)?.[0] ?? '.txt';
    return { ok: true, fileName: `${base}${ext}`, contents: only.contents, documents: corpus.documents.length, spans, notes };
  }
  const zip = zipSync(Object.fromEntries(files.map((f) => [`${base}/${f.path}`, strToU8(f.contents)])), { level: 6 });
  return { ok: true, fileName: `${base}.zip`, contents: zip, documents: corpus.documents.length, spans, notes };
}

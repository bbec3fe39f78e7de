/** Messages between the export session (main thread) and the export worker. */
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from '../../shared/model/types';
import type { DatasetExportRequest } from '../app/dataset-export';
import type { Language } from '../../shared/i18n/i18n';

/** What to export: the whole corpus as native JSON (toolbar, Ctrl+E), or a dataset as the export dialog asks. */
export type ExportJob = { kind: 'corpus' } | { kind: 'dataset'; request: DatasetExportRequest };

/**
 * Main thread → worker: the corpus records in slices (so that no single message holds the
 * UI thread for long), then `start` with the rest of the corpus and the job.
 */
export type ToExportWorker =
  | { type: 'records'; documents: DocumentRecord[]; spans: SpanRecord[]; attributions: AttributionRecord[] }
  | { type: 'start'; corpus: CorpusRecord; sources: SourceRecord[]; job: ExportJob; date: string; language: Language };

/** A verified export, ready to save: the file name and its bytes (UTF-8 text, or a zip). */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  documents: number;
  spans: number;
  /** What the format could not hold exactly (one line each). */
  notes: string[];
}

/** Worker → main thread: progress as documents done / total, then the file or the problems that stopped it. */
export type FromExportWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; file: ExportedFile }
  | { type: 'failed'; problems: string[] };

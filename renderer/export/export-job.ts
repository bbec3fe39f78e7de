/**
 * One export job on a corpus state, as the export worker runs it: the whole corpus as
 * native JSON, or a dataset as the export dialog asks. Every exporter verifies what it
 * wrote before it returns; the text comes back as UTF-8 bytes, ready to save (and to move
 * between threads without a copy). Pure: no DOM, no worker, so tests run it in-thread.
 */
import { exportNative, nativeExportFileName } from '../../shared/formats/native';
import type { CorpusState } from '../../shared/model/state';
import { buildDatasetExport, problemsIn } from '../app/dataset-export';
import { createTranslator, type Language } from '../../shared/i18n/i18n';
import type { ExportedFile, ExportJob } from './protocol';

/** The generator name written into native files. */
export const GENERATOR = 'Isnad 0.1.0';

/** Runs `job`; `onProgress` hears documents done / total; messages are in `language`. */
export function runExportJob(state: CorpusState, job: ExportJob, date: string, language: Language, onProgress: (done: number, total: number) => void): { ok: true; file: ExportedFile } | { ok: false; problems: string[] } {
  if (job.kind === 'corpus') {
    const total = state.documents.size;
    const result = exportNative(state, { exportedAt: date, offsetUnit: 'codepoint', generator: GENERATOR, onProgress: (done) => onProgress(done, total) });
    if (!result.ok) return { ok: false, problems: problemsIn(result, createTranslator(language)) };
    const bytes = new TextEncoder().encode(result.json);
    return { ok: true, file: { fileName: nativeExportFileName(state.corpus.name, date), bytes, documents: result.file.documents.length, spans: result.spanCount, notes: [] } };
  }
  const result = buildDatasetExport(state, job.request, date, createTranslator(language), onProgress);
  if (!result.ok) return result;
  const bytes = typeof result.contents === 'string' ? new TextEncoder().encode(result.contents) : result.contents;
  return { ok: true, file: { fileName: result.fileName, bytes, documents: result.documents, spans: result.spans, notes: result.notes } };
}

/** Exports: the native corpus file and datasets, each verified before anything is written. */
import { exportNative, nativeExportFileName } from '../../../shared/formats/native';
import type { AppContext } from '../app-context';
import { buildDatasetExport, type DatasetExportRequest } from '../dataset-export';

export class ExportActions {
  constructor(private readonly app: AppContext) {}

  /** Exports the corpus in the native format after verifying every span. */
  async exportCorpus(): Promise<void> {
    const { corpus, platform } = this.app;
    const exportedAt = new Date().toISOString();
    const result = exportNative(corpus.state, { exportedAt, offsetUnit: 'codepoint', generator: 'Isnad 0.1.0' });
    if (!result.ok) {
      this.app.notify('error', 'Export stopped: some spans do not match the text, so nothing was written.', result.problems);
      return;
    }
    try {
      const outcome = await platform.saveExport(nativeExportFileName(corpus.state.corpus.name, exportedAt), result.json);
      if (outcome.saved) {
        this.app.notify('info', `Exported ${result.file.documents.length} documents and ${result.spanCount} spans (offsets in Unicode code points) to ${outcome.where}.`);
      }
    } catch (error) {
      this.app.notify('error', `Export failed: ${(error as Error).message}`);
    }
  }

  /** Exports a dataset as the export dialog asks (verified by the format's exporter before saving). */
  async exportDataset(request: DatasetExportRequest): Promise<boolean> {
    const result = buildDatasetExport(this.app.corpus.state, request);
    if (!result.ok) {
      this.app.notify('error', 'Export stopped, nothing was written:', result.problems);
      return false;
    }
    try {
      const outcome = await this.app.platform.saveExport(result.fileName, result.contents);
      if (!outcome.saved) return false;
      this.app.ui.update({ exportOpen: false });
      const notes = result.notes.length ? ` ${result.notes.length} note${result.notes.length === 1 ? '' : 's'} (spans the format cannot hold exactly):` : '';
      this.app.notify('info', `Exported ${result.documents} documents and ${result.spans} spans as ${request.format} to ${outcome.where}.${notes}`, result.notes);
      return true;
    } catch (error) {
      this.app.notify('error', `Export failed: ${(error as Error).message}`);
      return false;
    }
  }
}

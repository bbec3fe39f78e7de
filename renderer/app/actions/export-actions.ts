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
      this.app.notify('error', this.app.t('notice.exportMismatch'), result.problems);
      return;
    }
    try {
      const outcome = await platform.saveExport(nativeExportFileName(corpus.state.corpus.name, exportedAt), result.json);
      if (outcome.saved) {
        this.app.notify(
          'info',
          this.app.t('notice.exportedCorpus', { documents: this.app.t('count.documents', { count: result.file.documents.length }), spans: this.app.t('count.spans', { count: result.spanCount }), where: outcome.where }),
        );
      }
    } catch (error) {
      this.app.notify('error', this.app.t('notice.exportFailed', { error: (error as Error).message }));
    }
  }

  /** Exports a dataset as the export dialog asks (verified by the format's exporter before saving). */
  async exportDataset(request: DatasetExportRequest): Promise<boolean> {
    const result = buildDatasetExport(this.app.corpus.state, request, undefined, this.app.t);
    if (!result.ok) {
      this.app.notify('error', this.app.t('notice.exportStopped'), result.problems);
      return false;
    }
    try {
      const outcome = await this.app.platform.saveExport(result.fileName, result.contents);
      if (!outcome.saved) return false;
      this.app.ui.update({ exportOpen: false });
      const { t } = this.app;
      const notes = result.notes.length ? t('notice.exportNotes', { count: result.notes.length }) : '';
      this.app.notify(
        'info',
        t('notice.exportedDataset', { documents: t('count.documents', { count: result.documents }), spans: t('count.spans', { count: result.spans }), format: request.format, where: outcome.where, notes }),
        result.notes,
      );
      return true;
    } catch (error) {
      this.app.notify('error', this.app.t('notice.exportFailed', { error: (error as Error).message }));
      return false;
    }
  }
}

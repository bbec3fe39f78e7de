/**
 * Exports: the native corpus file and datasets. Each runs in the export worker with progress
 * and Cancel (renderer/export/), and is verified before anything is written.
 */
import type { AppContext } from '../app-context';
import type { DatasetExportRequest } from '../dataset-export';
import { runExport, type ExportHost } from '../../export/run-export';

export class ExportActions {
  constructor(private readonly app: AppContext) {}

  private get host(): ExportHost {
    const { app } = this;
    return { ui: app.ui, platform: app.platform, t: app.t, notify: (tone, text, details) => app.notify(tone, text, details) };
  }

  /** Exports the corpus in the native format (every span verified before anything is saved). */
  async exportCorpus(): Promise<void> {
    await runExport(this.host, this.app.corpus.state, { kind: 'corpus' });
  }

  /** Exports a dataset as the export dialog asks (verified by the format's exporter before saving). */
  async exportDataset(request: DatasetExportRequest): Promise<boolean> {
    const saved = await runExport(this.host, this.app.corpus.state, { kind: 'dataset', request });
    if (saved) this.app.ui.update({ exportOpen: false });
    return saved;
  }
}

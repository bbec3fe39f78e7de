/** Article intake: choosing files or a folder, the import dialog, running and cancelling an import. */
import { DEFAULT_IMPORT_SETTINGS } from '../../../shared/model/import';
import { transaction } from '../../../shared/model/transaction';
import type { ImportSettings } from '../../../shared/model/types';
import type { TextEncodingName } from '../../../shared/text/decode';
import { ImportSession, type ImportResult, type ImportThreads } from '../../import/import-session';
import type { WorkerInputFile } from '../../import/protocol';
import { ImportWorkers } from '../../import/import-workers';
import type { AppContext } from '../app-context';
import { describeImport } from '../import-report';
import { skipReasonPhrase } from '../../../shared/phrases/skip-reasons';
import { said } from '../../../shared/phrases/phrase';

/** A file the folder walk skipped, as an import entry the report lists with why. */
function skippedFile(name: string, reason: string): WorkerInputFile {
  const { text, phrase } = said('file.skipped', { file: name, reason: skipReasonPhrase(reason) ?? reason });
  return { name, error: text, errorPhrase: phrase };
}

export class ImportActions {
  private session: ImportSession | null = null;

  /**
   * @param workers the workers of the next import, started when the import dialog opens so
   *   that the import does not wait for them (import-workers.ts).
   */
  constructor(
    private readonly app: AppContext,
    private readonly workers: ImportWorkers = new ImportWorkers(),
  ) {}

  /** Import settings of the open corpus (field mapping, collapsing repeats). */
  get settings(): ImportSettings {
    return this.app.corpus.state.corpus.importSettings ?? DEFAULT_IMPORT_SETTINGS;
  }

  /** File → Open: the host's chooser, then the import dialog. */
  async openFiles(): Promise<void> {
    const files = await this.app.platform.pickArticleFiles();
    if (files.length) this.stage(files);
  }

  /** File → Open folder: the whole tree, non-articles skipped and reported. */
  async openFolder(): Promise<void> {
    const folder = await this.app.platform.pickArticleFolder();
    if (!folder) return;
    if (!folder.files.length) {
      this.app.notify(
        'error',
        this.app.t('notice.folderEmpty', { count: folder.skipped.length }),
        folder.skipped.map((s) => this.app.t('notice.skippedLine', { file: s.name, reason: this.app.t.text(s.reason, skipReasonPhrase(s.reason)) })),
      );
      return;
    }
    this.stage(folder.files, folder.skipped);
  }

  /** Shows the import dialog for chosen or dropped files. */
  stage(files: WorkerInputFile[], skipped: Array<{ name: string; reason: string }> = []): void {
    if (this.app.ui.state.importProgress) {
      this.app.notify('error', this.app.t('notice.importRunning'));
      return;
    }
    this.app.ui.update({ importDraft: { files, encodings: {}, skipped } });
    this.workers.warm();
  }

  /** Sets (or clears, with null) the encoding override of one staged file. */
  setStagedEncoding(fileName: string, encoding: TextEncodingName | null): void {
    const draft = this.app.ui.state.importDraft;
    if (!draft) return;
    const encodings = { ...draft.encodings };
    if (encoding) encodings[fileName] = encoding;
    else delete encodings[fileName];
    this.app.ui.update({ importDraft: { ...draft, encodings } });
  }

  /** Closes the import dialog without importing. */
  discard(): void {
    this.app.ui.update({ importDraft: null });
    this.workers.release();
  }

  /** Saves the corpus's import settings (remembered per corpus; not an undoable edit). */
  async saveSettings(settings: ImportSettings): Promise<void> {
    const corpus = this.app.corpus.state.corpus;
    await this.app.corpus.dispatch(transaction([{ table: 'corpora', id: corpus.id, before: corpus, after: { ...corpus, importSettings: settings } }], { origin: 'load', description: 'Save import settings' }));
  }

  /**
   * Runs the staged import with the given settings; resolves with the report when it ends.
   * Batches are written by the import's writing worker into this app's database.
   */
  async run(settings: ImportSettings = this.settings, threads: Partial<ImportThreads> = {}): Promise<ImportResult | null> {
    const { ui } = this.app;
    const draft = ui.state.importDraft;
    if (!draft || this.session) return null;
    if (JSON.stringify(settings) !== JSON.stringify(this.settings)) await this.saveSettings(settings);
    const files: WorkerInputFile[] = [...draft.files, ...draft.skipped.map((s) => skippedFile(s.name, s.reason))];
    const session = new ImportSession(
      this.app.corpus,
      files,
      { fieldMapping: settings.fieldMapping, collapseRepeatedParagraphs: settings.collapseRepeatedParagraphs, encodings: draft.encodings },
      (importProgress) => ui.update({ importProgress }),
      { database: this.app.db.name, ...this.workers.threads(), ...threads },
    );
    this.session = session;
    ui.update({ importDraft: null, importProgress: { total: files.length, done: 0, prepared: 0, current: files[0]?.name ?? null, cancelling: false } });
    try {
      const result = await session.start();
      const summary = describeImport(result.report, this.app.t);
      const text = result.cancelled ? this.app.t('notice.importCancelled', { count: result.notProcessed, summary: summary.text }) : summary.text;
      ui.update({ importReport: result.report });
      this.app.notify(summary.tone, text, summary.details, summary.detailsShown);
      const first = result.report.imported[0];
      if (first) await this.app.openDocument(first.docId);
      return result;
    } catch (error) {
      const done = session.writtenDocuments;
      await this.app.reportWriteFailure(error, 'importRest', done ? this.app.t('storage.importKept', { count: done }) : this.app.t('storage.importNone'));
      return null;
    } finally {
      this.session = null;
      // (workers the import did not need: fewer files than preparers)
      this.workers.release();
      ui.update({ importProgress: null });
    }
  }

  /** Cancels the running import. */
  cancel(): void {
    this.session?.cancel();
  }
}

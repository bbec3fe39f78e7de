/**
 * Corpora: the database holds several, the app shows one. Listing them with their document
 * counts, creating an empty one, renaming, switching, deleting (after the dialog's
 * confirmation), and adding a corpus whose records were made elsewhere (a dataset import).
 *
 * Switching (and anything else that must show a different corpus state, such as restoring a
 * snapshot) goes through {@link CorpusActions.show}: it reads the corpus and its undo history
 * from IndexedDB — so what is shown is what is stored — replaces the corpus store's state and
 * history in place (subscribers are kept), remembers the corpus as the open one and resets the
 * view state that belonged to the previous corpus.
 */
import type { CorpusRecordSet } from '../../../shared/model/corpus-copy';
import { defaultRegistry } from '../../../shared/model/registry';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, documentsInOrder, type CorpusState } from '../../../shared/model/state';
import { transaction } from '../../../shared/model/transaction';
import { countCorpus, deleteCorpus, listCorpora, readCorpus, readHistory, readSetting, writeRecords, writeSetting, type CorpusSummary, type IsnadDatabase } from '../../db/db';
import type { HistoryEntry } from '../../state/corpus-store';
import { EMPTY_SEARCH } from '../../state/ui-store';
import type { AppContext } from '../app-context';

/** The setting that remembers the open corpus across reloads. */
export const OPEN_CORPUS_KEY = 'openCorpusId';
/** The setting that remembers the open document across reloads. */
export const OPEN_DOCUMENT_KEY = 'openDocumentId';

/** A stored corpus as the store holds it: its state and its undo history. */
export async function loadCorpus(db: IsnadDatabase, corpusId: string): Promise<{ state: CorpusState; history: HistoryEntry[] } | null> {
  const records = await readCorpus(db, corpusId);
  if (!records) return null;
  return {
    state: createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions),
    history: await readHistory(db, corpusId),
  };
}

/** A name not used by any of `taken`: "Name", else "Name (2)", "Name (3)" … */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  for (let n = 2; ; n += 1) if (!used.has(`${name} (${n})`)) return `${name} (${n})`;
}

export class CorpusActions {
  constructor(private readonly app: AppContext) {}

  /** Every stored corpus with its document count. */
  list(): Promise<CorpusSummary[]> {
    return listCorpora(this.app.db);
  }

  /** Opens the corpus dialog (its list is read when it opens and after every change). */
  async openDialog(): Promise<void> {
    this.app.ui.update({ corpora: await this.list() });
  }

  /** Closes the corpus dialog. */
  closeDialog(): void {
    this.app.ui.update({ corpora: null });
  }

  private async refreshDialog(): Promise<void> {
    if (this.app.ui.state.corpora) this.app.ui.update({ corpora: await this.list() });
  }

  /**
   * Shows the stored corpus `corpusId` (see the module comment). Resolves false, changing
   * nothing, when it is not in the database.
   */
  async show(corpusId: string): Promise<boolean> {
    const loaded = await loadCorpus(this.app.db, corpusId);
    if (!loaded) return false;
    await this.app.corpus.replace(loaded.state, loaded.history);
    await writeSetting(this.app.db, OPEN_CORPUS_KEY, corpusId);
    this.app.ui.update({ openDocId: null, focusedSpanId: null, focusedSuggestionId: null, palette: null, caret: null, search: EMPTY_SEARCH, view: 'article', importReport: null });
    const lastDoc = await readSetting<string | null>(this.app.db, OPEN_DOCUMENT_KEY, null);
    const docId = lastDoc && loaded.state.documents.has(lastDoc) ? lastDoc : (documentsInOrder(loaded.state)[0]?.id ?? null);
    if (docId) await this.app.openDocument(docId);
    return true;
  }

  /**
   * The open corpus was deleted in another window: opens another stored one (the most recently
   * created) and says why. Nothing of the deleted corpus can be written any more.
   */
  async openAnotherAfterDeletion(): Promise<void> {
    const name = this.app.corpus.state.corpus.name;
    const all = await this.list();
    const next = all.at(-1);
    if (next && (await this.show(next.corpus.id))) this.app.notify('error', this.app.t('notice.corpus.deletedElsewhere', { name }));
  }

  /**
   * Whether an article import is running: it writes into the open corpus, so the open corpus
   * may not change under it (the user is told).
   */
  importRunning(): boolean {
    if (!this.app.ui.state.importProgress) return false;
    this.app.notify('error', this.app.t('notice.corpus.importRunning'));
    return true;
  }

  /** Switches to another stored corpus. */
  async switchTo(corpusId: string): Promise<boolean> {
    if (corpusId === this.app.corpus.state.corpus.id) return true;
    if (this.importRunning()) return false;
    try {
      await this.app.corpus.settled();
      if (!(await this.show(corpusId))) {
        this.app.notify('error', this.app.t('notice.corpus.gone'));
        await this.refreshDialog();
        return false;
      }
      this.app.notify('info', this.app.t('notice.corpus.opened', { name: this.app.corpus.state.corpus.name, documents: this.app.t('count.documents', { count: this.app.corpus.state.documents.size }) }));
      await this.refreshDialog();
      return true;
    } catch (error) {
      this.app.notify('error', this.app.t('notice.corpus.openFailed', { error: (error as Error).message }));
      return false;
    }
  }

  /** Writes a corpus made elsewhere (every record at once), then shows it. */
  async add(records: CorpusRecordSet): Promise<boolean> {
    await writeRecords(this.app.db, records);
    return this.show(records.corpus.id);
  }

  /** Creates an empty corpus (default labels and source registry) and switches to it. */
  async create(name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) {
      this.app.notify('error', this.app.t('notice.corpus.nameNeeded'));
      return false;
    }
    if (this.importRunning()) return false;
    const ctx = this.app.corpus.context;
    const id = ctx.newId();
    try {
      await this.add({ corpus: { id, name: trimmed, schema: DEFAULT_LABEL_SCHEMA, createdAt: ctx.now() }, documents: [], spans: [], sources: defaultRegistry(id, ctx), attributions: [] });
      this.app.notify('info', this.app.t('notice.corpus.created', { name: trimmed }));
      await this.refreshDialog();
      return true;
    } catch (error) {
      this.app.notify('error', this.app.t('notice.corpus.createFailed', { error: (error as Error).message }));
      return false;
    }
  }

  /** Renames a corpus (the open one through the store, so that every view shows the new name at once). */
  async rename(corpusId: string, name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) {
      this.app.notify('error', this.app.t('notice.corpus.renameNeedsName'));
      return false;
    }
    try {
      const open = this.app.corpus.state.corpus;
      if (corpusId === open.id) {
        const result = await this.app.corpus.dispatch(transaction([{ table: 'corpora', id: open.id, before: open, after: { ...open, name: trimmed } }], { origin: 'load', description: 'Rename corpus' }));
        if (!result.ok) throw new Error(result.error);
      } else if (!(await this.app.db.corpora.update(corpusId, { name: trimmed }))) throw new Error(this.app.t('notice.corpus.notInDatabase'));
      this.app.notify('info', this.app.t('notice.corpus.renamed', { name: trimmed }));
      await this.refreshDialog();
      return true;
    } catch (error) {
      this.app.notify('error', this.app.t('notice.corpus.renameFailed', { error: (error as Error).message }));
      return false;
    }
  }

  /**
   * Deletes the snapshots of a deleted corpus that live outside the database (Electron's
   * files in the user data folder): "for good" includes them. Resolves with the reason they
   * could not be deleted, or null.
   */
  private async forgetSnapshots(corpusId: string): Promise<string | null> {
    try {
      await this.app.platform.snapshots?.forget?.(corpusId);
      return null;
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }

  /** What deleting a corpus would remove (for the confirmation). */
  contents(corpusId: string): Promise<{ documents: number; spans: number; attributions: number }> {
    return countCorpus(this.app.db, corpusId);
  }

  /**
   * Deletes a corpus and everything in it, after the user confirmed. The open corpus is
   * switched away from first; the last corpus cannot be deleted.
   */
  async remove(corpusId: string): Promise<boolean> {
    const all = await this.list();
    const target = all.find((c) => c.corpus.id === corpusId);
    if (!target) return false;
    const others = all.filter((c) => c.corpus.id !== corpusId);
    if (!others.length) {
      this.app.notify('error', this.app.t('notice.corpus.onlyOne'));
      return false;
    }
    if (corpusId === this.app.corpus.state.corpus.id && this.importRunning()) return false;
    try {
      if (corpusId === this.app.corpus.state.corpus.id) {
        await this.app.corpus.settled();
        if (!(await this.show(others[others.length - 1]!.corpus.id))) throw new Error(this.app.t('notice.corpus.noOther'));
      }
      await deleteCorpus(this.app.db, corpusId);
      // Other windows showing it open another corpus (their writes to it are refused anyway).
      this.app.sync.announceReplaced(corpusId);
      const deleted = this.app.t('notice.corpus.deleted', { name: target.corpus.name, documents: this.app.t('count.documents.genitive', { count: target.documents }) });
      const snapshotsLeft = await this.forgetSnapshots(corpusId);
      if (snapshotsLeft) this.app.notify('error', `${deleted} ${this.app.t('notice.corpus.snapshotsNotDeleted', { error: snapshotsLeft })}`);
      else this.app.notify('info', deleted);
      await this.refreshDialog();
      return true;
    } catch (error) {
      this.app.notify('error', this.app.t('notice.corpus.deleteFailed', { error: (error as Error).message }));
      return false;
    }
  }
}

/**
 * The application controller: owns the database, the corpus and UI stores and the host
 * platform, and groups every user action by area (renderer/app/actions/*). The action
 * registry, the menu, the toolbar and the keyboard all call these; React only renders.
 */
import type { CommandContext } from '../../shared/model/commands';
import { setDocumentStatus, updateDocumentDetails } from '../../shared/model/commands';
import { buildSampleCorpus } from '../../shared/model/sample-corpus';
import { documentsInOrder } from '../../shared/model/state';
import type { Transaction } from '../../shared/model/transaction';
import type { DocumentStatus, EditableDocumentFields } from '../../shared/model/types';
import { IsnadDatabase, readSetting, writeRecords, writeSetting, writeTransaction } from '../db/db';
import type { HostPlatform } from '../platform/host';
import { CorpusStore } from '../state/corpus-store';
import { UiStore, type SearchState, type UiState } from '../state/ui-store';
import type { AppContext, StoreCommand } from './app-context';
import { AttributionActions } from './actions/attribution-actions';
import { CorpusActions, loadCorpus, OPEN_CORPUS_KEY, OPEN_DOCUMENT_KEY } from './actions/corpus-actions';
import { DatasetImportActions } from './actions/dataset-import-actions';
import { ExportActions } from './actions/export-actions';
import { ImportActions } from './actions/import-actions';
import { CaretActions, readSnapMode } from './actions/caret-actions';
import { NavigationActions } from './actions/navigation-actions';
import { SpanActions } from './actions/span-actions';
import { SuggestionActions } from './actions/suggestion-actions';
import { KeyBindingStore } from '../commands/bindings';
import { allActionDefinitions } from '../commands/definitions';
import { SettingsActions } from './actions/settings-actions';
import type { Translate } from '../i18n/i18n';
import { applyPreferences, PREFERENCES_KEY, sanitisePreferences } from '../settings/preferences';
import { PreferencesStore } from '../settings/preferences-store';

export { describeImport } from './import-report';


function defaultContext(): CommandContext {
  return { newId: () => crypto.randomUUID(), now: () => new Date().toISOString(), annotator: 'local' };
}

/** The running application. */
export class IsnadApp implements AppContext {
  readonly ui = new UiStore();
  private articleElement: HTMLElement | null = null;
  /** Article intake: files, folders, the import dialog, running and cancelling imports. */
  readonly imports = new ImportActions(this);
  /** Source registry, attributions, publisher, attribute palette. */
  readonly attribution = new AttributionActions(this);
  /** Suggested spans in the open document. */
  readonly suggestions = new SuggestionActions(this);
  /** Native and dataset exports. */
  readonly exports = new ExportActions(this);
  /** The caret and the selection in the open article (keyboard and mouse). */
  readonly caret = new CaretActions(this);
  /** Span editing: label, relabel, resize, delete, span focus, Enter. */
  readonly spans = new SpanActions(this, this.caret, this.attribution);
  /** Documents (next, previous, next unfinished, done), search box, article, keyboard overlays. */
  readonly navigation = new NavigationActions(this);
  /** The user's key bindings (defaults from the action registry, changes stored). */
  readonly bindings: KeyBindingStore;
  /** Interface language, theme and article text settings. */
  readonly settings: SettingsActions;
  /** The stored corpora: list, create, rename, switch, delete. */
  readonly corpora = new CorpusActions(this);
  /** Dataset files (doccano, Label Studio, brat, CoNLL, native …) into a new corpus or merged into the open one. */
  readonly datasets = new DatasetImportActions(this, this.corpora);

  private constructor(
    readonly db: IsnadDatabase,
    readonly corpus: CorpusStore,
    readonly platform: HostPlatform,
    /** Interface preferences and the translator of their language. */
    readonly preferences: PreferencesStore,
  ) {
    this.settings = new SettingsActions(this, preferences);
    this.bindings = new KeyBindingStore(db, () => allActionDefinitions(this.corpus.state.corpus.schema));
  }

  /** Translates a message into the interface language (see renderer/i18n). */
  get t(): Translate {
    return this.preferences.t;
  }


  /** Opens the database, loads the last corpus or creates the sample corpus, restores the open document. */
  static async start(platform: HostPlatform, db = new IsnadDatabase(), context = defaultContext(), systemLanguages = (): readonly string[] => globalThis.navigator?.languages ?? []): Promise<IsnadApp> {
    await db.open();
    // Preferences first: the window takes its language, direction and theme before anything is shown.
    const preferences = new PreferencesStore(sanitisePreferences(await readSetting<unknown>(db, PREFERENCES_KEY, null)), systemLanguages);
    const root = globalThis.document?.documentElement;
    if (root) {
      const apply = (): void => applyPreferences(root, preferences.preferences, preferences.t.language);
      apply();
      preferences.subscribe(apply);
      globalThis.addEventListener?.('languagechange', () => preferences.set(preferences.preferences));
    }
    const remembered = await readSetting<string | null>(db, OPEN_CORPUS_KEY, null);
    let loaded = remembered ? await loadCorpus(db, remembered) : null;
    if (!loaded) {
      const first = await db.corpora.toCollection().first();
      loaded = first ? await loadCorpus(db, first.id) : null;
    }
    if (!loaded) {
      const records = buildSampleCorpus(context);
      await writeRecords(db, records);
      loaded = await loadCorpus(db, records.corpus.id);
      if (!loaded) throw new Error('the sample corpus could not be read back');
    }
    const { state, history } = loaded;
    await writeSetting(db, OPEN_CORPUS_KEY, state.corpus.id);
    const store = new CorpusStore(state, { write: (tx, change) => writeTransaction(db, tx, change) }, context, history);
    const app = new IsnadApp(db, store, platform, preferences);
    await app.bindings.load();
    app.ui.update({ snapMode: await readSnapMode(app) });
    const lastDoc = await readSetting<string | null>(db, OPEN_DOCUMENT_KEY, null);
    const openDocId = lastDoc && state.documents.has(lastDoc) ? lastDoc : (documentsInOrder(state)[0]?.id ?? null);
    if (openDocId) await app.openDocument(openDocId);
    return app;
  }


  /** The article element, registered by the article view, for selection mapping. */
  attachArticle(element: HTMLElement | null): void {
    this.articleElement = element;
  }

  get article(): HTMLElement | null {
    return this.articleElement;
  }


  /** Shows a message in the status area. */
  notify(tone: 'info' | 'error', text: string, details?: string[]): void {
    this.ui.update({ notice: { tone, text, ...(details?.length ? { details } : {}) } });
  }


  /** Shows a document. */
  async openDocument(docId: string): Promise<void> {
    if (!this.corpus.state.documents.has(docId)) return;
    // A new document starts with the caret at its beginning; the old DOM selection must not leak into it.
    this.articleElement?.ownerDocument.getSelection()?.removeAllRanges();
    this.ui.update({ openDocId: docId, focusedSpanId: null, focusedSuggestionId: null, view: 'article', caret: { anchor: 0, focus: 0, source: 'keyboard' } });
    await writeSetting(this.db, OPEN_DOCUMENT_KEY, docId);
    if (!this.ui.state.rejectedSuggestions[docId]) {
      const rejected = await readSetting<string[]>(this.db, `rejectedSuggestions:${docId}`, []);
      if (rejected.length) this.ui.update({ rejectedSuggestions: { ...this.ui.state.rejectedSuggestions, [docId]: rejected } });
    }
  }


  /** Edits a document's title, outlet, URL or date. */
  async updateDetails(docId: string, fields: Partial<EditableDocumentFields>): Promise<boolean> {
    return (await this.run((state) => updateDocumentDetails(state, { docId, fields }))) !== null;
  }


  /** Sets the open document's status. */
  async setStatus(docId: string, status: DocumentStatus): Promise<void> {
    await this.run((state) => setDocumentStatus(state, { docId, status }));
  }


  /** Shows the article view, the corpus sources view or the settings. */
  showView(view: UiState['view']): void {
    this.ui.update({ view });
  }


  /** Changes the search query or list filters. */
  setSearch(patch: Partial<SearchState>): void {
    this.ui.update({ search: { ...this.ui.state.search, ...patch } });
  }


  /** Runs an undoable command (stored, then shown); null after telling the user why not. */
  async run(command: StoreCommand): Promise<Transaction | null> {
    try {
      const result = await this.corpus.run(command);
      if (!result.ok) {
        this.notify('error', result.error);
        return null;
      }
      this.ui.update({ notice: null });
      return result.tx;
    } catch (error) {
      this.notify('error', this.t('notice.changeNotSaved', { error: (error as Error).message }));
      return null;
    }
  }


  /** Undo (across documents: shows the document the change was in). */
  async undo(): Promise<void> {
    try {
      const tx = await this.corpus.undo();
      if (!tx) return this.notify('info', this.t('notice.nothingToUndo'));
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.ui.update({ focusedSpanId: null });
      this.notify('info', this.t('notice.undid', { change: tx.description }));
    } catch (error) {
      this.notify('error', this.t('notice.undoNotSaved', { error: (error as Error).message }));
    }
  }


  /** Redo. */
  async redo(): Promise<void> {
    try {
      const tx = await this.corpus.redo();
      if (!tx) return this.notify('info', this.t('notice.nothingToRedo'));
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.notify('info', this.t('notice.redid', { change: tx.description }));
    } catch (error) {
      this.notify('error', this.t('notice.redoNotSaved', { error: (error as Error).message }));
    }
  }
}

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
import { IsnadDatabase, readSetting, writeRecords, writeSetting } from '../db/db';
import { describeWriteFailure, storageProblem, type WriteAction } from '../db/storage-errors';
import type { HostPlatform } from '../platform/host';
import { CorpusStore } from '../state/corpus-store';
import { CorpusSync, openSyncChannel, type SyncChannel } from '../state/corpus-sync';
import { UiStore, type SearchState, type UiState } from '../state/ui-store';
import { SearchSession } from '../state/search-session';
import { SearchActions } from './actions/search-actions';
import type { AppContext, StoreCommand } from './app-context';
import { AttributionActions } from './actions/attribution-actions';
import { CorpusActions, loadCorpus, OPEN_CORPUS_KEY, OPEN_DOCUMENT_KEY } from './actions/corpus-actions';
import { DatasetImportActions } from './actions/dataset-import-actions';
import { ExportActions } from './actions/export-actions';
import { ImportActions } from './actions/import-actions';
import { CaretActions, readSnapMode, SNAP_MODE_SETTING } from './actions/caret-actions';
import { NavigationActions } from './actions/navigation-actions';
import { SpanActions } from './actions/span-actions';
import { SuggestionActions } from './actions/suggestion-actions';
import { BINDINGS_SETTING, KeyBindingStore } from '../commands/bindings';
import { openSettingsChannel, SettingsSync, type SettingsChannel } from '../settings/settings-sync';
import { ActionRunner, type ActionOutcome } from '../commands/runner';
import { allActionDefinitions } from '../commands/definitions';
import { SnapshotActions } from './actions/snapshot-actions';
import { DatabaseSnapshotStorage } from '../snapshots/snapshot-storage';
import { SettingsActions } from './actions/settings-actions';
import type { Translate } from '../../shared/i18n/i18n';
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
  /** Documents (next, previous, next unfinished, done: through what the list shows), search box, article, keyboard overlays. */
  readonly navigation: NavigationActions;
  /** The user's key bindings (defaults from the action registry, changes stored). */
  readonly bindings: KeyBindingStore;
  /** Automatic snapshots: schedule, list, settings, restore. */
  readonly snapshots: SnapshotActions;
  /** Interface language, theme and article text settings. */
  readonly settings: SettingsActions;
  /** The stored corpora: list, create, rename, switch, delete. */
  readonly corpora = new CorpusActions(this);
  /** Dataset files (doccano, Label Studio, brat, CoNLL, native …) into a new corpus or merged into the open one. */
  readonly datasets = new DatasetImportActions(this, this.corpora);
  /** The corpus search of the list and the article, run a slice at a time outside React. */
  readonly search: SearchSession;
  /** Stepping through the search matches of the open article. */
  readonly matches: SearchActions;
  /**
   * Key actions run one at a time, in the order the keys were pressed (an action may wait
   * for storage or a search); see `submitKey`.
   */
  readonly keyQueue = new ActionRunner((error) => this.notify('error', String(error)));

  private constructor(
    readonly db: IsnadDatabase,
    readonly corpus: CorpusStore,
    readonly platform: HostPlatform,
    /** Interface preferences and the translator of their language. */
    readonly preferences: PreferencesStore,
    /** Other windows and tabs on the same corpus: their changes arrive here, ours go out. */
    readonly sync: CorpusSync,
    /** Other windows' settings: each setting stored here is announced, theirs are read back and applied. */
    readonly settingsSync: SettingsSync,
  ) {
    this.settings = new SettingsActions(this, preferences);
    this.bindings = new KeyBindingStore(db, () => allActionDefinitions(this.corpus.state.corpus.schema), () => settingsSync.announce(BINDINGS_SETTING));
    settingsSync.on(PREFERENCES_KEY, () => this.settings.reload());
    settingsSync.on(BINDINGS_SETTING, () => this.bindings.load());
    settingsSync.on(SNAP_MODE_SETTING, async () => this.ui.update({ snapMode: await readSnapMode(this) }));
    this.snapshots = new SnapshotActions(this, platform.snapshots ?? new DatabaseSnapshotStorage(db));
    this.search = new SearchSession({ ui: this.ui, corpus: this.corpus });
    this.matches = new SearchActions(this, this.search, this.caret, (run) => this.submitKey(run));
    this.navigation = new NavigationActions(this, this.search);
  }

  /**
   * Runs the action of a key press now, or after the actions of the keys pressed before it,
   * from the selection as the key was pressed (CaretActions.pressed). Returns whether the key
   * was handled (its default should then be prevented).
   */
  submitKey(run: () => ActionOutcome): boolean {
    const press = this.caret.pressed();
    return this.keyQueue.submit(() => this.caret.runPressed(press, run));
  }

  /** Resolves the question ConfirmDialog shows (see `ask`). */
  private answerQuestion: ((yes: boolean) => void) | null = null;

  ask(question: string, confirmLabel: string): Promise<boolean> {
    // (A question still open is answered no: only one is shown at a time.)
    this.answerQuestion?.(false);
    return new Promise<boolean>((resolve) => {
      this.answerQuestion = resolve;
      this.ui.update({ confirmation: { question, confirmLabel } });
    });
  }

  /** The user's answer to the question shown (ConfirmDialog's buttons; Escape is no). */
  answer(yes: boolean): void {
    const resolve = this.answerQuestion;
    this.answerQuestion = null;
    if (this.ui.state.confirmation) this.ui.update({ confirmation: null });
    resolve?.(yes);
  }

  /** Translates a message into the interface language (see shared/i18n). */
  get t(): Translate {
    return this.preferences.t;
  }


  /**
   * Opens the database, loads the last corpus or creates the sample corpus, restores the open
   * document, and starts listening to other windows (`channel`: a BroadcastChannel by default).
   */
  static async start(
    platform: HostPlatform,
    db = new IsnadDatabase(),
    context = defaultContext(),
    systemLanguages = (): readonly string[] => globalThis.navigator?.languages ?? [],
    channel: SyncChannel | null = openSyncChannel(),
    settingsChannel: SettingsChannel | null = openSettingsChannel(),
  ): Promise<IsnadApp> {
    await db.open();
    // Preferences first: the window takes its language, direction and theme before anything is shown.
    const preferences = new PreferencesStore(sanitisePreferences(await readSetting<unknown>(db, PREFERENCES_KEY, null)), systemLanguages);
    const root = globalThis.document?.documentElement;
    if (root) {
      const apply = (): void => {
        applyPreferences(root, preferences.preferences, preferences.t.language);
        platform.setMenuLanguage(preferences.t.language);
      };
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
      const records = buildSampleCorpus(context, preferences.t('corpus.sampleName'));
      await writeRecords(db, records);
      loaded = await loadCorpus(db, records.corpus.id);
      if (!loaded) throw new Error('the sample corpus could not be read back');
    }
    const { state, history } = loaded;
    await writeSetting(db, OPEN_CORPUS_KEY, state.corpus.id);
    let app: IsnadApp | null = null;
    const sync = new CorpusSync(db, channel, (how) => void (how === 'gone' ? app?.corpora.openAnotherAfterDeletion() : app?.reconcileView()));
    const store: CorpusStore = new CorpusStore(state, sync.persistence((): string => store.state.corpus.id), context, history);
    sync.attach(store);
    app = new IsnadApp(db, store, platform, preferences, sync, new SettingsSync(settingsChannel));
    await app.bindings.load();
    app.ui.update({ snapMode: await readSnapMode(app) });
    await app.snapshots.start();
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
  notify(tone: 'info' | 'error', text: string, details?: string[], detailsShown?: number): void {
    this.ui.update({ notice: { tone, text, ...(details?.length ? { details } : {}), ...(detailsShown !== undefined ? { detailsShown } : {}) } });
  }

  /** Shows a message about this moment, cleared when the user moves on (`Notice.moment`). */
  notifyMoment(tone: 'info' | 'error', text: string): void {
    this.ui.update({ notice: { tone, text, moment: true } });
  }


  /**
   * Reports a write the database refused (nothing of it was stored or shown). When another
   * window changed the same records first, this window reloads the corpus so it shows the
   * latest version.
   */
  async reportWriteFailure(error: unknown, action?: WriteAction, after?: string): Promise<void> {
    if (storageProblem(error) === 'concurrent-change') {
      try {
        await this.sync.reload();
      } catch {
        // The message below still tells the user; the next write checks again.
      }
    }
    const text = describeWriteFailure(error, this.t, action);
    this.notify('error', after ? `${text} ${after}` : text);
  }

  /** After the corpus changed under the view (another window, a restore): drop what is gone. */
  async reconcileView(): Promise<void> {
    const { state } = this.corpus;
    const { openDocId, focusedSpanId, palette } = this.ui.state;
    if (focusedSpanId && !state.spans.has(focusedSpanId)) this.ui.update({ focusedSpanId: null });
    if (palette && !state.spans.has(palette.claimSpanId)) this.ui.update({ palette: null });
    if (openDocId && !state.documents.has(openDocId)) {
      const first = documentsInOrder(state)[0];
      if (first) await this.openDocument(first.id);
      else this.ui.update({ openDocId: null, focusedSpanId: null });
    }
  }

  /** Shows a document. */
  async openDocument(docId: string): Promise<void> {
    if (!this.corpus.state.documents.has(docId)) return;
    // A new document starts with the caret at its beginning; the old DOM selection must not leak into it.
    this.articleElement?.ownerDocument.getSelection()?.removeAllRanges();
    this.ui.update({ openDocId: docId, focusedSpanId: null, focusedSuggestionId: null, view: 'article', caret: { anchor: 0, focus: 0, source: 'keyboard' } });
    try {
      await writeSetting(this.db, OPEN_DOCUMENT_KEY, docId);
    } catch {
      // Only the remembered position is lost (the database is full or closed); the document shows.
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


  /**
   * Shows the article view, the corpus sources view, the snapshots or the settings, and puts
   * the keyboard there: in the article's text, or on the other view's heading (so that Tab
   * goes on into the view and a screen reader says where the user is; it was left on the
   * page's body).
   */
  showView(view: UiState['view']): void {
    if (view === 'article') {
      this.navigation.focusArticle();
      return;
    }
    this.ui.update({ view });
    if (view === 'snapshots') void this.snapshots.refreshList();
    // The view is rendered with this update; focus its heading once it is there.
    const focusHeading = (): void => globalThis.document?.querySelector<HTMLElement>('[data-view-heading]')?.focus({ preventScroll: true });
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(focusHeading);
  }


  /** Changes the search query or list filters. */
  setSearch(patch: Partial<SearchState>): void {
    this.ui.update({ search: { ...this.ui.state.search, ...patch } });
  }


  /**
   * Runs an undoable command (stored, then shown); null after telling the user why not.
   * `applied` runs once the change is applied, in the same render as the change (see
   * `CorpusStore.run`).
   */
  async run(command: StoreCommand, applied?: (tx: Transaction) => void): Promise<Transaction | null> {
    try {
      const result = await this.corpus.run(command, applied);
      if (!result.ok) {
        // A refused command is about this moment; a failed write (below) stays.
        this.notifyMoment('error', this.t.text(result.error, result.phrase));
        return null;
      }
      this.ui.update({ notice: null });
      return result.tx;
    } catch (error) {
      await this.reportWriteFailure(error);
      return null;
    }
  }


  /** Undo (across documents: shows the document the change was in). */
  async undo(): Promise<void> {
    try {
      const tx = await this.corpus.undo();
      if (!tx) return this.notifyMoment('info', this.t('notice.nothingToUndo'));
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.ui.update({ focusedSpanId: null });
      this.notify('info', this.t('notice.undid', { change: this.t.text(tx.description, tx.phrase) }));
    } catch (error) {
      await this.reportWriteFailure(error, 'undo');
    }
  }


  /** Redo. */
  async redo(): Promise<void> {
    try {
      const tx = await this.corpus.redo();
      if (!tx) return this.notifyMoment('info', this.t('notice.nothingToRedo'));
      if (tx.docId && tx.docId !== this.ui.state.openDocId) await this.openDocument(tx.docId);
      this.notify('info', this.t('notice.redid', { change: this.t.text(tx.description, tx.phrase) }));
    } catch (error) {
      await this.reportWriteFailure(error, 'redo');
    }
  }
}

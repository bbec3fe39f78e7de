/**
 * Moving around by keyboard: the next, previous or next unfinished document, marking a
 * document done and going on, jumping to the search box or back to the article, the
 * keyboard overlays (command palette, cheat sheet) and the keyboard settings.
 */
import { setDocumentStatus } from '../../../shared/model/commands';
import { adjacentDocument, type AdjacentOptions } from '../../../shared/model/navigation';
import { documentsInOrder } from '../../../shared/model/state';
import { isFiltering, listOrderAround, stillSearching, type ListedSearchResults } from '../../state/document-filter';
import { listGroups } from '../../state/document-groups';
import type { KeyboardOverlay } from '../../state/ui-store';
import type { AppContext } from '../app-context';

/** Where the document list's search results come from (the app's SearchSession). */
export interface ListedResults {
  /** The results the list shows now: those found so far while a search runs. */
  getSnapshot(): ListedSearchResults;
}

/** The element id of the keyboard and mouse section of the settings view. */
export const KEYBOARD_SETTINGS_ID = 'keyboard-settings';

/** Where a step goes through, and what to say when it finds nothing. */
interface StepScope {
  options: AdjacentOptions;
  /** Whether the list leaves documents out (the notices at its ends say so). */
  filtered: boolean;
  /** Whether the search for the query typed is still running (more rows may come). */
  searching: boolean;
}

export class NavigationActions {
  /** Where keyboard focus was when an overlay opened, to go back there when it closes. */
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly app: AppContext,
    private readonly search: ListedResults,
  ) {}

  /**
   * A step's options: through the documents the list shows, in its order (filtered,
   * searched, near-duplicates together), so that next, previous and next unfinished go
   * through what the user is looking at.
   *
   * A running search is not waited for: the step goes through the rows the list shows at
   * this moment (the hits found so far, or the previous query's while typing has not
   * paused). Waiting made N and P do nothing for as long as a search of a large corpus ran,
   * and the keys after them waited too (the key queue runs one action at a time). Going
   * through the list as shown keeps the order the user sees: hits come in corpus order, so
   * the rows found so far are the final list with the documents not yet searched left out,
   * and a step never lands on a document the list does not show. Ignoring the search instead
   * would have opened documents the list hides. When the list has no further row yet, the
   * notice says that the search is still running rather than that this is the last one.
   */
  private within(options: Pick<AdjacentOptions, 'unfinished'> = {}, currentId = this.app.ui.state.openDocId): StepScope {
    const { search } = this.app.ui.state;
    const results = this.search.getSnapshot();
    const searching = stillSearching(search, results);
    const state = this.app.corpus.state;
    const documents = documentsInOrder(state);
    const order = listOrderAround(state, documents, search, results, listGroups.of(documents), currentId);
    return { options: { ...options, order }, filtered: isFiltering({ ...search, query: results.query }), searching };
  }

  /** Opens a document and puts keyboard focus in its text. */
  private async show(docId: string): Promise<void> {
    await this.app.openDocument(docId);
    this.focusArticle();
  }

  /** The next (1) or previous (-1) document in list order. */
  async nextDocument(direction: 1 | -1): Promise<void> {
    const { options, filtered, searching } = this.within();
    const next = adjacentDocument(this.app.corpus.state, this.app.ui.state.openDocId, direction, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(searching ? 'notice.noneListedYet' : direction === 1 ? (filtered ? 'notice.lastListedDocument' : 'notice.lastDocument') : filtered ? 'notice.firstListedDocument' : 'notice.firstDocument'));
    await this.show(next.id);
  }

  /** The next document that is not done, wrapping around the corpus. */
  async nextUnfinished(): Promise<void> {
    const { options, filtered, searching } = this.within({ unfinished: true });
    const next = adjacentDocument(this.app.corpus.state, this.app.ui.state.openDocId, 1, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(searching ? 'notice.noneListedYet' : filtered ? 'notice.allListedDone' : 'notice.allDone'));
    await this.show(next.id);
  }

  /** Marks the open document done (stored first) and opens the next unfinished one. */
  async markDoneAndNext(): Promise<void> {
    const docId = this.app.ui.state.openDocId;
    const doc = docId ? this.app.corpus.state.documents.get(docId) : undefined;
    if (!doc) return;
    if (doc.status !== 'done' && !(await this.app.run((state) => setDocumentStatus(state, { docId: doc.id, status: 'done' })))) return;
    const { options, filtered, searching } = this.within({ unfinished: true }, doc.id);
    const next = adjacentDocument(this.app.corpus.state, doc.id, 1, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(searching ? 'notice.noneListedYet' : filtered ? 'notice.allListedDone' : 'notice.allDone'));
    await this.show(next.id);
    this.app.notify('info', this.app.t('notice.doneNext', { title: next.title }));
  }

  /** Puts keyboard focus in the document search box (selecting what is typed there). */
  focusSearch(): void {
    const input = globalThis.document?.querySelector<HTMLInputElement>('[role="search"] input[type="search"]');
    input?.focus();
    input?.select();
  }

  /**
   * Puts keyboard focus in the article text (the caret keys work from anywhere, but Tab and
   * Enter need it). Coming from another view, the article is shown first and focused once
   * it is rendered.
   */
  focusArticle(): void {
    if (this.app.ui.state.view !== 'article') this.app.ui.update({ view: 'article' });
    const focus = (): void => this.app.article?.focus({ preventScroll: true });
    focus();
    if (!this.app.article?.isConnected || globalThis.document?.activeElement !== this.app.article) requestAnimationFrame(focus);
  }

  /** Opens an overlay (or closes it when it is already open). */
  toggleOverlay(overlay: KeyboardOverlay): void {
    if (this.app.ui.state.overlay === overlay) return this.closeOverlay();
    const active = globalThis.document?.activeElement;
    if (!this.app.ui.state.overlay) this.returnFocus = active instanceof HTMLElement && active !== globalThis.document.body ? active : this.app.article;
    this.app.ui.update({ overlay });
  }

  /** Shows the settings view at its keyboard and mouse section, shortcuts unfolded (from the cheat sheet). */
  showKeyboardSettings(): void {
    this.app.ui.update({ overlay: null });
    this.returnFocus = null;
    this.app.ui.update({ view: 'settings', shortcutsExpanded: true });
    // The section is rendered with the view; focus it once it is there.
    requestAnimationFrame(() => globalThis.document?.getElementById(KEYBOARD_SETTINGS_ID)?.focus());
  }

  /** Closes the open overlay and gives keyboard focus back to where it was. */
  closeOverlay(): void {
    if (!this.app.ui.state.overlay) return;
    this.app.ui.update({ overlay: null });
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.app.article;
    this.returnFocus = null;
    target?.focus({ preventScroll: true });
  }
}

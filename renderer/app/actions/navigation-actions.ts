/**
 * Moving around by keyboard: the next, previous or next unfinished document, marking a
 * document done and going on, jumping to the search box or back to the article, the
 * keyboard overlays (command palette, cheat sheet) and the keyboard settings.
 */
import { setDocumentStatus } from '../../../shared/model/commands';
import { adjacentDocument, type AdjacentOptions } from '../../../shared/model/navigation';
import { documentsInOrder } from '../../../shared/model/state';
import { isFiltering, listOrderAround, type ListedSearchResults } from '../../state/document-filter';
import { listGroups } from '../../state/document-groups';
import type { KeyboardOverlay } from '../../state/ui-store';
import type { AppContext } from '../app-context';

/** Where the document list's search results come from (the app's SearchSession). */
export interface ListedResults {
  searched(): Promise<ListedSearchResults>;
}

/** The search results of a list that is not searched (they are not read). */
const NOT_SEARCHED: ListedSearchResults = { query: '', tehMarbuta: false, hits: [], done: true };

/** The element id of the keyboard and mouse section of the settings view. */
export const KEYBOARD_SETTINGS_ID = 'keyboard-settings';

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
   * through what the user is looking at. A query just typed is searched first. `filtered`:
   * whether the list leaves documents out (the notices at its ends say so).
   */
  private async within(options: Pick<AdjacentOptions, 'unfinished'> = {}, currentId = this.app.ui.state.openDocId): Promise<{ options: AdjacentOptions; filtered: boolean }> {
    const filtered = isFiltering(this.app.ui.state.search);
    const results = filtered ? await this.search.searched() : NOT_SEARCHED;
    const state = this.app.corpus.state;
    const documents = documentsInOrder(state);
    const order = listOrderAround(state, documents, this.app.ui.state.search, results, listGroups.of(documents), currentId);
    return { options: order === 'searching' ? options : { ...options, order }, filtered: filtered && order !== 'searching' };
  }

  /** Opens a document and puts keyboard focus in its text. */
  private async show(docId: string): Promise<void> {
    await this.app.openDocument(docId);
    this.focusArticle();
  }

  /** The next (1) or previous (-1) document in list order. */
  async nextDocument(direction: 1 | -1): Promise<void> {
    const { options, filtered } = await this.within();
    const next = adjacentDocument(this.app.corpus.state, this.app.ui.state.openDocId, direction, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(direction === 1 ? (filtered ? 'notice.lastListedDocument' : 'notice.lastDocument') : filtered ? 'notice.firstListedDocument' : 'notice.firstDocument'));
    await this.show(next.id);
  }

  /** The next document that is not done, wrapping around the corpus. */
  async nextUnfinished(): Promise<void> {
    const { options, filtered } = await this.within({ unfinished: true });
    const next = adjacentDocument(this.app.corpus.state, this.app.ui.state.openDocId, 1, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(filtered ? 'notice.allListedDone' : 'notice.allDone'));
    await this.show(next.id);
  }

  /** Marks the open document done (stored first) and opens the next unfinished one. */
  async markDoneAndNext(): Promise<void> {
    const docId = this.app.ui.state.openDocId;
    const doc = docId ? this.app.corpus.state.documents.get(docId) : undefined;
    if (!doc) return;
    if (doc.status !== 'done' && !(await this.app.run((state) => setDocumentStatus(state, { docId: doc.id, status: 'done' })))) return;
    const { options, filtered } = await this.within({ unfinished: true }, doc.id);
    const next = adjacentDocument(this.app.corpus.state, doc.id, 1, options);
    if (!next) return this.app.notifyMoment('info', this.app.t(filtered ? 'notice.allListedDone' : 'notice.allDone'));
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

/** Suggested spans in the open document: show, move between, accept and reject them. */
import { addSpans, rejectedSuggestionsOf, rejectSuggestion, restoreRejectedSuggestions } from '../../../shared/model/commands';
import type { Suggestion } from '../../../shared/attribution/suggest';
import { visibleSuggestions } from '../../state/suggestions';
import type { AppContext } from '../app-context';
import { phrase } from '../../../shared/phrases/phrase';

export class SuggestionActions {
  constructor(private readonly app: AppContext) {}

  /** G: shows or hides suggestions in the open document. */
  toggle(): void {
    this.app.ui.update({ suggestionsOn: !this.app.ui.state.suggestionsOn, focusedSuggestionId: null });
  }

  /** The suggestions currently visible in the open document. */
  current(): Suggestion[] {
    const { ui, corpus } = this.app;
    const docId = ui.state.openDocId;
    if (!docId || !ui.state.suggestionsOn) return [];
    return visibleSuggestions(corpus.state, docId).suggestions;
  }

  /** . and , : the next or previous suggestion. Returns false when there is none. */
  focusNext(direction: 1 | -1): boolean {
    const list = this.current();
    if (!list.length) return false;
    const index = list.findIndex((s) => s.id === this.app.ui.state.focusedSuggestionId);
    const next = index < 0 ? (direction === 1 ? 0 : list.length - 1) : (index + direction + list.length) % list.length;
    this.app.ui.update({ focusedSuggestionId: list[next]!.id });
    return true;
  }

  /**
   * Accepts suggestions (the focused one by default): they become spans, in one undoable step,
   * and the status line says what was accepted.
   */
  async accept(ids?: readonly string[]): Promise<void> {
    const { ui } = this.app;
    const docId = ui.state.openDocId;
    const list = this.current();
    // (A set: accepting all 6,000 suggestions of a long article looked each one up in the list of ids, a third of a second.)
    const wanted = new Set(ids ?? (ui.state.focusedSuggestionId ? [ui.state.focusedSuggestionId] : []));
    const chosen = list.filter((s) => wanted.has(s.id));
    if (!docId || !chosen.length) return;
    const next = list[list.indexOf(chosen.at(-1)!) + 1];
    const description = chosen.length === 1 ? phrase('change.acceptSuggestion', { label: chosen[0]!.label }) : phrase('change.acceptSuggestions', { count: chosen.length });
    const tx = await this.app.run((state, ctx) => addSpans(state, { docId, spans: chosen.map((s) => ({ start: s.start, end: s.end, label: s.label })), description }, ctx));
    if (!tx) return;
    ui.update({ focusedSuggestionId: next && !wanted.has(next.id) ? next.id : null });
    // Confirmed in the status line (a polite live region), as undo and redo are.
    const { t } = this.app;
    this.app.notify('info', chosen.length === 1 ? t('notice.suggestionAccepted', { label: chosen[0]!.label, text: chosen[0]!.text }) : t('notice.suggestionsAccepted', { count: chosen.length }));
  }

  /** Accepts every visible suggestion of the open document. */
  async acceptAll(): Promise<void> {
    await this.accept(this.current().map((s) => s.id));
  }

  /**
   * Rejects a suggestion (the focused one by default): it is not proposed again in this
   * document. An undoable change of the corpus, stored before it is shown.
   */
  async reject(id = this.app.ui.state.focusedSuggestionId): Promise<void> {
    const { ui } = this.app;
    const docId = ui.state.openDocId;
    const list = this.current();
    const index = list.findIndex((s) => s.id === id);
    const suggestion = list[index];
    if (!docId || !suggestion) return;
    const next = list[index + 1];
    await this.app.run((state) => rejectSuggestion(state, { docId, suggestion }), () => ui.update({ focusedSuggestionId: next?.id ?? null }));
  }

  /** Brings back every suggestion rejected in the open document (one undoable change): they are proposed again. */
  async restoreRejected(): Promise<void> {
    const docId = this.app.ui.state.openDocId;
    if (!docId || !rejectedSuggestionsOf(this.app.corpus.state, docId).length) return;
    await this.app.run((state) => restoreRejectedSuggestions(state, { docId }));
  }
}

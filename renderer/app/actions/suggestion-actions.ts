/** Suggested spans in the open document: show, move between, accept and reject them. */
import { addSpans } from '../../../shared/model/commands';
import type { Suggestion } from '../../../shared/attribution/suggest';
import { writeSetting } from '../../db/db';
import type { WriteAction } from '../../db/storage-errors';
import type { UiState } from '../../state/ui-store';
import { visibleSuggestions } from '../../state/suggestions';
import type { AppContext } from '../app-context';
import { phrase } from '../../../shared/phrases/phrase';

/** The setting that remembers the suggestions rejected in document `docId`. */
export function rejectedSuggestionsSetting(docId: string): string {
  return `rejectedSuggestions:${docId}`;
}

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
    return visibleSuggestions(corpus.state, docId, ui.state.rejectedSuggestions[docId] ?? []).suggestions;
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

  /** Accepts suggestions (the focused one by default): they become spans, in one undoable step. */
  async accept(ids?: readonly string[]): Promise<void> {
    const { ui } = this.app;
    const docId = ui.state.openDocId;
    const list = this.current();
    const chosen = ids ? list.filter((s) => ids.includes(s.id)) : list.filter((s) => s.id === ui.state.focusedSuggestionId);
    if (!docId || !chosen.length) return;
    const next = list[list.findIndex((s) => s.id === chosen.at(-1)!.id) + 1];
    const description = chosen.length === 1 ? phrase('change.acceptSuggestion', { label: chosen[0]!.label }) : phrase('change.acceptSuggestions', { count: chosen.length });
    const tx = await this.app.run((state, ctx) => addSpans(state, { docId, spans: chosen.map((s) => ({ start: s.start, end: s.end, label: s.label })), description }, ctx));
    if (tx) ui.update({ focusedSuggestionId: next && !chosen.includes(next) ? next.id : null });
  }

  /** Accepts every visible suggestion of the open document. */
  async acceptAll(): Promise<void> {
    await this.accept(this.current().map((s) => s.id));
  }

  /** Rejects a suggestion (the focused one by default); it is not proposed again in this document. */
  async reject(id = this.app.ui.state.focusedSuggestionId): Promise<void> {
    const { ui } = this.app;
    const docId = ui.state.openDocId;
    if (!docId || !id) return;
    const list = this.current();
    const next = list[list.findIndex((s) => s.id === id) + 1];
    await this.storeRejected(docId, [...(ui.state.rejectedSuggestions[docId] ?? []), id], 'rejectSuggestion', { focusedSuggestionId: next?.id ?? null });
  }

  /** Brings back every suggestion rejected in the open document: they are proposed again. */
  async restoreRejected(): Promise<void> {
    const { ui } = this.app;
    const docId = ui.state.openDocId;
    if (!docId || !ui.state.rejectedSuggestions[docId]?.length) return;
    await this.storeRejected(docId, [], 'restoreSuggestions');
  }

  /**
   * Stores the suggestions rejected in document `docId`, then shows them (with the other view
   * changes `also`): stored before shown, like every other action. A failed write is reported
   * as `what` and changes nothing.
   */
  private async storeRejected(docId: string, rejected: string[], what: WriteAction, also: Partial<UiState> = {}): Promise<void> {
    try {
      await writeSetting(this.app.db, rejectedSuggestionsSetting(docId), rejected);
    } catch (error) {
      await this.app.reportWriteFailure(error, what);
      return;
    }
    this.app.ui.update({ rejectedSuggestions: { ...this.app.ui.state.rejectedSuggestions, [docId]: rejected }, ...also });
  }
}

/**
 * Keeps the open article's marks (its spans, the focused span and, when shown, the
 * suggestions) in step with the stores, by subscribing to them directly — not through
 * React. An edit then repaints the changed highlights and renders no component: with
 * `useCorpusState` the whole article view rendered again on every keystroke, although its
 * text and paragraphs never change (see ARCHITECTURE.md, "Rendering the article").
 */
import { sortedSpansOf } from '../../shared/model/span-index';
import type { CorpusState } from '../../shared/model/state';
import type { LabelSchema } from '../../shared/model/schema';
import type { SpanRecord } from '../../shared/model/types';
import type { Suggestion } from '../../shared/attribution/suggest';
import type { UiState } from '../state/ui-store';
import { visibleSuggestions } from '../state/suggestions';

/** What the marks are read from: the corpus and view stores (the app's, or a test's). */
export interface MarkSources {
  corpus: { readonly state: CorpusState; subscribe(listener: () => void): () => void };
  ui: { readonly state: UiState; subscribe(listener: () => void): () => void };
}

/** Where the marks are painted: the article's `SpanHighlights`, and its suggestions' painter. */
export interface MarkPainters {
  /** Paints the spans in reading order and the focused span; cheap when nothing changed. */
  spans: { update(spans: readonly SpanRecord[], schema: LabelSchema, focusedSpanId: string | null): void };
  /** Replaces the painted suggestions (none: clears them). */
  suggestions(suggestions: readonly Suggestion[], focusedId: string | null): void;
}

/**
 * Paints document `docId`'s marks now and after every change of the stores, until the
 * returned function is called (which clears the suggestions it painted). Suggestions are
 * painted again only when what they depend on changed: the corpus while they are shown (a
 * marked suggestion is no longer offered, a rejected one is hidden), the focused one.
 */
export function followDocumentMarks(stores: MarkSources, docId: string, painters: MarkPainters): () => void {
  let shown: { state: CorpusState | null; focused: string | null } = { state: null, focused: null };
  const paint = (): void => {
    const state = stores.corpus.state;
    const ui = stores.ui.state;
    painters.spans.update(sortedSpansOf(state.spans, docId), state.corpus.schema, ui.focusedSpanId);
    // A rejection changes the document's record, and so the state.
    const next = { state: ui.suggestionsOn ? state : null, focused: ui.focusedSuggestionId };
    const before = shown;
    if (next.state === before.state && next.focused === before.focused) return;
    shown = next;
    if (!next.state && !before.state) return;
    painters.suggestions(next.state ? visibleSuggestions(next.state, docId).suggestions : [], next.focused);
  };
  paint();
  const stopCorpus = stores.corpus.subscribe(paint);
  const stopUi = stores.ui.subscribe(paint);
  return () => {
    stopCorpus();
    stopUi();
    if (shown.state) painters.suggestions([], null);
  };
}

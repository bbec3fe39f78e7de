/**
 * The suggestions shown for the open document: registry aliases and cue words found in the
 * text, minus those the user rejected and those already marked. Memoised on the document
 * text and the registry, so keys and views share one computation; the lists are kept from
 * one change to the next when they did not change.
 */
import { suggestAnnotations, type AttributionCandidate, type Suggestion } from '../../shared/attribution/suggest';
import type { CorpusState } from '../../shared/model/state';
import { sortedSpansOf } from '../../shared/model/span-index';
import type { DocumentRecord } from '../../shared/model/types';
import { rejectedSuggestionsOf } from '../../shared/model/commands';

/** What the suggestions view shows. */
export interface VisibleSuggestions {
  suggestions: Suggestion[];
  candidates: AttributionCandidate[];
  /** How many suggestions the user rejected that would otherwise be shown (not marked since). */
  rejected: number;
}

let cache: { text: string; sources: CorpusState['sources']; result: ReturnType<typeof suggestAnnotations> } | null = null;

/** The last answer and what it was computed from (the keys, the views and the painter ask for the same state in turn). */
let last: { doc: DocumentRecord; spans: CorpusState['spans']; result: ReturnType<typeof suggestAnnotations>; visible: VisibleSuggestions } | null = null;

/** `next`, or `previous` when it holds the same elements in the same order (so that what follows the list sees no change). */
function sameOr<T>(next: T[], previous: T[] | undefined): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i += 1) if (next[i] !== previous[i]) return next;
  return previous;
}

/**
 * Suggestions for a document that are neither rejected (as its record keeps them) nor already
 * spans. Asked again for the same document record, spans and registry, it gives the same
 * object; after a change that leaves a list as it was (an edit of a span no suggestion
 * matches: most edits), that list is the same array as before, so the panel and the painter
 * can tell that nothing changed.
 */
export function visibleSuggestions(state: CorpusState, docId: string): VisibleSuggestions {
  const doc = state.documents.get(docId);
  if (!doc) return { suggestions: [], candidates: [], rejected: 0 };
  if (!cache || cache.text !== doc.text || cache.sources !== state.sources) {
    cache = { text: doc.text, sources: state.sources, result: suggestAnnotations(doc.text, [...state.sources.values()]) };
  }
  const { result } = cache;
  if (last && last.doc === doc && last.spans === state.spans && last.result === result) return last.visible;
  const marked = new Set<string>();
  for (const span of sortedSpansOf(state.spans, docId)) marked.add(`${span.label}:${span.start}:${span.end}`);
  const hidden = new Set(rejectedSuggestionsOf(state, docId));
  const unmarked = (s: Suggestion): boolean => !marked.has(`${s.label}:${s.start}:${s.end}`);
  const open = (s: Suggestion): boolean => !hidden.has(s.id) && unmarked(s);
  const before = last && last.doc.id === docId && last.result === result ? last.visible : undefined;
  const visible: VisibleSuggestions = {
    suggestions: sameOr(result.suggestions.filter(open), before?.suggestions),
    candidates: sameOr(
      result.candidates.filter((c) => open(c.cue) || (c.source !== undefined && open(c.source))),
      before?.candidates,
    ),
    rejected: hidden.size === 0 ? 0 : result.suggestions.filter((s) => hidden.has(s.id) && unmarked(s)).length,
  };
  last = { doc, spans: state.spans, result, visible };
  return visible;
}

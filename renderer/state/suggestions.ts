/**
 * The suggestions shown for the open document: registry aliases and cue words found in the
 * text, minus those the user rejected and those already marked. Memoised on the document
 * text and the registry, so keys and views share one computation.
 */
import { suggestAnnotations, type AttributionCandidate, type Suggestion } from '../../shared/attribution/suggest';
import type { CorpusState } from '../../shared/model/state';
import { spansOfDocument } from '../../shared/model/state';
import { rejectedSuggestionsOf } from '../../shared/model/commands';

/** What the suggestions view shows. */
export interface VisibleSuggestions {
  suggestions: Suggestion[];
  candidates: AttributionCandidate[];
  /** How many suggestions the user rejected that would otherwise be shown (not marked since). */
  rejected: number;
}

let cache: { text: string; sources: CorpusState['sources']; result: ReturnType<typeof suggestAnnotations> } | null = null;

/** Suggestions for a document that are neither rejected (as its record keeps them) nor already spans. */
export function visibleSuggestions(state: CorpusState, docId: string): VisibleSuggestions {
  const doc = state.documents.get(docId);
  if (!doc) return { suggestions: [], candidates: [], rejected: 0 };
  if (!cache || cache.text !== doc.text || cache.sources !== state.sources) {
    cache = { text: doc.text, sources: state.sources, result: suggestAnnotations(doc.text, [...state.sources.values()]) };
  }
  const marked = new Set(spansOfDocument(state, docId).map((s) => `${s.label}:${s.start}:${s.end}`));
  const hidden = new Set(rejectedSuggestionsOf(state, docId));
  const unmarked = (s: Suggestion): boolean => !marked.has(`${s.label}:${s.start}:${s.end}`);
  const open = (s: Suggestion): boolean => !hidden.has(s.id) && unmarked(s);
  return {
    suggestions: cache.result.suggestions.filter(open),
    candidates: cache.result.candidates.filter((c) => open(c.cue) || (c.source !== undefined && open(c.source))),
    rejected: hidden.size === 0 ? 0 : cache.result.suggestions.filter((s) => hidden.has(s.id) && unmarked(s)).length,
  };
}

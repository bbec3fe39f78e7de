/**
 * Which documents the document list shows: its filters (status, outlet, a label present) and
 * its search (Arabic-insensitive, see shared/search). One definition for the list itself and
 * for exporting "the documents the list shows".
 */
import type { CorpusState } from '../../shared/model/state';
import type { DocumentRecord } from '../../shared/model/types';
import { searchDocuments, type CorpusSearchHit, type SearchIndex } from '../../shared/search/search';
import type { SearchState } from './ui-store';

/** The labels present in each document, by document id. */
export function labelsByDocument(state: Pick<CorpusState, 'spans'>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const span of state.spans.values()) {
    const set = map.get(span.docId) ?? new Set<string>();
    set.add(span.label);
    map.set(span.docId, set);
  }
  return map;
}

/** The outlets the documents name (their `meta.outlet`), each once, sorted: the choices of the outlet filters. */
export function outletsOf(documents: readonly DocumentRecord[]): string[] {
  return [...new Set(documents.map((d) => d.meta.outlet).filter((o): o is string => !!o))].sort();
}

/** The documents (in the given order) that pass the list's filters: status, outlet, label present. */
export function passingFilters(documents: readonly DocumentRecord[], search: SearchState, labels: ReadonlyMap<string, ReadonlySet<string>>): DocumentRecord[] {
  return documents.filter(
    (d) =>
      (search.status === 'all' || d.status === search.status) &&
      (!search.outlet || d.meta.outlet === search.outlet) &&
      (!search.label || labels.get(d.id)?.has(search.label) === true),
  );
}

/** Whether the list is narrowed at all (a search or a filter). */
export function isFiltering(search: SearchState): boolean {
  return !!(search.query.trim() || search.status !== 'all' || search.outlet || search.label);
}

/** The search hits among the filtered documents, best first; null without a query. */
export function searchHits(filtered: readonly DocumentRecord[], search: SearchState, index?: SearchIndex): CorpusSearchHit[] | null {
  if (!search.query.trim()) return null;
  return searchDocuments(filtered, search.query, { tehMarbuta: search.tehMarbuta, ...(index ? { index } : {}) });
}

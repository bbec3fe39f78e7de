/**
 * Which documents the document list shows: its filters (status, outlet, a label present, a
 * source attributed) and
 * its search (Arabic-insensitive, see shared/search). One definition for the list itself and
 * for exporting "the documents the list shows".
 */
import type { CorpusState } from '../../shared/model/state';
import type { DocumentRecord } from '../../shared/model/types';
import type { SearchSnapshot } from './search-session';
import type { SearchState } from './ui-store';
import type { DocumentGroup } from './document-groups';

/** For each document (by id), the set of `value` over its records. */
function setsByDocument<R extends { docId: string }>(records: Iterable<R>, value: (record: R) => string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const record of records) {
    const set = map.get(record.docId) ?? new Set<string>();
    set.add(value(record));
    map.set(record.docId, set);
  }
  return map;
}

/** The labels present in each document, by document id. */
export function labelsByDocument(state: Pick<CorpusState, 'spans'>): Map<string, Set<string>> {
  return setsByDocument(state.spans.values(), (span) => span.label);
}

/**
 * The sources each document attributes claims to, by document id: every attribution's
 * source, so a chain ("Novosti quoted a source in the ministry") counts each of its links.
 */
export function sourcesByDocument(state: Pick<CorpusState, 'attributions'>): Map<string, Set<string>> {
  return setsByDocument(state.attributions.values(), (attribution) => attribution.sourceId);
}

/** The sources attributed anywhere in the corpus (ids, each once): the choices of the source filter. */
export function attributedSources(sources: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const all = new Set<string>();
  for (const set of sources.values()) for (const id of set) all.add(id);
  return all;
}

/** The outlets the documents name (their `meta.outlet`), each once, sorted: the choices of the outlet filters. */
export function outletsOf(documents: readonly DocumentRecord[]): string[] {
  return [...new Set(documents.map((d) => d.meta.outlet).filter((o): o is string => !!o))].sort();
}

/**
 * The documents (in the given order) that pass the list's filters: status, outlet, label
 * present, source attributed (`labels` and `sources` as {@link labelsByDocument} and
 * {@link sourcesByDocument} give them; each is read only while its filter is set).
 */
export function passingFilters(
  documents: readonly DocumentRecord[],
  search: SearchState,
  labels: ReadonlyMap<string, ReadonlySet<string>>,
  sources: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): DocumentRecord[] {
  return documents.filter(
    (d) =>
      (search.status === 'all' || d.status === search.status) &&
      (!search.outlet || d.meta.outlet === search.outlet) &&
      (!search.label || labels.get(d.id)?.has(search.label) === true) &&
      (!search.source || sources.get(d.id)?.has(search.source) === true),
  );
}

/** Whether the list is narrowed at all (a search or a filter). */
export function isFiltering(search: SearchState): boolean {
  return !!(search.query.trim() || search.status !== 'all' || search.outlet || search.label || search.source);
}

/** What {@link listedDocumentIds} reads of the search session's results. */
export type ListedSearchResults = Pick<SearchSnapshot, 'query' | 'tehMarbuta' | 'hits' | 'done'>;

/**
 * Whether the search session's `results` are not yet final for the query of `search`: typing
 * has not paused, or the session is still searching. False without a query.
 */
export function stillSearching(search: SearchState, results: ListedSearchResults): boolean {
  return !!search.query.trim() && (results.query !== search.query || results.tehMarbuta !== search.tehMarbuta || !results.done);
}

/**
 * The ids of the `filtered` documents (see {@link passingFilters}) the list shows at this
 * moment, in its order: with the query of `results` (the list shows results for the query
 * they were found for), those with a match found so far. Hits come in corpus order, so while
 * a search runs this is the final list with the documents not searched yet left out.
 */
export function shownDocumentIds(filtered: readonly DocumentRecord[], results: ListedSearchResults): string[] {
  if (!results.query.trim()) return filtered.map((d) => d.id);
  const passing = new Set(filtered.map((d) => d.id));
  return results.hits.map((hit) => hit.docId).filter((id) => passing.has(id));
}

/**
 * The ids of the documents the list shows, in its order: the `filtered` ones (see
 * {@link passingFilters}) or, with a query, those of them with a match in the search
 * session's `results`. While the session has not finished searching for the current query
 * (it runs a slice at a time, after typing pauses), the answer is not known yet: 'searching'.
 * The list and "export the documents the list shows" read the same results, so the export
 * holds exactly what the list shows, and opening the export dialog never searches the
 * corpus again on the interface thread.
 */
export function listedDocumentIds(filtered: readonly DocumentRecord[], search: SearchState, results: ListedSearchResults): string[] | 'searching' {
  if (!search.query.trim()) return filtered.map((d) => d.id);
  if (stillSearching(search, results)) return 'searching';
  return shownDocumentIds(filtered, results);
}

/** The documents (in the given order) that pass the filters of `search`, reading labels and sources from `state` only when their filter is set. */
function filteredDocuments(state: Pick<CorpusState, 'spans' | 'attributions'>, documents: readonly DocumentRecord[], search: SearchState): DocumentRecord[] {
  const labels = search.label ? labelsByDocument(state) : new Map<string, Set<string>>();
  const sources = search.source ? sourcesByDocument(state) : new Map<string, Set<string>>();
  return passingFilters(documents, search, labels, sources);
}

/**
 * {@link listedDocumentIds} for `documents` (the corpus in list order) with the filters of
 * `search`: what the export dialog exports.
 */
export function documentsTheListShows(
  state: Pick<CorpusState, 'spans' | 'attributions'>,
  documents: readonly DocumentRecord[],
  search: SearchState,
  results: ListedSearchResults,
): string[] | 'searching' {
  return listedDocumentIds(filteredDocuments(state, documents, search), search, results);
}

/**
 * `documents` (in corpus order) in the order the list shows them while it is not searched:
 * the members of a near-duplicate group together, under the first of them that is listed.
 * (Search results are listed in corpus order.)
 */
export function groupedListOrder(documents: readonly DocumentRecord[], groups: ReadonlyMap<string, Pick<DocumentGroup, 'members'>>): DocumentRecord[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const placed = new Set<string>();
  const result: DocumentRecord[] = [];
  for (const doc of documents) {
    if (placed.has(doc.id)) continue;
    for (const id of groups.get(doc.id)?.members ?? [doc.id]) {
      const member = byId.get(id);
      if (!member || placed.has(id)) continue;
      placed.add(id);
      result.push(member);
    }
  }
  return result;
}

/**
 * What next and previous document step through: the documents the list shows at this
 * moment, in its order (near-duplicates together unless it is searched), with `currentId`
 * where the list would show it when its filters or search leave it out (say, a document just
 * marked done under a "to do" filter). While a search runs, that is what it has found so far
 * ({@link shownDocumentIds}): the rows the user sees, never a document they do not.
 */
export function listOrderAround(
  state: Pick<CorpusState, 'spans' | 'attributions'>,
  documents: readonly DocumentRecord[],
  search: SearchState,
  results: ListedSearchResults,
  groups: ReadonlyMap<string, Pick<DocumentGroup, 'members'>>,
  currentId: string | null,
): DocumentRecord[] {
  const shown = new Set(shownDocumentIds(filteredDocuments(state, documents, search), results));
  const around = documents.filter((d) => shown.has(d.id) || d.id === currentId);
  return results.query.trim() ? around : groupedListOrder(around, groups);
}

import { describe, expect, it } from 'vitest';
import { buildDatasetExport, type DatasetExportRequest } from '../../../renderer/app/dataset-export';
import { labelsByDocument, listedDocumentIds, passingFilters } from '../../../renderer/state/document-filter';
import { SearchSession, type SearchSnapshot } from '../../../renderer/state/search-session';
import { EMPTY_SEARCH, type SearchState } from '../../../renderer/state/ui-store';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState, documentsInOrder, type CorpusState } from '../../../shared/model/state';
import { testContext } from '../helpers/tagged';

/** The sample corpus with an outlet on each document and the second one done. */
function corpus(): CorpusState {
  const records = buildSampleCorpus(testContext());
  const outlets = ['قاسيون', 'نوفوستي', 'قاسيون'];
  const documents = [...records.documents].sort((a, b) => a.order - b.order).map((d, i) => ({ ...d, status: i === 1 ? ('done' as const) : d.status, meta: { ...d.meta, outlet: outlets[i]! } }));
  return createCorpusState(records.corpus, documents, records.spans, records.sources, records.attributions);
}

/** What the app's search session finds for `search` once it has searched every document (its slices run at once here). */
function searchedResults(state: CorpusState, search: SearchState): SearchSnapshot {
  const tasks: Array<() => void> = [];
  const clock = { now: () => 0, setTimeout: (run: () => void) => tasks.push(run), clearTimeout: () => undefined };
  const session = new SearchSession({ ui: { state: { search, openDocId: null }, subscribe: () => () => undefined }, corpus: { state, subscribe: () => () => undefined } }, clock);
  while (tasks.length) tasks.shift()!();
  const results = session.getSnapshot();
  session.dispose();
  return results;
}

const REQUEST: DatasetExportRequest = { format: 'jsonl', offsetUnit: 'codepoint', labels: [], statuses: [], attributions: true, split: null };

/** The titles of the documents in a JSON Lines export. */
function exportedTitles(state: CorpusState, request: DatasetExportRequest): string[] {
  const result = buildDatasetExport(state, request, '2026-11-29T12:00:00.000Z');
  if (!result.ok) throw new Error(result.problems.join(' '));
  return String(result.contents)
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { title: string }).title);
}

describe('which documents a dataset export takes', () => {
  it('all of them, or those of the ticked statuses and outlets', () => {
    const state = corpus();
    const titles = documentsInOrder(state).map((d) => d.title);
    expect(exportedTitles(state, REQUEST)).toEqual(titles);
    expect(exportedTitles(state, { ...REQUEST, outlets: ['قاسيون'] })).toEqual([titles[0], titles[2]]);
    expect(buildDatasetExport(state, { ...REQUEST, outlets: ['قاسيون'], statuses: ['done'] })).toMatchObject({ ok: false });
    expect(exportedTitles(state, { ...REQUEST, outlets: ['نوفوستي'], statuses: ['done'] })).toEqual([titles[1]]);
  });

  it('only the documents the list shows for a search, found insensitive to harakat and hamza forms', () => {
    const state = corpus();
    const documents = documentsInOrder(state);
    const target = documents[1]!;
    const word = target.title.split(' ').find((w) => w.length > 4)!;
    // The query written without hamza on alef and with a stray fatha still finds the document.
    const query = word.replace(/[أإآ]/g, 'ا') + '\u064e';
    const search = { ...EMPTY_SEARCH, query };
    const listed = listedDocumentIds(passingFilters(documents, search, labelsByDocument(state)), search, searchedResults(state, search));
    if (listed === 'searching') throw new Error('the search did not finish');
    expect(listed).toContain(target.id);
    expect(exportedTitles(state, { ...REQUEST, documentIds: listed })).toEqual(documents.filter((d) => listed.includes(d.id)).map((d) => d.title));
    expect(exportedTitles(state, { ...REQUEST, documentIds: listed }).length).toBeLessThan(documents.length);
  });

  it("the list's documents are those of its filters that the search session found; unknown until it has searched them all", () => {
    const state = corpus();
    const documents = documentsInOrder(state);
    const word = documents[1]!.title.split(' ').find((w) => w.length > 4)!;
    const search = { ...EMPTY_SEARCH, query: word };
    const filtered = passingFilters(documents, search, labelsByDocument(state));
    const results = searchedResults(state, search);
    expect(results.done).toBe(true);
    expect(listedDocumentIds(filtered, search, results)).toEqual(results.hits.map((h) => h.docId));
    // Still searching, or results of another query (typing has not paused yet): not known.
    expect(listedDocumentIds(filtered, search, { ...results, done: false })).toBe('searching');
    expect(listedDocumentIds(filtered, { ...search, query: `${word} ا` }, results)).toBe('searching');
    expect(listedDocumentIds(filtered, { ...search, tehMarbuta: true }, results)).toBe('searching');
    // A filter narrows the hits; without a query the filters alone decide.
    const done = { ...search, status: 'done' as const };
    expect(listedDocumentIds(passingFilters(documents, done, labelsByDocument(state)), done, results)).toEqual([documents[1]!.id]);
    expect(listedDocumentIds(passingFilters(documents, done, labelsByDocument(state)), done, results)).toEqual(results.hits.map((h) => h.docId).filter((id) => state.documents.get(id)!.status === 'done'));
    const noQuery = { ...EMPTY_SEARCH, status: 'done' as const };
    expect(listedDocumentIds(passingFilters(documents, noQuery, labelsByDocument(state)), noQuery, { query: '', tehMarbuta: false, hits: [], done: true })).toEqual([documents[1]!.id]);
  });
});

import { describe, expect, it } from 'vitest';
import { attributedSources, groupedListOrder, isFiltering, labelsByDocument, listOrderAround, passingFilters, sourcesByDocument } from '../../../renderer/state/document-filter';
import { EMPTY_SEARCH } from '../../../renderer/state/ui-store';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState, documentsInOrder, type CorpusState } from '../../../shared/model/state';
import type { AttributionRecord } from '../../../shared/model/types';
import { testContext } from '../helpers/tagged';

/** The sample corpus, with a chain in its first document (the one with spans): a claim told by a ministry source via RIA Novosti. */
function corpus(): CorpusState {
  const records = buildSampleCorpus(testContext());
  const documents = [...records.documents].sort((a, b) => a.order - b.order);
  const annotated = documents[0]!;
  const claim = records.spans.find((s) => s.docId === annotated.id)!;
  const source = (nameLatin: string, nameAr: string) => records.sources.find((s) => s.nameLatin === nameLatin || s.nameAr === nameAr);
  const novosti = source('RIA Novosti', 'وكالة نوفوستي')!;
  const ministry = { ...novosti, id: 'src-ministry', nameLatin: '', nameAr: 'مصدر في الخارجية', aliasesAr: [], aliasesLatin: [] };
  const link = (id: string, sourceId: string, viaId?: string): AttributionRecord => ({
    id,
    corpusId: records.corpus.id,
    docId: annotated.id,
    claimSpanId: claim.id,
    sourceId,
    ...(viaId ? { viaId } : {}),
    annotator: 'test',
    createdAt: '2026-11-30T10:00:00.000Z',
  });
  const attributions = [...records.attributions.filter((a) => a.docId !== annotated.id), link('att-novosti', novosti.id), link('att-ministry', ministry.id, 'att-novosti')];
  return createCorpusState(records.corpus, documents, records.spans, [...records.sources, ministry], attributions);
}

describe('the document list filtered by a source attributed', () => {
  it('lists the documents citing the source, through every link of a chain', () => {
    const state = corpus();
    const documents = documentsInOrder(state);
    const sources = sourcesByDocument(state);
    const annotated = documents[0]!;
    expect(sources.get(annotated.id)).toEqual(new Set([...state.sources.values()].filter((s) => s.nameLatin === 'RIA Novosti' || s.id === 'src-ministry').map((s) => s.id)));
    for (const sourceId of ['src-ministry', [...state.sources.values()].find((s) => s.nameLatin === 'RIA Novosti')!.id]) {
      const search = { ...EMPTY_SEARCH, source: sourceId };
      expect(isFiltering(search)).toBe(true);
      expect(passingFilters(documents, search, labelsByDocument(state), sources).map((d) => d.id)).toContain(annotated.id);
    }
    const ministryOnly = passingFilters(documents, { ...EMPTY_SEARCH, source: 'src-ministry' }, labelsByDocument(state), sources);
    expect(ministryOnly.map((d) => d.id)).toEqual([annotated.id]);
    // The filter's choices: the sources attributed somewhere, each once.
    expect(attributedSources(sources).has('src-ministry')).toBe(true);
  });

  it('lists nothing for a source no document cites, and everything without the filter', () => {
    const state = corpus();
    const documents = documentsInOrder(state);
    const sources = sourcesByDocument(state);
    expect(passingFilters(documents, { ...EMPTY_SEARCH, source: 'src-unknown' }, labelsByDocument(state), sources)).toEqual([]);
    expect(passingFilters(documents, EMPTY_SEARCH, labelsByDocument(state), sources)).toEqual(documents);
    expect(isFiltering(EMPTY_SEARCH)).toBe(false);
  });
});

describe('the order of the list, which next and previous document follow', () => {
  const state = corpus();
  const documents = documentsInOrder(state);
  const [a, b, c] = documents.map((d) => d.id) as [string, string, string];
  // The first and the last are the same story from two outlets.
  const groups = new Map([a, c].map((id) => [id, { members: [a, c] }]));
  const none = { query: '', tehMarbuta: false, hits: [], done: true };
  const ids = (order: ReturnType<typeof listOrderAround>) => order.map((d) => d.id);

  it('lists the members of a near-duplicate group together, under the first one listed', () => {
    expect(groupedListOrder(documents, groups).map((d) => d.id)).toEqual([a, c, b]);
    expect(groupedListOrder(documents.slice(1), groups).map((d) => d.id)).toEqual([b, c]);
    expect(groupedListOrder(documents, new Map()).map((d) => d.id)).toEqual([a, b, c]);
  });

  it('is the grouped order of what the filters let through, with the open document where the list would show it', () => {
    expect(ids(listOrderAround(state, documents, EMPTY_SEARCH, none, groups, a))).toEqual([a, c, b]);
    const done = state.documents.get(a)!.status === 'done' ? 'todo' : 'done';
    // A status filter that leaves the open document out: it is placed in its group all the same.
    const search = { ...EMPTY_SEARCH, status: done } as const;
    const passing = passingFilters(documents, search, new Map()).map((d) => d.id);
    expect(passing).not.toContain(a);
    const around = ids(listOrderAround(state, documents, search, none, groups, a));
    expect(around).toEqual(groupedListOrder(documents.filter((d) => d.id === a || passing.includes(d.id)), groups).map((d) => d.id));
    expect(around[0]).toBe(a);
  });

  it('is the search results in corpus order while searched, and what the list shows so far while the search runs', () => {
    const search = { ...EMPTY_SEARCH, query: 'خبر' };
    const hit = (docId: string) => ({ docId, count: 1, snippet: { text: 'خبر', matchStart: 0, matchEnd: 3 } });
    const hits = [c, b].sort((x, y) => documents.findIndex((d) => d.id === x) - documents.findIndex((d) => d.id === y)).map(hit);
    expect(ids(listOrderAround(state, documents, search, { query: 'خبر', tehMarbuta: false, hits, done: true }, groups, a))).toEqual([a, b, c]);
    // Found so far: the rows the list shows now, not a wait for the rest.
    expect(ids(listOrderAround(state, documents, search, { query: 'خبر', tehMarbuta: false, hits: hits.slice(0, 1), done: false }, groups, a))).toEqual([a, b]);
    // Typing has not paused: the list still shows the previous query's results (here none: every document).
    expect(ids(listOrderAround(state, documents, search, none, groups, a))).toEqual([a, c, b]);
  });
});

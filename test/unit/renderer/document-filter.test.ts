import { describe, expect, it } from 'vitest';
import { attributedSources, isFiltering, labelsByDocument, passingFilters, sourcesByDocument } from '../../../renderer/state/document-filter';
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

import { describe, expect, it } from 'vitest';
import { buildDatasetExport, type DatasetExportRequest } from '../../../renderer/app/dataset-export';
import { labelsByDocument, passingFilters, searchHits } from '../../../renderer/state/document-filter';
import { EMPTY_SEARCH } from '../../../renderer/state/ui-store';
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
    const hits = searchHits(passingFilters(documents, search, labelsByDocument(state)), search)!;
    expect(hits.map((h) => h.docId)).toContain(target.id);
    const listed = hits.map((h) => h.docId);
    expect(exportedTitles(state, { ...REQUEST, documentIds: listed })).toEqual(documents.filter((d) => listed.includes(d.id)).map((d) => d.title));
    expect(exportedTitles(state, { ...REQUEST, documentIds: listed }).length).toBeLessThan(documents.length);
  });
});

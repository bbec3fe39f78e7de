import { afterEach, describe, expect, it, vi } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase, writeRecords } from '../../../renderer/db/db';
import { READ_DOCUMENT_SPANS_FROM } from '../../../renderer/db/record-checks';
import { defaultRegistry } from '../../../shared/model/registry';
import { compareSpans, spansOfDocument } from '../../../shared/model/state';
import { closeApps, testPlatform } from '../helpers/app';
import { stateWithDocument, testContext } from '../helpers/tagged';

const opened: IsnadApp[] = [];
afterEach(() => {
  closeApps(opened);
  vi.restoreAllMocks();
});

/** The app on a corpus of one article that repeats a sentence with a cue and a registry name, suggestions shown. */
async function longArticle(name: string): Promise<{ app: IsnadApp; db: IsnadDatabase }> {
  const state = stateWithDocument('قال مصدر لوكالة نوفوستي إن المحادثات مستمرة، وأعلنت وزارة الخارجية الروسية موافقتها.\n'.repeat(60));
  const db = new IsnadDatabase(name);
  await writeRecords(db, { corpus: state.corpus, documents: [...state.documents.values()], spans: [], sources: defaultRegistry(state.corpus.id, testContext()) });
  const app = await IsnadApp.start(testPlatform(), db, testContext(), () => ['en-GB'], null);
  opened.push(app);
  await app.openDocument('doc-1');
  app.ui.update({ suggestionsOn: true });
  return { app, db };
}

describe('accepting every suggestion of a long article', () => {
  it('is one undoable step, in IndexedDB when it resolves; undo takes every span back out, stored when it resolves', async () => {
    const { app, db } = await longArticle('accept-all-long');
    const suggestions = app.suggestions.current();
    expect(suggestions.length).toBeGreaterThan(READ_DOCUMENT_SPANS_FROM);
    const historyBefore = await db.history.count();

    await app.suggestions.acceptAll();
    const spans = spansOfDocument(app.corpus.state, 'doc-1');
    expect(spans).toHaveLength(suggestions.length);
    expect(spans.map((s) => `${s.label}:${s.start}:${s.end}`).sort()).toEqual(suggestions.map((s) => `${s.label}:${s.start}:${s.end}`).sort());
    // The carried reading order is the order sorted from scratch.
    expect(spans.map((s) => s.id)).toEqual([...spans].sort(compareSpans).map((s) => s.id));
    expect((await db.spans.where('docId').equals('doc-1').toArray()).map((s) => s.id).sort()).toEqual(spans.map((s) => s.id).sort());
    expect(await db.history.count()).toBe(historyBefore + 1);
    expect(app.corpus.history.undo).toBe(`Accept ${suggestions.length} suggestions`);
    expect(app.suggestions.current()).toHaveLength(0);

    await app.undo();
    expect(spansOfDocument(app.corpus.state, 'doc-1')).toHaveLength(0);
    expect(await db.spans.where('docId').equals('doc-1').count()).toBe(0);
    expect(app.suggestions.current().map((s) => s.id)).toEqual(suggestions.map((s) => s.id));

    await app.redo();
    expect(await db.spans.where('docId').equals('doc-1').count()).toBe(suggestions.length);
    expect(spansOfDocument(app.corpus.state, 'doc-1').map((s) => s.id)).toEqual(spans.map((s) => s.id));
  });

  // Work counted, not timed (speed is the benchmark's: test/bench/accept-all.ts).
  it('checks each suggestion\'s edges without segmenting the text when they lie between plain letters', async () => {
    const { app } = await longArticle('accept-all-segments');
    const count = app.suggestions.current().length;
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    await app.suggestions.acceptAll();
    expect(spansOfDocument(app.corpus.state, 'doc-1')).toHaveLength(count);
    expect(segment.mock.calls.length).toBeLessThan(count / 10);
  });

  it('undo checks the spans it removes with one read of the document\'s spans, not one read each', async () => {
    const { app } = await longArticle('accept-all-reads');
    const count = app.suggestions.current().length;
    await app.suggestions.acceptAll();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    await app.undo();
    expect(spansOfDocument(app.corpus.state, 'doc-1')).toHaveLength(0);
    expect(get.mock.calls.length).toBeLessThan(count / 10);
    expect(getAll.mock.calls.filter(([key]) => key === 'doc-1')).toHaveLength(1);
  });
});

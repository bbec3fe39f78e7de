import { describe, expect, it } from 'vitest';
import { SearchSession } from '../../../renderer/state/search-session';
import { EMPTY_SEARCH, type SearchState } from '../../../renderer/state/ui-store';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState, documentsInOrder } from '../../../shared/model/state';
import { findInText } from '../../../shared/search/search';
import { testContext } from '../helpers/tagged';

/** A session over the sample corpus with a UI state the test changes, and timers it runs by hand. */
function setUp() {
  const records = buildSampleCorpus(testContext());
  const corpus = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
  const doc = documentsInOrder(corpus).find((d) => d.text.includes('نوفوستي'))!;
  const listeners = new Set<() => void>();
  const ui = {
    state: { search: EMPTY_SEARCH as SearchState, openDocId: doc.id as string | null },
    subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
  };
  const tasks = new Map<number, () => void>();
  let handles = 0;
  const clock = {
    now: () => 0,
    setTimeout: (run: () => void) => (tasks.set(++handles, run), handles),
    clearTimeout: (handle: unknown) => tasks.delete(handle as number),
  };
  const session = new SearchSession({ ui, corpus: { state: corpus, subscribe: () => () => undefined } }, clock);
  const type = (query: string): void => {
    ui.state = { ...ui.state, search: { ...ui.state.search, query } };
    for (const listener of listeners) listener();
  };
  const runTimers = (): void => {
    for (let next = tasks.entries().next(); !next.done; next = tasks.entries().next()) {
      tasks.delete(next.value[0]);
      next.value[1]();
    }
  };
  return { session, doc, ui, type, runTimers, listeners };
}

describe('what the search session answers the keyboard actions (find next)', () => {
  it('are those of the query as it is now, once the open document is searched', async () => {
    const { session, doc, type, runTimers } = setUp();
    type('نوفوستي');
    let answer: unknown = 'waiting';
    const matches = session.openMatches().then((m) => (answer = m));
    await Promise.resolve();
    // The query waits for typing to pause: nothing is answered before it is searched.
    expect(answer).toBe('waiting');
    runTimers();
    await matches;
    expect(answer).toEqual(findInText(doc.text, 'نوفوستي'));
    expect((answer as unknown[]).length).toBeGreaterThan(0);
    session.dispose();
  });

  it('wait for a newer query typed meanwhile, and are null once the query is gone', async () => {
    const { session, doc, type, runTimers } = setUp();
    type('نوفوستي');
    const first = session.openMatches();
    type('المساعدات');
    runTimers();
    expect(await first).toEqual(findInText(doc.text, 'المساعدات'));
    type('');
    expect(await session.openMatches()).toBeNull();
    session.dispose();
  });

  it('are null without an open document, and none for a word the document lacks', async () => {
    const { session, ui, type, runTimers, listeners } = setUp();
    type('كلمةغيرموجودة');
    runTimers();
    expect(await session.openMatches()).toEqual([]);
    ui.state = { ...ui.state, openDocId: null };
    for (const listener of listeners) listener();
    runTimers();
    expect(await session.openMatches()).toBeNull();
    session.dispose();
  });
});

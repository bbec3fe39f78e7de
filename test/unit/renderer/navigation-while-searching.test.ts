import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsnadApp } from '../../../renderer/app/controller';
import { NavigationActions } from '../../../renderer/app/actions/navigation-actions';
import { SearchSession } from '../../../renderer/state/search-session';
import { documentsInOrder } from '../../../shared/model/state';
import { closeApps, startApp } from '../helpers/app';

const opened: IsnadApp[] = [];
afterEach(() => {
  closeApps(opened);
  vi.unstubAllGlobals();
});

/**
 * The app's stores with a search session whose slices the test runs one at a time: every
 * reading of the clock is a publishing interval later, so each slice searches one document
 * and shows what it found.
 */
async function setUp(name: string) {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  const app = await startApp(name);
  opened.push(app);
  let now = 0;
  const tasks = new Map<number, () => void>();
  let handles = 0;
  const clock = {
    now: () => (now += 1000),
    setTimeout: (run: () => void) => (tasks.set(++handles, run), handles),
    clearTimeout: (handle: unknown) => tasks.delete(handle as number),
  };
  const session = new SearchSession({ ui: app.ui, corpus: app.corpus }, clock);
  const slice = (): void => {
    const next = tasks.entries().next();
    if (next.done) return;
    tasks.delete(next.value[0]);
    next.value[1]();
  };
  const byTitle = (part: string) => documentsInOrder(app.corpus.state).find((d) => d.title.includes(part))!.id;
  return { app, session, slice, navigation: new NavigationActions(app, session), byTitle };
}

/** Resolves with whether `step` finished within a second (it must not wait for the search). */
const settles = (step: Promise<void>) => Promise.race([step.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);

describe('next and previous document while a corpus search runs', () => {
  it('go at once through the documents the list shows so far, in its order', async () => {
    const { app, session, slice, navigation, byTitle } = await setUp('navigation-searching-1');
    const moscow = byTitle('موسكو');
    const novosti = byTitle('نوفوستي');
    await app.openDocument(novosti);
    app.setSearch({ query: 'نوفوستي' });
    slice(); // typing paused: the search starts with the open document
    slice(); // then the corpus in order: the Moscow article, which names Novosti too
    expect(session.getSnapshot().done).toBe(false);
    expect(session.getSnapshot().hits.map((h) => h.docId)).toEqual([moscow, novosti]);

    expect(await settles(navigation.nextDocument(-1))).toBe(true);
    expect(app.ui.state.openDocId).toBe(moscow);
    // Opening another document restarts the search, with it first, then the bread-prices article (no match).
    // Past the rows found so far, the step says the search still runs instead of that the list ends.
    slice();
    expect(session.getSnapshot().hits.map((h) => h.docId)).toEqual([moscow]);
    expect(await settles(navigation.nextDocument(1))).toBe(true);
    expect(app.ui.state.openDocId).toBe(moscow);
    expect(app.ui.state.notice?.text).toBe('The list shows no other document yet: the search is still running.');
    session.dispose();
  });

  it('while typing has not paused, go through the list as it still shows it', async () => {
    const { app, session, navigation } = await setUp('navigation-searching-2');
    const [first, second] = documentsInOrder(app.corpus.state);
    await app.openDocument(first!.id);
    app.setSearch({ query: 'كلمة لا ترد في أي مستند' });
    expect(await settles(navigation.nextDocument(1))).toBe(true);
    expect(app.ui.state.openDocId).toBe(second!.id);
    session.dispose();
  });
});

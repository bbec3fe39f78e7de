/**
 * Accepting every suggestion of the render bench's long article (1 MB, 10,000 spans, about
 * 6,400 suggestions) and undoing it, in the browser with the whole window shown: the time
 * until the action's promise resolves (the change is in IndexedDB) and until the next frame
 * after it is painted. Rounds alternate accept and undo; `window.__acceptAll` holds the
 * figures. A profiling aid for `accept-all.ts`'s Node figures; open
 * `accept-all.html?rounds=N` on the bench's Vite server (`&bare=1`: without the window, the
 * store and IndexedDB alone).
 */
import '../../renderer/styles.css';
import { createRoot } from 'react-dom/client';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { App } from '../../renderer/App';
import { IsnadApp } from '../../renderer/app/controller';
import { AppContext } from '../../renderer/app/hooks';
import { IsnadDatabase, writeRecords } from '../../renderer/db/db';
import { browserPlatform } from '../../renderer/platform/browser';
import { generateLongArticle, generateSpans } from './generate';

const painted = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

async function main(): Promise<void> {
  const rounds = Number(new URLSearchParams(location.search).get('rounds') ?? 3);
  const text = generateLongArticle(2026);
  await IsnadDatabase.delete('isnad-bench-accept-all');
  const db = new IsnadDatabase('isnad-bench-accept-all');
  await db.open();
  const now = '2026-01-01T00:00:00.000Z';
  const corpus = { id: 'bench-render', name: 'Render bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  const meta = { origin: 'file', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: now } as const;
  const documents: DocumentRecord[] = [{ id: 'doc-long', corpusId: corpus.id, title: 'long', text, sha256: '', status: 'in-progress', order: 0, meta }];
  const spans: SpanRecord[] = generateSpans(text, 10_000, 6).map((s, i) => ({ id: `span-${i}`, corpusId: corpus.id, docId: 'doc-long', ...s, annotator: 'bench', createdAt: now }));
  await writeRecords(db, { corpus, documents, spans });
  let n = 0;
  const app = await IsnadApp.start(browserPlatform, db, { newId: () => `accepted-${++n}`, now: () => new Date().toISOString(), annotator: 'bench' }, undefined, null);
  // With `?bare=1` nothing is rendered: the store and IndexedDB alone.
  if (!new URLSearchParams(location.search).has('bare'))
    createRoot(document.getElementById('root')!).render(
    <AppContext.Provider value={app}>
      <App />
    </AppContext.Provider>,
  );
  await app.openDocument('doc-long');
  app.ui.update({ suggestionsOn: true });
  await new Promise((resolve) => setTimeout(resolve, 8000));
  // With `?step=1`, each action waits for `window.__step()` (a profiler started in between).
  const stepping = new URLSearchParams(location.search).has('step');
  const hooks = window as unknown as { __step?: () => void; __waiting?: boolean };
  const step = (): Promise<void> =>
    stepping
      ? new Promise<void>((resolve) => {
          hooks.__step = () => {
            hooks.__waiting = false;
            resolve();
          };
          hooks.__waiting = true;
        })
      : Promise.resolve();
  const results: Array<{ action: string; count: number; storedMs: number; paintedMs: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    const count = app.suggestions.current().length;
    await step();
    let t0 = performance.now();
    await app.suggestions.acceptAll();
    let stored = performance.now();
    results.push({ action: 'accept all', count, storedMs: stored - t0, paintedMs: (await painted()) - t0 });
    if ((await db.spans.count()) !== 10_000 + count) throw new Error('not every accepted span is stored');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await step();
    t0 = performance.now();
    await app.undo();
    stored = performance.now();
    results.push({ action: 'undo', count, storedMs: stored - t0, paintedMs: (await painted()) - t0 });
    if ((await db.spans.count()) !== 10_000) throw new Error('undo left accepted spans stored');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await step();
  }
  (window as unknown as { __acceptAll: unknown }).__acceptAll = results;
}

main().catch((error: unknown) => ((window as unknown as { __acceptAll: unknown }).__acceptAll = { error: String(error) }));

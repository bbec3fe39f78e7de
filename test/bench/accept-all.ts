/**
 * Times accepting every suggestion of the render bench's long article (1 MB, 10,000 spans,
 * about 6,400 suggestions) and undoing it, in Node: the pure command, applying it and its
 * inverse, the store's whole run with the history (persistence stubbed out: the work on the
 * interface thread apart from IndexedDB), and the same through `writeTransaction` into
 * fake-indexeddb (its costs are not Chromium's, but its requests are the same). A profiling
 * aid, not a test: `npx jiti test/bench/accept-all.ts [rounds]`.
 */
import 'fake-indexeddb/auto';
import { IsnadDatabase, writeRecords, writeTransaction } from '../../renderer/db/db';
import { CorpusStore, type HistoryChange } from '../../renderer/state/corpus-store';
import { visibleSuggestions } from '../../renderer/state/suggestions';
import { addSpans, type CommandContext } from '../../shared/model/commands';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { sortedSpansOf } from '../../shared/model/span-index';
import { createCorpusState, type CorpusState } from '../../shared/model/state';
import { applyTransaction, invertTransaction, type Transaction } from '../../shared/model/transaction';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { phrase } from '../../shared/phrases/phrase';
import { generateLongArticle, generateSpans } from './generate';

/** The render bench's article and spans (render-bench.tsx: the same seeds). */
const ARTICLE_SEED = 2026;
const SPAN_SEED = 6;
const SPANS = 10_000;

function benchRecords() {
  const text = generateLongArticle(ARTICLE_SEED);
  const now = '2026-01-01T00:00:00.000Z';
  const corpus = { id: 'bench-render', name: 'Render bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  const meta = { origin: 'file', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: now } as const;
  const doc: DocumentRecord = { id: 'doc-long', corpusId: corpus.id, title: 'long', text, sha256: '', status: 'in-progress', order: 1, meta };
  const spans: SpanRecord[] = generateSpans(text, SPANS, SPAN_SEED).map((s, i) => ({ id: `span-${i}`, corpusId: corpus.id, docId: doc.id, ...s, annotator: 'bench', createdAt: now }));
  return { corpus, documents: [doc], spans };
}

function benchState(): CorpusState {
  const { corpus, documents, spans } = benchRecords();
  return createCorpusState(corpus, documents, spans);
}

function time<T>(run: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = run();
  return { ms: performance.now() - t0, value };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const rows: Record<string, number[]> = {};
  const record = (name: string, ms: number): void => void (rows[name] ??= []).push(ms);
  let count = 0;
  for (let round = 0; round < rounds; round += 1) {
    const state = benchState();
    sortedSpansOf(state.spans, 'doc-long'); // built when the article is shown
    const suggestions = visibleSuggestions(state, 'doc-long').suggestions;
    count = suggestions.length;
    let n = 0;
    const ctx: CommandContext = { newId: () => `accepted-${round}-${++n}`, now: () => '2026-01-01T00:00:01.000Z', annotator: 'bench' };
    const args = { docId: 'doc-long', spans: suggestions.map((s) => ({ start: s.start, end: s.end, label: s.label })), description: phrase('change.acceptSuggestions', { count }) };
    const command = time(() => addSpans(state, args, ctx));
    if (!command.value.ok) throw new Error('refused');
    const tx = command.value.tx;
    record('addSpans (command)', command.ms);
    const applied = time(() => applyTransaction(state, tx));
    record('applyTransaction', applied.ms);
    record('sorted list after', time(() => sortedSpansOf(applied.value.spans, 'doc-long')).ms);
    const inverse = time(() => invertTransaction(tx));
    record('invertTransaction', inverse.ms);
    const undone = time(() => applyTransaction(applied.value, inverse.value));
    record('apply the inverse', undone.ms);
    record('sorted list after undo', time(() => sortedSpansOf(undone.value.spans, 'doc-long')).ms);

    // The store's whole run and undo, persistence answering at once.
    const fresh = benchState();
    sortedSpansOf(fresh.spans, 'doc-long');
    const written: Array<{ tx: Transaction; history: HistoryChange }> = [];
    const store = new CorpusStore(fresh, { write: async (t, history) => void written.push({ tx: t, history }) }, { ...ctx, newId: () => `stored-${round}-${++n}` });
    const visible = visibleSuggestions(fresh, 'doc-long').suggestions;
    const runArgs = { ...args, spans: visible.map((s) => ({ start: s.start, end: s.end, label: s.label })) };
    record('store.run (accept all)', (await timeAsync(() => store.run((s, c) => addSpans(s, runArgs, c)))).ms);
    record('visibleSuggestions after', time(() => visibleSuggestions(store.state, 'doc-long')).ms);
    record('store.undo', (await timeAsync(() => store.undo())).ms);
    record('visibleSuggestions after undo', time(() => visibleSuggestions(store.state, 'doc-long')).ms);

    // The same, written to (fake) IndexedDB as the app writes it.
    const records = benchRecords();
    const db = new IsnadDatabase(`accept-all-${round}`);
    await writeRecords(db, records);
    const stored = createCorpusState(records.corpus, records.documents, records.spans);
    sortedSpansOf(stored.spans, 'doc-long');
    const durable = new CorpusStore(stored, { write: (t, history) => writeTransaction(db, t, history) }, { ...ctx, newId: () => `durable-${round}-${++n}` });
    record('store.run, fake-indexeddb', (await timeAsync(() => durable.run((s, c) => addSpans(s, runArgs, c)))).ms);
    record('store.undo, fake-indexeddb', (await timeAsync(() => durable.undo())).ms);
    if ((await db.spans.count()) !== SPANS) throw new Error('undo did not remove the accepted spans');
    db.close();
    await IsnadDatabase.delete(`accept-all-${round}`);
  }
  console.log(`${count} suggestions accepted, ${SPANS} spans before; median of ${rounds} rounds (ms):`);
  for (const [name, values] of Object.entries(rows)) console.log(`  ${name.padEnd(32)} ${median(values).toFixed(1).padStart(8)}   [${values.map((v) => v.toFixed(0)).join(', ')}]`);
}

void main();

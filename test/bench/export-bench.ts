/**
 * Export benchmark: a generated corpus of 10,000 documents with 100,000 spans exported to
 * native JSON and to JSON Lines (verification included), each timed as a ratio to
 * `JSON.stringify` of the same data in the same round. Five rounds, interleaved; the figure
 * is the median round (the machine is shared and noisy). Each timing starts from a collected
 * heap (when the browser exposes `gc`), so that no step pays for the garbage of the one
 * before it; each still pays for its own. Then the same JSON Lines
 * export runs the app's way — in the export worker, with progress — while the UI thread is
 * watched for stalls.
 */
import { exportNative } from '../../shared/formats/native';
import { datasetFromState } from '../../shared/formats/dataset';
import { jsonlFormat } from '../../shared/formats/jsonl';
import { sha256Hex } from '../../shared/model/hash';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { ExportSession } from '../../renderer/export/export-session';
import { watchFrames } from './frames';
import { generateCorpus, prng } from './generate';

/** Figures of one round. */
export interface ExportRound {
  stringifyMs: number;
  nativeMs: number;
  jsonlMs: number;
  nativeRatio: number;
  jsonlRatio: number;
}

/** Figures of the export benchmark: the median rounds, every round, and the worker run. */
export interface ExportBenchResult {
  documents: number;
  spans: number;
  /** The round with the median native ratio, and the one with the median JSON Lines ratio. */
  native: ExportRound;
  jsonl: ExportRound;
  rounds: ExportRound[];
  /** The JSON Lines export in the export worker, from start to the file ready to save. */
  workerMs: number;
  longestFrameMs: number;
  framesOver100ms: number;
}

const ROUNDS = 5;

/** Builds the corpus, times the three in each round, then runs the export in the worker. */
export async function runExportBench(count: number, spansPerDoc = 10): Promise<ExportBenchResult> {
  const now = '2026-01-01T00:00:00.000Z';
  const corpus = { id: 'bench', name: 'Bench', schema: DEFAULT_LABEL_SCHEMA, createdAt: now };
  const random = prng(7);
  const labels = ['PER', 'ORG', 'LOC', 'DATE'];
  const documents: DocumentRecord[] = [];
  const spans: SpanRecord[] = [];
  generateCorpus(count, 99, 1650).forEach((article, i) => {
    const id = `doc-${i}`;
    documents.push({ id, corpusId: corpus.id, title: article.name, text: article.text, sha256: sha256Hex(article.text), status: 'todo', order: i, meta: { origin: 'file', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: now } });
    // Non-overlapping spans on word boundaries: every k-th word.
    const words = [...article.text.matchAll(/[^\s،.]+/g)];
    const step = Math.max(1, Math.floor(words.length / spansPerDoc));
    for (let w = 0, n = 0; w < words.length && n < spansPerDoc; w += step, n += 1) {
      const m = words[w]!;
      spans.push({ id: `${id}-s${n}`, corpusId: corpus.id, docId: id, start: m.index!, end: m.index! + m[0].length, label: labels[Math.floor(random() * labels.length)]!, annotator: 'bench', createdAt: now });
    }
  });
  const state = createCorpusState(corpus, documents, spans);
  const dataset = datasetFromState(state);
  const collect = (globalThis as { gc?: () => void }).gc;
  const time = (f: () => unknown): number => {
    collect?.();
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const rounds: ExportRound[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const stringifyMs = time(() => JSON.stringify(dataset));
    const nativeMs = time(() => {
      const r = exportNative(state, { exportedAt: now });
      if (!r.ok) throw new Error(r.problems.join(' '));
    });
    const jsonlMs = time(() => {
      const r = jsonlFormat.exportCorpus(dataset, {});
      if (!r.ok) throw new Error(r.problems.join(' '));
    });
    rounds.push({ stringifyMs, nativeMs, jsonlMs, nativeRatio: nativeMs / stringifyMs, jsonlRatio: jsonlMs / stringifyMs });
  }
  const median = (key: 'nativeRatio' | 'jsonlRatio'): ExportRound => [...rounds].sort((a, b) => a[key] - b[key])[Math.floor(ROUNDS / 2)]!;

  // The app's way: the export worker, progress to the UI thread, a file ready to save.
  // (First let the long task of the rounds above end and be reported, so it is not counted.)
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const stopWatching = watchFrames();
  const t = performance.now();
  let bytes = 0;
  const outcome = await new ExportSession(
    state,
    { kind: 'dataset', request: { format: 'jsonl', offsetUnit: 'codepoint', labels: [], statuses: [], attributions: true, split: null } },
    async (_name, contents) => {
      bytes = contents.length;
      return { saved: true, where: 'memory' };
    },
    () => undefined,
  ).start();
  const workerMs = performance.now() - t;
  const frames = stopWatching();
  if (outcome.status !== 'saved' || !bytes) throw new Error(`the worker export ended ${outcome.status}`);
  return {
    documents: count,
    spans: spans.length,
    native: median('nativeRatio'),
    jsonl: median('jsonlRatio'),
    rounds,
    workerMs,
    longestFrameMs: frames.longest,
    framesOver100ms: frames.over100,
  };
}

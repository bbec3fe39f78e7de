/**
 * Export benchmark: a generated corpus of 10,000 documents with 100,000 spans exported to
 * native JSON and to JSON Lines (verification included), each timed as a ratio to
 * `JSON.stringify` of the same data in the same run.
 */
import { exportNative } from '../../shared/formats/native';
import { datasetFromState } from '../../shared/formats/dataset';
import { jsonlFormat } from '../../shared/formats/jsonl';
import { sha256Hex } from '../../shared/model/hash';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/schema';
import { createCorpusState } from '../../shared/model/state';
import type { DocumentRecord, SpanRecord } from '../../shared/model/types';
import { generateCorpus, prng } from './generate';

/** Figures of one export run. */
export interface ExportBenchResult {
  documents: number;
  spans: number;
  stringifyMs: number;
  nativeMs: number;
  jsonlMs: number;
  nativeRatio: number;
  jsonlRatio: number;
}

/** Builds the corpus, then times the three. */
export function runExportBench(count: number, spansPerDoc = 10): ExportBenchResult {
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
  const time = (f: () => unknown): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const stringifyMs = time(() => JSON.stringify(dataset));
  const nativeMs = time(() => {
    const r = exportNative(state, { exportedAt: now });
    if (!r.ok) throw new Error(r.problems.join(' '));
  });
  const jsonlMs = time(() => {
    const r = jsonlFormat.exportCorpus(dataset, {});
    if (!r.ok) throw new Error(r.problems.join(' '));
  });
  return { documents: count, spans: spans.length, stringifyMs, nativeMs, jsonlMs, nativeRatio: nativeMs / stringifyMs, jsonlRatio: jsonlMs / stringifyMs };
}

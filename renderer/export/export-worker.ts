/**
 * The export worker: building, verifying and encoding an export run here, off the UI
 * thread. The corpus arrives in slices, then `start`; progress is posted as documents done /
 * total (at most every 50 ms); the file's bytes are moved back, not copied. Cancelling
 * terminates the worker, so nothing it made is ever saved.
 */
import { createCorpusState } from '../../shared/model/state';
import type { AttributionRecord, DocumentRecord, SpanRecord } from '../../shared/model/types';
import { createTranslator } from '../../shared/i18n/i18n';
import { runExportJob } from './export-job';
import type { FromExportWorker, ToExportWorker } from './protocol';

const PROGRESS_MS = 50;

function post(message: FromExportWorker, transfer: Transferable[] = []): void {
  (self as unknown as { postMessage(message: FromExportWorker, transfer: Transferable[]): void }).postMessage(message, transfer);
}

const documents: DocumentRecord[] = [];
const spans: SpanRecord[] = [];
const attributions: AttributionRecord[] = [];

self.addEventListener('message', (event: MessageEvent<ToExportWorker>) => {
  const message = event.data;
  if (message.type === 'records') {
    for (const d of message.documents) documents.push(d);
    for (const s of message.spans) spans.push(s);
    for (const a of message.attributions) attributions.push(a);
    return;
  }
  let last = -Infinity;
  const progress = (done: number, total: number): void => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    post({ type: 'progress', done, total });
  };
  try {
    const state = createCorpusState(message.corpus, documents, spans, message.sources, attributions);
    const result = runExportJob(state, message.job, message.date, message.language, progress);
    if (result.ok) post({ type: 'done', file: result.file }, [result.file.bytes.buffer as ArrayBuffer]);
    else post({ type: 'failed', problems: result.problems });
  } catch (error) {
    const t = createTranslator(message.language);
    post({ type: 'failed', problems: [t('exportWorker.unexpected', { error: t.data((error as Error).message) })] });
  }
});

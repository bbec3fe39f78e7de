/**
 * One export run: the corpus goes to the export worker in slices (each posted in its own
 * task, so the UI keeps drawing), the worker builds and verifies the file and reports
 * documents done / total, and only a finished, verified file is handed to the host to save
 * (an atomic write in Electron, a download in the browser). `cancel()` terminates the
 * worker: nothing is saved. Once saving has begun, the export can no longer be cancelled.
 */
import { attributionsByDocument, documentsInOrder, sourcesInOrder, spansByDocument, type CorpusState } from '../../shared/model/state';
import type { AttributionRecord, DocumentRecord, SpanRecord } from '../../shared/model/types';
import { createTranslator, type Language } from '../../shared/i18n/i18n';
import type { SaveOutcome } from '../platform/host';
import type { WorkerPort } from '../platform/worker-port';
import type { ExportedFile, ExportJob, FromExportWorker, ToExportWorker } from './protocol';

/** Where an export is, for the progress bar. */
export interface ExportProgress {
  /** `sending`: the corpus goes to the worker; `exporting`: documents done / total; `saving`: the file is being saved. */
  phase: 'sending' | 'exporting' | 'saving';
  done: number;
  total: number;
}

/** How an export ended. */
export type ExportSessionResult =
  | { status: 'saved'; file: Omit<ExportedFile, 'bytes'>; where: string; downloaded?: boolean }
  /** The user closed the save dialog: nothing was written. */
  | { status: 'not-saved' }
  | { status: 'cancelled' }
  /** Verification failed, the worker stopped, or saving failed: nothing was written. */
  | { status: 'failed'; stage: 'export' | 'save'; problems: string[] };

/** The part of a Worker the session uses (a fake in unit tests). */
export type ExportWorkerLike = WorkerPort<ToExportWorker, FromExportWorker>;

/** Creates the real export worker (bundled by Vite as a module worker). */
export function createExportWorker(): ExportWorkerLike {
  return new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'isnad-export' });
}

/** Saves a finished file (the host platform's `saveExport`). */
export type SaveFile = (fileName: string, bytes: Uint8Array) => Promise<SaveOutcome>;

/** Documents per slice, and characters of text per slice, sent to the worker in one message. */
const SLICE_DOCUMENTS = 100;
const SLICE_CHARACTERS = 500_000;

/** Lets the UI thread run (draw, handle a click on Cancel) between two slices. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs one export. */
export class ExportSession {
  private worker: ExportWorkerLike | null = null;
  private phase: ExportProgress['phase'] = 'sending';
  private finished = false;
  private finish: ((result: ExportSessionResult) => void) | null = null;

  constructor(
    private readonly state: CorpusState,
    private readonly job: ExportJob,
    private readonly save: SaveFile,
    private readonly onProgress: (progress: ExportProgress) => void,
    private readonly createWorker: () => ExportWorkerLike = createExportWorker,
    private readonly date: string = new Date().toISOString(),
    /** The language of the exporter's messages. */
    private readonly language: Language = 'en',
  ) {}

  /** Starts the export; resolves when the file is saved, or the export stopped. */
  start(): Promise<ExportSessionResult> {
    const result = new Promise<ExportSessionResult>((resolve) => (this.finish = resolve));
    const worker = this.createWorker();
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<FromExportWorker>) => this.onMessage(event.data));
    const t = createTranslator(this.language);
    worker.addEventListener('error', (event: ErrorEvent) => this.end({ status: 'failed', stage: 'export', problems: [t('exportWorker.stopped', { error: event.message ? t.data(event.message) : t('exportWorker.unknownError') })] }));
    void this.send(worker).catch((error: Error) => this.end({ status: 'failed', stage: 'export', problems: [t('exportWorker.handOver', { error: t.data(error.message) })] }));
    return result;
  }

  /** Stops the export now, unless the file is already being saved. Nothing is written. */
  cancel(): void {
    if (this.phase === 'saving') return;
    this.end({ status: 'cancelled' });
  }

  private async send(worker: ExportWorkerLike): Promise<void> {
    const total = this.state.documents.size;
    this.onProgress({ phase: 'sending', done: 0, total });
    const spansByDoc = spansByDocument(this.state);
    const attributionsByDoc = attributionsByDocument(this.state);
    let slice: { documents: DocumentRecord[]; spans: SpanRecord[]; attributions: AttributionRecord[] } = { documents: [], spans: [], attributions: [] };
    let characters = 0;
    let sent = 0;
    const flush = async (): Promise<void> => {
      if (!slice.documents.length && !slice.spans.length && !slice.attributions.length) return;
      worker.postMessage({ type: 'records', ...slice });
      sent += slice.documents.length;
      slice = { documents: [], spans: [], attributions: [] };
      characters = 0;
      this.onProgress({ phase: 'sending', done: sent, total });
      await nextTask();
    };
    for (const doc of documentsInOrder(this.state)) {
      if (this.finished) return;
      slice.documents.push(doc);
      for (const s of spansByDoc.get(doc.id) ?? []) slice.spans.push(s);
      for (const a of attributionsByDoc.get(doc.id) ?? []) slice.attributions.push(a);
      characters += doc.text.length;
      if (slice.documents.length >= SLICE_DOCUMENTS || characters >= SLICE_CHARACTERS) await flush();
    }
    // Records whose document is missing go too, so that the exporter's counts see them.
    for (const s of this.state.spans.values()) if (!this.state.documents.has(s.docId)) slice.spans.push(s);
    for (const a of this.state.attributions.values()) if (!this.state.documents.has(a.docId)) slice.attributions.push(a);
    await flush();
    if (this.finished) return;
    this.phase = 'exporting';
    this.onProgress({ phase: 'exporting', done: 0, total });
    worker.postMessage({ type: 'start', corpus: this.state.corpus, sources: sourcesInOrder(this.state), job: this.job, date: this.date, language: this.language });
  }

  private onMessage(message: FromExportWorker): void {
    if (this.finished) return;
    if (message.type === 'progress') {
      this.onProgress({ phase: 'exporting', done: message.done, total: message.total });
      return;
    }
    if (message.type === 'failed') {
      this.end({ status: 'failed', stage: 'export', problems: message.problems });
      return;
    }
    this.stopWorker();
    void this.saveFile(message.file);
  }

  private async saveFile(file: ExportedFile): Promise<void> {
    this.phase = 'saving';
    this.onProgress({ phase: 'saving', done: file.documents, total: file.documents });
    const { bytes, ...rest } = file;
    try {
      const outcome = await this.save(file.fileName, bytes);
      if (outcome.saved) this.end({ status: 'saved', file: rest, where: outcome.where, ...(outcome.downloaded ? { downloaded: true } : {}) });
      else if (outcome.reason === 'failed') this.end({ status: 'failed', stage: 'save', problems: [createTranslator(this.language).text(outcome.message, outcome.phrase)] });
      else this.end({ status: 'not-saved' });
    } catch (error) {
      this.end({ status: 'failed', stage: 'save', problems: [(error as Error).message] });
    }
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private end(result: ExportSessionResult): void {
    if (this.finished) return;
    this.finished = true;
    this.stopWorker();
    this.finish?.(result);
  }
}

/**
 * Runs an export from the app: shows its progress (with a way to cancel) in the UI store,
 * runs an {@link ExportSession}, and tells the user how it ended. Kept out of the controller,
 * whose export actions only say what to export.
 */
import type { CorpusState } from '../../shared/model/state';
import type { Translate } from '../../shared/i18n/i18n';
import { savedWhere, type HostPlatform } from '../platform/host';
import type { UiStore } from '../state/ui-store';
import { ExportSession, type ExportProgress, type ExportSessionResult, type ExportWorkerLike } from './export-session';
import type { ExportJob } from './protocol';

/** A running export as the UI shows it: its progress, and how to cancel it. */
export interface ExportActivity extends ExportProgress {
  /** What is being exported, e.g. "JSON Lines" or "the corpus". */
  what: string;
  cancel(): void;
}

/** What an export needs from the app. */
export interface ExportHost {
  readonly ui: UiStore;
  readonly platform: HostPlatform;
  /** Notices and the worker's messages are in its language. */
  readonly t: Translate;
  notify(tone: 'info' | 'error', text: string, details?: string[]): void;
}

/** The words for what a job exports, in progress and notices. */
function describeJob(job: ExportJob, t: Translate): string {
  return job.kind === 'corpus' ? t('exportProgress.corpus') : job.request.format;
}

/** The notice for how an export ended (none when the user closed the save dialog). */
export function exportNotice(job: ExportJob, result: ExportSessionResult, t: Translate): { tone: 'info' | 'error'; text: string; details?: string[] } | null {
  switch (result.status) {
    case 'not-saved':
      return null;
    case 'cancelled':
      return { tone: 'info', text: t('notice.exportCancelled') };
    case 'failed':
      return result.stage === 'save' ? { tone: 'error', text: t('notice.exportFailed', { error: t.data(result.problems.join(' ')) }) } : { tone: 'error', text: t('notice.exportStopped'), details: result.problems };
    case 'saved': {
      const { notes } = result.file;
      const documents = t('count.documents', { count: result.file.documents });
      const spans = t('count.spans', { count: result.file.spans });
      const where = savedWhere(result, t);
      if (job.kind === 'corpus') return { tone: 'info', text: t('notice.exportedCorpus', { documents, spans, where }) };
      const noted = notes.length ? t('notice.exportNotes', { count: notes.length }) : '';
      return { tone: 'info', text: t('notice.exportedDataset', { documents, spans, format: job.request.format, where, notes: noted }), details: notes };
    }
  }
}

/**
 * Exports `state` as `job` says, in the export worker, with progress in `ui.exportProgress`.
 * Returns true when the file was saved. One export runs at a time.
 */
export async function runExport(host: ExportHost, state: CorpusState, job: ExportJob, createWorker?: () => ExportWorkerLike): Promise<boolean> {
  if (host.ui.state.exportProgress) {
    host.notify('info', host.t('notice.exportRunning'));
    return false;
  }
  const what = describeJob(job, host.t);
  let session: ExportSession | null = null;
  const cancel = (): void => session?.cancel();
  const show = (progress: ExportProgress): void => host.ui.update({ exportProgress: { ...progress, what, cancel } });
  session = new ExportSession(state, job, (fileName, bytes) => host.platform.saveExport(fileName, bytes), show, createWorker, new Date().toISOString(), host.t.language);
  show({ phase: 'sending', done: 0, total: state.documents.size });
  let result: ExportSessionResult;
  try {
    result = await session.start();
  } finally {
    host.ui.update({ exportProgress: null });
  }
  const notice = exportNotice(job, result, host.t);
  if (notice) host.notify(notice.tone, notice.text, notice.details);
  return result.status === 'saved';
}

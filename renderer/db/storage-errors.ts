/**
 * What went wrong when IndexedDB refused a write or would not open, in words a user can act
 * on (in the interface language). Dexie wraps the browser's errors (an `AbortError` whose `inner` is the
 * `QuotaExceededError`, a `BulkError` with `failures`…), so the cause is looked for along
 * those links.
 */

import type { Translate } from '../../shared/i18n/i18n';
import { appendAll } from '../../shared/arrays';

/** The kinds of storage failure the app explains differently. */
export type StorageProblem = 'concurrent-change' | 'quota' | 'unavailable' | 'closed' | 'other';

const UNAVAILABLE = new Set(['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'UnknownError', 'VersionError', 'SecurityError', 'NotFoundError']);

/** Every error name along the error's cause links (itself first). */
function errorNames(error: unknown, seen = new Set<unknown>()): string[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  for (const next of [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])]) appendAll(names, errorNames(next, seen));
  return names;
}

/** Classifies a storage error. */
export function storageProblem(error: unknown): StorageProblem {
  const names = errorNames(error);
  if (names.includes('ConcurrentChangeError')) return 'concurrent-change';
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('DatabaseClosedError')) return 'closed';
  if (names.some((name) => UNAVAILABLE.has(name))) return 'unavailable';
  return 'other';
}

/** The browser's own message, for the end of ours (the innermost one is the most specific). */
function detail(error: unknown): string {
  let e = error as { message?: unknown; inner?: unknown } | null;
  while (e && typeof e === 'object' && e.inner && typeof e.inner === 'object') e = e.inner as typeof e;
  return e && typeof e.message === 'string' && e.message ? e.message : String(error);
}

/** The actions whose failed write is reported (each names itself in the message). */
export type WriteAction = 'change' | 'undo' | 'redo' | 'importRest' | 'snapshot' | 'autoSnapshot' | 'currentSnapshot' | 'restore' | 'snapshotSettings';

/**
 * The message for a write that failed, in the interface language. Every message says that
 * nothing of the action was saved and that what was saved before is intact, which is what
 * the all-or-nothing write guarantees.
 */
export function describeWriteFailure(error: unknown, t: Translate, action: WriteAction = 'change'): string {
  const what = t(`storage.what.${action}`);
  switch (storageProblem(error)) {
    case 'concurrent-change':
      return t('storage.concurrentChange', { what });
    case 'quota':
      return t('storage.quota', { what });
    case 'closed':
      return t('storage.closed', { what });
    case 'unavailable':
      return t('storage.unavailable', { what, error: detail(error) });
    default:
      return t('storage.other', { what, error: detail(error) });
  }
}

/** The explanation shown instead of the app when the database cannot be opened at start. */
export function describeOpenFailure(error: unknown, t: Translate): { title: string; advice: string; detail: string } {
  const problem = storageProblem(error);
  const text = detail(error);
  if (problem === 'quota') return { title: t('fatal.full.title'), advice: t('fatal.full.advice'), detail: text };
  if (problem === 'unavailable' || problem === 'closed') return { title: t('fatal.unavailable.title'), advice: t('fatal.unavailable.advice'), detail: text };
  return { title: t('fatal.title'), advice: t('fatal.advice'), detail: text };
}

/**
 * What went wrong when IndexedDB refused a write or would not open, in words a user can act
 * on. Dexie wraps the browser's errors (an `AbortError` whose `inner` is the
 * `QuotaExceededError`, a `BulkError` with `failures`…), so the cause is looked for along
 * those links.
 */

/** The kinds of storage failure the app explains differently. */
export type StorageProblem = 'concurrent-change' | 'quota' | 'unavailable' | 'closed' | 'other';

const UNAVAILABLE = new Set(['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'UnknownError', 'VersionError', 'SecurityError', 'NotFoundError']);

/** Every error name along the error's cause links (itself first). */
function errorNames(error: unknown, seen = new Set<unknown>()): string[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  for (const next of [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])]) names.push(...errorNames(next, seen));
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

/**
 * The message for a write that failed. `what` names the refused action ("This change",
 * "The import of 3 documents"…). Every message says that nothing of it was saved and
 * what was saved before is intact, which is what the all-or-nothing write guarantees.
 */
export function describeWriteFailure(error: unknown, what = 'This change'): string {
  switch (storageProblem(error)) {
    case 'concurrent-change':
      return `${what} was not saved: another Isnad window changed the same annotations at the same moment. This window now shows the latest version; make the change again if it is still needed.`;
    case 'quota':
      return `${what} was not saved: the disk is full (the browser's storage quota is used up). Everything saved before is intact. Free some disk space, or delete old snapshots, then try again.`;
    case 'closed':
      return `${what} was not saved: the database was closed (Isnad was updated or opened in another window). Everything saved before is intact. Reload this window to continue.`;
    case 'unavailable':
      return `${what} was not saved: the browser's storage (IndexedDB) is not available (${detail(error)}). Everything saved before is intact.`;
    default:
      return `${what} could not be saved, so it was not made: ${detail(error)}. Everything saved before is intact.`;
  }
}

/** The explanation shown when the database cannot be opened at start. */
export function describeOpenFailure(error: unknown): { title: string; advice: string; detail: string } {
  const problem = storageProblem(error);
  const text = detail(error);
  if (problem === 'quota') return { title: 'Isnad cannot open its database: the disk is full', advice: 'Free some disk space, then reload. Nothing was changed.', detail: text };
  if (problem === 'unavailable' || problem === 'closed')
    return {
      title: 'Isnad cannot store your work in this browser',
      advice:
        'The browser refused access to its storage (IndexedDB). This happens in private or incognito windows, when site data is blocked or disabled for this site, or while another Isnad window is being upgraded. Use a normal window, allow site data for this site, close other Isnad windows, then reload. Nothing was changed.',
      detail: text,
    };
  return { title: 'Isnad could not open its database', advice: 'Nothing was changed. Close other Isnad windows and try again; if the disk is full, free some space.', detail: text };
}

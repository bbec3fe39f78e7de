/**
 * Snapshot files (Electron): one folder per corpus under `<user data>/snapshots/`, one file
 * per snapshot whose name carries the facts the list shows, so listing never reads a file:
 * `2026-11-29T10-15-00.000Z.scheduled.3d.42s.isnad.json` (time, reason, documents, spans).
 * Main builds every name itself from validated values; only names of this form are read.
 */
import { SNAPSHOT_REASONS, type SnapshotInfo, type SnapshotReason } from './snapshot-info';

/** A corpus id that is safe as one folder name (UUIDs, "corpus-1"). */
export const SNAPSHOT_CORPUS_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** An ISO 8601 UTC time with milliseconds, as `Date.toISOString()` writes it. */
export const SNAPSHOT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const FILE_NAME = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)\\.(${SNAPSHOT_REASONS.join('|')})\\.(\\d{1,9})d\\.(\\d{1,9})s\\.isnad\\.json$`);

/** The file name of a snapshot (also its id). */
export function snapshotFileName(info: Omit<SnapshotInfo, 'id' | 'corpusId'>): string {
  if (!SNAPSHOT_TIME.test(info.takenAt)) throw new Error(`Not a snapshot time: ${info.takenAt}`);
  return `${info.takenAt.replace(/:/g, '-')}.${info.reason}.${info.documents}d.${info.spans}s.isnad.json`;
}

/** Whether a name is a snapshot file name (the only names main reads or deletes). */
export function isSnapshotFileName(name: string): boolean {
  return FILE_NAME.test(name);
}

/** The facts a snapshot file name carries, or null for any other name. */
export function parseSnapshotFileName(name: string, corpusId: string): SnapshotInfo | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, stamp, reason, documents, spans] = match;
  const takenAt = `${stamp!.slice(0, 10)}T${stamp!.slice(11, 19).replace(/-/g, ':')}${stamp!.slice(19)}`;
  return { id: name, corpusId, takenAt, reason: reason as SnapshotReason, documents: Number(documents), spans: Number(spans) };
}

/** Snapshots newest first (ties: by id, so the order is stable). */
export function newestFirst(list: readonly SnapshotInfo[]): SnapshotInfo[] {
  return [...list].sort((a, b) => (a.takenAt === b.takenAt ? b.id.localeCompare(a.id) : a.takenAt < b.takenAt ? 1 : -1));
}

/**
 * The facts of a snapshot and the snapshot settings: shared by the renderer, the IPC
 * contract and main (no other imports, so main does not bundle the model for them).
 */

/** Why a snapshot was taken: on the schedule, when the window closed, before a restore, or on request. */
export const SNAPSHOT_REASONS = ['scheduled', 'quit', 'before-restore', 'manual'] as const;

/** Why a snapshot was taken. */
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** A stored snapshot as the list shows it (its contents are read only to restore it). */
export interface SnapshotInfo {
  /** Unique within the corpus; chosen by the storage. */
  id: string;
  corpusId: string;
  /** ISO 8601 time it was taken. */
  takenAt: string;
  reason: SnapshotReason;
  documents: number;
  spans: number;
}

/** Default snapshot settings: every 10 minutes while something changed, the last 10 kept. */
export const DEFAULT_SNAPSHOT_SETTINGS = { intervalMinutes: 10, keep: 10 } as const;

/** Limits of the settings (the view's inputs and main's IPC validation use them). */
export const SNAPSHOT_LIMITS = { minInterval: 1, maxInterval: 24 * 60, minKeep: 1, maxKeep: 200 } as const;

/** Snapshot settings, per installation. */
export interface SnapshotSettings {
  intervalMinutes: number;
  keep: number;
}

/** Settings clamped to the limits (whole numbers); anything unusable becomes the default. */
export function normaliseSnapshotSettings(value: Partial<SnapshotSettings> | null | undefined): SnapshotSettings {
  const clamp = (n: unknown, min: number, max: number, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback);
  return {
    intervalMinutes: clamp(value?.intervalMinutes, SNAPSHOT_LIMITS.minInterval, SNAPSHOT_LIMITS.maxInterval, DEFAULT_SNAPSHOT_SETTINGS.intervalMinutes),
    keep: clamp(value?.keep, SNAPSHOT_LIMITS.minKeep, SNAPSHOT_LIMITS.maxKeep, DEFAULT_SNAPSHOT_SETTINGS.keep),
  };
}

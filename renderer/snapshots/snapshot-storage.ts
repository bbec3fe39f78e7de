/**
 * Where snapshots are kept. Electron keeps them as files in the user data folder (through
 * main, see shared/ipc/contract.ts); the browser keeps them in IndexedDB (the `snapshots`
 * table). Both keep only the newest `keep` snapshots of a corpus.
 */
import type { SnapshotDraft, SnapshotInfo } from '../../shared/snapshots/snapshot';
import { writeInTransaction, type IsnadDatabase } from '../db/db';

/** A place that stores snapshots. */
export interface SnapshotStorage {
  /** Where, in words for the Snapshots view and messages ("this browser's storage…"). */
  readonly where: 'snapshots.where.browser' | 'snapshots.where.files';
  /** Stores a snapshot, then deletes the oldest of its corpus beyond `keep`. Resolves with its id. */
  write(draft: SnapshotDraft, keep: number): Promise<string>;
  /** The snapshots of a corpus, newest first. */
  list(corpusId: string): Promise<SnapshotInfo[]>;
  /** The native-format file of one snapshot, or null when it no longer exists. */
  read(corpusId: string, id: string): Promise<string | null>;
  /**
   * Deletes the oldest snapshots of a corpus beyond `keep` now (to free space at once after
   * the limit was lowered). Absent where only `write` prunes (Electron's files: main prunes
   * as it writes, so a lower limit applies at the next snapshot).
   */
  prune?(corpusId: string, keep: number): Promise<void>;
  /**
   * Deletes every snapshot of a corpus that was deleted, where snapshots live outside the
   * database (Electron's files). Absent for the database's own, which `deleteCorpus` deletes
   * with the corpus in one transaction. Resolves with how many were deleted.
   */
  forget?(corpusId: string): Promise<number>;
}

/** Snapshots in the browser's IndexedDB (the `snapshots` table, database version 5). */
export class DatabaseSnapshotStorage implements SnapshotStorage {
  readonly where = 'snapshots.where.browser' as const;

  constructor(
    private readonly db: IsnadDatabase,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async write(draft: SnapshotDraft, keep: number): Promise<string> {
    const id = this.newId();
    await writeInTransaction(this.db, [this.db.snapshots, this.db.snapshotFiles], async () => {
      await this.db.snapshotFiles.put({ id, json: draft.json });
      await this.db.snapshots.put({ ...draft.info, id });
      await this.pruneInside(draft.info.corpusId, keep);
    });
    return id;
  }

  async list(corpusId: string): Promise<SnapshotInfo[]> {
    // Only the facts: the (large) files are not read for the list.
    return this.db.snapshots.where('[corpusId+takenAt]').between([corpusId, ''], [corpusId, '\uffff']).reverse().toArray();
  }

  async read(corpusId: string, id: string): Promise<string | null> {
    return this.db.transaction('r', this.db.snapshots, this.db.snapshotFiles, async () => {
      const info = await this.db.snapshots.get(id);
      if (!info || info.corpusId !== corpusId) return null;
      return (await this.db.snapshotFiles.get(id))?.json ?? null;
    });
  }

  async prune(corpusId: string, keep: number): Promise<void> {
    await writeInTransaction(this.db, [this.db.snapshots, this.db.snapshotFiles], () => this.pruneInside(corpusId, keep));
  }

  private async pruneInside(corpusId: string, keep: number): Promise<void> {
    const keys = await this.db.snapshots.where('[corpusId+takenAt]').between([corpusId, ''], [corpusId, '\uffff']).primaryKeys();
    // Keys come in takenAt order, oldest first.
    const excess = keys.length - Math.max(1, keep);
    if (excess <= 0) return;
    const old = keys.slice(0, excess);
    await this.db.snapshots.bulkDelete(old);
    await this.db.snapshotFiles.bulkDelete(old);
  }
}

/**
 * Automatic snapshots of the open corpus: taking them (on the schedule, at quit, by hand,
 * before a restore), listing them, the settings, and restoring one after a confirmation.
 * A restore first takes a snapshot of the current state, so restoring that one undoes it.
 */
import { createCorpusState } from '../../../shared/model/state';
import { makeSnapshot, normaliseSnapshotSettings, readSnapshot, type SnapshotInfo, type SnapshotReason, type SnapshotSettings } from '../../../shared/snapshots/snapshot';
import { readSetting, replaceCorpusRecords, writeSetting } from '../../db/db';
import { describeWriteFailure, type WriteAction } from '../../db/storage-errors';
import { LANGUAGES, type Translate } from '../../../shared/i18n/i18n';
import { SnapshotScheduler } from '../../snapshots/snapshot-scheduler';
import type { SnapshotStorage } from '../../snapshots/snapshot-storage';
import type { SnapshotsUi } from '../../state/ui-store';
import type { AppContext } from '../app-context';

const SETTINGS_KEY = 'snapshotSettings';

/** What a snapshot's reason is called in the list and in messages. */
export function snapshotReasonName(reason: SnapshotReason, t: Translate): string {
  return t(`snapshots.reason.${reason}`);
}

/** A snapshot time as the interface language writes it, to the second (snapshots can be a minute apart). */
export function snapshotTime(takenAt: string, t: Translate): string {
  return new Intl.DateTimeFormat(LANGUAGES[t.language].intlLocale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(takenAt));
}

/** The counts of a snapshot as message parameters ("3 documents", "9 spans"). */
export function snapshotCounts(info: Pick<SnapshotInfo, 'documents' | 'spans'>, t: Translate): { documents: string; spans: string } {
  return { documents: t('count.documents', { count: info.documents }), spans: t('count.spans', { count: info.spans }) };
}

/** Which snapshot a failure is about. */
const SNAPSHOT_ACTION: Record<SnapshotReason, WriteAction> = { manual: 'snapshot', 'before-restore': 'currentSnapshot', scheduled: 'autoSnapshot', quit: 'autoSnapshot' };

export class SnapshotActions {
  /** Decides when automatic snapshots are due (started by `start`). */
  readonly scheduler: SnapshotScheduler;

  constructor(
    private readonly app: AppContext,
    /** Where snapshots are stored: files (Electron) or IndexedDB (browser). */
    readonly storage: SnapshotStorage,
  ) {
    this.scheduler = new SnapshotScheduler(
      (reason) => this.take(reason),
      () => this.state.settings.intervalMinutes * 60_000,
    );
  }

  private get state(): SnapshotsUi {
    return this.app.ui.state.snapshots;
  }

  private update(patch: Partial<SnapshotsUi>): void {
    this.app.ui.update({ snapshots: { ...this.app.ui.state.snapshots, ...patch } });
  }

  /** Reads the settings and starts counting this window's changes. */
  async start(): Promise<void> {
    this.update({ settings: normaliseSnapshotSettings(await readSetting<Partial<SnapshotSettings> | null>(this.app.db, SETTINGS_KEY, null)) });
    this.app.sync.onLocalCommit(() => this.scheduler.changed());
  }

  /** Stores a snapshot of the corpus as it is once the queued changes are written; the reason it was not, or null. */
  private async store(reason: SnapshotReason): Promise<{ text: string; details?: string[] } | null> {
    await this.app.corpus.settled();
    const made = makeSnapshot(this.app.corpus.state, reason, this.app.corpus.context.now());
    const { t } = this.app;
    const action = SNAPSHOT_ACTION[reason];
    if (!made.ok) return { text: t('snapshots.mismatch', { what: t(`storage.what.${action}`) }), details: made.problems };
    try {
      await this.storage.write(made.draft, this.state.settings.keep);
    } catch (error) {
      return { text: describeWriteFailure(error, t, action) };
    }
    if (reason === 'manual' || reason === 'before-restore') this.scheduler.taken();
    if (this.app.ui.state.view === 'snapshots') await this.refreshList();
    return null;
  }

  /** Takes a snapshot; resolves with whether it was stored (a failure is reported and changes nothing else). */
  async take(reason: SnapshotReason): Promise<boolean> {
    const failure = await this.store(reason);
    if (failure) this.app.notify('error', failure.text, failure.details);
    return failure === null;
  }

  /** "Take a snapshot now". */
  async takeNow(): Promise<void> {
    this.update({ busy: true });
    try {
      if (await this.take('manual')) {
        const { state } = this.app.corpus;
        this.app.notify('info', this.app.t('snapshots.taken', { ...snapshotCounts({ documents: state.documents.size, spans: state.spans.size }, this.app.t), where: this.app.t(this.storage.where) }));
      }
    } finally {
      this.update({ busy: false });
    }
  }

  /** Reads the list of the open corpus's snapshots. */
  async refreshList(): Promise<void> {
    try {
      this.update({ list: await this.storage.list(this.app.corpus.state.corpus.id) });
    } catch (error) {
      this.update({ list: [] });
      this.app.notify('error', this.app.t('snapshots.listFailed', { error: (error as Error).message }));
    }
  }

  /** Saves the settings (clamped to their limits); a lower limit deletes the oldest snapshots where the storage can. */
  async saveSettings(settings: Partial<SnapshotSettings>): Promise<void> {
    const next = normaliseSnapshotSettings({ ...this.state.settings, ...settings });
    try {
      await writeSetting(this.app.db, SETTINGS_KEY, next);
    } catch (error) {
      await this.app.reportWriteFailure(error, 'snapshotSettings');
      return;
    }
    this.update({ settings: next });
    this.scheduler.reschedule();
    if (this.storage.prune) {
      await this.storage.prune(this.app.corpus.state.corpus.id, next.keep);
      await this.refreshList();
    }
    this.app.notify('info', this.app.t('snapshots.settings.saved', { count: next.intervalMinutes, keep: next.keep }));
  }

  /** Asks for confirmation before restoring a snapshot. */
  askRestore(id: string): void {
    this.update({ confirmingId: id });
  }

  /** Closes the confirmation without restoring. */
  cancelRestore(): void {
    this.update({ confirmingId: null });
  }

  /**
   * Restores a snapshot (after the user confirmed): takes a snapshot of the current state
   * first, then replaces the corpus and its undo history with the snapshot, all in one
   * database transaction. Nothing changes when any step fails.
   */
  async restore(id: string): Promise<boolean> {
    const { corpus } = this.app;
    const corpusId = corpus.state.corpus.id;
    const info = this.state.list?.find((s) => s.id === id);
    this.update({ confirmingId: null, busy: true });
    try {
      const json = await this.storage.read(corpusId, id);
      if (json === null) {
        this.app.notify('error', this.app.t('snapshots.gone'));
        await this.refreshList();
        return false;
      }
      await corpus.settled();
      const read = readSnapshot(json, corpus.state.corpus);
      if (!read.ok) {
        this.app.notify('error', this.app.t('snapshots.damaged'), read.problems);
        return false;
      }
      const failure = await this.store('before-restore');
      if (failure) {
        this.app.notify('error', this.app.t('snapshots.restoreCancelled', { reason: failure.text }), failure.details);
        return false;
      }
      const { records } = read;
      try {
        await corpus.reconcile(async () => {
          await replaceCorpusRecords(this.app.db, records);
          return { state: createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions), history: [] };
        });
      } catch (error) {
        await this.app.reportWriteFailure(error, 'restore');
        return false;
      }
      this.app.sync.announceReplaced(corpusId);
      await this.app.reconcileView();
      await this.refreshList();
      const { t } = this.app;
      this.app.notify(
        'info',
        t('snapshots.restored', {
          time: info ? snapshotTime(info.takenAt, t) : t('snapshots.chosenTime'),
          ...snapshotCounts({ documents: records.documents.length, spans: records.spans.length }, t),
          beforeRestore: snapshotReasonName('before-restore', t),
        }),
      );
      return true;
    } finally {
      this.update({ busy: false });
    }
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsnadApp } from '../../../renderer/app/controller';
import { readCorpus } from '../../../renderer/db/db';
import { SnapshotScheduler, type SchedulerTimers } from '../../../renderer/snapshots/snapshot-scheduler';
import { DatabaseSnapshotStorage } from '../../../renderer/snapshots/snapshot-storage';
import { SYNC_CHANNEL_NAME, type SyncChannel } from '../../../renderer/state/corpus-sync';
import { addSpan } from '../../../shared/model/commands';
import { documentsInOrder, spansOfDocument } from '../../../shared/model/state';
import type { SnapshotReason } from '../../../shared/snapshots/snapshot';
import { closeApps, startApp } from '../helpers/app';

const opened: IsnadApp[] = [];
afterEach(() => closeApps(opened));

async function app(name: string, channel: SyncChannel | null = null): Promise<IsnadApp> {
  const started = await startApp(name, channel);
  opened.push(started);
  return started;
}

async function addLocation(a: IsnadApp): Promise<string> {
  const doc = documentsInOrder(a.corpus.state).find((d) => d.text.includes('دمشق'))!;
  const start = doc.text.indexOf('دمشق');
  const tx = await a.run((s, ctx) => addSpan(s, { docId: doc.id, start, end: start + 4, label: 'LOC' }, ctx));
  return tx!.changes.find((c) => c.table === 'spans')!.id;
}

describe('restoring a snapshot', () => {
  it('replaces the corpus and its history after a snapshot of the current state, which restores it back', async () => {
    const a = await app('restore-roundtrip');
    await a.snapshots.takeNow();
    expect(a.ui.state.notice?.text).toMatch(/^Snapshot taken: 3 documents, 8 spans, kept in this browser’s storage/);
    const early = (await a.snapshots.storage.list(a.corpus.state.corpus.id))[0]!;
    const spanId = await addLocation(a);
    expect(a.corpus.history.undo).toBe('Add LOC span');

    a.showView('snapshots');
    await a.snapshots.refreshList();
    a.snapshots.askRestore(early.id);
    expect(a.ui.state.snapshots.confirmingId).toBe(early.id);
    expect(await a.snapshots.restore(early.id)).toBe(true);
    expect(a.ui.state.notice?.text).toMatch(/^Restored the snapshot of .* \(3 documents, 8 spans\)\. The corpus as it was just before is kept as the newest snapshot, “Before a restore”/);
    expect(a.corpus.state.spans.has(spanId)).toBe(false);
    expect((await readCorpus(a.db, a.corpus.state.corpus.id))!.spans.some((s) => s.id === spanId)).toBe(false);
    expect(a.corpus.history).toEqual({ undo: null, redo: null });
    expect(await a.db.history.count()).toBe(0);

    const list = a.ui.state.snapshots.list!;
    expect(list.map((s) => [s.reason, s.spans])).toEqual([
      ['before-restore', 9],
      ['manual', 8],
    ]);
    // Undoing the restore: restore the snapshot taken just before it.
    expect(await a.snapshots.restore(list[0]!.id)).toBe(true);
    expect(a.corpus.state.spans.get(spanId)?.label).toBe('LOC');
    expect((await a.db.spans.get(spanId))?.label).toBe('LOC');
  });

  it('a damaged snapshot is refused; nothing changes and no snapshot is taken', async () => {
    const a = await app('restore-damaged');
    await a.snapshots.takeNow();
    const [info] = await a.snapshots.storage.list(a.corpus.state.corpus.id);
    const file = (await a.db.snapshotFiles.get(info!.id))!;
    const damaged = file.json.replace(/"spans": ?\[/, '"spans":[{"id":"x","start":-1},');
    expect(damaged).not.toBe(file.json);
    await a.db.snapshotFiles.put({ id: info!.id, json: damaged });
    await addLocation(a);
    const state = a.corpus.state;
    await a.snapshots.refreshList();
    expect(await a.snapshots.restore(info!.id)).toBe(false);
    expect(a.ui.state.notice).toMatchObject({ tone: 'error', text: 'That snapshot cannot be restored: it is damaged. Nothing was changed.' });
    expect(a.corpus.state).toBe(state);
    expect(a.corpus.history.undo).toBe('Add LOC span');
    expect(await a.db.snapshots.count()).toBe(1);
  });

  it('the other window on the corpus shows the restored corpus', async () => {
    const a = await app('restore-two-windows', new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
    const b = await app('restore-two-windows', new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
    await a.snapshots.takeNow();
    const [early] = await a.snapshots.storage.list(a.corpus.state.corpus.id);
    const spanId = await addLocation(a);
    await vi.waitFor(() => expect(b.corpus.state.spans.has(spanId)).toBe(true));
    await a.snapshots.refreshList();
    await a.snapshots.restore(early!.id);
    await vi.waitFor(() => expect(b.corpus.state.spans.has(spanId)).toBe(false));
    expect(b.corpus.history).toEqual({ undo: null, redo: null });
  });
});

describe('keeping the last N snapshots', () => {
  it('deletes the oldest beyond the setting, at each snapshot and when the setting is lowered', async () => {
    const a = await app('keep-n');
    await a.snapshots.saveSettings({ keep: 3, intervalMinutes: 5 });
    expect(a.ui.state.notice?.text).toBe('Snapshots: every 5 minutes while you work, the last 3 kept.');
    for (let i = 0; i < 5; i += 1) expect(await a.snapshots.take(i % 2 ? 'scheduled' : 'manual')).toBe(true);
    const corpusId = a.corpus.state.corpus.id;
    const kept = await a.snapshots.storage.list(corpusId);
    expect(kept).toHaveLength(3);
    expect(kept.map((s) => s.reason)).toEqual(['manual', 'scheduled', 'manual']);
    expect(await a.db.snapshotFiles.count()).toBe(3);
    await a.snapshots.saveSettings({ keep: 1 });
    expect((await a.snapshots.storage.list(corpusId)).map((s) => s.id)).toEqual([kept[0]!.id]);
    expect(await a.db.snapshotFiles.count()).toBe(1);
    // Settings survive a restart.
    a.db.close();
    const again = await app('keep-n');
    expect(again.ui.state.snapshots.settings).toEqual({ intervalMinutes: 5, keep: 1 });
  });

  it('only the snapshots of the corpus asked for are listed and read', async () => {
    const a = await app('storage-corpora');
    const storage = new DatabaseSnapshotStorage(a.db);
    const id = await storage.write({ info: { corpusId: 'other', takenAt: '2026-12-01T10:00:00.000Z', reason: 'manual', documents: 0, spans: 0 }, json: '{}' }, 5);
    expect(await storage.list(a.corpus.state.corpus.id)).toEqual([]);
    expect(await storage.read(a.corpus.state.corpus.id, id)).toBeNull();
    expect(await storage.read('other', id)).toBe('{}');
  });
});

/** Timers the test fires by hand. */
function manualTimers(): SchedulerTimers & { fire(): Promise<void>; pending: number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (callback) => {
      timers.set(++next, callback);
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    get pending() {
      return timers.size;
    },
    async fire() {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the snapshot schedule', () => {
  it('takes one an interval after the first change, none while nothing changes, and one at quit only if something changed since', async () => {
    const taken: SnapshotReason[] = [];
    const timers = manualTimers();
    const scheduler = new SnapshotScheduler(async (reason) => (taken.push(reason), true), () => 60_000, timers);
    await timers.fire();
    expect(taken).toEqual([]);
    scheduler.changed();
    scheduler.changed();
    expect(timers.pending).toBe(1);
    await timers.fire();
    expect(taken).toEqual(['scheduled']);
    await timers.fire();
    scheduler.atQuit();
    expect(taken).toEqual(['scheduled']);
    scheduler.changed();
    scheduler.atQuit();
    expect(taken).toEqual(['scheduled', 'quit']);
    expect(timers.pending).toBe(0);
  });

  it('tries again at the next interval when a snapshot could not be stored', async () => {
    const outcomes = [false, true];
    const taken: boolean[] = [];
    const timers = manualTimers();
    const scheduler = new SnapshotScheduler(async () => (taken.push(outcomes[taken.length]!), outcomes[taken.length - 1]!), () => 1000, timers);
    scheduler.changed();
    await timers.fire();
    expect(timers.pending).toBe(1);
    await timers.fire();
    expect(taken).toEqual([false, true]);
    expect(scheduler.hasChanges).toBe(false);
  });

  it('counts only this window’s own changes (the other window snapshots its own)', async () => {
    const a = await app('schedule-own', new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
    const b = await app('schedule-own', new BroadcastChannel(SYNC_CHANNEL_NAME) as unknown as SyncChannel);
    const spanId = await addLocation(a);
    expect(a.snapshots.scheduler.hasChanges).toBe(true);
    await vi.waitFor(() => expect(b.corpus.state.spans.has(spanId)).toBe(true));
    expect(b.snapshots.scheduler.hasChanges).toBe(false);
    // A snapshot by hand covers the changes: nothing is due any more.
    await a.snapshots.takeNow();
    expect(a.snapshots.scheduler.hasChanges).toBe(false);
    a.snapshots.scheduler.stop();
    b.snapshots.scheduler.stop();
  });

  it('after a restore the view lets go of a span that is gone', async () => {
    const a = await app('restore-view');
    await a.snapshots.takeNow();
    const [early] = await a.snapshots.storage.list(a.corpus.state.corpus.id);
    const spanId = await addLocation(a);
    const docId = a.corpus.state.spans.get(spanId)!.docId;
    await a.openDocument(docId);
    a.ui.update({ focusedSpanId: spanId });
    await a.snapshots.refreshList();
    await a.snapshots.restore(early!.id);
    expect(a.ui.state.focusedSpanId).toBeNull();
    expect(spansOfDocument(a.corpus.state, docId).some((s) => s.id === spanId)).toBe(false);
  });
});

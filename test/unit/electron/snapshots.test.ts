import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/atomic-write';
import { listSnapshots } from '../../../electron/main/ipc/list-snapshots';
import { readSnapshot } from '../../../electron/main/ipc/read-snapshot';
import { deleteSnapshots } from '../../../electron/main/ipc/delete-snapshots';
import { writeSnapshot } from '../../../electron/main/ipc/write-snapshot';
import { PendingWrites, holdQuitForWrites } from '../../../electron/main/pending-writes';
import { nodeSnapshotFs } from '../../../electron/main/snapshot-folder';
import type { SnapshotReason } from '../../../shared/snapshots/snapshot-info';

let root: string;
beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'isnad-snapshots-')), 'snapshots');
});
afterEach(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

const deps = () => ({ root, fs: nodeSnapshotFs, writeFileAtomic: (path: string, data: string) => writeFileAtomic(path, data) });
const info = (minute: number, reason: SnapshotReason = 'scheduled') => ({ corpusId: 'corpus-1', takenAt: `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`, reason, documents: 2, spans: minute });

describe('snapshot files in the user data folder', () => {
  it('writes each snapshot whole under a name main makes, lists them newest first, reads one back', async () => {
    const { id } = await writeSnapshot({ info: info(1), json: '{"a":1}', keep: 5 }, deps());
    await writeSnapshot({ info: info(2, 'quit'), json: '{"b":2}', keep: 5 }, deps());
    expect(id).toBe('2026-11-29T10-01-00.000Z.scheduled.2d.1s.isnad.json');
    expect(await readdir(join(root, 'corpus-1'))).toHaveLength(2);
    const { snapshots } = await listSnapshots({ corpusId: 'corpus-1' }, deps());
    expect(snapshots.map((s) => [s.reason, s.spans])).toEqual([
      ['quit', 2],
      ['scheduled', 1],
    ]);
    expect(await readSnapshot({ corpusId: 'corpus-1', id }, deps())).toEqual({ json: '{"a":1}' });
    expect(await readSnapshot({ corpusId: 'corpus-1', id: '2026-11-29T11-00-00.000Z.manual.0d.0s.isnad.json' }, deps())).toEqual({ missing: true });
    expect(await listSnapshots({ corpusId: 'never-snapshotted' }, deps())).toEqual({ snapshots: [] });
  });

  it('keeps the newest N, and never touches files it did not make', async () => {
    await mkdir(join(root, 'corpus-1'), { recursive: true });
    await writeFile(join(root, 'corpus-1', 'my-notes.txt'), 'mine');
    for (let minute = 1; minute <= 6; minute += 1) await writeSnapshot({ info: info(minute), json: `{"n":${minute}}`, keep: 3 }, deps());
    const names = (await readdir(join(root, 'corpus-1'))).sort();
    expect(names).toEqual(['2026-11-29T10-04-00.000Z.scheduled.2d.4s.isnad.json', '2026-11-29T10-05-00.000Z.scheduled.2d.5s.isnad.json', '2026-11-29T10-06-00.000Z.scheduled.2d.6s.isnad.json', 'my-notes.txt']);
    expect(await readFile(join(root, 'corpus-1', 'my-notes.txt'), 'utf8')).toBe('mine');
  });

  it('a failed write rejects and leaves the earlier snapshots as they were', async () => {
    await writeSnapshot({ info: info(1), json: '{"kept":true}', keep: 1 }, deps());
    const failing = { ...deps(), writeFileAtomic: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) };
    await expect(writeSnapshot({ info: info(2), json: '{"new":true}', keep: 1 }, failing)).rejects.toThrow('ENOSPC');
    const { snapshots } = await listSnapshots({ corpusId: 'corpus-1' }, deps());
    expect(snapshots.map((s) => s.spans)).toEqual([1]);
    expect(await readSnapshot({ corpusId: 'corpus-1', id: snapshots[0]!.id }, deps())).toEqual({ json: '{"kept":true}' });
  });

  it('deletes every snapshot of a deleted corpus and its folder, but not another corpus’s', async () => {
    for (let minute = 1; minute <= 3; minute += 1) await writeSnapshot({ info: info(minute), json: `{"n":${minute}}`, keep: 5 }, deps());
    await writeSnapshot({ info: { ...info(4), corpusId: 'corpus-2' }, json: '{"other":true}', keep: 5 }, deps());
    expect(await deleteSnapshots({ corpusId: 'corpus-1' }, deps())).toEqual({ deleted: 3 });
    expect(await readdir(root)).toEqual(['corpus-2']);
    expect(await readdir(join(root, 'corpus-2'))).toHaveLength(1);
    // Nothing to delete: a corpus never snapshotted, or deleted twice.
    expect(await deleteSnapshots({ corpusId: 'corpus-1' }, deps())).toEqual({ deleted: 0 });
    expect(await deleteSnapshots({ corpusId: 'never-snapshotted' }, deps())).toEqual({ deleted: 0 });
  });

  it('leaves a file it did not make, and the folder holding it', async () => {
    await writeSnapshot({ info: info(1), json: '{}', keep: 5 }, deps());
    await writeFile(join(root, 'corpus-1', 'my-notes.txt'), 'mine');
    expect(await deleteSnapshots({ corpusId: 'corpus-1' }, deps())).toEqual({ deleted: 1 });
    expect(await readdir(join(root, 'corpus-1'))).toEqual(['my-notes.txt']);
    await expect(deleteSnapshots({ corpusId: '..' }, deps())).rejects.toThrow(/Not a corpus id/);
  });

  it('refuses ids that are not its own names and corpus ids that are paths', async () => {
    await expect(readSnapshot({ corpusId: 'corpus-1', id: '../../Cookies' }, deps())).rejects.toThrow(/Not a snapshot/);
    await expect(listSnapshots({ corpusId: '../..' }, deps())).rejects.toThrow(/Not a corpus id/);
    await expect(writeSnapshot({ info: { ...info(1), corpusId: 'a/b' }, json: '{}', keep: 1 }, deps())).rejects.toThrow(/Not a corpus id/);
  });
});

describe('quitting while a snapshot is being written', () => {
  function fakeApp() {
    const listeners: Array<(event: { preventDefault(): void }) => void> = [];
    let quits = 0;
    const app = {
      on: (_event: 'will-quit', listener: (event: { preventDefault(): void }) => void) => listeners.push(listener),
      quit: () => {
        quits += 1;
      },
    };
    /** Emits will-quit; true when the quit went through. */
    const willQuit = (): boolean => {
      let prevented = false;
      for (const listener of listeners) listener({ preventDefault: () => (prevented = true) });
      return !prevented;
    };
    return { app, willQuit, quits: () => quits };
  }

  it('holds the quit until the write is done, then quits', async () => {
    const { app, willQuit, quits } = fakeApp();
    const writes = new PendingWrites();
    holdQuitForWrites(app, writes, 5000);
    let finish!: () => void;
    void writes.track(new Promise<void>((resolve) => (finish = resolve)));
    expect(willQuit()).toBe(false);
    expect(quits()).toBe(0);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(quits()).toBe(1);
    expect(willQuit()).toBe(true);
  });

  it('quits anyway after the time limit (a stuck disk does not keep the app open)', async () => {
    const { app, willQuit, quits } = fakeApp();
    const writes = new PendingWrites();
    holdQuitForWrites(app, writes, 20);
    void writes.track(new Promise(() => undefined));
    expect(willQuit()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(quits()).toBe(1);
  });

  it('with nothing in flight the quit goes through at once', () => {
    const { app, willQuit } = fakeApp();
    holdQuitForWrites(app, new PendingWrites());
    expect(willQuit()).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { documentsInOrder } from '../../../shared/model/state';
import type { IsnadApp } from '../../../renderer/app/controller';
import { ImportActions } from '../../../renderer/app/actions/import-actions';
import { ImportWorkers } from '../../../renderer/import/import-workers';
import { InlinePreparer, InlineWriter, closeInlineWriters } from '../helpers/inline-import-workers';
import { closeApps, startApp } from '../helpers/app';

const opened: IsnadApp[] = [];
afterEach(() => {
  closeApps(opened.splice(0));
  closeInlineWriters();
});

/** Factories that count and keep every worker they make. */
function countingFactories() {
  const made = { preparers: [] as InlinePreparer[], writers: [] as InlineWriter[] };
  return {
    made,
    factories: {
      createPreparer: () => {
        const preparer = new InlinePreparer();
        made.preparers.push(preparer);
        return preparer;
      },
      createWriter: () => {
        const writer = new InlineWriter();
        made.writers.push(writer);
        return writer;
      },
    },
  };
}

const encoder = new TextEncoder();
const article = (i: number) => ({ name: `خبر-${i}.txt`, bytes: encoder.encode(`قال المتحدث باسم الوزارة في البيان رقم ${i} إن الاجتماع انتهى.\n`) });

describe('ImportWorkers', () => {
  it('starts one set of workers ahead (preparers and a writer), once however often it is asked', () => {
    const { made, factories } = countingFactories();
    const workers = new ImportWorkers(factories, 3, () => true);
    expect(workers.warmed).toBe(false);
    workers.warm();
    workers.warm();
    expect(made.preparers).toHaveLength(3);
    expect(made.writers).toHaveLength(1);
    expect(workers.warmed).toBe(true);
  });

  it('hands the waiting workers to one import, and starts new ones for the next', () => {
    const { made, factories } = countingFactories();
    const workers = new ImportWorkers(factories, 2, () => true);
    workers.warm();
    const first = workers.threads();
    expect(first.preparers).toBe(2);
    expect([first.createPreparer(), first.createPreparer()]).toEqual(made.preparers);
    expect(first.createWriter()).toBe(made.writers[0]);
    expect(workers.warmed).toBe(false);
    // Nothing waits any more: the next import's workers are new.
    const second = workers.threads();
    expect(second.createWriter()).not.toBe(made.writers[0]);
    expect(second.createPreparer()).not.toBe(made.preparers[0]);
    expect(made.writers).toHaveLength(2);
    expect(made.preparers).toHaveLength(3);
  });

  it('stops the waiting workers on release, and not those an import took', () => {
    const { made, factories } = countingFactories();
    const workers = new ImportWorkers(factories, 2, () => true);
    workers.warm();
    const taken = workers.threads().createPreparer();
    workers.release();
    expect(taken).toBe(made.preparers[0]);
    expect(made.preparers.map((p) => p.terminated)).toEqual([false, true]);
    expect(made.writers[0]!.terminated).toBe(true);
    expect(workers.warmed).toBe(false);
  });

  it('starts nothing where the host has no workers (Node), and an import still gets workers when it asks', () => {
    const { made, factories } = countingFactories();
    const workers = new ImportWorkers(factories, 2, () => false);
    workers.warm();
    expect(made.preparers).toHaveLength(0);
    expect(made.writers).toHaveLength(0);
    workers.threads().createWriter();
    expect(made.writers).toHaveLength(1);
  });
});

describe('ImportActions with workers started by the import dialog', () => {
  it('starts the workers when files are staged, imports with exactly those, and stops the ones it did not need', async () => {
    const app = await startApp(`import-workers-${Math.random()}`);
    opened.push(app);
    const { made, factories } = countingFactories();
    const imports = new ImportActions(app, new ImportWorkers(factories, 3, () => true));
    imports.stage([article(1), article(2)]);
    expect(made.preparers).toHaveLength(3);
    expect(made.writers).toHaveLength(1);
    const before = documentsInOrder(app.corpus.state).length;
    const result = await imports.run();
    expect(result?.report.imported).toHaveLength(2);
    expect(documentsInOrder(app.corpus.state)).toHaveLength(before + 2);
    // The import used the workers started for it: no new ones.
    expect(made.preparers).toHaveLength(3);
    expect(made.writers).toHaveLength(1);
    expect(made.writers[0]!.posted.some((m) => m.type === 'written')).toBe(true);
    // Two files need two preparers; the third, never used, is stopped with the import.
    expect(made.preparers[2]!.messages).toBe(0);
    expect(made.preparers[2]!.terminated).toBe(true);
  });

  it('stops the workers when the import dialog is closed without importing', async () => {
    const app = await startApp(`import-workers-${Math.random()}`);
    opened.push(app);
    const { made, factories } = countingFactories();
    const imports = new ImportActions(app, new ImportWorkers(factories, 2, () => true));
    imports.stage([article(1)]);
    imports.discard();
    expect(made.preparers.every((p) => p.terminated)).toBe(true);
    expect(made.writers.every((w) => w.terminated)).toBe(true);
    expect(made.preparers.every((p) => p.messages === 0)).toBe(true);
  });
});

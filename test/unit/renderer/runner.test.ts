import { describe, expect, it } from 'vitest';
import { ActionRunner } from '../../../renderer/commands/runner';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('ActionRunner', () => {
  it('runs actions in the order they were submitted, each after the previous finished', async () => {
    const log: string[] = [];
    const runner = new ActionRunner(() => undefined);
    runner.submit(async () => {
      log.push('label start');
      await tick(20);
      log.push('label done');
    });
    runner.submit(() => void log.push('relabel'));
    runner.submit(async () => {
      await tick(5);
      log.push('resize');
    });
    await runner.idle();
    expect(log).toEqual(['label start', 'label done', 'relabel', 'resize']);
  });

  it('lets an idle action say the key was not handled, and counts queued ones as handled', async () => {
    const runner = new ActionRunner(() => undefined);
    expect(runner.submit(() => false)).toBe(false);
    expect(runner.submit(() => undefined)).toBe(true);
    runner.submit(() => tick(5));
    expect(runner.submit(() => false)).toBe(true);
    await runner.idle();
  });

  it('reports a failing action and goes on with the next', async () => {
    const errors: unknown[] = [];
    const log: string[] = [];
    const runner = new ActionRunner((error) => errors.push(error));
    runner.submit(() => Promise.reject(new Error('quota')));
    runner.submit(() => void log.push('next'));
    await runner.idle();
    expect(errors).toHaveLength(1);
    expect(log).toEqual(['next']);
  });
});

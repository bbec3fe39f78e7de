/** Starts the real application controller in Node (fake-indexeddb, no DOM) for tests of user actions. */
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase } from '../../../renderer/db/db';
import type { HostPlatform } from '../../../renderer/platform/host';
import type { SyncChannel } from '../../../renderer/state/corpus-sync';

/** A host with no dialogs; saved exports are collected. */
export function testPlatform(): HostPlatform & { saved: Array<{ name: string; contents: string | Uint8Array }> } {
  const saved: Array<{ name: string; contents: string | Uint8Array }> = [];
  return {
    kind: 'browser',
    saved,
    pickArticleFiles: async () => [],
    pickArticleFolder: async () => null,
    pickDatasetFiles: async () => [],
    pickDatasetFolder: async () => null,
    saveExport: async (name, contents) => {
      saved.push({ name, contents });
      return { saved: true, where: `Downloads/${name}` };
    },
    onMenuCommand: () => () => undefined,
    setMenuLanguage: () => undefined,
    snapshots: null,
  };
}

/** Stops and closes apps a test started (their snapshot timers, sync channels and databases). */
export function closeApps(apps: IsnadApp[]): void {
  for (const app of apps.splice(0)) {
    app.snapshots.scheduler.stop();
    app.sync.close();
    app.db.close();
  }
}

let clock = Date.parse('2026-12-01T09:00:00.000Z');

/** Starts the app on database `name` (the sample corpus when it is new). `channel: null` keeps it alone. */
export async function startApp(name: string, channel: SyncChannel | null = null): Promise<IsnadApp> {
  let id = 0;
  const tag = Math.random().toString(36).slice(2, 6);
  const context = {
    newId: () => `${tag}-${++id}`,
    // Each call a millisecond later, so snapshot times differ and sort.
    now: () => new Date((clock += 1)).toISOString(),
    annotator: 'tester',
  };
  return IsnadApp.start(testPlatform(), new IsnadDatabase(name), context, () => ['en-GB'], channel);
}

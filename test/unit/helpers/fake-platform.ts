/** A host platform for tests of the app in Node: no choosers, no saving, no menu. */
import type { HostPlatform } from '../../../renderer/platform/host';

export const fakePlatform: HostPlatform = {
  kind: 'browser',
  pickArticleFiles: async () => [],
  pickArticleFolder: async () => null,
  pickDatasetFiles: async () => [],
  pickDatasetFolder: async () => null,
  saveExport: async () => ({ saved: false, reason: 'cancelled' }),
  onMenuCommand: () => () => undefined,
};

/**
 * The Electron host: the preload's `window.isnad` (see shared/ipc/contract.ts). The only
 * module that touches the preload API.
 */
import type { IsnadApi } from '../../shared/ipc/contract';
import type { HostPlatform } from './host';

/** Wraps the preload API as a host platform. */
export function electronPlatform(api: IsnadApi): HostPlatform {
  return {
    kind: 'electron',
    async pickArticleFiles() {
      const { files } = await api.openArticleFiles();
      return files;
    },
    async saveExport(suggestedName, contents) {
      const result = await api.saveExport({ suggestedName, contents });
      return result.saved ? { saved: true, where: result.path } : { saved: false, reason: 'cancelled' };
    },
    onMenuCommand(listener) {
      return api.onMenuCommand(listener);
    },
  };
}

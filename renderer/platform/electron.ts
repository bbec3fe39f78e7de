/**
 * The Electron host: the preload's `window.isnad` (see shared/ipc/contract.ts). The only
 * module that touches the preload API.
 */
import type { ArticleFileResult, IsnadApi } from '../../shared/ipc/contract';
import type { WorkerInputFile } from '../import/protocol';
import type { HostPlatform } from './host';
import type { SnapshotStorage } from '../snapshots/snapshot-storage';

/**
 * One file read by main, as worker input: its bytes, or why it was not read — the English
 * sentence and, from a main that sends one, its phrase (said in the interface language).
 */
function toWorkerInput(file: ArticleFileResult): WorkerInputFile {
  if ('bytes' in file) return { name: file.name, bytes: file.bytes };
  return file.phrase ? { name: file.name, error: file.error, errorPhrase: file.phrase } : { name: file.name, error: file.error };
}

/** Snapshots as files in the user data folder, through main. */
export function electronSnapshotStorage(api: IsnadApi): SnapshotStorage {
  return {
    where: 'snapshots.where.files',
    async write(draft, keep) {
      return (await api.writeSnapshot({ info: draft.info, json: draft.json, keep })).id;
    },
    async list(corpusId) {
      return (await api.listSnapshots({ corpusId })).snapshots;
    },
    async read(corpusId, id) {
      const result = await api.readSnapshot({ corpusId, id });
      return 'json' in result ? result.json : null;
    },
    async forget(corpusId) {
      return (await api.deleteSnapshots({ corpusId })).deleted;
    },
  };
}

/** Wraps the preload API as a host platform. */
export function electronPlatform(api: IsnadApi): HostPlatform {
  return {
    kind: 'electron',
    async pickArticleFiles() {
      const { files } = await api.openArticleFiles();
      return files.map(toWorkerInput);
    },
    async pickArticleFolder() {
      const result = await api.openArticleFolder();
      if ('cancelled' in result) return null;
      return { files: result.files.map(toWorkerInput), skipped: result.skipped.map(({ name, reason }) => ({ name, reason })) };
    },
    async pickDatasetFiles() {
      const { files } = await api.openDatasetFiles();
      return files.map(toWorkerInput);
    },
    async pickDatasetFolder() {
      const result = await api.openDatasetFolder();
      if ('cancelled' in result) return null;
      return { folder: result.folder, files: result.files.map(toWorkerInput), skipped: result.skipped.map(({ name, reason }) => ({ name, reason })) };
    },
    async saveExport(suggestedName, contents) {
      const result = await api.saveExport({ suggestedName, contents: typeof contents === 'string' ? contents : new Uint8Array(contents) });
      if (result.saved) return { saved: true, where: result.path };
      if (result.reason === 'cancelled') return { saved: false, reason: 'cancelled' };
      return { saved: false, reason: 'failed', message: result.error, ...(result.phrase ? { phrase: result.phrase } : {}) };
    },
    onMenuCommand(listener) {
      return api.onMenuCommand(listener);
    },
    setMenuLanguage(language) {
      // The menu is a convenience: a refusal (an older main) leaves it in its language.
      api.setMenuLanguage({ language }).catch(() => undefined);
    },
    snapshots: electronSnapshotStorage(api),
  };
}

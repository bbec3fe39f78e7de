/**
 * Builds the object exposed as `window.isnad`. Kept separate from `index.ts` (which touches
 * `contextBridge`) so it can be tested in Node with a stand-in `ipcRenderer`.
 *
 * Imports only zod-free constants and types: this file is bundled into the sandboxed
 * CommonJS preload, where nothing but `electron` can be required at run time.
 */
import { IPC_CHANNELS, MENU_COMMANDS } from '../../shared/ipc/channels';
import type { InterfaceLanguage, IsnadApi, MenuCommand, SaveExportPayload, WriteSnapshotPayload } from '../../shared/ipc/contract';

/** The part of Electron's `ipcRenderer` the API needs. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const menuCommands: readonly string[] = MENU_COMMANDS;

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && menuCommands.includes(value);
}

/**
 * One named function per message; the renderer never gets `ipcRenderer`, the IPC event or
 * a way to pick a channel. Main validates every payload again (the renderer is untrusted).
 */
export function createIsnadApi(ipc: IpcRendererLike): IsnadApi {
  return {
    openArticleFiles: () => ipc.invoke(IPC_CHANNELS.openArticleFiles) as ReturnType<IsnadApi['openArticleFiles']>,
    openArticleFolder: () => ipc.invoke(IPC_CHANNELS.openArticleFolder) as ReturnType<IsnadApi['openArticleFolder']>,
    openDatasetFiles: () => ipc.invoke(IPC_CHANNELS.openDatasetFiles) as ReturnType<IsnadApi['openDatasetFiles']>,
    openDatasetFolder: () => ipc.invoke(IPC_CHANNELS.openDatasetFolder) as ReturnType<IsnadApi['openDatasetFolder']>,
    saveExport: (request: SaveExportPayload) =>
      // Copy only the contract's fields, so stray properties never cross the bridge.
      ipc.invoke(IPC_CHANNELS.saveExport, {
        suggestedName: request?.suggestedName,
        contents: request?.contents,
      }) as ReturnType<IsnadApi['saveExport']>,
    getAppInfo: () => ipc.invoke(IPC_CHANNELS.getAppInfo) as ReturnType<IsnadApi['getAppInfo']>,
    writeSnapshot: (request: WriteSnapshotPayload) =>
      ipc.invoke(IPC_CHANNELS.writeSnapshot, {
        info: {
          corpusId: request?.info?.corpusId,
          takenAt: request?.info?.takenAt,
          reason: request?.info?.reason,
          documents: request?.info?.documents,
          spans: request?.info?.spans,
        },
        json: request?.json,
        keep: request?.keep,
      }) as ReturnType<IsnadApi['writeSnapshot']>,
    listSnapshots: (request: { corpusId: string }) => ipc.invoke(IPC_CHANNELS.listSnapshots, { corpusId: request?.corpusId }) as ReturnType<IsnadApi['listSnapshots']>,
    readSnapshot: (request: { corpusId: string; id: string }) => ipc.invoke(IPC_CHANNELS.readSnapshot, { corpusId: request?.corpusId, id: request?.id }) as ReturnType<IsnadApi['readSnapshot']>,
    deleteSnapshots: (request: { corpusId: string }) => ipc.invoke(IPC_CHANNELS.deleteSnapshots, { corpusId: request?.corpusId }) as ReturnType<IsnadApi['deleteSnapshots']>,
    setMenuLanguage: (request: { language: InterfaceLanguage }) => ipc.invoke(IPC_CHANNELS.setMenuLanguage, { language: request?.language }) as ReturnType<IsnadApi['setMenuLanguage']>,
    onMenuCommand: (callback: (command: MenuCommand) => void) => {
      if (typeof callback !== 'function') throw new TypeError('onMenuCommand expects a function');
      // The IPC event is dropped: it carries `sender` and must not reach the page.
      const listener = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) callback(command);
      };
      ipc.on(IPC_CHANNELS.menuCommand, listener);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(IPC_CHANNELS.menuCommand, listener);
      };
    },
  };
}

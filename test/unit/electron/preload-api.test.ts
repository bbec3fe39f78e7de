import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, ISNAD_API_METHODS } from '../../../shared/ipc/contract';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { createIsnadApi } from '../../../electron/preload/api';
import type { IpcRendererLike } from '../../../electron/preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return { channel };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret ipcRenderer' }, ...args);
  };
  return { ipc, invoked, listeners, emit };
}

describe('the preload API (window.isnad)', () => {
  it('has exactly the contract functions', () => {
    expect([...ISNAD_API_METHODS].sort()).toEqual(['deleteSnapshots', 'getAppInfo', 'listSnapshots', 'onMenuCommand', 'openArticleFiles', 'openArticleFolder', 'openDatasetFiles', 'openDatasetFolder', 'readSnapshot', 'saveExport', 'setMenuLanguage', 'writeSnapshot']);
    const api = createIsnadApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual([...ISNAD_API_METHODS].sort());
    for (const method of ISNAD_API_METHODS) expect(typeof api[method]).toBe('function');
  });

  it('invokes one named channel per message, forwarding only contract fields', async () => {
    const { ipc, invoked } = fakeIpcRenderer();
    const api = createIsnadApi(ipc);
    await api.openArticleFiles();
    await api.openArticleFolder();
    await api.openDatasetFiles();
    await api.openDatasetFolder();
    await api.getAppInfo();
    await api.saveExport({ suggestedName: 'c.json', contents: '{}', extra: 'dropped' } as never);
    const info = { corpusId: 'c', takenAt: '2026-11-29T10:15:00.000Z', reason: 'manual' as const, documents: 1, spans: 2 };
    await api.writeSnapshot({ info: { ...info, path: '/etc' }, json: '{}', keep: 3, folder: '/tmp' } as never);
    await api.listSnapshots({ corpusId: 'c', folder: '/' } as never);
    await api.readSnapshot({ corpusId: 'c', id: 'x.isnad.json', path: '/etc/passwd' } as never);
    await api.deleteSnapshots({ corpusId: 'c', recursive: true, folder: '/' } as never);
    expect(invoked).toEqual([
      [IPC_CHANNELS.openArticleFiles],
      [IPC_CHANNELS.openArticleFolder],
      [IPC_CHANNELS.openDatasetFiles],
      [IPC_CHANNELS.openDatasetFolder],
      [IPC_CHANNELS.getAppInfo],
      [IPC_CHANNELS.saveExport, { suggestedName: 'c.json', contents: '{}' }],
      [IPC_CHANNELS.writeSnapshot, { info, json: '{}', keep: 3 }],
      [IPC_CHANNELS.listSnapshots, { corpusId: 'c' }],
      [IPC_CHANNELS.readSnapshot, { corpusId: 'c', id: 'x.isnad.json' }],
      [IPC_CHANNELS.deleteSnapshots, { corpusId: 'c' }],
    ]);
  });

  it('never forwards arguments to the argument-less messages (no path reaches main)', async () => {
    const { ipc, invoked } = fakeIpcRenderer();
    const api = createIsnadApi(ipc);
    await (api.openArticleFolder as (...args: unknown[]) => Promise<unknown>)('/etc');
    await (api.openArticleFiles as (...args: unknown[]) => Promise<unknown>)(['/etc/passwd']);
    await (api.openDatasetFolder as (...args: unknown[]) => Promise<unknown>)('/etc');
    await (api.openDatasetFiles as (...args: unknown[]) => Promise<unknown>)(['/etc/passwd']);
    expect(invoked).toEqual([[IPC_CHANNELS.openArticleFolder], [IPC_CHANNELS.openArticleFiles], [IPC_CHANNELS.openDatasetFolder], [IPC_CHANNELS.openDatasetFiles]]);
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const api = createIsnadApi(ipc);
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    const other: MenuCommand[] = [];
    const unsubscribeOther = api.onMenuCommand((command) => other.push(command));

    emit(IPC_CHANNELS.menuCommand, 'open');
    emit(IPC_CHANNELS.menuCommand, 'rm -rf'); // not a menu command: dropped
    emit(IPC_CHANNELS.menuCommand, 'undo');
    emit(IPC_CHANNELS.menuCommand, 'open-folder');
    expect(received).toEqual([['open'], ['undo'], ['open-folder']]);

    unsubscribe();
    unsubscribe(); // idempotent
    emit(IPC_CHANNELS.menuCommand, 'redo');
    expect(received).toEqual([['open'], ['undo'], ['open-folder']]);
    expect(other).toEqual(['open', 'undo', 'open-folder', 'redo']);

    unsubscribeOther();
    expect(listeners.get(IPC_CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('refuses a non-function callback', () => {
    const api = createIsnadApi(fakeIpcRenderer().ipc);
    expect(() => api.onMenuCommand('open' as never)).toThrow(TypeError);
  });
});

/**
 * The preload script (sandboxed, bundled to CommonJS as out/preload/index.cjs). It exposes
 * `window.isnad` (see `IsnadApi` in shared/ipc/contract.ts) and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ISNAD_API_KEY } from '../../shared/ipc/channels';
import { createIsnadApi } from './api';

contextBridge.exposeInMainWorld(ISNAD_API_KEY, createIsnadApi(ipcRenderer));

/** Picks the host: Electron when the preload exposed `window.isnad`, the browser otherwise. */
import type { IsnadApi } from '../../shared/ipc/contract';
import { browserPlatform } from './browser';
import { electronPlatform } from './electron';
import type { HostPlatform } from './host';

/** The host platform of this window. */
export function detectPlatform(): HostPlatform {
  const api = (globalThis as { isnad?: IsnadApi }).isnad;
  return api ? electronPlatform(api) : browserPlatform;
}

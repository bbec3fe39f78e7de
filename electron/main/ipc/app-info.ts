/** `getAppInfo()`: the application version and the platform main runs on. */
import type { AppInfo } from '../../../shared/ipc/contract';

/** Dependencies of {@link getAppInfo}: `app.getVersion` and `process.platform` in the app. */
export interface AppInfoDeps {
  getVersion: () => string;
  platform: string;
}

/** Returns `{ version, platform }`. */
export function getAppInfo(deps: AppInfoDeps): AppInfo {
  return { version: deps.getVersion(), platform: deps.platform };
}

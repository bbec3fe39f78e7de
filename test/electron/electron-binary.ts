/**
 * Finds the Electron executable for the end-to-end tests WITHOUT `require('electron')`
 * (which would try to download the binary). Mirrors node_modules/electron/index.js: the
 * binary is `dist/<path.txt>` inside the electron package, unless
 * `ELECTRON_OVERRIDE_DIST_PATH` names another folder holding it.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The outcome: an executable to launch, or why there is none. */
export type ElectronBinary = { found: true; executablePath: string } | { found: false; reason: string };

/** Inputs of {@link findElectronBinary}; everything but the package folder has a default. */
export interface FindElectronBinaryOptions {
  /** The installed `electron` package folder (node_modules/electron). */
  electronPackageDir: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}

/** The executable's path inside a dist folder when path.txt is missing (as electron's install.js writes it). */
export function defaultExecutableName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

function isExecutableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readPathTxt(electronPackageDir: string): string | undefined {
  try {
    const value = readFileSync(join(electronPackageDir, 'path.txt'), 'utf8').trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}

/** Locates the Electron executable, or explains (for the skip message) why it is absent. */
export function findElectronBinary(options: FindElectronBinaryOptions): ElectronBinary {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const pathTxt = readPathTxt(options.electronPackageDir);
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];

  if (override) {
    const candidate = join(override, pathTxt ?? defaultExecutableName(platform));
    return isExecutableFile(candidate, platform)
      ? { found: true, executablePath: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} is not an executable file` };
  }
  if (!pathTxt) {
    return {
      found: false,
      reason: `${join(options.electronPackageDir, 'path.txt')} is missing: the Electron binary was never downloaded (set ELECTRON_OVERRIDE_DIST_PATH to a folder holding it)`,
    };
  }
  const candidate = join(options.electronPackageDir, 'dist', pathTxt);
  return isExecutableFile(candidate, platform)
    ? { found: true, executablePath: candidate }
    : { found: false, reason: `${candidate} does not exist or is not executable: the Electron binary download did not complete` };
}

/**
 * The application menu. Open, Import Folder, Export, Import Dataset, Corpora, Undo and Redo send a menu command to the focused
 * window (see `MenuCommand`) so that the app's own actions run — Undo/Redo deliberately do
 * not use the native `undo`/`redo` roles, which would only edit text fields.
 *
 * Built as a plain template (type-only Electron imports) so it can be tested in Node;
 * `index.ts` turns it into a `Menu`.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

/** Inputs of {@link buildMenuTemplate}. */
export interface MenuOptions {
  /** `process.platform`: macOS gets the application menu first and Quit there. */
  platform: NodeJS.Platform;
  /** `app.isPackaged`: developer tools are offered only when false. */
  isPackaged: boolean;
  /** Product name shown in the macOS application menu. */
  appName: string;
  /** Sends a command to `window` (the focused one, if any). */
  sendCommand: (command: MenuCommand, window: BaseWindow | undefined) => void;
}

/**
 * Builds the menu template: File (Open…, Import Folder…, Export…, Import Dataset…, Corpora…, Quit), Edit (Undo, Redo, Cut, Copy,
 * Paste, Select All), View (Reload, Toggle Developer Tools when not packaged, zoom,
 * full screen) and Help (About).
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command =
    (name: MenuCommand): MenuItemConstructorOptions['click'] =>
    (_item, window) =>
      options.sendCommand(name, window);

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: command('open') },
      { id: 'open-folder', label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: command('open-folder') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: command('export') },
      { type: 'separator' },
      { id: 'import-dataset', label: 'Import Dataset…', accelerator: 'CmdOrCtrl+Shift+D', click: command('import-dataset') },
      { id: 'corpora', label: 'Corpora…', accelerator: 'CmdOrCtrl+Shift+K', click: command('corpora') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { id: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: command('undo') },
      { id: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: command('redo') },
      { type: 'separator' },
      // Native roles: text fields (search, notes) need cut/paste, and on macOS the
      // shortcuts only work when the menu offers them.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ role: 'about', label: `About ${options.appName}` }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about', label: `About ${options.appName}` },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}

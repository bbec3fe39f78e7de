/**
 * The application menu. Open, Import Folder, Export, Import Dataset, Corpora, Undo and Redo, the
 * Go menu and the keyboard items send a menu command to the focused window (see `MenuCommand`)
 * so that the app's own actions run — Undo/Redo deliberately do not use the native
 * `undo`/`redo` roles, which would only edit text fields. Items other than the original file
 * and undo items (Import Dataset, Corpora, Go menu, command palette, shortcuts, settings) carry
 * no accelerator: their keys are the user's to change in the renderer, and a fixed accelerator
 * here would go stale.
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
 * Builds the menu template: File (Open…, Import Folder…, Export…, Import Dataset…, Import brat
 * Folder…, Corpora…, Quit), Edit (Undo, Redo, Cut, Copy, Paste, Select All, Keyboard and Mouse Settings…), View (Command Palette…, Show Suggestions,
 * Reload, Toggle Developer Tools when not packaged, zoom, full screen), Go (next, previous and
 * next unfinished document, Mark Done and Go to Next, Search Documents) and Help (Keyboard
 * Shortcuts, About).
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
      { id: 'import-dataset', label: 'Import Dataset…', click: command('import-dataset') },
      { id: 'import-dataset-folder', label: 'Import brat Folder…', click: command('import-dataset-folder') },
      { id: 'corpora', label: 'Corpora…', click: command('corpora') },
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
      { type: 'separator' },
      { id: 'keyboard-settings', label: 'Keyboard and Mouse Settings…', click: command('keyboard-settings') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: 'command-palette', label: 'Command Palette…', click: command('command-palette') },
      { id: 'toggle-suggestions', label: 'Show or Hide Suggestions', click: command('toggle-suggestions') },
      { type: 'separator' },
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

  const goMenu: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [
      { id: 'next-document', label: 'Next Document', click: command('next-document') },
      { id: 'previous-document', label: 'Previous Document', click: command('previous-document') },
      { id: 'next-unfinished', label: 'Next Unfinished Document', click: command('next-unfinished') },
      { id: 'done-next', label: 'Mark Done and Go to Next', click: command('done-next') },
      { type: 'separator' },
      { id: 'search', label: 'Search Documents', click: command('search') },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ id: 'shortcuts', label: 'Keyboard Shortcuts', click: command('shortcuts') }, { type: 'separator' }, { role: 'about', label: `About ${options.appName}` }],
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

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, goMenu, helpMenu];
}

/**
 * The application menu. Open, Import Folder, Export, Import Dataset, Corpora, Undo and Redo, the
 * Go menu and the keyboard items send a menu command to the focused window (see `MenuCommand`)
 * so that the app's own actions run — Undo/Redo deliberately do not use the native
 * `undo`/`redo` roles, which would only edit text fields. Items other than the original file
 * and undo items (Import Dataset, Corpora, Go menu, command palette, shortcuts, settings) carry
 * no accelerator: their keys are the user's to change in the renderer, and a fixed accelerator
 * here would go stale.
 *
 * The labels come from the interface's catalogue (shared/i18n) in the language the window
 * uses: main builds the menu in the system language at start, and again whenever the window
 * reports its language (`setMenuLanguage`, see menu-language.ts).
 *
 * Built as a plain template (type-only Electron imports) so it can be tested in Node;
 * `menu-language.ts` turns it into a `Menu`.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { MessageKey } from '../../shared/i18n/i18n';

/** The interface's translator, as far as the menu needs it (`createTranslator(language)` fits). */
export type MenuText = (key: MessageKey, params?: Record<string, string | number>) => string;

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
  /** The labels, in the interface language (the same catalogue as the window's). */
  t: MenuText;
}

/**
 * Builds the menu template: File (Open…, Import Folder…, Export…, Import Dataset…, Import brat
 * Folder…, Corpora…, Quit), Edit (Undo, Redo, Cut, Copy, Paste, Select All, Keyboard and Mouse Settings…), View (Command Palette…, Show Suggestions,
 * Reload, Toggle Developer Tools when not packaged, zoom, full screen), Go (next, previous and
 * next unfinished document, Mark Done and Go to Next, Search Documents) and Help (Keyboard
 * Shortcuts, About). Every label, native roles' too, comes from `t`, so the menu speaks the
 * interface language.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { t } = options;
  const isMac = options.platform === 'darwin';
  const command =
    (name: MenuCommand): MenuItemConstructorOptions['click'] =>
    (_item, window) =>
      options.sendCommand(name, window);
  const about = t('menu.about', { app: options.appName });

  const fileMenu: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { id: 'open', label: t('menu.open'), accelerator: 'CmdOrCtrl+O', click: command('open') },
      { id: 'open-folder', label: t('menu.importFolder'), accelerator: 'CmdOrCtrl+Shift+O', click: command('open-folder') },
      { id: 'export', label: t('menu.export'), accelerator: 'CmdOrCtrl+E', click: command('export') },
      { type: 'separator' },
      { id: 'import-dataset', label: t('menu.importDataset'), click: command('import-dataset') },
      { id: 'import-dataset-folder', label: t('menu.importBratFolder'), click: command('import-dataset-folder') },
      { id: 'corpora', label: t('menu.corpora'), click: command('corpora') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t('menu.quit') } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { id: 'undo', label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', click: command('undo') },
      { id: 'redo', label: t('menu.redo'), accelerator: 'CmdOrCtrl+Shift+Z', click: command('redo') },
      { type: 'separator' },
      // Native roles: text fields (search, notes) need cut/paste, and on macOS the
      // shortcuts only work when the menu offers them.
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
      { type: 'separator' },
      { id: 'keyboard-settings', label: t('menu.keyboardSettings'), click: command('keyboard-settings') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { id: 'command-palette', label: t('menu.commandPalette'), click: command('command-palette') },
      { id: 'toggle-suggestions', label: t('menu.toggleSuggestions'), click: command('toggle-suggestions') },
      { type: 'separator' },
      { role: 'reload', label: t('menu.reload') },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools', label: t('menu.devTools') } as const]),
      { type: 'separator' },
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: t('menu.go'),
    submenu: [
      { id: 'next-document', label: t('menu.nextDocument'), click: command('next-document') },
      { id: 'previous-document', label: t('menu.previousDocument'), click: command('previous-document') },
      { id: 'next-unfinished', label: t('menu.nextUnfinished'), click: command('next-unfinished') },
      { id: 'done-next', label: t('menu.doneNext'), click: command('done-next') },
      { type: 'separator' },
      { id: 'search', label: t('menu.search'), click: command('search') },
      { id: 'find-next', label: t('menu.findNext'), click: command('find-next') },
      { id: 'find-previous', label: t('menu.findPrevious'), click: command('find-previous') },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [{ id: 'shortcuts', label: t('menu.shortcuts'), click: command('shortcuts') }, { type: 'separator' }, { role: 'about', label: about }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about', label: about },
      { type: 'separator' },
      { role: 'services', label: t('menu.services') },
      { type: 'separator' },
      { role: 'hide', label: t('menu.hide', { app: options.appName }) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu.quit') },
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, goMenu, helpMenu];
}

import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { buildMenuTemplate } from '../../../electron/main/menu';
import type { MenuOptions } from '../../../electron/main/menu';
import { MenuLanguage } from '../../../electron/main/menu-language';
import { setMenuLanguage } from '../../../electron/main/ipc/set-menu-language';
import { createTranslator } from '../../../shared/i18n/i18n';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: Array<[MenuCommand, BaseWindow | undefined]> = [];
  const template = buildMenuTemplate({
    platform: 'linux',
    isPackaged: true,
    appName: 'Isnad',
    sendCommand: (command, window) => sent.push([command, window]),
    t: createTranslator('en'),
    ...overrides,
  });
  return { template, items: flatten(template), sent };
}

describe('application menu', () => {
  it('has File, Edit, View, Go and Help (plus the app menu on macOS)', () => {
    expect(build().template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Help']);
    expect(build({ platform: 'darwin' }).template.map((item) => item.label)).toEqual([
      'Isnad',
      '&File',
      '&Edit',
      '&View',
      '&Go',
      '&Help',
    ]);
  });

  it('sends every menu command to the focused window; only the fixed file and undo items have accelerators', () => {
    const { items, sent } = build();
    const window = { id: 7 } as BaseWindow;
    // Keyboard-model items have none: their keys are customisable in the renderer.
    const expected: Record<MenuCommand, string | undefined> = {
      open: 'CmdOrCtrl+O',
      'open-folder': 'CmdOrCtrl+Shift+O',
      export: 'CmdOrCtrl+E',
      undo: 'CmdOrCtrl+Z',
      redo: 'CmdOrCtrl+Shift+Z',
      'next-document': undefined,
      'previous-document': undefined,
      'next-unfinished': undefined,
      'done-next': undefined,
      search: undefined,
      'find-next': undefined,
      'find-previous': undefined,
      'toggle-suggestions': undefined,
      'command-palette': undefined,
      shortcuts: undefined,
      'keyboard-settings': undefined,
      'import-dataset': undefined,
      'import-dataset-folder': undefined,
      corpora: undefined,
    };
    for (const command of MENU_COMMANDS) {
      const item = items.find((candidate) => candidate.id === command);
      expect(item?.accelerator).toBe(expected[command]);
      expect(item?.role).toBeUndefined(); // the app's own undo, not the native text undo
      item?.click?.({} as never, window, {} as never);
    }
    expect(sent).toEqual(MENU_COMMANDS.map((command) => [command, window]));
  });

  it('offers File → Import Folder… right after Open…', () => {
    const file = build().template[0];
    const ids = Array.isArray(file?.submenu) ? file.submenu.map((item) => item.id ?? item.role ?? item.type) : [];
    expect(ids.slice(0, 3)).toEqual(['open', 'open-folder', 'export']);
    const item = build().items.find((candidate) => candidate.id === 'open-folder');
    expect(item?.label).toBe('Import Folder…');
  });

  it('keeps native clipboard roles and About', () => {
    const roles = build().items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'selectAll', 'cut', 'paste', 'about', 'quit', 'reload', 'zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
  });

  it('offers developer tools only when not packaged', () => {
    expect(build({ isPackaged: true }).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build({ isPackaged: false }).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('puts Quit in the app menu on macOS and in File elsewhere', () => {
    const mac = build({ platform: 'darwin' }).template;
    expect(flatten([mac[0] as MenuItemConstructorOptions]).some((item) => item.role === 'quit')).toBe(true);
    expect(flatten([mac[1] as MenuItemConstructorOptions]).some((item) => item.role === 'quit')).toBe(false);
    const linux = build().template;
    expect(flatten([linux[0] as MenuItemConstructorOptions]).some((item) => item.role === 'quit')).toBe(true);
  });

  it('speaks Arabic when the interface does: every label, native roles included', () => {
    const { template, items } = build({ t: createTranslator('ar') });
    expect(template.map((item) => item.label)).toEqual(['ملف', 'تحرير', 'عرض', 'انتقال', 'مساعدة']);
    expect(items.find((item) => item.id === 'open-folder')?.label).toBe('استيراد مجلد…');
    expect(items.find((item) => item.id === 'undo')?.label).toBe('تراجع');
    expect(items.find((item) => item.role === 'copy')?.label).toBe('نسخ');
    expect(items.find((item) => item.role === 'about')?.label).toBe('حول Isnad');
    const labelled = items.filter((item) => item.type !== 'separator');
    expect(labelled.filter((item) => !item.label || !/[\u0600-\u06ff]/.test(item.label)).map((item) => item.id ?? item.role)).toEqual([]);
    // The same items and commands as in English: only the words change.
    expect(labelled.map((item) => item.id ?? item.role)).toEqual(build().items.filter((item) => item.type !== 'separator').map((item) => item.id ?? item.role));
  });
});

describe('the menu language', () => {
  it('starts in the system language, then follows the window, rebuilding only on a change', () => {
    const installed: string[] = [];
    const menu = new MenuLanguage({ platform: 'linux', isPackaged: true, appName: 'Isnad', sendCommand: () => undefined }, (template) => installed.push(String(template[0]?.label)));
    menu.applySystem(['fr-FR', 'ar-EG', 'en-US']);
    expect(menu.language).toBe('ar');
    setMenuLanguage({ language: 'ar' }, menu);
    setMenuLanguage({ language: 'en' }, menu);
    expect(installed).toEqual(['ملف', '&File']);
    const other = new MenuLanguage({ platform: 'linux', isPackaged: true, appName: 'Isnad', sendCommand: () => undefined }, () => undefined);
    other.applySystem(['de-DE']);
    expect(other.language).toBe('en');
  });
});

/**
 * Main-process entry (bundled to out/main/index.js): single instance, sandbox everywhere,
 * session security, IPC, menu, window. Quits when all windows are closed, except on macOS.
 */
import { isAbsolute, join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, session } from 'electron';
import type { BaseWindow, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import type { MenuCommand } from '../../shared/ipc/contract';
import { createTranslator } from '../../shared/i18n/i18n';
import { parseDevServerUrl } from './app-url';
import type { AppOrigin } from './app-url';
import { writeFileAtomic } from './atomic-write';
import { getAppInfo } from './ipc/app-info';
import { openArticleFiles } from './ipc/open-article-files';
import type { ShowOpenDialog } from './ipc/open-article-files';
import type { DialogText } from './ipc/dialog-text';
import { openArticleFolder } from './ipc/open-article-folder';
import { openDatasetFiles } from './ipc/open-dataset-files';
import { openDatasetFolder } from './ipc/open-dataset-folder';
import { registerIpcHandlers } from './ipc/register';
import { saveExport } from './ipc/save-export';
import { listSnapshots } from './ipc/list-snapshots';
import { readSnapshot } from './ipc/read-snapshot';
import { deleteSnapshots } from './ipc/delete-snapshots';
import { writeSnapshot } from './ipc/write-snapshot';
import { PendingWrites, holdQuitForWrites } from './pending-writes';
import { nodeSnapshotFs } from './snapshot-folder';
import { MenuLanguage, dialogLanguage } from './menu-language';
import { setMenuLanguage } from './ipc/set-menu-language';
import { createMainWindow, hardenWebContents, installSessionSecurity } from './window';
import { PRODUCT_NAME, bundlePaths } from './window-options';

// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox();

const { rendererDir, preloadPath } = bundlePaths(import.meta.url);
const requestedDevServer = process.env['ELECTRON_RENDERER_URL'];
const origin: AppOrigin = {
  rendererDir,
  // The dev server is honoured only in an unpackaged app, and only on a loopback host.
  devServerUrl: app.isPackaged ? undefined : parseDevServerUrl(requestedDevServer),
};
if (requestedDevServer && !origin.devServerUrl) {
  console.warn(`Ignoring ELECTRON_RENDERER_URL=${requestedDevServer}: only a loopback dev server of an unpackaged app is used.`);
}
if (process.platform === 'win32') app.setAppUserModelId('org.isnad.app');

// Tests of the unpackaged app run against a throw-away profile (database, single-instance
// lock), never the developer's own: ISNAD_USER_DATA_DIR is ignored in a packaged app.
const userDataOverride = app.isPackaged ? undefined : process.env['ISNAD_USER_DATA_DIR'];
if (userDataOverride && isAbsolute(userDataOverride)) app.setPath('userData', userDataOverride);

let mainWindow: BrowserWindow | undefined;

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({ origin, preloadPath });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
  return window;
}

function windowOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** The open dialog, modal to the window that asked (if it still exists). */
function openDialogFor(event: IpcMainInvokeEvent): ShowOpenDialog {
  return (options) => {
    const window = windowOf(event);
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
}

function sendMenuCommand(command: MenuCommand, target: BaseWindow | undefined): void {
  const window = (target && BrowserWindow.fromId(target.id)) ?? BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (window && !window.isDestroyed()) window.webContents.send(IPC_CHANNELS.menuCommand, command);
}

/** Snapshot writes in flight: the app waits for them before it exits. */
const pendingWrites = new PendingWrites();

function start(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));
  holdQuitForWrites(app, pendingWrites);
  // Read after `setPath('userData')` above, so tests' throw-away profiles get their own.
  const snapshots = { root: join(app.getPath('userData'), 'snapshots'), fs: nodeSnapshotFs };

  installSessionSecurity(session.defaultSession, origin);

  // The menu speaks the system language until the window reports the one it uses.
  const menu = new MenuLanguage({ platform: process.platform, isPackaged: app.isPackaged, appName: PRODUCT_NAME, sendCommand: sendMenuCommand }, (template) =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  );
  menu.applySystem(app.getPreferredSystemLanguages());
  // The file dialogs speak the menu's language, as it is when the dialog opens.
  const dialogText = (): DialogText => createTranslator(dialogLanguage(menu, app.getPreferredSystemLanguages()));

  registerIpcHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      openArticleFiles: (event) => openArticleFiles({ showOpenDialog: openDialogFor(event), t: dialogText() }),
      openArticleFolder: (event) => openArticleFolder({ showOpenDialog: openDialogFor(event), t: dialogText() }),
      openDatasetFiles: (event) => openDatasetFiles({ showOpenDialog: openDialogFor(event), t: dialogText() }),
      openDatasetFolder: (event) => openDatasetFolder({ showOpenDialog: openDialogFor(event), t: dialogText() }),
      saveExport: (event, request) =>
        saveExport(request, {
          showSaveDialog: (options) => {
            const window = windowOf(event);
            return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
          },
          writeFileAtomic: (path, data) => writeFileAtomic(path, data),
          defaultDirectory: app.getPath('documents'),
          t: dialogText(),
        }),
      getAppInfo: () => getAppInfo({ getVersion: () => app.getVersion(), platform: process.platform }),
      writeSnapshot: (_event, request) => pendingWrites.track(writeSnapshot(request, { ...snapshots, writeFileAtomic: (path, data) => writeFileAtomic(path, data) })),
      listSnapshots: (_event, request) => listSnapshots(request, snapshots),
      readSnapshot: (_event, request) => readSnapshot(request, snapshots),
      deleteSnapshots: (_event, request) => pendingWrites.track(deleteSnapshots(request, snapshots)),
      setMenuLanguage: (_event, request) => setMenuLanguage(request, menu),
    },
    { origin },
  );

  openMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!app.isReady()) return;
    const window = mainWindow ?? openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Isnad failed to start:', error);
      app.exit(1);
    });
}

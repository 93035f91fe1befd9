import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../app/core.js';
import { DATABASE_FILE } from '../app/paths.js';
import { registerIpc } from './ipc.js';
import { registerAppProtocol } from './protocol.js';
import { APP_ENTRY, APP_SCHEME, guardWebContents, hardenSession, mainWindowOptions } from './security.js';

// The only file that wires Electron to the core: window, protocol, IPC. Behaviour lives in services.
const outDir = fileURLToPath(new URL('..', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
// Every renderer sandboxed, before anything else is created.
app.enableSandbox();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function createMainWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(outDir, 'preload', 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the running app instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
  app
    .whenReady()
    .then(() => {
      core = openCore(join(app.getPath('userData'), DATABASE_FILE), 'electron');
      hardenSession(session.defaultSession);
      registerAppProtocol(protocol, join(outDir, 'renderer'));
      registerIpc(ipcMain, core.ctx);
      createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
    })
    .catch((error: unknown) => {
      // Without a core there is nothing to show: say why and stop rather than leave a process with no window.
      console.error('Off-season Planner could not start:', error);
      app.exit(1);
    });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
}

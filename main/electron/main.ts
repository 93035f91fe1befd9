import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, prepareDatabaseFile, type Core } from '../app/core.js';
import { startupWords } from '../app/startup-words.js';
import { inspectDatabaseFile, migrateOnOwnThread, migrationsPending, startupFailureText } from '../app/upgrade.js';
import { DATABASE_FILE } from '../app/paths.js';
import { registerIpc } from './ipc.js';
import { registerAppProtocol } from './protocol.js';
import {
  APP_ENTRY,
  APP_SCHEME,
  guardWebContents,
  hardenSession,
  mainWindowOptions,
  UPGRADE_ENTRY,
  upgradeWindowOptions,
} from './security.js';

// The only file that wires Electron to the core: window, protocol, IPC. Behaviour lives in services.
const outDir = fileURLToPath(new URL('..', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
// Every renderer sandboxed, before anything else is created.
app.enableSandbox();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
// English until the app is ready to say the system's language (startup-words.ts).
let words = startupWords(null);

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
    .then(async () => {
      // the system's language until the file says which one its user chose
      words = startupWords(app.getLocale());
      hardenSession(session.defaultSession);
      registerAppProtocol(protocol, join(outDir, 'renderer'));
      const databasePath = join(app.getPath('userData'), DATABASE_FILE);
      const restoreNotice = prepareDatabaseFile(databasePath);
      const file = inspectDatabaseFile(databasePath);
      words = startupWords(file.language ?? app.getLocale());
      // An older file is brought up to date on a thread of its own, with a window saying so: at national
      // scale that takes seconds, and a window's thread that does not answer looks like a hung app.
      let upgrading: BrowserWindow | null = null;
      if (migrationsPending(file) > 0) {
        upgrading = new BrowserWindow(upgradeWindowOptions());
        upgrading.once('ready-to-show', () => upgrading?.show());
        const text = JSON.stringify({ lang: file.language ?? app.getLocale(), title: words.upgradingTitle, detail: words.upgradingDetail });
        void upgrading.loadURL(`${UPGRADE_ENTRY}#${encodeURIComponent(text)}`);
        try {
          await migrateOnOwnThread(databasePath, (done, of) => upgrading?.setProgressBar(done / of));
        } catch (error) {
          upgrading.destroy();
          throw error;
        }
      }
      core = openCore(databasePath, 'electron', restoreNotice);
      registerIpc(ipcMain, core.ctx);
      createMainWindow();
      // closed only now: with no window at all, the app would quit (window-all-closed)
      upgrading?.destroy();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
    })
    .catch((error: unknown) => {
      // Without a core there is nothing to show but why: a process with no window helps nobody.
      console.error('Off-season Planner could not start:', error);
      dialog.showErrorBox(words.failedTitle, startupFailureText(error, words));
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

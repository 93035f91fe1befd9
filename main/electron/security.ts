import type { BrowserWindowConstructorOptions, Event as ElectronEvent, IpcMainInvokeEvent, Session, Shell, WebContents } from 'electron';

/** The renderer is served from this origin through the custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Links the app may open in the user's browser; everything else is refused. */
export const EXTERNAL_ALLOW_LIST = new Set<string>(['github.com', 'www.electronjs.org']);

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f6f7f9',
    title: 'Off-season Planner',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The page shown while an older file is brought up to date (renderer/public/upgrading.html). */
export const UPGRADE_ENTRY = `${APP_ORIGIN}/upgrading.html`;

/** A small window with the main window's protections and no bridge at all: the page only shows words. */
export function upgradeWindowOptions(): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions('');
  const { preload: _none, ...isolated } = webPreferences!;
  return {
    width: 480,
    height: 240,
    resizable: false,
    minimizable: false,
    maximizable: false,
    show: false,
    backgroundColor: '#f6f7f9',
    title: 'Off-season Planner',
    webPreferences: isolated,
  };
}

/** Compares origins, not string prefixes: `app://planner.evil` is not `app://planner`. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_ALLOW_LIST.has(parsed.hostname) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Only the app's own top frame may call the contract (`senderFrame` is null once a frame is gone). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Every web contents: no navigation away from the app, no new windows, no webviews. */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event: ElectronEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event: ElectronEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: ElectronEvent) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** No permission (camera, notifications, geolocation...) is ever granted to the page. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { load } from 'js-yaml';

// A fake electron module: the binary cannot be downloaded here, and the door must stay thin enough
// that its wiring is checkable without it. Every call is recorded.
const calls: string[] = [];
type Listener = (...args: unknown[]) => unknown;
const handlers = new Map<string, Listener>();
const appEvents = new Map<string, Listener>();
let exposed: Record<string, unknown> = {};
const invoked: Array<{ channel: string; input: unknown }> = [];
// A fresh user-data folder per run: a shared one would carry another build's database between runs.
let userData = mkdtempSync(join(tmpdir(), 'planner-electron-test-'));
const errorBoxes: Array<{ title: string; text: string }> = [];

vi.mock('electron', () => {
  class FakeWindow {
    static all: FakeWindow[] = [];
    options: unknown;
    loaded = '';
    focused = 0;
    restored = 0;
    destroyed = false;
    progress: number[] = [];
    constructor(options: unknown) {
      this.options = options;
      FakeWindow.all.push(this);
      calls.push('new BrowserWindow');
    }
    once() {}
    on() {}
    show() {}
    setProgressBar(fraction: number) {
      this.progress.push(fraction);
    }
    destroy() {
      this.destroyed = true;
      calls.push('destroy BrowserWindow');
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isMinimized() {
      return true;
    }
    restore() {
      this.restored++;
    }
    focus() {
      this.focused++;
    }
    static getAllWindows() {
      return FakeWindow.all;
    }
  }
  return {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, fn: Listener) => appEvents.set(event, fn),
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
      getPath: () => userData,
      getLocale: () => 'zh-CN',
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string, text: string) => (calls.push('showErrorBox'), errorBoxes.push({ title, text })) },
    ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'), handle: () => calls.push('protocol.handle') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('permissionRequest'),
        setPermissionCheckHandler: () => calls.push('permissionCheck'),
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => (invoked.push({ channel, input }), Promise.resolve({ ok: true, value: 'from-main' })),
    },
  };
});

const security = await import('../../main/electron/security.js');
const { registerIpc, CHANNEL_PREFIX } = await import('../../main/electron/ipc.js');
const { METHOD_NAMES } = await import('../../shared/contract/index.js');
const { CONTENT_SECURITY_POLICY } = await import('../../shared/security.js');
const { createTestDb } = await import('../support/db.js');
const { default: Database } = await import('better-sqlite3');
const { LATEST_VERSION, migrate } = await import('../../main/db/migrations/index.js');
const { writeSetting } = await import('../../main/system/preferences.js');

beforeEach(() => {
  calls.length = 0;
});

describe('window security options', () => {
  const prefs = security.mainWindowOptions('/app/preload.cjs').webPreferences!;
  it('isolates the page context', () => expect(prefs.contextIsolation).toBe(true));
  it('runs the renderer sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('gives the page no Node integration anywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });
  it('disables the webview tag', () => expect(prefs.webviewTag).toBe(false));
});

describe('content security policy', () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
  for (const [where, csp] of [
    ['served with every response', CONTENT_SECURITY_POLICY],
    ['in the page itself', meta],
  ] as const) {
    it(`allows only the app's own scripts, no eval, no plugins (${where})`, () => {
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    });
  }
});

describe('navigation and new windows', () => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: '' });
  const contents = {
    on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
  };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  security.guardWebContents(contents as never, shell);
  const navigate = (event: string, url: string) => {
    const e = { preventDefault: vi.fn() };
    listeners.get(event)!(e, url);
    return e.preventDefault.mock.calls.length > 0;
  };

  it('guards navigation by origin, not by string prefix', () => {
    expect(navigate('will-navigate', 'app://planner/network')).toBe(false);
    expect(navigate('will-navigate', 'app://planner.evil/')).toBe(true);
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
  });
  it('prevents attaching webviews', () => expect(navigate('will-attach-webview', '')).toBe(true));
  it('denies every new window and opens only allow-listed https links outside', () => {
    expect(openHandler({ url: 'https://github.com/x' }).action).toBe('deny');
    expect(openHandler({ url: 'http://github.com/x' }).action).toBe('deny');
    expect(openHandler({ url: 'https://evil.example/x' }).action).toBe('deny');
    expect(openHandler({ url: 'https://user:pw@github.com/' }).action).toBe('deny');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/x');
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: (c: unknown, p: string, cb: (ok: boolean) => void) => void = () => {};
    let check: () => boolean = () => true;
    security.hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as never);
    const answer = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) request(null, p, answer);
    expect(answer.mock.calls.every(([ok]) => ok === false)).toBe(true);
    expect(check()).toBe(false);
  });
});

describe('IPC handlers', () => {
  const setup = () => {
    const { ctx } = createTestDb();
    type Handler = (event: unknown, input: unknown) => Promise<unknown>;
    const ipc = new Map<string, Handler>();
    registerIpc({ handle: (channel: string, fn: Handler) => ipc.set(channel, fn) } as never, ctx);
    return ipc;
  };
  const trusted = { senderFrame: { url: 'app://planner/index.html', parent: null } };

  it('registers exactly one handler per contract method', () => {
    const ipc = setup();
    expect([...ipc.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${CHANNEL_PREFIX}${m}`).sort());
  });
  it('refuses a missing, framed or foreign sender', async () => {
    const ipc = setup();
    const call = ipc.get(`${CHANNEL_PREFIX}network.summary`)!;
    for (const event of [
      { senderFrame: null },
      { senderFrame: { url: 'app://planner/', parent: {} } },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://planner.evil/', parent: null } },
    ]) {
      expect(await call(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await call(trusted, {})).toMatchObject({ ok: true });
  });
  it('validates input with the contract, naming the field', async () => {
    const ipc = setup();
    const r = await ipc.get(`${CHANNEL_PREFIX}distributor.get`)!(trusted, { id: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'id' }] } });
  });
});

describe('preload', () => {
  it('exposes one frozen object that forwards contract methods only, never the IPC event', async () => {
    exposed = {};
    await import('../../main/electron/preload.js');
    expect(Object.keys(exposed)).toEqual(['plannerBridge']);
    const bridge = exposed.plannerBridge as { invoke(m: string, i: unknown): Promise<unknown>; door: string };
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['door', 'invoke']);
    expect(await bridge.invoke('network.summary', {})).toEqual({ ok: true, value: 'from-main' });
    expect(invoked.at(-1)).toEqual({ channel: 'planner:network.summary', input: {} });
    expect(await bridge.invoke('ipcRenderer.send', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(invoked).toHaveLength(1);
  });
});

describe('app start-up', () => {
  it('enables the sandbox and takes the single-instance lock before anything is ready; a second start focuses the window', async () => {
    calls.length = 0;
    await import('../../main/electron/main.js');
    await vi.waitFor(() => expect(calls).toContain('new BrowserWindow'));
    expect(calls.filter((c) => c.startsWith('exit'))).toEqual([]);
    expect(calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('requestSingleInstanceLock')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).toContain('protocol.handle');
    expect(calls).toContain('permissionRequest');
    const { BrowserWindow } = await import('electron');
    const win = (BrowserWindow as unknown as { all: Array<{ loaded: string; restored: number; focused: number }> }).all[0]!;
    expect(win.loaded).toBe('app://planner/index.html');
    expect(win.loaded.startsWith('file:')).toBe(false);
    appEvents.get('second-instance')!();
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
  });
});

describe('app start-up with a file from another version', () => {
  interface Win {
    loaded: string;
    destroyed: boolean;
    progress: number[];
    options: { webPreferences: Record<string, unknown> };
  }
  /** A fresh start of the app (its modules loaded again) on a file `prepare` wrote. */
  const startWith = async (prepare: (db: import('better-sqlite3').Database) => void) => {
    userData = mkdtempSync(join(tmpdir(), 'planner-electron-upgrade-'));
    const db = new Database(join(userData, 'planner.sqlite'));
    prepare(db);
    db.close();
    calls.length = 0;
    errorBoxes.length = 0;
    vi.resetModules();
    const { BrowserWindow } = await import('electron');
    const all = (BrowserWindow as unknown as { all: Win[] }).all;
    const before = all.length;
    await import('../../main/electron/main.js');
    return () => all.slice(before);
  };

  it('brings an older file up to date on another thread, with a window saying so in the chosen language, then opens the app', async () => {
    const windows = await startWith((db) => {
      migrate(db, LATEST_VERSION - 1);
      writeSetting(db, 'language', 'ru');
    });
    await vi.waitFor(() => expect(calls).toContain('destroy BrowserWindow'), { timeout: 20_000 });
    const [upgrading, main] = windows();
    expect(upgrading!.loaded.startsWith(`${security.UPGRADE_ENTRY}#`)).toBe(true);
    const words = JSON.parse(decodeURIComponent(upgrading!.loaded.split('#')[1]!)) as { lang: string; title: string };
    expect(words).toMatchObject({ lang: 'ru', title: 'Обновление данных для этой версии…' });
    // the page shows words only: no bridge into the app, and the main window's protections
    expect(upgrading!.options.webPreferences.preload).toBeUndefined();
    expect(upgrading!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(upgrading!.progress).toEqual([1]);
    expect(main!.loaded).toBe(security.APP_ENTRY);
    // closed after the app's window opened: with no window at all the app would quit
    expect(calls.indexOf('destroy BrowserWindow')).toBeGreaterThan(calls.lastIndexOf('new BrowserWindow'));
    const file = new Database(join(userData, 'planner.sqlite'), { readonly: true });
    expect(file.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    file.close();
  });

  it('says why it cannot start, in the system language, when the file is from a newer version, and stops', async () => {
    const windows = await startWith((db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    await vi.waitFor(() => expect(calls).toContain('exit 1'));
    expect(windows()).toEqual([]);
    expect(errorBoxes).toHaveLength(1);
    expect(errorBoxes[0]!.title).toBe('淡季规划工具无法启动');
    expect(errorBoxes[0]!.text).toContain(`此数据库由更新版本的计划工具写入（结构 ${LATEST_VERSION + 1}`);
  });
});

describe('packaging', () => {
  const config = load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
    electronFuses: Record<string, boolean>;
    asarUnpack: string[];
    linux: { target: string[] };
    win: { target: string[] };
    mac: { target: string[] };
  };
  it('sets the fuses that close Node back doors and protect the archive', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });
  it('unpacks the native module and every worker script the build writes from asar and targets every desktop', () => {
    // Every worker entry of scripts/build.mjs: a worker left inside the archive cannot load the native module.
    const build = readFileSync(new URL('../../scripts/build.mjs', import.meta.url), 'utf8');
    const workers = [...build.matchAll(/'([\w-]+-worker)':/g)].map((m) => `out/main/${m[1]}.js`);
    expect(workers).toEqual(expect.arrayContaining(['out/main/job-worker.js', 'out/main/forecast-worker.js', 'out/main/query-worker.js']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', ...workers]));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's first command, run as a newcomer runs it: a clean copy of the project, `npm ci`, then
 * `npm start`. Only what needs the internet is replaced, at that boundary: Electron's runtime by a fake
 * executable that records how it was started (ELECTRON_OVERRIDE_DIST_PATH, Electron's own variable),
 * and Electron's headers by the headers of the Node that runs this test (npm's `nodedir`), which is the
 * one download the native rebuild needs. Everything else is the real thing: @electron/rebuild, node-gyp,
 * the build and the start script.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const nodeHeaders = join(dirname(process.execPath), '..');
let work: string;
let app: string;
let fakeDist: string;
let launches: string;

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
    npm_config_nodedir: nodeHeaders,
    FAKE_ELECTRON_LOG: launches,
    ...extraEnv,
  };
  // A parent `npm test` leaves its own script variables behind; the child npm must see a user's shell.
  for (const key of Object.keys(env)) if (key.startsWith('npm_lifecycle') || key === 'npm_package_json') delete env[key];
  return spawnSync(command, args, { cwd: app, env, encoding: 'utf8', timeout: 15 * 60_000 });
}

function npm(args: string[], extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, extraEnv);
}

function marker(): string {
  return readFileSync(join(app, 'node_modules', '.planner-native-abi'), 'utf8').trim();
}

function recordedLaunches(): Array<{ argv: string[]; cwd: string }> {
  if (!existsSync(launches)) return [];
  return readFileSync(launches, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { argv: string[]; cwd: string });
}

function electronVersion(): string {
  return (JSON.parse(readFileSync(join(app, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'planner-readme-'));
  app = join(work, 'app');
  fakeDist = join(work, 'electron-dist');
  launches = join(work, 'launches.jsonl');
  // What a clone holds: the tracked files (and new ones not yet committed), nothing ignored.
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
  expect(files.status).toBe(0);
  for (const file of files.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(projectRoot, file))) continue;
    mkdirSync(dirname(join(app, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(app, file));
  }
  mkdirSync(fakeDist, { recursive: true });
  const fakeElectron = join(fakeDist, 'electron');
  writeFileSync(
    fakeElectron,
    [
      `#!${process.execPath}`,
      "const { appendFileSync } = require('node:fs');",
      'appendFileSync(process.env.FAKE_ELECTRON_LOG, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + "\\n");',
      // A real Electron binary carries its fuse wire after this sentinel (version 1, eight fuses, each
      // '0' or '1'), which electron-builder flips while packaging: Electron 41's defaults.
      `// fuse wire: ${FUSE_SENTINEL}\x01\x0810110001`,
      '',
    ].join('\n'),
  );
  chmodSync(fakeElectron, 0o755);
  const install = npm(['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  expect(install.status, explain(install)).toBe(0);
}, 15 * 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the README's commands from a clean copy", () => {
  it('npm start rebuilds SQLite for Electron through the public API, builds, and starts Electron on the app', () => {
    const start = npm(['start', '--', '--smoke']);
    expect(start.status, explain(start)).toBe(0);
    expect(start.stdout).toContain(`Rebuilding better-sqlite3 for Electron ${electronVersion()}`);
    expect(marker()).toBe(`electron-${electronVersion()}`);
    expect(existsSync(join(app, 'out', 'main', 'electron.js'))).toBe(true);
    expect(existsSync(join(app, 'out', 'renderer', 'index.html'))).toBe(true);
    const launched = recordedLaunches();
    expect(launched).toHaveLength(1);
    expect(launched[0]!.argv).toEqual([app, '--smoke']);
    expect(launched[0]!.cwd).toBe(app);
  });

  it('switches the native module in any order: start, test, start', () => {
    const forTests = run(process.execPath, ['scripts/native-abi.mjs', 'node']);
    expect(forTests.status, explain(forTests)).toBe(0);
    expect(marker()).toBe(`node-${process.versions.modules}`);
    const probe = run(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"]);
    expect(probe.status, explain(probe)).toBe(0);

    const again = npm(['start']);
    expect(again.status, explain(again)).toBe(0);
    expect(again.stdout).toContain('Rebuilding better-sqlite3 for Electron');
    expect(marker()).toBe(`electron-${electronVersion()}`);
    expect(recordedLaunches()).toHaveLength(2);
  });

  it('a first start that cannot download Electron says so in one sentence, with what to do', () => {
    const offline = npm(['start'], {
      ELECTRON_OVERRIDE_DIST_PATH: '',
      // An address nothing listens on stands in for a machine without internet.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    });
    expect(offline.status).not.toBe(0);
    const message = offline.stderr.split('\n').find((line) => line.startsWith('Could not download the Electron runtime'));
    expect(message, explain(offline)).toBeDefined();
    expect(message).toContain('npm run serve');
    expect(offline.stderr).not.toMatch(/^\s+at /m);
  });

  it('npm run dist rebuilds, builds and packages the app with its fuses set, up to the installers', () => {
    const dist = npm(['run', 'dist', '--', '--dir', `-c.electronDist=${fakeDist}`]);
    expect(dist.status, explain(dist)).toBe(0);
    expect(marker()).toBe(`electron-${electronVersion()}`);
    const unpacked = join(app, 'dist', 'linux-unpacked');
    const packaged = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
    expect(packaged).toContain('/out/main/electron.js');
    expect(packaged).toContain('/out/renderer/index.html');
    // the window shown while an older file is brought up to date, and the thread that does it
    expect(packaged).toContain('/out/renderer/upgrading.html');
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'out', 'main', 'migrate-worker.js'))).toBe(true);
    // The native module cannot load from inside the archive: it must be unpacked beside it.
    expect(
      existsSync(
        join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      ),
    ).toBe(true);
    // electron-builder.yml's fuses, in @electron/fuses' order: run-as-node off, cookie encryption on,
    // NODE_OPTIONS off, inspector off, asar integrity on, app only from asar, no V8 snapshot, no file:// extras.
    const binary = readFileSync(join(unpacked, 'offseason-planner'));
    const wire = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary.subarray(wire + 2, wire + 10).toString('latin1')).toBe('01001100');
  });
});

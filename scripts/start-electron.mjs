// `npm start`: makes sure the Electron runtime is there, builds the SQLite module for it and the app,
// then starts the desktop app. Electron's binary is fetched by its own installer; when an install
// skipped it (ELECTRON_SKIP_BINARY_DOWNLOAD, or an offline npm install) it is fetched here on first
// start. The runtime comes first so that a machine without internet hears so before a minute of
// compiling. ELECTRON_OVERRIDE_DIST_PATH (Electron's own variable) points at a runtime elsewhere.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = dirname(require.resolve('electron/package.json'));

function runStep(script, args) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', script), ...args], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureRuntime() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH || existsSync(join(electronDir, 'path.txt'))) return;
  console.log('Downloading the Electron runtime (first start only)...');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (download.status === 0 && existsSync(join(electronDir, 'path.txt'))) return;
  const reason = firstLine(download.stderr) || `the installer exited with ${download.status}`;
  console.error(
    `Could not download the Electron runtime (${reason}): run \`npm start\` once with internet access, ` +
      'or use `npm run serve` to open the planner in a browser instead.',
  );
  process.exit(1);
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

ensureRuntime();
runStep('native-abi.mjs', ['electron']);
runStep('build.mjs', []);

const electronPath = require('electron');
// ELECTRON_RUN_AS_NODE inherited from a parent tool would start a bare Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, [projectRoot, ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Could not start Electron at ${electronPath} (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 0));

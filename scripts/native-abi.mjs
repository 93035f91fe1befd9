// One node_modules holds better-sqlite3 built for one ABI at a time: Node's for tests, the command
// line and browser mode; Electron's for the desktop app. Each entry point calls this first with the
// runtime it needs, so `npm start`, `npm test` and `npm run dist` work in any order.
//
// The marker says which runtime the last build was for; a probe checks the binary itself, because a
// marker can lie (an interrupted rebuild, a `npm rebuild` by hand, a copied node_modules).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
const marker = new URL('../node_modules/.planner-native-abi', import.meta.url);
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** True when the installed better-sqlite3 binary loads in this Node (so it was built for Node, not Electron). */
function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: projectRoot,
    stdio: 'pipe',
  });
  return probe.status === 0;
}

async function rebuildForElectron(electronVersion) {
  console.log(`Rebuilding better-sqlite3 for Electron ${electronVersion} (about a minute)...`);
  // The package's public API (its only export); its CLI file is not exported and cannot be resolved.
  const { rebuild } = await import('@electron/rebuild');
  try {
    await rebuild({ buildPath: projectRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Could not build the SQLite module for Electron ${electronVersion} (${reason.split('\n')[0]}). ` +
        'It needs the Electron headers from the internet once, plus python3, make and a C++ compiler; ' +
        'meanwhile `npm run serve` opens the planner in a browser.',
    );
    process.exit(1);
  }
}

if (target === 'node') {
  const wanted = `node-${process.versions.modules}`;
  if (current === wanted && loadsInNode()) process.exit(0);
  if (!loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node (about a minute)...');
    execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  }
  writeFileSync(marker, wanted);
} else if (target === 'electron') {
  const electronVersion = require('electron/package.json').version;
  const wanted = `electron-${electronVersion}`;
  // A binary that loads in plain Node was not built for Electron, whatever the marker says.
  if (current === wanted && !loadsInNode()) process.exit(0);
  await rebuildForElectron(electronVersion);
  if (loadsInNode()) {
    // Happens when npm's `nodedir` setting points node-gyp at Node's own headers instead of Electron's.
    console.warn(
      'Note: the SQLite module was built against Node headers (npm config `nodedir` is set), so Electron may refuse to load it.',
    );
  }
  writeFileSync(marker, wanted);
} else {
  console.error('usage: native-abi.mjs node|electron');
  process.exit(2);
}

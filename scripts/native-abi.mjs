// One node_modules holds better-sqlite3 built for one ABI at a time: Node's for tests, the command
// line and browser mode; Electron's for the desktop app. Each entry point calls this first with the
// runtime it needs, so `npm start`, `npm test` and `npm run dist` work in any order.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = process.argv[2];
const marker = new URL('../node_modules/.planner-native-abi', import.meta.url);
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'pipe' });
  return probe.status === 0;
}

if (target === 'node') {
  const wanted = `node-${process.versions.modules}`;
  if (current === wanted && loadsInNode()) process.exit(0);
  if (!loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node (about a minute)...');
    execFileSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  }
  writeFileSync(marker, wanted);
} else if (target === 'electron') {
  const electronVersion = require('electron/package.json').version;
  const wanted = `electron-${electronVersion}`;
  if (current === wanted) process.exit(0);
  console.log(`Rebuilding better-sqlite3 for Electron ${electronVersion}...`);
  execFileSync(
    process.execPath,
    [require.resolve('@electron/rebuild/lib/cli.js'), '--force', '--only', 'better-sqlite3', '--version', electronVersion],
    {
      stdio: 'inherit',
    },
  );
  writeFileSync(marker, wanted);
} else {
  console.error('usage: native-abi.mjs node|electron');
  process.exit(2);
}

// Builds what every door runs: the Node side (command line, bridge, job worker, Electron main and
// preload) with esbuild, and the renderer with Vite. `--node-only` skips the renderer.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { writeMethodNames } from './method-names.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const nodeOnly = process.argv.includes('--node-only');
const started = Date.now();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

// The preload's list of method names follows the contract.
await writeMethodNames();

// The workers run from outside the asar archive in the packaged app (only the native module is
// unpacked beside them, and everything else is bundled into them), so outside its integrity check.
// Each is built before the code that starts it, which carries its SHA-256 and refuses to start a
// worker whose file was changed (main/jobs/worker-entry.ts): the chain starts inside the archive.
const workerBuild = (entryPoints, hashes) =>
  esbuild({
    ...common,
    define: { ...common.define, __WORKER_HASHES__: JSON.stringify(hashes) },
    entryPoints,
    outdir: 'out/main',
    format: 'esm',
    external: ['better-sqlite3', 'electron'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
const sha256 = (name) =>
  createHash('sha256')
    .update(readFileSync(`out/main/${name}`))
    .digest('hex');

// The readiness demand thread is started by the query thread and by the command line (the bench); the
// import's checking thread by the job thread, the main process and the command line; the migrations'
// thread by the desktop's main process.
await workerBuild(
  {
    'demand-worker': 'main/readiness/demand-worker.ts',
    'import-check-worker': 'main/importing/check-worker.ts',
    'migrate-worker': 'main/app/migrate-worker.ts',
  },
  {},
);
const demandHash = {
  'demand-worker.js': sha256('demand-worker.js'),
  'import-check-worker.js': sha256('import-check-worker.js'),
  'migrate-worker.js': sha256('migrate-worker.js'),
};
await workerBuild({ 'forecast-worker': 'main/forecast/compute-worker.ts', 'query-worker': 'main/api/query-worker.ts' }, demandHash);
const leafHashes = { ...demandHash, 'forecast-worker.js': sha256('forecast-worker.js'), 'query-worker.js': sha256('query-worker.js') };
await workerBuild({ 'job-worker': 'main/jobs/worker.ts' }, leafHashes);
const workerHashes = { ...leafHashes, 'job-worker.js': sha256('job-worker.js') };

await Promise.all([
  esbuild({
    ...common,
    define: { ...common.define, __WORKER_HASHES__: JSON.stringify(workerHashes) },
    entryPoints: {
      cli: 'main/cli/index.ts',
      electron: 'main/electron/main.ts',
    },
    outdir: 'out/main',
    format: 'esm',
    // Dependencies load from node_modules at run time (better-sqlite3 is native and cannot be bundled).
    packages: 'external',
    external: ['electron'],
  }),
  // A sandboxed preload must be a single CommonJS script that requires nothing but 'electron'.
  esbuild({
    ...common,
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'out/preload',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
  }),
]);

if (!nodeOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await buildPhone(viteBuild);
}
console.log(`built ${nodeOnly ? 'main' : 'main + renderer'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/**
 * The phone page (renderer/phone, served by the team server under /phone/) and its service worker,
 * which is told the page's files and a version made from their contents, so each build replaces
 * the phone's cached shell as a whole.
 */
async function buildPhone(viteBuild) {
  await viteBuild({ configFile: 'vite.phone.config.ts', logLevel: 'warn' });
  const dir = 'out/renderer/phone';
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(dir.length + 1)}${entry.parentPath.length > dir.length ? '/' : ''}${entry.name}`)
    .filter((file) => !file.endsWith('.map'))
    .sort();
  const version = createHash('sha256');
  for (const file of files) version.update(file).update(readFileSync(`${dir}/${file}`));
  await esbuild({
    entryPoints: { sw: 'renderer/phone/sw.ts' },
    outdir: dir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    logLevel: 'warning',
    define: { __SHELL_FILES__: JSON.stringify(files), __SHELL_VERSION__: JSON.stringify(version.digest('hex').slice(0, 16)) },
  });
}

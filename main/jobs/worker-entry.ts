import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { clockEnv } from '../clock.js';

/** SHA-256 of each built worker script, put in by scripts/build.mjs; absent when run from source. */
declare const __WORKER_HASHES__: Record<string, string> | undefined;
const EXPECTED: Record<string, string> = typeof __WORKER_HASHES__ === 'object' ? __WORKER_HASHES__ : {};

/**
 * Starts a worker script: beside the bundle when built (unpacked from the asar archive in the
 * packaged app), or the TypeScript source under tests, loaded through tsx's loader in the thread.
 */
export function startWorker(callerUrl: string, sourceFile: string, builtFile: string, workerOptions: WorkerOptions = {}): Worker {
  // The thread runs on the same clock as its parent (a test's fixed clock included).
  const options: WorkerOptions = { ...workerOptions, env: { ...process.env, ...clockEnv() } };
  if (callerUrl.endsWith('.ts')) {
    const target = new URL(sourceFile, callerUrl).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  const url = new URL(builtFile, callerUrl.replace('/app.asar/', '/app.asar.unpacked/'));
  checkWorkerScript(fileURLToPath(url), EXPECTED);
  return new Worker(url, options);
}

/**
 * Worker scripts load from outside the asar archive, so Electron's integrity check does not cover
 * them; the code that starts them does (it is inside the archive, or checked by its own starter),
 * and it refuses a script whose bytes differ from the ones it was built with.
 */
export function checkWorkerScript(file: string, expected: Record<string, string>): void {
  const want = expected[basename(file)];
  if (want === undefined) return;
  const have = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (have !== want) throw new Error(`The app's file ${basename(file)} was changed after it was built; reinstall the app.`);
}

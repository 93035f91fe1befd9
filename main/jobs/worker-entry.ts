import { Worker, type WorkerOptions } from 'node:worker_threads';
import { clockEnv } from '../clock.js';

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
  return new Worker(new URL(builtFile, callerUrl.replace('/app.asar/', '/app.asar.unpacked/')), options);
}

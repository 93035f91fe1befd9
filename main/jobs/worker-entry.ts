import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker script lives: beside the bundle when built (unpacked from the asar archive in the
 * packaged app), the TypeScript source under tests, where it runs through tsx.
 */
export function workerEntry(callerUrl: string, sourceFile: string, builtFile: string): { url: URL; options: WorkerOptions } {
  if (callerUrl.endsWith('.ts')) return { url: new URL(sourceFile, callerUrl), options: { execArgv: ['--import', 'tsx'] } };
  return { url: new URL(builtFile, callerUrl.replace('/app.asar/', '/app.asar.unpacked/')), options: {} };
}

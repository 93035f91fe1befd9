import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../jobs/worker-entry.js';
import { computeBatch, type ComputeItem, type ComputeResult } from './compute.js';

const BATCH = 200;

export interface PoolOptions {
  horizon: number;
  workers?: number;
  onProgress?(done: number, total: number): void;
  /** Polled between batches; when true the threads are stopped and the run abandons. */
  isCancelled?(): boolean;
}

export class PoolCancelled extends Error {}

/**
 * Forecasts many series on every core: batches go to a small pool of threads as each frees up.
 * One thread or a handful of series: computed inline, a thread costs more than it saves.
 */
export async function computeForecasts(items: ComputeItem[], options: PoolOptions): Promise<{ results: ComputeResult[]; workers: number }> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(items.length / BATCH)));
  const results = new Array<ComputeResult>(items.length);
  if (workers === 1 || items.length < BATCH) {
    for (let start = 0; start < items.length; start += BATCH) {
      if (options.isCancelled?.()) throw new PoolCancelled();
      computeBatch({ items: items.slice(start, start + BATCH), horizon: options.horizon }).forEach((r, i) => (results[start + i] = r));
      options.onProgress?.(Math.min(items.length, start + BATCH), items.length);
    }
    return { results, workers: 1 };
  }
  const threads = Array.from({ length: workers }, () => startWorker(import.meta.url, './compute-worker.ts', './forecast-worker.js'));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (thread: Worker) => {
        if (options.isCancelled?.()) return reject(new PoolCancelled());
        if (next >= items.length) return;
        const batch = next;
        next += BATCH;
        thread.postMessage({ batch, items: items.slice(batch, batch + BATCH), horizon: options.horizon });
      };
      for (const thread of threads) {
        thread.on('message', (m: { batch: number; results: ComputeResult[] }) => {
          m.results.forEach((r, i) => (results[m.batch + i] = r));
          done += m.results.length;
          options.onProgress?.(done, items.length);
          if (done >= items.length) resolve();
          else send(thread);
        });
        thread.on('error', reject);
        send(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return { results, workers };
}

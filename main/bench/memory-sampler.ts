import { Worker } from 'node:worker_threads';

/**
 * The highest resident memory while a piece of work runs. The recomputations are synchronous, so a
 * timer in this thread would never fire during one: a small worker thread reads the process's
 * resident size every few milliseconds into shared memory instead.
 */
export class MemorySampler {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 5) {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const cell = new Int32Array(workerData.buffer);
       const sleep = new Int32Array(new SharedArrayBuffer(4));
       for (;;) {
         if (Atomics.load(cell, 1) === 1) break;
         const mb = Math.round(process.memoryUsage.rss() / 1048576);
         if (mb > Atomics.load(cell, 0)) Atomics.store(cell, 0, mb);
         Atomics.wait(sleep, 0, 0, ${intervalMs});
       }`,
      { eval: true, workerData: { buffer: this.shared.buffer } },
    );
    this.worker.unref();
  }

  /** The peak since the last call, in MB, and a new start for the next measurement. */
  async peakOf<T>(work: () => T | Promise<T>): Promise<{ value: T; peakMB: number }> {
    Atomics.store(this.shared, 0, Math.round(process.memoryUsage.rss() / 1048576));
    const value = await work();
    const peakMB = Math.max(Atomics.load(this.shared, 0), Math.round(process.memoryUsage.rss() / 1048576));
    return { value, peakMB };
  }

  async stop(): Promise<void> {
    Atomics.store(this.shared, 1, 1);
    await this.worker.terminate();
  }
}

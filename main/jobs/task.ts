import type { Db } from '../db/open.js';

/** What a long-running task sees: report progress, and check whether the user cancelled. */
export interface TaskControl {
  progress(fraction: number, message?: string): void;
  /** Throws `JobCancelled` when the user pressed Cancel; call it between units of work. */
  checkCancelled(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'JobCancelled';
  }
}

/** A task runs with its own database connection (in a worker thread, or inline on the CLI). */
export type Task<P = unknown, R = unknown> = (db: Db, params: P, control: TaskControl) => R | Promise<R>;

export function controlFromFlag(flag: Int32Array, onProgress: (fraction: number, message: string) => void): TaskControl {
  let lastSent = 0;
  return {
    progress(fraction, message = '') {
      // Throttled: a tight loop must not flood the message port.
      const now = Date.now();
      if (now - lastSent < 100 && fraction < 1) return;
      lastSent = now;
      onProgress(Math.max(0, Math.min(1, fraction)), message);
    },
    checkCancelled() {
      if (Atomics.load(flag, 0) === 1) throw new JobCancelled();
    },
  };
}

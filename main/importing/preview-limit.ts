import { refusal } from '../../shared/contract/result.js';

/**
 * Lets a few heavy tasks run at once and queues a few more; beyond that, callers are told to try
 * again. Three big workbooks read at once crashed the server: each read holds its rows in memory
 * while it runs, so the number running at once bounds the memory imports can take.
 */
export class TaskLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting)
        throw refusal('busy', 'importBusy', 'Several large files are being read already. Try again when they are done.');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Workbooks read at once (two), and waiting (four): the rest are refused as busy. */
export const xlsxReads = new TaskLimit(2, 4);

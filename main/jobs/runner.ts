import type { JobStatus } from '../../shared/contract/system.js';
import { DomainError, refusal } from '../../shared/contract/result.js';
import { errorFromThread, type ThreadError } from './thread-error.js';
import type { Db } from '../db/open.js';
import { controlFromFlag, JobCancelled } from './task.js';
import { TASKS } from './tasks.js';
import { startWorker } from './worker-entry.js';

/** Keeps finished jobs around long enough for the screen that started them to read the result. */
const KEEP_FINISHED = 50;

/**
 * Runs long work off the path of the screens: each job in a worker thread with its own connection
 * (WAL lets the UI keep reading), progress reported through messages, cancellation through a shared
 * flag the task polls. With an in-memory database (tests) jobs run inline, as they must.
 */
export class JobRunner {
  private nextId = 1;
  private readonly jobs = new Map<number, { status: JobStatus; flag: Int32Array; done: Promise<JobStatus> }>();

  constructor(
    private readonly databasePath: string,
    private db: Db,
  ) {}

  /** After a restore the connection changes; inline jobs must use the new one. */
  useDatabase(db: Db): void {
    this.db = db;
  }

  start(kind: string, params: unknown): number {
    if (!TASKS[kind]) throw new DomainError('validation', `Unknown job ${kind}`);
    const id = this.nextId++;
    const status: JobStatus = {
      id,
      kind,
      state: 'running',
      progress: 0,
      message: '',
      result: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const shared = new SharedArrayBuffer(4);
    const flag = new Int32Array(shared);
    const done = this.databasePath === ':memory:' ? this.runInline(status, flag, params) : this.runInWorker(status, shared, params);
    this.jobs.set(id, { status, flag, done });
    this.prune();
    return id;
  }

  status(id: number): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw refusal('not_found', 'jobUnknown', `Job #${id} is unknown (it may have finished long ago).`, { id });
    return { ...job.status };
  }

  cancel(id: number): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw refusal('not_found', 'jobUnknown', `Job #${id} is unknown.`, { id });
    Atomics.store(job.flag, 0, 1);
    return { ...job.status };
  }

  /** Resolves when the job has finished, whatever its outcome. */
  wait(id: number): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(refusal('not_found', 'jobUnknown', `Job #${id} is unknown.`, { id }));
    return job.done;
  }

  /** Resolves when no job is running (used before closing the database). */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  isBusy(kind: string): boolean {
    return [...this.jobs.values()].some((j) => j.status.kind === kind && j.status.state === 'running');
  }

  private finish(status: JobStatus, patch: Partial<JobStatus>): JobStatus {
    Object.assign(status, patch, { finishedAt: new Date().toISOString() });
    if (status.state === 'done') status.progress = 1;
    return { ...status };
  }

  private async runInline(status: JobStatus, flag: Int32Array, params: unknown): Promise<JobStatus> {
    await Promise.resolve();
    const control = controlFromFlag(flag, (fraction, message) => Object.assign(status, { progress: fraction, message }));
    try {
      const result = await TASKS[status.kind]!(this.db, params, control);
      return this.finish(status, { state: 'done', result });
    } catch (error) {
      if (error instanceof JobCancelled) return this.finish(status, { state: 'cancelled' });
      return this.finish(status, failedWith(error));
    }
  }

  private runInWorker(status: JobStatus, shared: SharedArrayBuffer, params: unknown): Promise<JobStatus> {
    return new Promise((resolve) => {
      const worker = startWorker(import.meta.url, './worker.ts', './job-worker.js', {
        workerData: { kind: status.kind, params, databasePath: this.databasePath, cancelFlag: shared },
      });
      let settled = false;
      const settle = (patch: Partial<JobStatus>) => {
        if (settled) return;
        settled = true;
        resolve(this.finish(status, patch));
      };
      worker.on('message', (m: { type: string; fraction?: number; message?: string; result?: unknown; error?: ThreadError }) => {
        if (m.type === 'progress') Object.assign(status, { progress: m.fraction ?? 0, message: m.message ?? '' });
        else if (m.type === 'done') settle({ state: 'done', result: m.result ?? null });
        else if (m.type === 'cancelled') settle({ state: 'cancelled' });
        else if (m.type === 'failed') settle(failedWith(m.error ? errorFromThread(m.error) : new Error('Failed')));
      });
      worker.on('error', (error) => settle({ state: 'failed', error: (error as Error).message }));
      worker.on('exit', (code) =>
        settle(
          code === 0
            ? { state: 'failed', error: 'The job ended without a result' }
            : { state: 'failed', error: `The job stopped (exit ${code})` },
        ),
      );
    });
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

/** A failed job's status: the message the user reads and, for a business rule's refusal, the rule the screens translate. */
function failedWith(error: unknown): Partial<JobStatus> {
  return {
    state: 'failed',
    error: error instanceof Error ? error.message : String(error),
    ...(error instanceof DomainError && error.rule ? { errorRule: error.rule } : {}),
  };
}

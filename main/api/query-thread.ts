import type { Worker } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract/index.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { startWorker } from '../jobs/worker-entry.js';
import type { ServiceContext } from './context.js';
import type { TableVersions } from '../db/table-versions.js';
import type { Actor } from '../../shared/contract/people.js';

/**
 * Read-only methods whose first answer after a change recomputes the whole network (1–10 s at
 * national scale). They never write, so answering them from another connection changes nothing.
 * Every method that reads a cached whole-network result is here, not only the screens': one answered
 * on the main thread would compute and keep a second copy there (the readiness plan alone is
 * ~400 MB at XL), so the exports of the plan and of a target sheet, an account's detail and the
 * invitation picker (each account's segment) are answered here too.
 */
export const QUERY_THREAD_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'readiness.board',
  'readiness.plan',
  'readiness.shortfalls',
  'readiness.distributor',
  'readiness.cell',
  'readiness.exportPlan',
  'forecast.view',
  'accounts.overview',
  'accounts.detail',
  'targets.view',
  'targets.exportSheet',
  'event.inviteCandidates',
  'distributor.brief',
]);

type Pending = { resolve(result: ApiResult<unknown>): void };

/** Runs those methods in one worker thread, started on first use; requests queue there in order. */
export class QueryThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: { databasePath: string; door: ServiceContext['door']; version: string }) {}

  /**
   * `versions`: the main connection's table versions at the moment of the call (main/db/table-versions.ts),
   * so the thread keeps a result an unrelated edit did not touch and drops one whose tables changed.
   * `actor`: the person the main thread authorised, so the answer is scoped to their regions.
   */
  call(method: string, input: unknown, versions?: TableVersions, actor?: Actor): Promise<ApiResult<unknown>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Held open while an answer is awaited (a command-line run must not end before it), let go when idle.
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      worker.postMessage({ id, method, input, versions, actor });
    });
  }

  /**
   * A call answered in the thread and timed there, its answer left there: how long the thread itself
   * takes (the benchmark's recomputations after a change), without copying a national result across.
   */
  measure(method: string, input: unknown, versions?: TableVersions, actor?: Actor): Promise<ApiResult<{ ms: number }>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'] });
      worker.postMessage({ id, method, input, versions, actor, measure: true });
    });
  }

  /** The read-only part of a mutation (main/api/off-thread.ts), prepared on the thread's connection. */
  prepare(method: MethodName, versions: TableVersions, actor?: Actor): Promise<ApiResult<unknown>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      worker.postMessage({ id, prepare: method, versions, actor });
    });
  }

  /** Closes the thread's connection (before a restore replaces the file, or at exit); the next call starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // Held until it has exited: an idle thread is unreferenced, and a wait on it alone would let the process end here.
    worker.ref();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ stop: true });
    });
    this.failPending('The screen was being computed while the database closed; open it again.');
  }

  private start(): Worker {
    const worker = startWorker(import.meta.url, './query-worker.ts', './query-worker.js', { workerData: this.options });
    worker.on('message', (m: { id: number; result: ApiResult<unknown> }) => {
      this.pending.get(m.id)?.resolve(m.result);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = null;
      this.failPending(why);
    };
    worker.on('error', (error) => {
      console.error('[planner] query thread failed:', error);
      lost('Something went wrong inside the planner; nothing was changed.');
    });
    worker.on('exit', (code) => {
      if (code !== 0) lost('Something went wrong inside the planner; nothing was changed.');
    });
    // The thread must not keep a command-line run alive on its own once nothing is awaited.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failPending(message: string): void {
    for (const p of this.pending.values()) p.resolve({ ok: false, error: { code: 'internal', message } });
    this.pending.clear();
  }
}

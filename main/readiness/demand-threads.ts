/**
 * The network's forecast demand read on several cores: most of it is SQLite grouping a million rows,
 * which runs on any thread with a connection of its own. The distributors are split into ranges of
 * ids (the table's key), the caller reads the first and one thread per other range reads its own,
 * and the parts come back as blocks of memory in key order. The readiness computation is synchronous
 * (the query thread answers one call at a time), so the caller waits on a shared counter each thread
 * raises after posting its answer (`Atomics.wait`, `receiveMessageOnPort`), with no change to callers.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { memo } from '../db/memo.js';
import { prepared, type Db } from '../db/open.js';
import { startWorker } from '../jobs/worker-entry.js';
import { readDemand, type DemandBlocks, type DemandRequest } from './demand-read.js';

/** Below this many forecast series a thread costs more than it saves. */
export const THREADS_FROM_SERIES = 20_000;
/** A thread that has not answered in this long is taken as lost: its part is read here instead. */
const ANSWER_TIMEOUT_MS = 120_000;

export interface DemandThreadOptions {
  /** Threads besides the caller's; default: the cores but one, at most three. */
  threads?: number;
  minSeries?: number;
}

interface DemandThread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

const pool: DemandThread[] = [];

function thread(k: number): DemandThread {
  while (pool.length <= k) {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = startWorker(import.meta.url, './demand-worker.ts', './demand-worker.js', {
      workerData: { port: port2, signal },
      transferList: [port2],
    });
    // an idle pool never keeps the process alive
    worker.unref();
    pool.push({ worker, port: port1, signal });
  }
  return pool[k]!;
}

/** Stops the threads (a test's end); they start again when next needed. */
export async function stopDemandThreads(): Promise<void> {
  const threads = pool.splice(0);
  await Promise.all(threads.map((t) => (t.port.close(), t.worker.terminate())));
}

/** The thread's answer, waiting without returning to the event loop; null when it does not come. */
function answerOf(t: DemandThread, seen: number): { blocks: DemandBlocks } | { error: string } | null {
  const deadline = performance.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    const received = receiveMessageOnPort(t.port);
    if (received) return received.message as { blocks: DemandBlocks } | { error: string };
    const left = deadline - performance.now();
    if (left <= 0) return null;
    Atomics.wait(t.signal, 0, seen, Math.min(left, 1_000));
    seen = Atomics.load(t.signal, 0);
  }
}

function retire(t: DemandThread): void {
  const at = pool.indexOf(t);
  if (at >= 0) pool.splice(at, 1);
  t.port.close();
  void t.worker.terminate();
}

/**
 * Forecast series per distributor (in id order) and in all, kept until forecast_series changes: a
 * change to the forecast's numbers reads the network again but leaves its series as they were.
 */
export function seriesPerDistributor(db: Db): { total: number; counts: ReadonlyArray<readonly [number, number]> } {
  return memo(db, 'forecast-series-per-distributor', ['forecast_series'], () => {
    const counts = prepared(db, 'SELECT distributor_id, count(*) FROM forecast_series GROUP BY distributor_id').raw().all() as Array<
      [number, number]
    >;
    return { total: counts.reduce((sum, [, n]) => sum + n, 0), counts };
  });
}

/**
 * Contiguous ranges of distributor ids covering every id, each with about as many forecast series:
 * the reading's work is by series, and a few distributors carry most of them (an even split of the
 * distributors left the caller waiting a quarter of a second at national scale).
 */
function rangesOfEqualSeries(db: Db, parts: number): { ranges: Array<[number, number]>; series: number[] } {
  const { counts, total } = seriesPerDistributor(db);
  const ranges: Array<[number, number]> = [];
  const series: number[] = [];
  let from = -Number.MAX_VALUE;
  let taken = 0;
  let inPart = 0;
  for (let i = 0; i < counts.length && ranges.length < parts - 1; i++) {
    const [id, n] = counts[i]!;
    const target = (total * (ranges.length + 1)) / parts;
    if (taken + n < target) {
      taken += n;
      inPart += n;
      continue;
    }
    // the cut nearest the target: after this distributor, or before it when that is nearer
    const before = i > 0 && inPart > 0 && target - taken < taken + n - target;
    if (!before) {
      taken += n;
      inPart += n;
    }
    const to = before ? counts[i - 1]![0] : id;
    ranges.push([from, to]);
    series.push(inPart);
    from = to + 1;
    inPart = before ? n : 0;
    if (before) taken += n;
  }
  // fewer distributors than parts: the parts left read nothing (an empty range)
  while (ranges.length < parts - 1) {
    ranges.push([1, 0]);
    series.push(0);
  }
  ranges.push([from, Number.MAX_VALUE]);
  series.push(total - series.reduce((sum, n) => sum + n, 0));
  return { ranges, series };
}

/**
 * The request's demand in parts, in the order of the distributors' ids. Read here alone for a small
 * forecast, an in-memory database (no other connection sees it) or inside a transaction (another
 * connection would not see its writes).
 */
export function readDemandInParts(db: Db, request: DemandRequest, options: DemandThreadOptions = {}): DemandBlocks[] {
  const others = Math.min(Math.max(0, options.threads ?? Math.min(3, availableParallelism() - 1)), request.distributorIds.length - 1);
  if (others <= 0 || db.memory || db.inTransaction || request.expected < (options.minSeries ?? THREADS_FROM_SERIES)) {
    return [readDemand(db, request)];
  }
  const { ranges, series } = rangesOfEqualSeries(db, others + 1);
  // each part's blocks sized by its own series (fresh memory costs a page fault when first written: no spare room)
  const partOf = (k: number): DemandRequest => ({ ...request, range: ranges[k]!, expected: series[k]! });
  const sent = ranges.slice(1).map((_, j) => {
    const t = thread(j);
    const seen = Atomics.load(t.signal, 0);
    t.port.postMessage({ path: db.name, request: partOf(j + 1) });
    return { t, seen };
  });
  const out = [readDemand(db, partOf(0))];
  sent.forEach(({ t, seen }, j) => {
    const reply = answerOf(t, seen);
    if (reply && 'blocks' in reply) return out.push(reply.blocks);
    // a lost or failed thread: its part is read here, and a fresh thread replaces a lost one next time
    if (reply === null) retire(t);
    else console.error(`A readiness thread failed; reading its part here instead.\n${reply.error}`);
    out.push(readDemand(db, partOf(j + 1)));
  });
  return out;
}

import { parentPort, workerData } from 'node:worker_threads';
import { adoptClockFromEnv } from '../clock.js';
import { closeDatabase, openDatabase } from '../db/open.js';
import { adoptTableVersions, type TableVersions } from '../db/table-versions.js';
import { JobRunner } from '../jobs/runner.js';
import type { ServiceContext } from './context.js';
import { dispatch } from './dispatch.js';
import { builtInAdministrator, withActor } from '../people/actor.js';
import type { Actor } from '../../shared/contract/people.js';
import type { MethodName } from '../../shared/contract/index.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { OFF_THREAD_WORK } from './off-thread.js';
import { visibleRegions } from '../people/readScope.js';

/**
 * The query thread: whole-network screens (readiness, forecast totals, segmentation, the targets grid)
 * are computed here on a connection of its own, so that their seconds at national scale never hold
 * up the main thread's answers. It keeps its own results between calls until the data changes.
 */
interface QueryWorkerInput {
  databasePath: string;
  door: ServiceContext['door'];
  version: string;
}

const input = workerData as QueryWorkerInput;
adoptClockFromEnv();
// Read-only: this thread only answers queries, so a write here would be a bug (and would race the main
// thread's writes); SQLite refuses it. The main connection has migrated the file before the thread starts.
const db = openDatabase(input.databasePath, { readonly: true });
const ctx: ServiceContext = {
  db,
  databasePath: input.databasePath,
  jobs: new JobRunner(input.databasePath, db),
  door: input.door,
  version: input.version,
  // Every call was authorised by the main thread's dispatch before it was sent here (reads only).
  actor: builtInAdministrator(),
};
const port = parentPort!;

type Message =
  | { id: number; method: string; input: unknown; versions?: TableVersions; actor?: Actor; measure?: true }
  | { id: number; prepare: MethodName; versions: TableVersions; actor?: Actor }
  | { stop: true };

port.on('message', (message: Message) => {
  if ('stop' in message) {
    closeDatabase(db);
    port.close();
    return;
  }
  if ('prepare' in message) {
    adoptTableVersions(db, message.versions);
    const work = OFF_THREAD_WORK[message.prepare];
    let result: ApiResult<unknown>;
    try {
      result = work
        ? { ok: true, value: work.prepare(db, visibleRegions(message.actor)) }
        : { ok: false, error: { code: 'internal', message: `Nothing to prepare for ${message.prepare}.` } };
    } catch (error) {
      // The main thread then does the whole work itself and reports what goes wrong there.
      result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
    port.postMessage({ id: message.id, result });
    return;
  }
  // Without versions (a direct call), every change anywhere invalidates, as SQLite's data_version says.
  if (message.versions) adoptTableVersions(db, message.versions);
  // As the person the main thread authorised: their regions scope the answer (main/people/readScope.ts).
  const t0 = performance.now();
  void dispatch(message.actor ? withActor(ctx, message.actor) : ctx, message.method, message.input).then((result) => {
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    port.postMessage({ id: message.id, result: message.measure && result.ok ? { ok: true, value: { ms } } : result });
  });
});

import type { Task } from './task.js';
import { seedDemoTask } from '../demo/task.js';
import { runForecast } from '../forecast/run.js';
import { importTask } from '../importing/session.js';
import { acceptPlanTask } from '../readiness/accept.js';
import { firstSync } from '../sync/engine.js';

/**
 * Every kind of long work the app can start. The worker looks the task up here by name; each feature
 * adds one line.
 */
export const TASKS: Record<string, Task> = {
  'demo.seed': byName(seedDemoTask),
  'forecast.run': byName<{ force?: boolean }, unknown>((db, params, control) => runForecast(db, params, control)),
  'import.run': byName(importTask),
  // The same task previewing or validating a file: it reads, writes nothing (see JOB_INVALIDATES).
  'import.check': byName(importTask),
  'readiness.accept': byName(acceptPlanTask),
  'sync.first': byName<unknown, unknown>((db, _params, control) =>
    firstSync(
      db,
      (f, m) => control.progress(f, m),
      () => control.checkCancelled(),
    ),
  ),
};

/**
 * Tasks are looked up by name, so their parameters arrive untyped; the handler that starts a job has
 * already validated its input through the contract and passes exactly the task's parameters.
 */
function byName<P, R>(task: Task<P, R>): Task {
  return task as Task;
}

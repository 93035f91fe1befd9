import type { Task } from './task.js';
import { seedDemoTask } from '../demo/task.js';
import { runForecast } from '../forecast/run.js';
import { importTask } from '../importing/session.js';

/**
 * Every kind of long work the app can start. The worker looks the task up here by name; each feature
 * adds one line.
 */
export const TASKS: Record<string, Task<any, unknown>> = {
  'demo.seed': seedDemoTask,
  'forecast.run': (db, params: { force?: boolean }, control) => runForecast(db, params, control),
  'import.run': importTask,
};

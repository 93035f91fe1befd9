import { parentPort, workerData } from 'node:worker_threads';
import { adoptClockFromEnv } from '../clock.js';
import { closeDatabase, openDatabase } from '../db/open.js';
import { controlFromFlag, JobCancelled } from './task.js';
import { TASKS } from './tasks.js';
import { errorForThread } from './thread-error.js';

/** Worker-thread entry: opens its own connection, runs one task, reports back. */
interface WorkerInput {
  kind: string;
  params: unknown;
  databasePath: string;
  cancelFlag: SharedArrayBuffer;
}

async function run(): Promise<void> {
  adoptClockFromEnv();
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const task = TASKS[input.kind];
  if (!task) {
    port.postMessage({ type: 'failed', error: errorForThread(new Error(`Unknown task ${input.kind}`)) });
    return;
  }
  const db = openDatabase(input.databasePath);
  try {
    const control = controlFromFlag(new Int32Array(input.cancelFlag), (fraction, message) =>
      port.postMessage({ type: 'progress', fraction, message }),
    );
    const result = await task(db, input.params, control);
    port.postMessage({ type: 'done', result });
  } catch (error) {
    if (error instanceof JobCancelled) port.postMessage({ type: 'cancelled' });
    else port.postMessage({ type: 'failed', error: errorForThread(error) });
  } finally {
    closeDatabase(db);
  }
}

void run();

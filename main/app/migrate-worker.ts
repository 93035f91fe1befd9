import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/open.js';
import { migrate } from '../db/migrations/index.js';
import { errorForThread } from '../jobs/thread-error.js';
import type { MigrationMessage } from './upgrade.js';

// The desktop's pending migrations, on a thread of their own (upgrade.ts). Each migration commits on
// its own, so a stop part-way leaves the file at the last one done, and the next start goes on from there.
const { databasePath } = workerData as { databasePath: string };
const send = (m: MigrationMessage) => parentPort!.postMessage(m);
try {
  const db = openDatabase(databasePath, { migrate: false });
  try {
    migrate(db, undefined, (done, of) => send({ step: [done, of] }));
  } finally {
    closeDatabase(db);
  }
  send({ done: true });
} catch (error) {
  send({ failed: errorForThread(error) });
}

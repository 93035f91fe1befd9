import { QueryThread } from '../../main/api/query-thread.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { createTestDb } from './db.js';

export interface WithQueryThread {
  db: Db;
  /** The main thread's context, answering everything itself. */
  ctx: ServiceContext;
  /** The same context with the query thread, as the doors have it. */
  threaded: ServiceContext;
  queries: QueryThread;
}

/** The S demo on a real file with a query thread on it; the thread is stopped after the test's body, whatever it did. */
export async function withQueryThread(body: (t: WithQueryThread) => Promise<void>): Promise<void> {
  const { db, ctx, path } = createTestDb();
  seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
  const queries = new QueryThread({ databasePath: path, door: 'cli', version: 'test' });
  try {
    await body({ db, ctx, threaded: { ...ctx, queries }, queries });
  } finally {
    await queries.stop();
  }
}

import type { Db } from '../db/open.js';
import type { ImportSessions } from '../importing/session.js';
import type { JobRunner } from '../jobs/runner.js';
import type { QueryThread } from './query-thread.js';

/** What every handler receives: the database and the services around it, whichever door called. */
export interface ServiceContext {
  db: Db;
  databasePath: string;
  jobs: JobRunner;
  door: 'electron' | 'browser' | 'cli';
  version: string;
  /** The imports waiting between preview and commit: the core's own, not the process's. */
  imports?: ImportSessions;
  /** Where whole-network screens are computed, when the database is a file (see QUERY_THREAD_METHODS). */
  queries?: QueryThread;
}

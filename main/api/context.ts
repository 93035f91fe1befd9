import type { Db } from '../db/open.js';
import type { JobRunner } from '../jobs/runner.js';

/** What every handler receives: the database and the services around it, whichever door called. */
export interface ServiceContext {
  db: Db;
  databasePath: string;
  jobs: JobRunner;
  door: 'electron' | 'browser' | 'cli';
  version: string;
}

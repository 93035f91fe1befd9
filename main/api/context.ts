import type { RestoreNotice } from '../../shared/contract/backup.js';
import type { Db } from '../db/open.js';
import type { ImportSessions } from '../importing/session.js';
import type { JobRunner } from '../jobs/runner.js';
import type { QueryThread } from './query-thread.js';
import type { Actor } from '../../shared/contract/people.js';
import type { ApiResult } from '../../shared/contract/result.js';

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
  /** Set at start when a restore had been interrupted; shown to the user until dismissed. */
  restoreNotice?: RestoreNotice | null;
  /**
   * Who is acting, from the door's session (the window's signed-in person, the tab's session, the
   * command line's `--as`); never from a call's input. Absent: nobody has signed in.
   */
  actor?: Actor | undefined;
  /** The session key of this request, so that signing out can close it. */
  session?: string | undefined;
  /** The team-server sync engine in front of dispatch (main/sync/engine.ts); absent: calls go straight in. */
  sync?: SyncRouter;
}

export interface SyncRouter {
  route(ctx: ServiceContext, method: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

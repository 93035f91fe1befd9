import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServiceContext } from '../api/context.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { JobRunner } from '../jobs/runner.js';
import { ImportSessions } from '../importing/session.js';
import { QueryThread } from '../api/query-thread.js';
import { trackTableChanges } from '../db/table-versions.js';
import { autoBackup } from '../backup/service.js';
import { recoverInterruptedRestore } from '../backup/restore.js';
import { APP_VERSION } from './version.js';
import type { RestoreNotice } from '../../shared/contract/backup.js';
import { adoptClockFromEnv } from '../clock.js';
import { SyncEngine } from '../sync/engine.js';
import { warmWholeNetwork } from './warm.js';

export interface Core {
  ctx: ServiceContext;
  db: Db;
  close(): void;
}

/**
 * What comes before the file is opened: its folder, and a restore cut short by a crash finished or
 * rolled back (so nothing, not even a migration, ever opens a half-restored file).
 */
export function prepareDatabaseFile(databasePath: string): RestoreNotice | null {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  const restoreNotice = recoverInterruptedRestore(databasePath);
  if (restoreNotice) console.warn(`[planner] a restore was interrupted; ${restoreNotice.outcome}`);
  return restoreNotice;
}

/** Opens the database and builds the context every door hands to `dispatch`. */
export function openCore(
  databasePath: string,
  door: ServiceContext['door'],
  /** What prepareDatabaseFile found, when the caller ran it already (the desktop migrates before opening). */
  restoreNotice: RestoreNotice | null = prepareDatabaseFile(databasePath),
): Core {
  adoptClockFromEnv();
  const db = openDatabase(databasePath);
  // Before any write: cached whole-network screens then survive edits to tables they do not read.
  trackTableChanges(db);
  const ctx: ServiceContext = {
    db,
    databasePath,
    jobs: new JobRunner(databasePath, db),
    door,
    version: APP_VERSION,
    restoreNotice,
    imports: new ImportSessions(),
  };
  // An in-memory database cannot be opened from a second thread: there, everything runs here.
  if (databasePath !== ':memory:') ctx.queries = new QueryThread({ databasePath, door, version: APP_VERSION });
  // In front of dispatch: a desktop connected to a team server queues its changes and syncs in the
  // background; a solo desktop's calls pass straight through.
  const engine = new SyncEngine(ctx);
  ctx.sync = engine;
  engine.start();
  // The first screens' whole-network results, computed in the query thread while the window opens.
  if (door !== 'cli' && ctx.queries) {
    setTimeout(() => {
      warmWholeNetwork(ctx).catch((error: unknown) => console.error('[planner] warming the screens failed:', error));
    }, 1500).unref();
  }
  // A copy a day, taken in the background: start-up does not wait for it, and a failure is logged only.
  if (door !== 'cli') autoBackup(db, databasePath).catch((error: unknown) => console.error('[planner] automatic backup failed:', error));
  return {
    ctx,
    get db() {
      return ctx.db;
    },
    close: () => {
      engine.stop();
      void ctx.queries?.stop();
      closeDatabase(ctx.db);
    },
  };
}

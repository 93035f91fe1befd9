import type { Db } from '../db/open.js';

const INSERT_TRIGGER = 'terminals_search_insert';

/**
 * Bulk writes of terminals (the demo region, a national import) index them once at the end: a
 * rebuild takes 1 s for 120,000 terminals where the row-by-row trigger takes 5 s. Only inside the
 * caller's transaction, so that a failure undoes the trigger's removal along with the rows.
 */
export function withTerminalSearchDeferred<T>(db: Db, write: () => T): T {
  if (!db.inTransaction) throw new Error('withTerminalSearchDeferred runs inside a transaction');
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(INSERT_TRIGGER) as string | undefined;
  if (!trigger) return write();
  db.exec(`DROP TRIGGER ${INSERT_TRIGGER}`);
  try {
    const result = write();
    db.exec("INSERT INTO terminals_search (terminals_search) VALUES ('rebuild')");
    return result;
  } finally {
    db.exec(trigger);
  }
}

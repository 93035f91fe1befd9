import type { Db } from './open.js';

/**
 * Bulk writes can do a trigger's work once at the end instead of once per row: the named triggers are
 * dropped, `write` runs, and they are created again as they were. Only inside the caller's
 * transaction, so that a failure undoes the triggers' removal along with the rows.
 */
export function withTriggersSuspended<T>(db: Db, names: readonly string[], write: () => T): T {
  if (!db.inTransaction) throw new Error('withTriggersSuspended runs inside a transaction');
  const read = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
  const suspended = names
    .map((name) => ({ name, sql: read.get(name) as string | undefined }))
    .filter((t): t is { name: string; sql: string } => t.sql !== undefined);
  for (const t of suspended) db.exec(`DROP TRIGGER ${t.name}`);
  try {
    return write();
  } finally {
    for (const t of suspended) db.exec(t.sql);
  }
}

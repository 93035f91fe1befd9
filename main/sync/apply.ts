import type { RowState } from '../../shared/sync/protocol.js';
import type { Db } from '../db/open.js';
import { prepared } from '../db/open.js';
import { keyValues, keyWhere, syncedColumns, SYNCED_BY_NAME, SYNCED_TABLES, type SyncedTable } from './tables.js';

/**
 * Writing the server's rows into a desktop replica. Always inside a transaction the caller opened
 * with foreign keys off: a replica is a partial copy (a row may point at a row outside the person's
 * scope), and the server has already checked every reference. No delete cascades either: the server
 * sends the rows its own cascades removed.
 */

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
  (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

/** Upsert by key (UPDATE, else INSERT), so a parent row is never deleted and re-inserted. */
export function writeRow(db: Db, t: SyncedTable, row: Record<string, unknown>): void {
  const columns = syncedColumns(db, t).filter((c) => c in row);
  const values = columns.map((c) => toSqlite(row[c]));
  const keyVals = t.key.map((k) => toSqlite(row[k]));
  if (t.name === 'record_history') {
    // Append-only: a history row arrives once and never changes.
    prepared(
      db,
      `INSERT OR IGNORE INTO record_history (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...values);
    return;
  }
  const set = columns.map((c) => `"${c}" = ?`).join(', ');
  const updated = prepared(db, `UPDATE "${t.name}" SET ${set} WHERE ${keyWhere(t)}`).run(...values, ...keyVals);
  if (updated.changes > 0) return;
  const insert = `INTO "${t.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  try {
    prepared(db, `INSERT ${insert}`).run(...values);
  } catch (error) {
    // A row of this desktop holds the same code (its own change, refused or not yet sent): the
    // server's row wins; the local change is reported when its result comes back.
    if (!isUniqueViolation(error)) throw error;
    prepared(db, `INSERT OR REPLACE ${insert}`).run(...values);
  }
}

export function deleteRow(db: Db, t: SyncedTable, pk: string): void {
  if (t.name === 'record_history') return;
  prepared(db, `DELETE FROM "${t.name}" WHERE ${keyWhere(t)}`).run(...keyValues(t, pk).map(toSqlite));
}

export function applyRowState(db: Db, state: RowState): void {
  const t = SYNCED_BY_NAME.get(state.tbl);
  if (!t) return;
  if (state.row) writeRow(db, t, state.row);
  else deleteRow(db, t, state.pk);
}

function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Empties every synced table before a first sync loads the server's copy. The history is
 * append-only by trigger; its guard is lifted for this one statement and restored in the same
 * transaction.
 */
export function clearReplica(db: Db): void {
  const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'record_history_no_delete'").pluck().get() as
    string | undefined;
  if (guard) db.exec('DROP TRIGGER record_history_no_delete');
  for (const t of [...SYNCED_TABLES].reverse()) db.exec(`DELETE FROM "${t.name}"`);
  if (guard) db.exec(guard);
}

import type { RowState, TableKey } from '../../shared/sync/protocol.js';
import { prepared, type Db } from '../db/open.js';
import { keyOf, keyValues, keyWhere, regionsParam, scopeSql, syncedColumns, SYNCED_BY_NAME, type SyncedTable } from '../sync/tables.js';

/** Reading synced rows on the server as one person may see them. */

function bind(sql: string, regionIds: number[] | null, positional: unknown[]): unknown[] {
  return sql.includes(':regions') ? [...positional, { regions: regionsParam(regionIds) }] : positional;
}

const columnList = (db: Db, t: SyncedTable) =>
  syncedColumns(db, t)
    .map((c) => `r."${c}"`)
    .join(', ');

/** The row as the person may see it, or null when it does not exist or is outside their scope. */
export function readRow(db: Db, tbl: string, pk: string, regionIds: number[] | null): RowState {
  const t = SYNCED_BY_NAME.get(tbl);
  if (!t) return { tbl, pk, row: null };
  let values: unknown[];
  try {
    values = keyValues(t, pk);
  } catch {
    return { tbl, pk, row: null };
  }
  const scope = scopeSql(t, regionIds);
  const sql = `SELECT ${columnList(db, t)} FROM "${t.name}" r WHERE ${keyWhere(t, 'r.')} AND (${scope})`;
  const row = prepared(db, sql).get(...bind(sql, regionIds, values)) as Record<string, unknown> | undefined;
  return { tbl, pk, row: row ?? null };
}

export function readRows(db: Db, keys: readonly TableKey[], regionIds: number[] | null): RowState[] {
  return keys.map((k) => readRow(db, k.tbl, k.pk, regionIds));
}

/** One page of a table's rows in the person's scope, by rowid (every synced table has one). */
export function snapshotPage(
  db: Db,
  tbl: string,
  after: string | null,
  limit: number,
  regionIds: number[] | null,
): { rows: Record<string, unknown>[]; next: string | null } {
  const t = SYNCED_BY_NAME.get(tbl);
  if (!t) return { rows: [], next: null };
  const scope = scopeSql(t, regionIds);
  const sql = `SELECT r.rowid AS __rowid, ${columnList(db, t)} FROM "${t.name}" r WHERE r.rowid > ? AND (${scope}) ORDER BY r.rowid LIMIT ?`;
  const rows = prepared(db, sql).all(...bind(sql, regionIds, [Number(after ?? 0), limit])) as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  const next = rows.length === limit && last ? String(last.__rowid) : null;
  for (const r of rows) delete r.__rowid;
  return { rows, next };
}

export { keyOf };

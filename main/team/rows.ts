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

const rowidCache = new WeakMap<Db, Map<string, boolean>>();

/** Whether the table has a rowid (WITHOUT ROWID tables are paged by their primary key instead). */
function hasRowid(db: Db, table: string): boolean {
  let cache = rowidCache.get(db);
  if (!cache) rowidCache.set(db, (cache = new Map()));
  let known = cache.get(table);
  if (known === undefined) {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
    known = !/WITHOUT\s+ROWID/i.test(sql);
    cache.set(table, known);
  }
  return known;
}

/**
 * One page of a table's rows in the person's scope: by rowid, or by primary key for a WITHOUT
 * ROWID table (whose key columns are never NULL). `after` is the last rowid, or the last key as JSON.
 */
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
  const byRowid = hasRowid(db, t.name);
  const order = byRowid ? 'r.rowid' : t.key.map((k) => `r."${k}"`).join(', ');
  const position = after === null ? '1' : byRowid ? 'r.rowid > ?' : `(${order}) > (${t.key.map(() => '?').join(', ')})`;
  const positionParams = after === null ? [] : byRowid ? [Number(after)] : (JSON.parse(after) as unknown[]);
  const sql = `SELECT ${byRowid ? 'r.rowid AS __rowid, ' : ''}${columnList(db, t)} FROM "${t.name}" r WHERE ${position} AND (${scope}) ORDER BY ${order} LIMIT ?`;
  const rows = prepared(db, sql).all(...bind(sql, regionIds, [...positionParams, limit])) as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  const next = rows.length === limit && last ? (byRowid ? String(last.__rowid) : JSON.stringify(t.key.map((k) => last[k]))) : null;
  if (byRowid) for (const r of rows) delete r.__rowid;
  return { rows, next };
}

export { keyOf };

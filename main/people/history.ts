import Papa from 'papaparse';
import type { ExportedFile } from '../../shared/contract/development.js';
import type { Actor, HistoryEntry, HistoryFilter } from '../../shared/contract/people.js';
import type { Page } from '../../shared/contract/fields.js';
import { Conditions, selectPage } from '../db/sql.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { historyInRegions, type RegionScope } from './readScope.js';

/**
 * The record history: who changed what, when, through which method, with the before and after of
 * the fields that changed.
 *
 * Rows are written by triggers in the same transaction as the change itself, so a change and its
 * history commit or roll back together. The triggers are TEMP triggers of the connection that
 * serves contract calls, and fire only while a call is running (its actor and method sit in a temp
 * table): bulk writers (imports in one call, the demo generator, workers on other connections) are
 * not recorded row by row; the call is recorded once with its outcome instead. The column lists are
 * read from the schema when the triggers are created, so columns added by later migrations are
 * covered without touching this file.
 */
interface Tracked {
  table: string;
  entity: string;
  key: readonly string[];
}

export const TRACKED: readonly Tracked[] = [
  { table: 'dev_plans', entity: 'dev_plan', key: ['id'] },
  { table: 'weekly_reviews', entity: 'weekly_review', key: ['salesperson_id', 'week_start'] },
  { table: 'evaluations', entity: 'evaluation', key: ['salesperson_id', 'month'] },
  { table: 'target_plans', entity: 'target_plan', key: ['id'] },
  { table: 'distributors', entity: 'distributor', key: ['id'] },
  { table: 'sub_dealers', entity: 'sub_dealer', key: ['id'] },
  { table: 'terminals', entity: 'terminal', key: ['id'] },
  { table: 'products', entity: 'product', key: ['id'] },
  { table: 'staff', entity: 'person', key: ['id'] },
  { table: 'events', entity: 'event', key: ['id'] },
  { table: 'visits', entity: 'visit', key: ['id'] },
  { table: 'pipeline', entity: 'pipeline', key: ['outlet_type', 'outlet_id'] },
];

/** Bookkeeping columns, and secrets, that are never worth a history entry. */
export const UNRECORDED = new Set(['updated_at', 'created_at', 'password_hash', 'search_text']);

/** Calls that write many rows at once: recorded as one entry with their outcome, not row by row. */
const BULK_METHODS = new Set(['import.commit', 'demo.seed', 'forecast.run', 'backup.restore', 'targets.create', 'targets.edit']);

/** Calls that change nothing worth a history entry of their own. */
export const UNRECORDED_CALLS = new Set([
  'auth.signIn',
  'auth.signOut',
  'import.preview',
  'import.discard',
  'preferences.set',
  'job.cancel',
]);

const installed = new WeakSet<Db>();

/** Connections that keep no history of their own: a team-server replica receives the server's. */
const silenced = new WeakSet<Db>();

export function silenceHistory(db: Db): void {
  silenced.add(db);
}

function keyExpression(row: 'NEW' | 'OLD', key: readonly string[]): string {
  return key.map((k) => `${row}.${k}`).join(` || ':' || `);
}

function triggersOf(t: Tracked, columns: string[]): string[] {
  const recorded = columns.filter((c) => !UNRECORDED.has(c));
  const lit = (c: string) => `'${c}'`;
  const diff = (pairs: (c: string) => string, when: (c: string) => string) =>
    `(SELECT json_group_object(k, json(v)) FROM (${recorded.map((c) => `SELECT ${lit(c)} AS k, ${pairs(c)} AS v WHERE ${when(c)}`).join(' UNION ALL ')}))`;
  const insert = (action: string, row: 'NEW' | 'OLD', changes: string) => `
    INSERT INTO main.record_history (at, actor_id, actor_code, method, entity, entity_id, action, changes, reason)
    SELECT c.at, c.actor_id, c.actor_code, c.method, '${t.entity}', ${keyExpression(row, t.key)}, '${action}', d.changes, c.reason
    FROM temp.history_call c, (SELECT ${changes} AS changes) d WHERE d.changes <> '{}';`;
  const name = (what: string) => `history_${t.table}_${what}`;
  const when = 'WHEN EXISTS (SELECT 1 FROM temp.history_call)';
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${t.table} ${when} BEGIN ${insert(
      'create',
      'NEW',
      diff(
        (c) => `json_array(NULL, NEW.${c})`,
        (c) => `NEW.${c} IS NOT NULL`,
      ),
    )} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${t.table} ${when} BEGIN ${insert(
      'update',
      'NEW',
      diff(
        (c) => `json_array(OLD.${c}, NEW.${c})`,
        (c) => `OLD.${c} IS NOT NEW.${c}`,
      ),
    )} END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${t.table} ${when} BEGIN ${insert(
      'delete',
      'OLD',
      diff(
        (c) => `json_array(OLD.${c}, NULL)`,
        (c) => `OLD.${c} IS NOT NULL`,
      ),
    )} END`,
  ];
}

/** Creates this connection's history triggers once. */
export function installHistory(db: Db): void {
  if (installed.has(db)) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS history_call (
    id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL, actor_id INTEGER, actor_code TEXT, method TEXT NOT NULL, reason TEXT)`);
  for (const t of TRACKED) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t.table) as string[]) ?? [];
    if (!columns.length) continue;
    for (const sql of triggersOf(t, columns)) db.exec(sql);
  }
  installed.add(db);
}

const lastId = (db: Db): number => (prepared(db, 'SELECT coalesce(max(id), 0) AS n FROM record_history').get() as { n: number }).n;

/** Removes secrets from what a call entry keeps of its input, and caps its size. */
function summarise(value: unknown): unknown {
  const text = JSON.stringify(value, (k, v) =>
    /password/i.test(k) ? '•••' : typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v,
  );
  if (text === undefined) return null;
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : JSON.parse(text);
}

/**
 * Runs one contract call with its actor and method in force for the history triggers, then, when
 * the call changed nothing the triggers record (settings, bulk writes, capacities), writes one
 * entry for the call itself.
 */
export async function recordCall<T>(
  db: Db,
  actor: Actor | undefined,
  method: string,
  input: unknown,
  run: () => T | Promise<T>,
): Promise<T> {
  if (silenced.has(db)) return run();
  installHistory(db);
  const before = lastId(db);
  const reason = typeof (input as { reason?: unknown })?.reason === 'string' ? (input as { reason: string }).reason : null;
  const bulk = BULK_METHODS.has(method);
  if (!bulk) {
    prepared(db, 'INSERT OR REPLACE INTO temp.history_call (id, at, actor_id, actor_code, method, reason) VALUES (1, ?, ?, ?, ?, ?)').run(
      nowIso(),
      actor?.personId ?? null,
      actor?.code ?? null,
      method,
      reason,
    );
  }
  let value: T;
  try {
    value = await run();
  } finally {
    if (!bulk) prepared(db, 'DELETE FROM temp.history_call').run();
  }
  if (db.open && !UNRECORDED_CALLS.has(method) && lastId(db) === before) {
    prepared(
      db,
      `INSERT INTO record_history (at, actor_id, actor_code, method, entity, entity_id, action, changes, reason) VALUES (?, ?, ?, ?, 'call', ?, 'call', ?, ?)`,
    ).run(
      nowIso(),
      actor?.personId ?? null,
      actor?.code ?? null,
      method,
      method,
      JSON.stringify({ input: summarise(input), result: summarise(value) }),
      reason,
    );
  }
  return value;
}

interface HistoryRow extends Omit<HistoryEntry, 'changes'> {
  changes: string;
}

/** A person reads the history of the records in their regions (`scope`, null for every region). */
export interface HistoryReader {
  scope: RegionScope;
  personId?: number | undefined;
}

function historyWhere(f: HistoryFilter, reader: HistoryReader = { scope: null }): Conditions {
  return new Conditions()
    .when(reader.scope, historyInRegions(reader.scope, reader.personId))
    .when(f.entity, 'h.entity = ?', f.entity)
    .when(f.entityId, 'h.entity_id = ?', f.entityId)
    .when(f.actorCode, 'h.actor_code = ? COLLATE NOCASE', f.actorCode)
    .when(f.method, 'h.method = ?', f.method)
    .when(f.from, 'h.at >= ?', f.from)
    .when(f.to, "h.at < date(?, '+1 day')", f.to);
}

const SELECT = `h.id, h.at, h.actor_id AS actorId, h.actor_code AS actorCode,
  CASE WHEN h.actor_id = 0 THEN 'Administrator' ELSE s.name END AS actorName,
  h.method, h.entity, h.entity_id AS entityId, h.action, h.changes, h.reason`;
const FROM = 'record_history h LEFT JOIN staff s ON s.id = h.actor_id';

const toEntry = (row: HistoryRow): HistoryEntry => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> });

export function listHistory(db: Db, q: HistoryFilter & { offset: number; limit: number }, reader?: HistoryReader): Page<HistoryEntry> {
  const page = selectPage<HistoryRow>(db, {
    select: SELECT,
    from: FROM,
    where: historyWhere(q, reader),
    orderBy: 'h.id DESC',
    offset: q.offset,
    limit: q.limit,
  });
  return { rows: page.rows.map(toEntry), total: page.total };
}

/** The filtered history as CSV (UTF-8 with BOM, so spreadsheet programs read every script). */
export function exportHistory(db: Db, filter: HistoryFilter, reader?: HistoryReader): ExportedFile {
  const where = historyWhere(filter, reader);
  const rows = db.prepare(`SELECT ${SELECT} FROM ${FROM} ${where.toSql()} ORDER BY h.id`).all(...where.params) as HistoryRow[];
  const csv = Papa.unparse({
    fields: ['id', 'at', 'actorCode', 'actorName', 'method', 'entity', 'entityId', 'action', 'changes', 'reason'],
    data: rows.map((r) => [r.id, r.at, r.actorCode, r.actorName, r.method, r.entity, r.entityId, r.action, r.changes, r.reason]),
  });
  return {
    fileName: `history-${nowIso().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    contentBase64: Buffer.from(`\ufeff${csv}`, 'utf8').toString('base64'),
    rows: rows.length,
  };
}

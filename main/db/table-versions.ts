import { prepared, type Db } from './open.js';

/**
 * Which tables changed, so that a whole-network result (the readiness plan, the forecast totals, the
 * segmentation, a target grid) survives an edit to a table it does not read: logging a visit must
 * not throw away a readiness plan that took seconds to compute at national scale.
 *
 * - The connection that writes (the main thread's) marks each table its own statements change, with
 *   TEMP triggers that insert the table's name once (the `WHEN NOT EXISTS` keeps a bulk write to one
 *   lookup per row). Reading the versions turns the marks into per-table counters.
 * - Any other connection's commit (a job worker's import, the command line on the same file) shows
 *   only as SQLite's `data_version`, which names no table: it moves the epoch, and every result
 *   computed before it is stale.
 * - The query thread's connection is read-only and has no triggers: it adopts the versions the main
 *   thread sends with each query (main/api/query-thread.ts), so it sees the main thread's writes
 *   table by table and everyone else's as a new epoch.
 */
export interface TableVersions {
  epoch: number;
  tables: Readonly<Record<string, number>>;
}

interface Tracker {
  epoch: number;
  tables: Record<string, number>;
  /** SQLite's data_version when last read; null on a connection that adopts versions. */
  dataVersion: number | null;
  /** Set on a connection that adopts another's versions (the query thread). */
  adopted: boolean;
}

const trackers = new WeakMap<Db, Tracker>();

/** Told when this connection sees a table (or the epoch) move: the memo drops what it made stale. */
const listeners = new WeakMap<Db, Array<(versions: TableVersions) => void>>();

export function onVersionsMoved(db: Db, listener: (versions: TableVersions) => void): void {
  const list = listeners.get(db);
  if (list) list.push(listener);
  else listeners.set(db, [listener]);
}

function moved(db: Db, tracker: Tracker): void {
  const list = listeners.get(db);
  if (!list) return;
  const versions = { epoch: tracker.epoch, tables: { ...tracker.tables } };
  for (const listener of list) listener(versions);
}

/** Ordinary tables: a virtual table (full-text search) and its shadow tables take no triggers. */
function userTables(db: Db): string[] {
  const all = db
    .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL/i.test(t.sql ?? '')).map((t) => `${t.name}_`);
  return all.filter((t) => !/^\s*CREATE\s+VIRTUAL/i.test(t.sql ?? '') && !virtual.some((v) => t.name.startsWith(v))).map((t) => t.name);
}

const EVENTS = ['insert', 'update', 'delete'] as const;

const markTriggerName = (table: string, event: (typeof EVENTS)[number]) => `tv_${table}_${event}`;

function markTrigger(table: string, event: (typeof EVENTS)[number]): string {
  const quoted = table.replaceAll("'", "''");
  const mark = `WHEN NOT EXISTS (SELECT 1 FROM temp.changed_tables WHERE tbl = '${quoted}') BEGIN INSERT INTO temp.changed_tables (tbl) VALUES ('${quoted}'); END`;
  return `CREATE TEMP TRIGGER IF NOT EXISTS "${markTriggerName(table, event)}" AFTER ${event.toUpperCase()} ON main."${table}" ${mark}`;
}

function install(db: Db): Tracker {
  const tracker: Tracker = { epoch: 0, tables: {}, dataVersion: null, adopted: false };
  if (db.readonly) {
    // Without triggers, only the epoch moves: every change anywhere invalidates (as before).
    tracker.dataVersion = db.pragma('data_version', { simple: true }) as number;
    trackers.set(db, tracker);
    return tracker;
  }
  db.exec('CREATE TEMP TABLE IF NOT EXISTS changed_tables (tbl TEXT PRIMARY KEY) WITHOUT ROWID');
  for (const table of userTables(db)) for (const event of EVENTS) db.exec(markTrigger(table, event));
  tracker.dataVersion = db.pragma('data_version', { simple: true }) as number;
  trackers.set(db, tracker);
  return tracker;
}

/** Starts marking this connection's writes (idempotent); done when the connection opens, before any write. */
export function trackTableChanges(db: Db): void {
  if (!trackers.has(db)) install(db);
}

/**
 * A bulk write marks its table once instead of once per row: the per-row look-up of the mark cost a
 * million-row history import 0.5 s in statements of 200 rows and 1.7 s in statements of one row. The
 * table's mark triggers are dropped while `write` runs and created again after; the mark is written
 * first. Only inside the caller's transaction, so that a rollback takes the mark back with the rows.
 * A connection that does not track its writes (a job worker's) just writes.
 */
export function withChangeMarkedOnce<T>(db: Db, table: string, write: () => T): T {
  const tracker = trackers.get(db);
  if (!tracker || tracker.adopted || db.readonly) return write();
  if (!db.inTransaction) throw new Error('withChangeMarkedOnce runs inside a transaction');
  const exists = prepared(db, "SELECT 1 FROM temp.sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
  const suspended = EVENTS.filter((event) => exists.get(markTriggerName(table, event)) !== undefined);
  if (suspended.length === 0) return write();
  prepared(db, 'INSERT OR IGNORE INTO temp.changed_tables (tbl) VALUES (?)').run(table);
  for (const event of suspended) db.exec(`DROP TRIGGER temp."${markTriggerName(table, event)}"`);
  try {
    return write();
  } finally {
    for (const event of suspended) db.exec(markTrigger(table, event));
  }
}

/** The versions now: this connection's marked tables counted, any other connection's commit as a new epoch. */
export function tableVersions(db: Db): TableVersions {
  const tracker = trackers.get(db) ?? install(db);
  if (tracker.adopted) return { epoch: tracker.epoch, tables: tracker.tables };
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  let changes = false;
  if (dataVersion !== tracker.dataVersion) {
    tracker.dataVersion = dataVersion;
    tracker.epoch += 1;
    changes = true;
  }
  if (!db.readonly) {
    const changed = prepared(db, 'SELECT tbl FROM temp.changed_tables').pluck().all() as string[];
    if (changed.length) {
      for (const table of changed) tracker.tables[table] = (tracker.tables[table] ?? 0) + 1;
      prepared(db, 'DELETE FROM temp.changed_tables').run();
      changes = true;
    }
  }
  if (changes) moved(db, tracker);
  return { epoch: tracker.epoch, tables: { ...tracker.tables } };
}

/** The query thread takes the main thread's versions as its own (sent with each query). */
export function adoptTableVersions(db: Db, versions: TableVersions): void {
  const tracker = trackers.get(db);
  if (tracker) {
    const same = tracker.epoch === versions.epoch && sameTables(tracker.tables, versions.tables);
    tracker.adopted = true;
    tracker.epoch = versions.epoch;
    tracker.tables = { ...versions.tables };
    if (!same) moved(db, tracker);
  } else trackers.set(db, { epoch: versions.epoch, tables: { ...versions.tables }, dataVersion: null, adopted: true });
}

function sameTables(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The part of the versions a result that reads `tables` depends on, as a cache key. */
export function versionKey(versions: TableVersions, tables: readonly string[]): string {
  return `${versions.epoch}|${tables.map((t) => versions.tables[t] ?? 0).join(',')}`;
}

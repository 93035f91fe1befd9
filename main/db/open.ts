import { now } from '../../shared/domain/clock.js';
import Database from 'better-sqlite3';
import { migrate } from './migrations/index.js';

export type Db = Database.Database;

/** Each connection's page cache, in KiB (see openDatabase). */
export const PAGE_CACHE_KIB = 16 * 1024;

export interface OpenOptions {
  /** Open without applying pending migrations (used to inspect a file before a restore). */
  migrate?: boolean;
  readonly?: boolean;
}

/**
 * Opens the planner's database. Every connection (main, workers, command line) goes through here so
 * the pragmas that protect the data are never forgotten.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    // WAL lets the screens read while a worker writes an import or a forecast run.
    if (!options.readonly && file !== ':memory:') db.pragma('journal_mode = WAL');
    // SQLite leaves foreign keys off by default; the network's integrity depends on them.
    db.pragma('foreign_keys = ON');
    // A second process (browser mode beside a command-line import) waits instead of failing at once.
    db.pragma('busy_timeout = 5000');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL');
    // 16 MB of page cache per connection (SQLite's default is 2 MB). It was 64 MB, but the app keeps
    // three connections (main, query thread, job worker), so up to 192 MB stayed resident, while a
    // whole-region pass over the history (160 MB at XL) is larger than either and gains little from
    // it (the file's pages stay in the operating system's cache). A bulk import raises it for its own
    // transaction (withPageCache below), where the indexes' pages are written again and again.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // mmap_size stays 0 (SQLite's default): every page read through a mapping counts in the process's
    // resident memory, so a whole-history pass at XL would add the file's size to it.
    db.pragma('temp_store = MEMORY');
    if (options.migrate ?? !options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `work` with a larger page cache on this connection (a bulk write into indexed tables), then
 * gives the memory back: lowering cache_size makes SQLite free the pages beyond it.
 */
export function withPageCache<T>(db: Db, kib: number, work: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    // Lets SQLite refresh statistics for the query planner from what this session ran.
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared statements are compiled once per connection and reused: SQL stays beside its service. */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}

/** The statements this connection has prepared so far: what the query-plan test inspects. */
export function preparedSql(db: Db): string[] {
  return [...(statementCache.get(db)?.keys() ?? [])];
}

export function nowIso(): string {
  return now().toISOString();
}

import { prepared, type Db } from '../db/open.js';

/** The two key → JSON value tables: the desktop's own settings, and the team's rules that travel with its data. */
export type KeyValueTable = 'settings' | 'team_rules';

export function readValue<T>(db: Db, table: KeyValueTable, key: string): T | null {
  const value = prepared(db, `SELECT value FROM ${table} WHERE key = ?`).pluck().get(key) as string | undefined;
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

export function writeValue(db: Db, table: KeyValueTable, key: string, value: unknown): void {
  prepared(db, `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(
    key,
    JSON.stringify(value),
  );
}

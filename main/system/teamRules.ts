import { prepared, type Db } from '../db/open.js';

/**
 * The team's rules (key-account lines, scorecard weights, the large-jump share, readiness settings):
 * one value per rule for the whole team, in `team_rules`, which travels to every desktop with the
 * team's data (main/sync/tables.ts). The desktop's own settings (language) stay in `settings`
 * (main/system/preferences.ts).
 */
export function readTeamRule<T>(db: Db, key: string): T | null {
  const value = prepared(db, 'SELECT value FROM team_rules WHERE key = ?').pluck().get(key) as string | undefined;
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

export function writeTeamRule(db: Db, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO team_rules (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

import type { Db } from '../db/open.js';
import { readValue, writeValue } from './keyValue.js';

/**
 * The team's rules (key-account lines, scorecard weights, the large-jump share, readiness settings):
 * one value per rule for the whole team, in `team_rules`, which travels to every desktop with the
 * team's data (main/sync/tables.ts). The desktop's own settings (language) stay in `settings`
 * (main/system/preferences.ts).
 */
export const readTeamRule = <T>(db: Db, key: string): T | null => readValue<T>(db, 'team_rules', key);

export const writeTeamRule = (db: Db, key: string, value: unknown): void => writeValue(db, 'team_rules', key, value);

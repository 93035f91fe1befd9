import type { Db } from '../db/open.js';
import { readValue, writeValue } from './keyValue.js';

/**
 * The team's rules (key-account lines, scorecard weights, the large-jump share, readiness settings),
 * in `team_rules`, which travels to every desktop with the
 * team's data (main/sync/tables.ts). The desktop's own settings (language) stay in `settings`
 * (main/system/preferences.ts).
 */
export const readTeamRule = <T>(db: Db, key: string): T | null => readValue<T>(db, 'team_rules', key);

export const writeTeamRule = (db: Db, key: string, value: unknown): void => writeValue(db, 'team_rules', key, value);

/**
 * A region's own set of a rule, under a key of its own (`<key>.region.<id>`): its manager sets it, it
 * moves only that region's figures, and two regions' saves never meet when the team server replays
 * both. The team's single value under `key` (saved before rules were per region) stays every
 * region's starting point.
 */
export const regionRuleKey = (key: string, regionId: number | string): string => `${key}.region.${regionId}`;

export const readRegionRule = <T>(db: Db, key: string, regionId: number | string): T | null =>
  readTeamRule<T>(db, regionRuleKey(key, regionId));

export const writeRegionRule = (db: Db, key: string, regionId: number | string, value: unknown): void =>
  writeTeamRule(db, regionRuleKey(key, regionId), value);

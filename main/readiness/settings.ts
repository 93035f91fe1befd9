import type { ReadinessSettings } from '../../shared/contract/readiness.js';
import { prepared, type Db } from '../db/open.js';
import { requireRow } from '../db/sql.js';
import { readRegionRule, readTeamRule, writeRegionRule } from '../system/teamRules.js';

export const DEFAULT_SETTINGS: ReadinessSettings = {
  requiredCoverDays: 21,
  serviceLevelKey: 0.98,
  serviceLevelOther: 0.95,
  priorityRule: 'key_accounts_then_volume',
  keyAccountRule: 'relationship',
  keyVolumeShare: 0.5,
  prebuildPhaseOut: false,
};
const SETTINGS_KEY = 'readiness.settings';

/**
 * A region's settings: its own once its coordinator saved them, before that the team's single set
 * (saved before settings were per region) or the defaults. Each region's plan is made, accepted and
 * frozen on its own (main/readiness/runs.ts), so its cover and service levels are its own too.
 */
export function readinessSettings(db: Db, regionId: number): ReadinessSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(readTeamRule<Partial<ReadinessSettings>>(db, SETTINGS_KEY) ?? {}),
    ...(readRegionRule<Partial<ReadinessSettings>>(db, SETTINGS_KEY, regionId) ?? {}),
  };
}

/** Every region's settings, by region id. */
export function readinessSettingsByRegion(db: Db): Map<number, ReadinessSettings> {
  return new Map((prepared(db, 'SELECT id FROM regions').pluck().all() as number[]).map((id) => [id, readinessSettings(db, id)]));
}

export function saveReadinessSettings(db: Db, input: { regionId: number; settings: ReadinessSettings }): ReadinessSettings {
  requireRow(db, 'regions', input.regionId, 'regionId', 'Region');
  writeRegionRule(db, SETTINGS_KEY, input.regionId, input.settings);
  return readinessSettings(db, input.regionId);
}

import type { ReadinessSettings } from '../../shared/contract/readiness.js';
import type { Db } from '../db/open.js';
import { readTeamRule, writeTeamRule } from '../system/teamRules.js';

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

export function readinessSettings(db: Db): ReadinessSettings {
  return { ...DEFAULT_SETTINGS, ...(readTeamRule<Partial<ReadinessSettings>>(db, SETTINGS_KEY) ?? {}) };
}

export function saveReadinessSettings(db: Db, settings: ReadinessSettings): ReadinessSettings {
  writeTeamRule(db, SETTINGS_KEY, settings);
  return readinessSettings(db);
}

import type { Language, Preferences } from '../../shared/contract/system.js';
import { LANGUAGES } from '../../shared/contract/system.js';
import type { Db } from '../db/open.js';
import { readValue, writeValue } from './keyValue.js';

/** The desktop's own settings (language, saved invitation lists); the team's rules are main/system/teamRules.ts. */
export const readSetting = <T>(db: Db, key: string): T | null => readValue<T>(db, 'settings', key);

export const writeSetting = (db: Db, key: string, value: unknown): void => writeValue(db, 'settings', key, value);

export function getPreferences(db: Db): Preferences {
  const language = readSetting<string>(db, 'language');
  return { language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : null };
}

export function setPreferences(db: Db, prefs: Preferences): Preferences {
  writeSetting(db, 'language', prefs.language);
  return getPreferences(db);
}

import type { Language, Preferences } from '../../shared/contract/system.js';
import { LANGUAGES } from '../../shared/contract/system.js';
import { prepared, type Db } from '../db/open.js';

export function readSetting<T>(db: Db, key: string): T | null {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function getPreferences(db: Db): Preferences {
  const language = readSetting<string>(db, 'language');
  return { language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : null };
}

export function setPreferences(db: Db, prefs: Preferences): Preferences {
  writeSetting(db, 'language', prefs.language);
  return getPreferences(db);
}

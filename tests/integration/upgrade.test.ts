import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/contract/result.js';
import { startupWords } from '../../main/app/startup-words.js';
import { inspectDatabaseFile, migrateOnOwnThread, migrationsPending, startupFailureText } from '../../main/app/upgrade.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../main/db/migrations/index.js';
import { writeSetting } from '../../main/system/preferences.js';

const folder = () => mkdtempSync(join(tmpdir(), 'planner-upgrade-'));

/** A file as an older version of the app left it: `behind` migrations short, with a region and a language. */
function olderFile(behind: number, language = 'zh'): string {
  const path = join(folder(), 'planner.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, LATEST_VERSION - behind);
  db.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES ('N', 'North', '2026-01-01', '2026-01-01')").run();
  writeSetting(db, 'language', language);
  db.close();
  return path;
}

describe('the desktop brings an older file up to date before opening it', () => {
  it('finds the pending migrations and the language the user chose, and applies them on another thread, step by step', async () => {
    const path = olderFile(2);
    const file = inspectDatabaseFile(path);
    expect(file).toEqual({ schema: LATEST_VERSION - 2, language: 'zh' });
    expect(migrationsPending(file)).toBe(2);

    const steps: Array<[number, number]> = [];
    await migrateOnOwnThread(path, (done, of) => steps.push([done, of]));
    expect(steps).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const db = new Database(path, { readonly: true });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM regions').pluck().all()).toEqual(['North']);
    db.close();
    expect(migrationsPending(inspectDatabaseFile(path))).toBe(0);
  });

  it('needs nothing for a file that does not exist yet', () => {
    const file = inspectDatabaseFile(join(folder(), 'planner.sqlite'));
    expect(file).toEqual({ schema: null, language: null });
    expect(migrationsPending(file)).toBe(0);
  });

  it('refuses a file written by a newer version, in the words of the language found', () => {
    const path = olderFile(0, 'es');
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    db.close();
    const file = inspectDatabaseFile(path);
    let refused: unknown;
    try {
      migrationsPending(file);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(startupFailureText(refused, startupWords(file.language))).toBe(
      `Esta base de datos la escribió una versión más nueva del planificador (esquema ${LATEST_VERSION + 3}, esta aplicación conoce hasta ${LATEST_VERSION}). Actualice la aplicación.`,
    );
    expect(startupFailureText(refused, startupWords('zh-CN'))).toContain('此数据库由更新版本的计划工具写入');
    expect(startupFailureText(new Error('disk I/O error'), startupWords('ru'))).toBe('disk I/O error');
  });

  it("rejects with the migration thread's own reason when the file cannot be updated, and leaves it as it was", async () => {
    const path = join(folder(), 'planner.sqlite');
    writeFileSync(path, 'not a database, but a spreadsheet someone renamed');
    await expect(migrateOnOwnThread(path)).rejects.toThrow(/Updating the database failed: file is not a database/);
  });

  it('speaks the four languages and falls back to English', () => {
    expect(startupWords('zh-CN').upgradingTitle).toBe('正在为新版本更新数据…');
    expect(startupWords('ru').failedTitle).toContain('Планировщик');
    expect(startupWords('de-DE').upgradingTitle).toBe('Updating your data for this version…');
    expect(startupWords(null).failedTitle).toBe('Off-season Planner could not start');
  });
});

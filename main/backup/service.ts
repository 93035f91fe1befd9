import { existsSync, mkdirSync, readdirSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/contract/backup.js';
import { DomainError } from '../../shared/contract/result.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { LATEST_VERSION } from '../db/migrations/index.js';

/** Automatic backups kept: a week of daily copies. */
export const KEEP_AUTOMATIC = 7;
const REQUIRED_TABLES = ['regions', 'areas', 'staff', 'distributors', 'sub_dealers', 'terminals', 'products', 'settings'];

export const backupFolder = (databasePath: string) => join(dirname(databasePath), 'backups');

const stamp = () => new Date().toISOString().replace(/[:]/g, '-');

export function listBackups(databasePath: string): BackupInfo[] {
  const folder = backupFolder(databasePath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((fileName) => ({ fileName, m: /^planner-(automatic|manual|before-restore)-(.+)\.sqlite$/.exec(fileName) }))
    .filter((x): x is { fileName: string; m: RegExpExecArray } => x.m !== null)
    .map(({ fileName, m }) => {
      const s = statSync(join(folder, fileName));
      return { fileName, kind: m[1] as BackupInfo['kind'], createdAt: s.mtime.toISOString(), bytes: s.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A consistent copy through SQLite's online backup API: safe while the app reads and writes. */
export async function createBackup(db: Db, databasePath: string, kind: BackupInfo['kind'] = 'manual'): Promise<BackupInfo> {
  if (databasePath === ':memory:') throw new DomainError('conflict', 'An in-memory database cannot be backed up.');
  const folder = backupFolder(databasePath);
  mkdirSync(folder, { recursive: true });
  const fileName = `planner-${kind}-${stamp()}.sqlite`;
  await db.backup(join(folder, fileName));
  return listBackups(databasePath).find((b) => b.fileName === fileName)!;
}

/** At most one automatic backup a day, the oldest beyond a week removed. */
export async function autoBackup(db: Db, databasePath: string, now = new Date()): Promise<BackupInfo | null> {
  if (databasePath === ':memory:') return null;
  const automatic = listBackups(databasePath).filter((b) => b.kind === 'automatic');
  const today = now.toISOString().slice(0, 10);
  if (automatic.some((b) => b.createdAt.slice(0, 10) === today)) return null;
  const hasData = (db.prepare('SELECT count(*) FROM regions').pluck().get() as number) > 0;
  if (!hasData) return null;
  const made = await createBackup(db, databasePath, 'automatic');
  for (const old of listBackups(databasePath)
    .filter((b) => b.kind === 'automatic')
    .slice(KEEP_AUTOMATIC))
    rmSync(join(backupFolder(databasePath), old.fileName));
  return made;
}

/** Checks that a file is an intact database of this app, of a schema version it knows. */
export function verifyBackup(file: string): void {
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > LATEST_VERSION)
      throw new DomainError('validation', `This backup has schema version ${version}; this app reads 1 to ${LATEST_VERSION}.`);
    const tables = new Set(probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new DomainError('validation', `This file is not a planner database (missing ${missing.join(', ')}).`);
    if (probe.pragma('integrity_check', { simple: true }) !== 'ok')
      throw new DomainError('validation', 'This backup is damaged (integrity check failed).');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('validation', 'This file is not a readable SQLite database.');
  } finally {
    probe?.close();
  }
}

/**
 * Restores a backup: verified first, the current database kept as a "before-restore" backup, then
 * the file replaced and reopened (migrated forward if it is older). Returns the new connection.
 */
export async function restoreBackup(db: Db, databasePath: string, fileName: string): Promise<{ db: Db; previousKeptAs: string }> {
  const source = join(backupFolder(databasePath), fileName);
  if (!existsSync(source)) throw new DomainError('not_found', 'That backup no longer exists.');
  verifyBackup(source);
  const previous = await createBackup(db, databasePath, 'before-restore');
  closeDatabase(db);
  for (const suffix of ['-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  copyFileSync(source, databasePath);
  return { db: openDatabase(databasePath), previousKeptAs: previous.fileName };
}

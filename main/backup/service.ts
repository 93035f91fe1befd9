import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/contract/backup.js';
import { DomainError, refusal } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import { LATEST_VERSION } from '../db/migrations/index.js';
import { publishFile } from './durable-file.js';

/** Automatic backups kept: a week of daily copies. */
export const KEEP_AUTOMATIC = 7;
const REQUIRED_TABLES = ['regions', 'areas', 'staff', 'distributors', 'sub_dealers', 'terminals', 'products', 'settings'];

export const backupFolder = (databasePath: string) => join(dirname(databasePath), 'backups');

/**
 * What a database's backups are named by: its file name without the extension ("team.sqlite" ->
 * "team"). Databases side by side share the backups folder (a demo beside a real file, a team server
 * beside a desktop's copy): each lists, counts and restores only its own copies. The desktop's
 * planner.sqlite gives the names backups always had.
 */
export function backupStem(databasePath: string): string {
  return (
    basename(databasePath)
      .replace(/\.(sqlite3?|db)$/i, '')
      .replace(/[^A-Za-z0-9_.-]/g, '_') || 'planner'
  );
}

const stamp = () => new Date().toISOString().replace(/[:]/g, '-');
export const backupFileName = (databasePath: string, kind: BackupInfo['kind']) => `${backupStem(databasePath)}-${kind}-${stamp()}.sqlite`;

const BACKUP_NAME = /^(.+)-(automatic|manual|before-restore)-([0-9TZ:.-]+)\.sqlite$/;

/**
 * Backups made before they carried their database's name were all named "planner-…": they belong to
 * planner.sqlite, or to a database alone in its folder (made from it, or from a file no longer there).
 */
function ownsUnnamedBackups(databasePath: string): boolean {
  if (backupStem(databasePath) === 'planner') return true;
  const own = basename(databasePath);
  return !readdirSync(dirname(databasePath)).some((f) => f !== own && /\.(sqlite3?|db)$/i.test(f));
}

/** Which backup file names are this database's (by name; the file may be anything): its folder read once. */
export function backupsOf(databasePath: string): (fileName: string) => boolean {
  const stem = backupStem(databasePath);
  let unnamed: boolean | undefined;
  return (fileName) => {
    const m = BACKUP_NAME.exec(fileName);
    if (!m) return false;
    return m[1] === stem || (m[1] === 'planner' && (unnamed ??= ownsUnnamedBackups(databasePath)));
  };
}
/** A backup being written carries this suffix until it is complete, so it is never listed or restored. */
export const PARTIAL_SUFFIX = '.partial';
const SQLITE_MAGIC = 'SQLite format 3\0';

/** True when the file starts like a database; a copy cut short before its first page (0 bytes) does not. */
function looksLikeDatabase(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export function listBackups(databasePath: string): BackupInfo[] {
  const folder = backupFolder(databasePath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter(backupsOf(databasePath))
    .map((fileName) => ({ fileName, m: BACKUP_NAME.exec(fileName)! }))
    .flatMap(({ fileName, m }) => {
      const file = join(folder, fileName);
      // Older versions wrote backups in place: one cut short by a crash is left out rather than offered.
      if (!looksLikeDatabase(file)) return [];
      const s = statSync(file);
      return [{ fileName, kind: m[2] as BackupInfo['kind'], createdAt: s.mtime.toISOString(), bytes: s.size }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * A consistent copy through SQLite's online backup API: safe while the app reads and writes. It is
 * written under a temporary name and renamed when complete, so a crash never leaves a listed half copy.
 */
export async function createBackup(db: Db, databasePath: string, kind: BackupInfo['kind'] = 'manual'): Promise<BackupInfo> {
  if (databasePath === ':memory:') throw refusal('conflict', 'backupInMemory', 'An in-memory database cannot be backed up.');
  const folder = backupFolder(databasePath);
  mkdirSync(folder, { recursive: true });
  const fileName = backupFileName(databasePath, kind);
  const partial = join(folder, fileName + PARTIAL_SUFFIX);
  try {
    await db.backup(partial);
    publishFile(partial, join(folder, fileName));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return listBackups(databasePath).find((b) => b.fileName === fileName)!;
}

/** Removes copies left half-written by a crash; recent ones may still be written by another process. */
export function removeStalePartialBackups(databasePath: string, now = Date.now(), olderThanMs = 60 * 60 * 1000): string[] {
  const folder = backupFolder(databasePath);
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = join(folder, name);
    if (now - statSync(file).mtimeMs < olderThanMs) continue;
    rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
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
      throw refusal('validation', 'backupSchema', `This backup has schema version ${version}; this app reads 1 to ${LATEST_VERSION}.`, {
        version,
        latest: LATEST_VERSION,
      });
    const tables = new Set(probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      throw refusal('validation', 'backupNotPlanner', `This file is not a planner database (missing ${missing.join(', ')}).`, {
        missing: missing.join(', '),
      });
    if (probe.pragma('integrity_check', { simple: true }) !== 'ok')
      throw refusal('validation', 'backupDamaged', 'This backup is damaged (integrity check failed).');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refusal('validation', 'backupNotSqlite', 'This file is not a readable SQLite database.');
  } finally {
    probe?.close();
  }
}

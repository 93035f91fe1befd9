import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError, refusal } from '../../shared/contract/result.js';
import type { RestoreNotice } from '../../shared/contract/backup.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { fsyncFile, fsyncFolder, publishFile, writeFileAtomically } from './durable-file.js';
import { backupFileName, backupFolder, backupsOf, PARTIAL_SUFFIX, removeStalePartialBackups, verifyBackup } from './service.js';

/**
 * A restore replaces the database file, so it is done the one way that can never leave a broken or
 * empty planner (issue 15):
 *  1. check the backup and the free space before touching anything;
 *  2. take the file exclusively (an EXCLUSIVE lock that every other connection, in any process,
 *     respects): when another program has it open, refuse and change nothing;
 *  3. fold the write-ahead log into the file and leave WAL mode, so the file alone is the database;
 *  4. keep it as a "before-restore" backup, write the chosen backup beside it under a temporary
 *     name, flush both to disk, then rename the copy over the database (one atomic step);
 *  5. a journal file beside the database records which step was reached, so a start after a crash
 *     removes a half-written copy and tells the user what happened.
 * A kill at any moment leaves either the old database or the new one, whole.
 */

export type RestoreStep = 'locked' | 'kept-previous' | 'copied' | 'swapped';

export interface RestoreOptions {
  /** Free space of the database's file system; a test plays a nearly full disk through it. */
  statfs?: (path: string) => { bavail: number; bsize: number };
  /** Called as each step completes: the crash test reports progress through it, a test can fail a step. */
  onStep?: (step: RestoreStep) => void | Promise<void>;
  /** How long to wait for a short read of another program to end before calling the file held. */
  lockWaitMs?: number;
}

interface RestoreJournal {
  fileName: string;
  previousKeptAs: string;
  /** 'copying' until the copy beside the database is complete and flushed; 'ready' from then on. */
  state: 'copying' | 'ready';
  startedAt: string;
}

export const restoreJournalPath = (databasePath: string) => `${databasePath}.restore.json`;
export const stagedRestorePath = (databasePath: string) => `${databasePath}.restoring`;

/** Room left for the file system's own needs and for the database to grow while the app runs. */
const SPARE_BYTES = 32 * 1024 * 1024;
const MB = 1024 * 1024;

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * Bytes a restore writes before it frees any: the log folded into the file (at most its size), the
 * before-restore copy (the whole current database) and the copy of the backup beside it.
 */
export function restoreSpaceNeeded(databasePath: string, backupFile: string): number {
  const database = sizeOf(databasePath);
  const wal = sizeOf(`${databasePath}-wal`);
  return wal + (database + wal) + sizeOf(backupFile) + SPARE_BYTES;
}

function checkFreeSpace(databasePath: string, backupFile: string, statfs: RestoreOptions['statfs']): void {
  const { bavail, bsize } = (statfs ?? statfsSync)(dirname(databasePath));
  const free = bavail * bsize;
  const needed = restoreSpaceNeeded(databasePath, backupFile);
  if (free < needed)
    throw refusal(
      'conflict',
      'restoreDiskSpace',
      `Not enough free disk space to restore safely: ${Math.ceil(needed / MB)} MB needed, ${Math.floor(free / MB)} MB free. Nothing was changed.`,
      { needed: Math.ceil(needed / MB), free: Math.floor(free / MB) },
    );
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * Opens the file with SQLite's EXCLUSIVE locking mode: once the first write transaction starts, no
 * other connection can read or write until this one closes. Every connection of the planner (and of
 * sqlite3) in WAL mode holds a shared lock while open, so success means nobody else has the file.
 */
function takeExclusively(databasePath: string, lockWaitMs: number): Database.Database {
  const owner = new Database(databasePath, { fileMustExist: true });
  try {
    // Set before the first access, so SQLite keeps the log's index in this process's memory and
    // never maps the shared-memory file that other processes use.
    owner.pragma('locking_mode = EXCLUSIVE');
    owner.pragma(`busy_timeout = ${lockWaitMs}`);
    owner.exec('BEGIN IMMEDIATE; COMMIT');
    return owner;
  } catch (error) {
    owner.close();
    if (isBusy(error))
      throw refusal(
        'in_use',
        'restoreDatabaseOpen',
        'Another program has the planner database open (a second window, browser mode or a command-line import). Close it, then restore again. Nothing was changed.',
      );
    throw error;
  }
}

/** The connection a restore replaces: the doors' shared context, or a test's own holder. */
export interface DatabaseHolder {
  db: Db;
  readonly databasePath: string;
}

/**
 * Restores a backup. The caller has closed every other connection of this process (query thread,
 * jobs); `holder.db` is closed here and always left open again: on the restored database, or, when
 * the restore was refused or failed, on the old one, untouched.
 */
export async function restoreBackup(
  holder: DatabaseHolder,
  fileName: string,
  options: RestoreOptions = {},
): Promise<{ previousKeptAs: string }> {
  const { databasePath } = holder;
  const source = join(backupFolder(databasePath), fileName);
  if (!existsSync(source)) throw refusal('not_found', 'backupGone', 'That backup no longer exists.');
  if (!backupsOf(databasePath)(fileName))
    throw refusal('conflict', 'backupOfAnotherDatabase', 'That backup was made from another database in this folder.');
  verifyBackup(source);
  checkFreeSpace(databasePath, source, options.statfs);

  const staged = stagedRestorePath(databasePath);
  const journal = restoreJournalPath(databasePath);
  closeDatabase(holder.db);
  let owner: Database.Database | null = null;
  let previousKeptAs: string | null = null;
  let swapped = false;
  try {
    owner = takeExclusively(databasePath, options.lockWaitMs ?? 1000);
    // With the file held, nobody can add to the log: fold it in and leave WAL mode, so the file is
    // the whole database and no old log can ever be replayed onto the restored file.
    owner.pragma('wal_checkpoint(TRUNCATE)');
    if (owner.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('could not leave WAL mode');
    await options.onStep?.('locked');

    // The file alone is the database now and nobody else can write it: a plain copy is consistent.
    previousKeptAs = backupFileName(databasePath, 'before-restore');
    const kept = join(backupFolder(databasePath), previousKeptAs);
    mkdirSync(backupFolder(databasePath), { recursive: true });
    copyFileSync(databasePath, kept + PARTIAL_SUFFIX);
    publishFile(kept + PARTIAL_SUFFIX, kept);
    await options.onStep?.('kept-previous');

    const record = (state: RestoreJournal['state']) =>
      writeFileAtomically(
        journal,
        JSON.stringify({ fileName, previousKeptAs: previousKeptAs!, state, startedAt: new Date().toISOString() } satisfies RestoreJournal),
      );
    record('copying');
    copyFileSync(source, staged);
    fsyncFile(staged);
    if (sizeOf(staged) !== sizeOf(source)) throw new Error('the copy of the backup is incomplete');
    record('ready');
    await options.onStep?.('copied');

    // POSIX renames over an open file: this connection keeps its lock on the old file until the new
    // one is in place. Windows refuses to rename over an open file, so there it lets go just before.
    if (process.platform === 'win32') {
      owner.close();
      owner = null;
    }
    renameSync(staged, databasePath);
    swapped = true;
    fsyncFolder(dirname(databasePath));
    await options.onStep?.('swapped');
  } catch (error) {
    if (!swapped) {
      rmSync(staged, { force: true });
      rmSync(journal, { force: true });
      if (previousKeptAs) {
        const kept = join(backupFolder(databasePath), previousKeptAs);
        rmSync(kept + PARTIAL_SUFFIX, { force: true });
        rmSync(kept, { force: true });
      }
    }
    throw explain(error);
  } finally {
    owner?.close();
    // The doors always get a working connection back. The restored file is opened (and migrated
    // forward if it is older) with the usual pragmas, WAL included; so is an untouched old one.
    holder.db = openDatabase(databasePath);
  }
  rmSync(journal, { force: true });
  return { previousKeptAs: previousKeptAs! };
}

/** A full disk during the copy is the likely failure once the space check passed: say so plainly. */
function explain(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL')
    return refusal(
      'conflict',
      'restoreDiskFull',
      'The disk became full while restoring. Nothing was changed; free some space and try again.',
    );
  return error;
}

/**
 * Run at start, before the database is opened: finishes the story of a restore that a crash or a
 * kill interrupted. A copy still beside the database was never swapped in, so it is removed and the
 * old database stays (rolled back); without it, the swap happened and the restored database is the
 * one in place (finished). Either way the user is told.
 */
export function recoverInterruptedRestore(databasePath: string): RestoreNotice | null {
  if (databasePath === ':memory:') return null;
  removeStalePartialBackups(databasePath);
  const journalFile = restoreJournalPath(databasePath);
  const staged = stagedRestorePath(databasePath);
  const hadStaged = existsSync(staged);
  if (hadStaged) rmSync(staged, { force: true });
  // A journal being rewritten when the kill came: the one in place (if any) still tells the story.
  rmSync(`${journalFile}.tmp`, { force: true });
  if (!existsSync(journalFile)) return null;
  let journal: Partial<RestoreJournal> = {};
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Partial<RestoreJournal>;
  } catch {
    // A journal cut short was written before any copy was made: the old database is in place.
  }
  rmSync(journalFile, { force: true });
  const finished = !hadStaged && journal.state === 'ready';
  return {
    outcome: finished ? 'finished' : 'rolled-back',
    fileName: journal.fileName ?? null,
    previousKeptAs: journal.previousKeptAs ?? null,
    at: journal.startedAt ?? null,
  };
}

import { existsSync } from 'node:fs';
import { closeDatabase, openDatabase } from '../db/open.js';
import { pendingMigrations, schemaVersion } from '../db/migrations/index.js';
import { startWorker } from '../jobs/worker-entry.js';
import { errorFromThread, type ThreadError } from '../jobs/thread-error.js';
import { readSetting } from '../system/preferences.js';
import { DomainError } from '../../shared/contract/result.js';
import type { StartupWords } from './startup-words.js';

/**
 * A new version of the desktop app meets the user's file at an older schema: its migrations can take
 * seconds at national scale (4.9 s for one at 1.2 million outlets). They run on a thread of their own
 * while the window's thread keeps the app drawing and answering the system, with a window that says
 * what is happening (main/electron/main.ts); the core then opens a file that is up to date.
 */

/** The file as the desktop finds it before opening it: its schema (null: no file yet) and the language its user chose. */
export interface FileAtStart {
  schema: number | null;
  language: string | null;
}

export function inspectDatabaseFile(databasePath: string): FileAtStart {
  if (databasePath === ':memory:' || !existsSync(databasePath)) return { schema: null, language: null };
  const db = openDatabase(databasePath, { readonly: true });
  try {
    let language: string | null = null;
    try {
      language = readSetting<string>(db, 'language');
    } catch {
      // a file from before settings existed: the system's language then
    }
    return { schema: schemaVersion(db), language };
  } finally {
    closeDatabase(db);
  }
}

/** Migrations the file still needs: none for a file that does not exist yet (its own are instant). Refuses a newer file. */
export const migrationsPending = (file: FileAtStart): number => (file.schema === null ? 0 : pendingMigrations(file.schema));

/** Why the app could not start, in the user's words where the reason is a known one. */
export function startupFailureText(error: unknown, words: StartupWords): string {
  if (error instanceof DomainError && error.rule?.code === 'databaseNewer') {
    const { schema, latest } = error.rule.params as { schema: number; latest: number };
    return words.newerDatabase(schema, latest);
  }
  return error instanceof Error ? error.message : String(error);
}

export type MigrationMessage = { step: [done: number, of: number] } | { done: true } | { failed: ThreadError };

/** Applies the pending migrations on another thread; `onStep` hears each one done. Rejects with the migration's own error. */
export function migrateOnOwnThread(databasePath: string, onStep: (done: number, of: number) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, './migrate-worker.ts', './migrate-worker.js', { workerData: { databasePath } });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (m: MigrationMessage) => {
      if ('step' in m) onStep(...m.step);
      else if ('done' in m) settle();
      else settle(errorFromThread(m.failed, 'Updating the database failed'));
    });
    worker.on('error', (error) => settle(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => settle(new Error(`Updating the database stopped (exit ${code}) before it finished.`)));
  });
}

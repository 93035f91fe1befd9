import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../main/db/open.js';
import type { ServiceContext } from '../../main/api/context.js';
import { JobRunner } from '../../main/jobs/runner.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';
import { builtInAdministrator, findActorByCode, withActor } from '../../main/people/actor.js';
import { ImportSessions } from '../../main/importing/session.js';

/**
 * Tests never read the wall clock's date: every test file starts on this instant (a Friday, 10:00 UTC)
 * and runs on from it at real speed; worker threads started from it inherit it.
 */
export const TEST_NOW = '2026-11-20T10:00:00.000Z';
setClock(clockFrom(TEST_NOW));

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export interface TestDb {
  db: Db;
  path: string;
  dir: string;
  ctx: ServiceContext;
}

/**
 * A real SQLite file in a fresh temp folder, migrated, closed and removed after the test (or, with
 * scope 'file', after the whole file: for a server that outlives one test); `from`: a copy of that one.
 */
export function createTestDb(scope: 'test' | 'file' = 'test', from?: TestDb): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const path = join(dir, 'planner.sqlite');
  // A copy of another test database (seeded once, used by several tests as it was).
  if (from) from.db.exec(`VACUUM INTO '${path.replaceAll("'", "''")}'`);
  const db = openDatabase(path);
  const ctx: ServiceContext = {
    db,
    databasePath: path,
    jobs: new JobRunner(path, db),
    door: 'cli',
    version: 'test',
    actor: builtInAdministrator(),
    imports: new ImportSessions(),
  };
  const cleanup = () => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  };
  if (scope === 'file') afterAll(cleanup);
  else cleanups.push(cleanup);
  return { db, path, dir, ctx };
}

/**
 * The same database acting as another person (by code), as their door's session would: permissions,
 * scope and history then apply to them. Changes made through the returned context reach the shared
 * one (a restore swaps the connection for both).
 */
export function asPerson(ctx: ServiceContext, code: string): ServiceContext {
  const actor = findActorByCode(ctx.db, code);
  if (!actor) throw new Error(`No active person with code ${code}`);
  return withActor(ctx, actor);
}

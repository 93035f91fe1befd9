import { builtInAdministrator, withActor } from '../../main/people/actor.js';
import type { ServiceContext } from '../../main/api/context.js';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/app/core.js';
import { recoverInterruptedRestore, restoreBackup, restoreJournalPath, stagedRestorePath } from '../../main/backup/restore.js';
import { backupFolder, createBackup, listBackups } from '../../main/backup/service.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const regionCodes = (db: import('../../main/db/open.js').Db) => db.prepare('SELECT code FROM regions ORDER BY code').pluck().all();

/** A database with region A, a manual backup of it, then region B added: restoring brings back [A]. */
async function withBackup() {
  const t = createTestDb();
  await call(t.ctx, 'region.create', { draft: { code: 'A', name: 'Alpha', peakMonths: [6, 7] } });
  const backup = await call(t.ctx, 'backup.create', {});
  await call(t.ctx, 'region.create', { draft: { code: 'B', name: 'Beta', peakMonths: [1] } });
  // the test's cleanup closes whatever connection the context holds at the end
  return { t, backup, holder: t.ctx };
}

describe('restore', () => {
  it('is refused, with nothing changed, while another program holds the database and keeps writing', async () => {
    const { t, backup } = await withBackup();
    const other = spawn(process.execPath, ['--import', 'tsx', 'tests/support/db-holder.ts', t.path], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    let stopped = -1;
    const acks = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (acknowledged >= n ? resolve() : setTimeout(check, 10));
        check();
      });
    other.stdout.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/(ack|stopped) (\d+)/g)) {
        if (m[1] === 'ack') acknowledged = Number(m[2]);
        else stopped = Number(m[2]);
      }
    });
    await acks(20);
    const error = await refusal(t.ctx, 'backup.restore', { fileName: backup.fileName });
    expect(error.code).toBe('in_use');
    expect(error.message).toMatch(/Another program has the planner database open.*Nothing was changed/);
    // this process still works on its (unchanged) database, and the other one keeps writing
    await call(t.ctx, 'region.create', { draft: { code: 'C', name: 'Gamma', peakMonths: [2] } });
    const before = acknowledged;
    await acks(before + 20);
    other.stdin.write('stop\n');
    await new Promise((resolve) => other.once('exit', resolve));
    expect(stopped).toBeGreaterThanOrEqual(before + 20);

    // every write either program acknowledged is in the file, and the file is whole
    expect(t.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.ctx.db.prepare("SELECT count(*) FROM regions WHERE code LIKE 'H%'").pluck().get()).toBe(stopped);
    expect(regionCodes(t.ctx.db).filter((c) => !String(c).startsWith('H'))).toEqual(['A', 'B', 'C']);
    // no before-restore copy was left for a restore that did not happen
    expect(listBackups(t.path).map((b) => b.kind)).toEqual(['manual']);

    // once the other program has closed, the same restore goes through
    const done = await call(t.ctx, 'backup.restore', { fileName: backup.fileName });
    expect(regionCodes(t.ctx.db)).toEqual(['A']);
    expect(existsSync(join(backupFolder(t.path), done.previousKeptAs))).toBe(true);
  }, 60_000);

  it('on a nearly full disk is refused before anything is written, and the database stays', async () => {
    const { t, backup, holder } = await withBackup();
    const files = readdirSync(t.dir).sort();
    // room for the before-restore copy only, as in the report
    const databaseBytes = t.ctx.db
      .prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()')
      .pluck()
      .get() as number;
    const statfs = () => ({ bavail: Math.ceil((databaseBytes * 1.2) / 4096), bsize: 4096 });
    await expect(restoreBackup(holder, backup.fileName, { statfs })).rejects.toThrow(/Not enough free disk space.*Nothing was changed/);
    expect(readdirSync(t.dir).sort()).toEqual(files);
    expect(holder.db.open).toBe(true);
    expect(regionCodes(holder.db)).toEqual(['A', 'B']);
    expect(listBackups(t.path).map((b) => b.kind)).toEqual(['manual']);
    // with the room it needs, it proceeds
    await restoreBackup(holder, backup.fileName, { statfs: () => ({ bavail: 1e9, bsize: 4096 }) });
    expect(regionCodes(holder.db)).toEqual(['A']);
  });

  it('that fails half-way (the disk fills during the copy) leaves the old database, whole and open', async () => {
    const { t, backup, holder } = await withBackup();
    for (const failAt of ['locked', 'kept-previous', 'copied'] as const) {
      const attempt = restoreBackup(holder, backup.fileName, {
        onStep: (step) => {
          if (step === failAt) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      });
      await expect(attempt).rejects.toThrow(/disk became full.*Nothing was changed/);
      expect(holder.db.open).toBe(true);
      expect(holder.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(holder.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(regionCodes(holder.db)).toEqual(['A', 'B']);
      expect(existsSync(stagedRestorePath(t.path))).toBe(false);
      expect(existsSync(restoreJournalPath(t.path))).toBe(false);
      expect(listBackups(t.path).map((b) => b.kind)).toEqual(['manual']);
      // and it keeps working
      await call(t.ctx, 'region.list', {});
    }
  });

  /** What a signed-in administrator's window sees: calls after sign-in carry the person. */
  const asAdmin = (ctx: ServiceContext) => withActor(ctx, builtInAdministrator());

  it('interrupted before the swap is rolled back at start, after it is finished, and the user is told', async () => {
    const { t, backup } = await withBackup();
    const path = t.path;
    closeDatabase(t.ctx.db);

    // killed with the copy beside the database: the copy goes, the old database stays
    copyFileSync(join(backupFolder(path), backup.fileName), stagedRestorePath(path));
    const journal = {
      fileName: backup.fileName,
      previousKeptAs: 'planner-before-restore-x.sqlite',
      state: 'ready',
      startedAt: '2026-12-01T10:00:00.000Z',
    };
    writeFileSync(restoreJournalPath(path), JSON.stringify(journal));
    const core = openCore(path, 'cli');
    expect(existsSync(stagedRestorePath(path))).toBe(false);
    expect(await call(asAdmin(core.ctx), 'backup.restoreNotice', {})).toEqual({
      outcome: 'rolled-back',
      fileName: backup.fileName,
      previousKeptAs: journal.previousKeptAs,
      at: journal.startedAt,
    });
    expect(regionCodes(core.db)).toEqual(['A', 'B']);
    await call(asAdmin(core.ctx), 'backup.dismissRestoreNotice', {});
    expect(await call(asAdmin(core.ctx), 'backup.restoreNotice', {})).toBeNull();
    core.close();

    // killed after the swap: the restored database is in place, and start-up says the restore finished
    writeFileSync(restoreJournalPath(path), JSON.stringify(journal));
    expect(recoverInterruptedRestore(path)?.outcome).toBe('finished');
    expect(recoverInterruptedRestore(path)).toBeNull();

    // a journal cut short while it was written means nothing had been copied yet
    writeFileSync(restoreJournalPath(path), '{"fileName": "plan');
    expect(recoverInterruptedRestore(path)).toMatchObject({ outcome: 'rolled-back', fileName: null });
    t.ctx.db = openDatabase(path);
  });
});

describe('backups', () => {
  it('never lists a file cut short, and leaves no partial file behind', async () => {
    const t = createTestDb();
    await call(t.ctx, 'region.create', { draft: { code: 'A', name: 'Alpha', peakMonths: [6, 7] } });
    const made = await createBackup(t.ctx.db, t.path, 'manual');
    // what a backup killed at its start used to leave: an empty file with a backup's name
    writeFileSync(join(backupFolder(t.path), 'planner-manual-2026-11-30T10-00-00.000Z.sqlite'), '');
    // and what a backup killed now leaves: a file with the partial suffix
    writeFileSync(join(backupFolder(t.path), 'planner-manual-2026-11-30T11-00-00.000Z.sqlite.partial'), 'SQLite format 3\0');
    expect((await call(t.ctx, 'backup.list', {})).backups.map((b) => b.fileName)).toEqual([made.fileName]);
    expect(readdirSync(backupFolder(t.path)).filter((f) => f === made.fileName + '.partial')).toEqual([]);
  });
});

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { autoBackup, backupFolder, listBackups } from '../../main/backup/service.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('backups', () => {
  it('backs up automatically at most daily, restores after checking, and keeps the previous database', async () => {
    const t = createTestDb();
    const { ctx } = t;
    await dispatch(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7, 8] } });
    expect(await autoBackup(ctx.db, ctx.databasePath)).not.toBeNull();
    expect(await autoBackup(ctx.db, ctx.databasePath)).toBeNull();
    const name = (await call(ctx, 'backup.create', {})).fileName;

    await dispatch(ctx, 'region.create', { draft: { code: 'S', name: 'South', peakMonths: [1, 2] } });
    expect(ctx.db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(2);

    // a file that is not a planner database is refused before anything is replaced
    writeFileSync(join(backupFolder(ctx.databasePath), 'planner-manual-2020-01-01T00-00-00.000Z.sqlite'), 'not a database');
    const refused = await dispatch(ctx, 'backup.restore', { fileName: 'planner-manual-2020-01-01T00-00-00.000Z.sqlite' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(ctx.db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(2);
    expect((await dispatch(ctx, 'backup.restore', { fileName: '../../etc/passwd' })).ok).toBe(false);

    const kept = (await call(ctx, 'backup.restore', { fileName: name })).previousKeptAs;
    expect(ctx.db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(1);
    expect(existsSync(join(backupFolder(ctx.databasePath), kept))).toBe(true);
    // the file that is not a database is not offered as a backup
    expect(
      listBackups(ctx.databasePath)
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['automatic', 'before-restore', 'manual']);
    t.db = ctx.db;
  });
});

describe('backups of databases side by side in one folder', () => {
  it('lists, counts and restores only its own: a demo beside a real file neither takes its daily backup nor can be restored over it', async () => {
    const mine = createTestDb();
    const demo = createTestDb();
    // the demo's file moved beside mine, as `--db ./my.sqlite` and `--db ./demo.sqlite` in one folder
    const myPath = join(mine.dir, 'my.sqlite');
    const demoPath = join(mine.dir, 'demo.sqlite');
    mine.db.exec(`VACUUM INTO '${myPath}'`);
    demo.db.exec(`VACUUM INTO '${demoPath}'`);
    await dispatch(demo.ctx, 'region.create', { draft: { code: 'D', name: 'Demo', peakMonths: [6, 7, 8] } });
    await dispatch(mine.ctx, 'region.create', { draft: { code: 'M', name: 'Mine', peakMonths: [6, 7, 8] } });
    const myCtx = { ...mine.ctx, databasePath: myPath };
    const demoCtx = { ...demo.ctx, databasePath: demoPath };
    const demoBackup = await autoBackup(demo.ctx.db, demoPath);
    expect(demoBackup?.fileName).toMatch(/^demo-automatic-/);
    // the demo's backup today does not stand for mine
    const myBackup = await autoBackup(mine.ctx.db, myPath);
    expect(myBackup?.fileName).toMatch(/^my-automatic-/);
    expect(listBackups(myPath).map((b) => b.fileName)).toEqual([myBackup!.fileName]);
    expect(listBackups(demoPath).map((b) => b.fileName)).toEqual([demoBackup!.fileName]);
    expect((await call(myCtx, 'backup.list', {})).backups.map((b) => b.fileName)).toEqual([myBackup!.fileName]);
    // the demo's copy is not restored over my file
    expect(await dispatch(myCtx, 'backup.restore', { fileName: demoBackup!.fileName })).toMatchObject({
      ok: false,
      error: { rule: { code: 'backupOfAnotherDatabase' } },
    });
    expect(demoCtx.databasePath).toBe(demoPath);
  });

  it('keeps offering the backups made before they carried a name, where they can only be this database’s', async () => {
    const t = createTestDb();
    await dispatch(t.ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7, 8] } });
    const old = (await call(t.ctx, 'backup.create', {})).fileName;
    // planner.sqlite's backups keep the names they always had
    expect(old).toMatch(/^planner-manual-/);
    const alone = join(t.dir, 'alone.sqlite');
    t.db.exec(`VACUUM INTO '${alone}'`);
    // beside planner.sqlite, an "unnamed" (planner-…) backup is planner.sqlite's, not alone.sqlite's
    expect(listBackups(alone)).toEqual([]);
    // alone in its folder, a database is offered the unnamed backups there
    const solo = join(mkdtempSync(join(tmpdir(), 'planner-solo-')), 'solo.sqlite');
    t.db.exec(`VACUUM INTO '${solo}'`);
    mkdirSync(backupFolder(solo));
    copyFileSync(join(backupFolder(t.path), old), join(backupFolder(solo), old));
    expect(listBackups(solo).map((b) => b.fileName)).toEqual([old]);
    rmSync(dirname(solo), { recursive: true, force: true });
  });
});

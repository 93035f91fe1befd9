import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

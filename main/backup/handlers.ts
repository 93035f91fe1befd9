import type { backupContract } from '../../shared/contract/backup.js';
import { refusal } from '../../shared/contract/result.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { restoreBackup } from './restore.js';
import { backupFolder, createBackup, listBackups } from './service.js';

export const backupHandlers = {
  'backup.list': ({ databasePath }) => ({ folder: backupFolder(databasePath), backups: listBackups(databasePath) }),
  'backup.create': ({ db, databasePath }) => createBackup(db, databasePath, 'manual'),
  'backup.restoreNotice': (ctx) => ctx.restoreNotice ?? null,
  'backup.dismissRestoreNotice': (ctx) => {
    ctx.restoreNotice = null;
    return null;
  },
  'backup.restore': async (ctx, { fileName }) => {
    if (ctx.jobs.isBusy('forecast.run') || ctx.jobs.isBusy('demo.seed'))
      throw refusal('busy', 'restoreWaitForJob', 'Wait for the running job to finish before restoring.');
    if (ctx.databasePath === ':memory:') throw refusal('conflict', 'restoreInMemory', 'An in-memory database cannot be restored.');
    // The query thread's connection must not hold the file being replaced.
    await ctx.queries?.stop();
    try {
      // Every door shares this context: the connection it leaves there (restored, or the old one after
      // a refusal) is the one all of them use from now on.
      const { previousKeptAs } = await restoreBackup(ctx, fileName);
      ctx.restoreNotice = null;
      return { restored: fileName, previousKeptAs };
    } finally {
      ctx.jobs.useDatabase(ctx.db);
    }
  },
} satisfies FeatureHandlers<typeof backupContract>;

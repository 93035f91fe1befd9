import type { backupContract } from '../../shared/contract/backup.js';
import { DomainError } from '../../shared/contract/result.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { backupFolder, createBackup, listBackups, restoreBackup } from './service.js';

export const backupHandlers = {
  'backup.list': ({ databasePath }) => ({ folder: backupFolder(databasePath), backups: listBackups(databasePath) }),
  'backup.create': ({ db, databasePath }) => createBackup(db, databasePath, 'manual'),
  'backup.restore': async (ctx, { fileName }) => {
    if (ctx.jobs.isBusy('forecast.run') || ctx.jobs.isBusy('demo.seed'))
      throw new DomainError('busy', 'Wait for the running job to finish before restoring.');
    // The query thread's connection must not hold the file being replaced.
    await ctx.queries?.stop();
    const { db, previousKeptAs } = await restoreBackup(ctx.db, ctx.databasePath, fileName);
    // Every door shares this context: swapping the connection here moves all of them to the restored file.
    ctx.db = db;
    ctx.jobs.useDatabase(db);
    return { restored: fileName, previousKeptAs };
  },
} satisfies FeatureHandlers<typeof backupContract>;

import { queryKey, useApiQuery } from '../api/hooks.js';

/** Query keys of the backup screens; all start with `backup`. */
export const backupKeys = {
  all: ['backup'] as const,
  list: () => queryKey('backup.list', {}),
  restoreNotice: () => queryKey('backup.restoreNotice', {}),
};

export const useBackups = () => useApiQuery('backup.list', {});
/** Whether the last restore was interrupted and the person has not read about it yet. */
export const useRestoreNotice = () => useApiQuery('backup.restoreNotice', {});

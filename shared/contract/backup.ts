import { z } from 'zod';
import { mutation, query } from './define.js';

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  bytes: number;
  kind: 'automatic' | 'manual' | 'before-restore';
}

/** What start-up found of a restore that a crash or a kill interrupted, to tell the user once. */
export interface RestoreNotice {
  /** 'finished': the restored database is in place; 'rolled-back': the database is as it was before. */
  outcome: 'finished' | 'rolled-back';
  fileName: string | null;
  previousKeptAs: string | null;
  at: string | null;
}

// the database's name, the kind and the time: never a path (no separator can pass)
const fileName = z.string().regex(/^[A-Za-z0-9_.-]+-(automatic|manual|before-restore)-[0-9TZ:.-]+\.sqlite$/, 'Not a backup of this app');

export const backupContract = {
  'backup.list': query<{ folder: string; backups: BackupInfo[] }>()(z.strictObject({})),
  'backup.create': mutation<BackupInfo>()(z.strictObject({})),
  'backup.restoreNotice': query<RestoreNotice | null>()(z.strictObject({})),
  'backup.dismissRestoreNotice': mutation<null>()(z.strictObject({})),
  'backup.restore': mutation<{ restored: string; previousKeptAs: string }>()(z.strictObject({ fileName })),
} as const;

import { z } from 'zod';
import { mutation, query } from './define.js';

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  bytes: number;
  kind: 'automatic' | 'manual' | 'before-restore';
}

const fileName = z.string().regex(/^planner-(automatic|manual|before-restore)-[0-9TZ:.-]+\.sqlite$/, 'Not a backup of this app');

export const backupContract = {
  'backup.list': query<{ folder: string; backups: BackupInfo[] }>()(z.strictObject({})),
  'backup.create': mutation<BackupInfo>()(z.strictObject({})),
  'backup.restore': mutation<{ restored: string; previousKeptAs: string }>()(z.strictObject({ fileName })),
} as const;

import type { ComponentType } from 'react';
import { DataTransferCard } from '../importing/DataTransferCard.js';
import { BackupCard } from '../backup/BackupCard.js';
import { TeamServerCard } from '../sync/TeamServerCard.js';

/** Extra cards on the Settings screen (backups, thresholds...). Each feature adds one line. */
export const SETTINGS_SECTIONS: Array<{ id: string; component: ComponentType }> = [
  { id: 'team', component: TeamServerCard },
  { id: 'backup', component: BackupCard },
  { id: 'data', component: DataTransferCard },
];

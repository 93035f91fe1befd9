import type { ComponentType } from 'react';
import { DataTransferCard } from '../importing/DataTransferCard.js';

/** Extra cards on the Settings screen (backups, thresholds...). Each feature adds one line. */
export const SETTINGS_SECTIONS: Array<{ id: string; component: ComponentType }> = [{ id: 'data', component: DataTransferCard }];

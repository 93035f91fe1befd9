import type { ComponentType } from 'react';

/** Extra cards on the Settings screen (backups, thresholds...). Each feature adds one line. */
export const SETTINGS_SECTIONS: Array<{ id: string; component: ComponentType }> = [];

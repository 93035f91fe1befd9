import type { ComponentType } from 'react';
import { NetworkTile } from '../network/NetworkTile.js';

/** Dashboard tiles after the season calendar, in order. Each feature adds one line. */
export const DASHBOARD_TILES: Array<{ id: string; component: ComponentType }> = [{ id: 'network', component: NetworkTile }];

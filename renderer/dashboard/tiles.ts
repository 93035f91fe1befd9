import type { ComponentType } from 'react';
import { NetworkTile } from '../network/NetworkTile.js';
import { ForecastTile } from '../forecast/ForecastTile.js';

/** Dashboard tiles after the season calendar, in order. Each feature adds one line. */
export const DASHBOARD_TILES: Array<{ id: string; component: ComponentType }> = [
  { id: 'forecast', component: ForecastTile },
  { id: 'network', component: NetworkTile },
];

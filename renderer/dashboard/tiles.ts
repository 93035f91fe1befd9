import type { ComponentType } from 'react';
import { NetworkTile } from '../network/NetworkTile.js';
import { ForecastTile } from '../forecast/ForecastTile.js';
import { ReadinessTile } from '../readiness/ReadinessTile.js';
import { TargetsTile } from '../targets/TargetsTile.js';
import { AccountsTile } from '../accounts/AccountsTile.js';
import { EventsTile } from '../events/EventsTile.js';
import { DevelopmentTile } from '../development/DevelopmentTile.js';

/** Dashboard tiles after the season calendar, in order. Each feature adds one line. */
export const DASHBOARD_TILES: Array<{ id: string; component: ComponentType }> = [
  { id: 'forecast', component: ForecastTile },
  { id: 'targets', component: TargetsTile },
  { id: 'readiness', component: ReadinessTile },
  { id: 'accounts', component: AccountsTile },
  { id: 'development', component: DevelopmentTile },
  { id: 'events', component: EventsTile },
  { id: 'network', component: NetworkTile },
];

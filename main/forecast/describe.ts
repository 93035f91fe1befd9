import { describeModel } from './engine/ets.js';
import type { EtsSpec } from './engine/types.js';

/** The stored model in plain words for the screen. */
export function describeModelName(method: string, model: string): string {
  const m = /^ETS\((A|M),(N|A|Ad),(N|A|M)\)$/.exec(model);
  if (method === 'ets' && m)
    return describeModel({ error: m[1] as EtsSpec['error'], trend: m[2] as EtsSpec['trend'], season: m[3] as EtsSpec['season'] });
  if (method === 'croston_sba') return 'intermittent demand: average rate of occasional orders';
  if (method === 'profile') return 'the seasonal pattern (its own and the brand’s) scaled to this series';
  if (method === 'theta') return 'Theta method: smoothed level with half the long-run trend';
  if (method === 'combination') return 'combination: the mean of exponential smoothing and Theta (level, trend and season)';
  if (method === 'seasonal_naive') return 'same month last season';
  return 'no sales in the history';
}

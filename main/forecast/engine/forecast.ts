import { describeModel } from './ets.js';
import { selectForecast, type ForecastSelectOptions } from './select.js';
import type { EtsSpec, ForecastResult } from './types.js';

export { MIN_SEASONAL_LENGTH } from './select.js';
export { etsForecast } from './ets-forecast.js';

/**
 * The automatic forecast of one monthly volume series (see selectForecast for how the method is
 * chosen), with 80% and 95% ranges. Volumes are never forecast below zero.
 */
export function forecastSeries(values: ArrayLike<number>, options: ForecastSelectOptions): ForecastResult {
  return selectForecast(values, options).result;
}

export function describeForecast(result: ForecastResult): string {
  switch (result.method) {
    case 'ets': {
      const m = /ETS\((\w),(\w+),(\w)\)/.exec(result.model);
      return m
        ? describeModel({ error: m[1] as EtsSpec['error'], trend: m[2] as EtsSpec['trend'], season: m[3] as EtsSpec['season'] })
        : result.model;
    }
    case 'croston_sba':
      return 'intermittent demand: average rate of occasional orders';
    case 'profile':
      return 'the seasonal pattern (its own and the brand’s) scaled to this series';
    case 'arima':
      return 'ARIMA: the series’ own autocorrelation after differencing (seasonal ARIMA)';
    case 'theta':
      return 'Theta method: smoothed level with half the long-run trend';
    case 'combination':
      return 'combination: the mean of several models (exponential smoothing, Theta, ARIMA, last season or the seasonal profile)';
    case 'seasonal_naive':
      return 'same month last season';
    case 'zero':
      return 'no sales in the history';
  }
}

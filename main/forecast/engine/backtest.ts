import { seasonalNaive } from './baseline.js';
import { etsPoint } from './ets.js';
import { fitEts } from './fit.js';
import { crostonSba } from './intermittent.js';
import { profileForecast } from './profile.js';
import type { EtsSpec, ForecastOptions, ForecastResult } from './types.js';

export interface Accuracy {
  /** Mean absolute scaled error against the in-sample seasonal naive method (Hyndman & Koehler 2006). */
  mase: number | null;
  /** Weighted absolute percentage error: sum |error| / sum |actual|. */
  wape: number | null;
  origins: number;
}

function parseSpec(model: string): EtsSpec | null {
  const m = /^ETS\((A|M),(N|A|Ad),(N|A|M)\)$/.exec(model);
  return m ? { error: m[1] as EtsSpec['error'], trend: m[2] as EtsSpec['trend'], season: m[3] as EtsSpec['season'] } : null;
}

/** Point forecasts of the same method, refitted on the data before an origin. */
function pointsFrom(train: Float64Array, chosen: ForecastResult, horizon: number, options: ForecastOptions, m: number): number[] | null {
  switch (chosen.method) {
    case 'ets': {
      const spec = parseSpec(chosen.model);
      const fit = spec ? fitEts(train, spec, m, new Float64Array(m)) : null;
      return fit ? etsPoint(fit.spec, fit.params, fit.final, horizon, m).map((v) => Math.max(0, v)) : null;
    }
    case 'croston_sba':
      return crostonSba(train, horizon).point;
    case 'profile':
      return options.profile ? profileForecast(train, horizon, options.profile, options.firstMonth ?? 1).point : null;
    case 'seasonal_naive':
      return seasonalNaive(train, horizon, m).point;
    case 'zero':
      return Array.from({ length: horizon }, () => 0);
  }
}

/**
 * Rolling-origin evaluation of the chosen method: refitted on the history before each of several
 * origins in the last year (the model form stays the one selected on the full history, its
 * parameters are re-estimated) and scored on the months that followed.
 */
export function backtest(
  values: ArrayLike<number>,
  chosen: ForecastResult,
  options: ForecastOptions & { origins?: number; step?: number },
): Accuracy {
  const y = Float64Array.from(values as ArrayLike<number>);
  const n = y.length;
  const m = options.period ?? 12;
  const originsWanted = options.origins ?? 3;
  const step = options.step ?? 4;
  let absError = 0;
  let absActual = 0;
  let scaledSum = 0;
  let scaledCount = 0;
  let origins = 0;
  for (let k = originsWanted; k >= 1; k--) {
    const origin = n - k * step;
    if (origin < Math.max(m + 1, 6)) continue;
    const horizon = Math.min(options.horizon, n - origin);
    const train = y.subarray(0, origin);
    const points = pointsFrom(train, chosen, horizon, options, m);
    if (!points) continue;
    const lag = train.length > m ? m : 1;
    let scale = 0;
    for (let t = lag; t < train.length; t++) scale += Math.abs(train[t]! - train[t - lag]!);
    scale /= Math.max(1, train.length - lag);
    for (let i = 0; i < horizon; i++) {
      const e = Math.abs(y[origin + i]! - points[i]!);
      absError += e;
      absActual += Math.abs(y[origin + i]!);
      if (scale > 0) {
        scaledSum += e / scale;
        scaledCount++;
      }
    }
    origins++;
  }
  return { mase: scaledCount ? scaledSum / scaledCount : null, wape: absActual > 0 ? absError / absActual : null, origins };
}

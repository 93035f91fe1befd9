import { seasonalNaive, zeroForecast } from './baseline.js';
import { describeModel, etsFilter, etsPoint, etsSimulate, modelName } from './ets.js';
import { ADMISSIBLE, fitEts, selectEts, type EtsFit } from './fit.js';
import { crostonSba, isIntermittent } from './intermittent.js';
import { profileForecast } from './profile.js';
import { seededNormal, tailQuantiles } from './random.js';
import type { EtsSpec, ForecastOptions, ForecastResult } from './types.js';

/** Below two seasons a series cannot show its own seasonality. */
export const MIN_SEASONAL_LENGTH = 24;
// 500 paths put the 10% and 90% quantiles within about 1.5% of their value; more costs time, not trust.
const SIMULATION_PATHS = 500;

/**
 * The automatic forecast of one monthly volume series: the method is chosen from the data (ETS by
 * AICc; Croston-SBA for intermittent demand; a seasonal profile for short histories; zero for none),
 * with 80% and 95% ranges. Volumes are never forecast below zero.
 */
export function forecastSeries(values: ArrayLike<number>, options: ForecastOptions): ForecastResult {
  const m = options.period ?? 12;
  const h = options.horizon;
  const y = Float64Array.from(values as ArrayLike<number>);
  const n = y.length;
  let total = 0;
  for (let t = 0; t < n; t++) total += y[t]!;
  if (n === 0 || total === 0) return zeroForecast(h);
  if (isIntermittent(y)) return crostonSba(y, h);
  if (n < MIN_SEASONAL_LENGTH) {
    if (options.profile && n >= 3) return profileForecast(y, h, options.profile, options.firstMonth ?? 1);
    const nonSeasonal = ADMISSIBLE.filter((s) => s.season === 'N');
    const fit = n >= 6 ? selectEts(y, m, nonSeasonal) : null;
    return fit ? etsForecast(fit, h, m, options.seed) : seasonalNaive(y, h, m);
  }
  const fit = selectEts(y, m);
  return fit ? etsForecast(fit, h, m, options.seed) : seasonalNaive(y, h, m);
}

/** Point forecasts from the model, ranges from simulated sample paths of the same model. */
export function etsForecast(fit: EtsFit, horizon: number, m: number, seed = 1): ForecastResult {
  const point = etsPoint(fit.spec, fit.params, fit.final, horizon, m);
  const paths = etsSimulate(fit.spec, fit.params, fit.final, fit.sigma, horizon, m, SIMULATION_PATHS, seededNormal(seed));
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  let prevWidth80 = 0;
  let prevWidth95 = 0;
  for (let i = 0; i < horizon; i++) {
    const q = tailQuantiles(paths[i]!);
    const p = Math.max(0, point[i]!);
    point[i] = p;
    let l80 = Math.max(0, q.q10);
    let u80 = q.q90;
    let l95 = Math.max(0, q.q025);
    let u95 = q.q975;
    // Simulation noise must not make a later range narrower than an earlier one, nor exclude the point.
    u80 = Math.max(u80, p, l80 + prevWidth80);
    u95 = Math.max(u95, u80, l95 + prevWidth95);
    l80 = Math.min(l80, p);
    l95 = Math.min(l95, l80);
    prevWidth80 = u80 - l80;
    prevWidth95 = u95 - l95;
    lo80.push(l80);
    hi80.push(u80);
    lo95.push(l95);
    hi95.push(u95);
  }
  return {
    method: 'ets',
    model: modelName(fit.spec),
    params: { alpha: fit.params.alpha, beta: fit.params.beta, gamma: fit.params.gamma, phi: fit.params.phi, sigma: fit.sigma },
    point,
    lo80,
    hi80,
    lo95,
    hi95,
    aicc: fit.aicc,
  };
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
      return 'short history: the brand’s seasonal pattern scaled to this series';
    case 'seasonal_naive':
      return 'same month last season';
    case 'zero':
      return 'no sales in the history';
  }
}

/** Refits one given ETS form (used by the backtest on truncated data). */
export function fitSpec(values: Float64Array, spec: EtsSpec, m: number): EtsFit | null {
  return fitEts(values, spec, m, new Float64Array(m));
}

export { etsFilter };

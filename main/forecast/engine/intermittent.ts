import { quantileSorted } from './random.js';
import type { ForecastResult } from './types.js';

/** Share of zero months above which demand is treated as intermittent (Syntetos-Boylan style cut-off). */
export const INTERMITTENT_ZERO_SHARE = 0.4;

export function isIntermittent(y: ArrayLike<number>): boolean {
  let zeros = 0;
  for (let t = 0; t < y.length; t++) if (y[t] === 0) zeros++;
  return y.length >= 6 && zeros / y.length >= INTERMITTENT_ZERO_SHARE && zeros < y.length;
}

/**
 * Croston's method with the Syntetos-Boylan approximation (SBA): demand sizes and intervals between
 * demands smoothed separately; forecast = (1 - alpha/2) * size / interval. The range comes from the
 * series' own monthly demand: a month sells with probability 1/interval, a size drawn from history.
 */
export function crostonSba(y: ArrayLike<number>, horizon: number, alpha = 0.1): ForecastResult {
  let size = -1;
  let interval = -1;
  let gap = 1;
  const sizes: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const v = y[t]!;
    if (v > 0) {
      sizes.push(v);
      if (size < 0) {
        size = v;
        interval = gap;
      } else {
        size += alpha * (v - size);
        interval += alpha * (gap - interval);
      }
      gap = 1;
    } else gap++;
  }
  const rate = size > 0 ? ((1 - alpha / 2) * size) / interval : 0;
  const pDemand = Math.min(1, 1 / Math.max(interval, 1));
  // Quantiles of a month's demand: 0 with probability 1 - p, else a historical size.
  sizes.sort((a, b) => a - b);
  const sorted = Float64Array.from(sizes);
  const q = (level: number) => {
    const conditional = (level - (1 - pDemand)) / pDemand;
    return conditional <= 0 || sorted.length === 0 ? 0 : quantileSorted(sorted, Math.min(1, conditional));
  };
  const repeat = (v: number) => Array.from({ length: horizon }, () => v);
  return {
    method: 'croston_sba',
    model: 'Croston (SBA)',
    params: { alpha, size, interval },
    point: repeat(rate),
    lo80: repeat(Math.min(rate, q(0.1))),
    hi80: repeat(Math.max(rate, q(0.9))),
    lo95: repeat(Math.min(rate, q(0.025))),
    hi95: repeat(Math.max(rate, q(0.975))),
    aicc: null,
  };
}

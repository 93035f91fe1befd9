import { Z80, Z95, type ForecastResult } from './types.js';

const clamp0 = (v: number) => (v > 0 ? v : 0);

/** Seasonal naive: each month as the same month a season ago. The baseline every method must beat. */
export function seasonalNaive(y: ArrayLike<number>, horizon: number, m = 12): ForecastResult {
  const n = y.length;
  const lag = n >= m ? m : 1;
  let sq = 0;
  let count = 0;
  for (let t = lag; t < n; t++) {
    const e = y[t]! - y[t - lag]!;
    sq += e * e;
    count++;
  }
  const sigma = count ? Math.sqrt(sq / count) : 0;
  const point: number[] = [];
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const p = n === 0 ? 0 : y[n - lag + ((h - 1) % lag)]!;
    // h-step error of the seasonal naive method grows with the number of seasons crossed (FPP 5.5)
    const s = sigma * Math.sqrt(Math.floor((h - 1) / lag) + 1);
    point.push(clamp0(p));
    lo80.push(clamp0(p - Z80 * s));
    hi80.push(clamp0(p + Z80 * s));
    lo95.push(clamp0(p - Z95 * s));
    hi95.push(clamp0(p + Z95 * s));
  }
  return {
    method: 'seasonal_naive',
    model: lag === m ? 'Seasonal naive' : 'Naive',
    params: { sigma },
    point,
    lo80,
    hi80,
    lo95,
    hi95,
    aicc: null,
  };
}

export function zeroForecast(horizon: number): ForecastResult {
  const zeros = () => Array.from({ length: horizon }, () => 0);
  return {
    method: 'zero',
    model: 'No sales',
    params: {},
    point: zeros(),
    lo80: zeros(),
    hi80: zeros(),
    lo95: zeros(),
    hi95: zeros(),
    aicc: null,
  };
}

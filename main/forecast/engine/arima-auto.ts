import { arLag, difference, fitArima, minimumEffective, type ArimaFit, type ArimaOrder } from './arima.js';

/**
 * A small automatic ARIMA in the manner of Hyndman & Khandakar (2008): the seasonal difference
 * when the season is strong (their seasonal-strength rule, measure >= 0.64, on a classical
 * decomposition instead of STL), then an ordinary difference when a KPSS test rejects stationarity
 * at 5%; then the order with the lowest AICc from a short list of the forms that win most often on
 * monthly data. The full stepwise search fits 30-60 models; on ~12,000 series a fixed list of
 * about eight keeps ARIMA's cost near ETS's.
 */

/** KPSS level-stationarity statistic with the Newey-West variance, lags trunc(4 (n/100)^0.25) (urca's "short"). */
export function kpssStatistic(x: ArrayLike<number>): number {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t]! / n;
  const e = new Float64Array(n);
  for (let t = 0; t < n; t++) e[t] = x[t]! - mean;
  let cum = 0;
  let eta = 0;
  for (let t = 0; t < n; t++) {
    cum += e[t]!;
    eta += cum * cum;
  }
  eta /= n * n;
  const lags = Math.trunc(4 * Math.pow(n / 100, 0.25));
  let s2 = 0;
  for (let t = 0; t < n; t++) s2 += e[t]! * e[t]!;
  s2 /= n;
  for (let l = 1; l <= lags; l++) {
    let g = 0;
    for (let t = l; t < n; t++) g += e[t]! * e[t - l]!;
    s2 += (2 * (1 - l / (lags + 1)) * g) / n;
  }
  return s2 > 0 ? eta / s2 : 0;
}

/** 5% critical value of the KPSS level test (Kwiatkowski et al. 1992). */
export const KPSS_CRITICAL = 0.463;

/**
 * Strength of the season, max(0, 1 - var(remainder) / var(season + remainder)) (Wang, Smith &
 * Hyndman 2006), from a classical additive decomposition (centred 2 x m moving average).
 */
export function seasonalStrength(y: ArrayLike<number>, m: number): number {
  const n = y.length;
  if (n < 2 * m + 1) return 0;
  const half = m / 2;
  const detrended = new Float64Array(n).fill(NaN);
  for (let t = half; t < n - half; t++) {
    let acc = 0.5 * (y[t - half]! + y[t + half]!);
    for (let k = t - half + 1; k < t + half; k++) acc += y[k]!;
    detrended[t] = y[t]! - acc / m;
  }
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < n; t++)
    if (!Number.isNaN(detrended[t]!)) {
      sums[t % m] = sums[t % m]! + detrended[t]!;
      counts[t % m] = counts[t % m]! + 1;
    }
  let meanIndex = 0;
  for (let j = 0; j < m; j++) meanIndex += (counts[j]! ? sums[j]! / counts[j]! : 0) / m;
  const values: number[] = [];
  const remainders: number[] = [];
  for (let t = 0; t < n; t++) {
    const v = detrended[t]!;
    if (Number.isNaN(v)) continue;
    const s = sums[t % m]! / counts[t % m]! - meanIndex;
    values.push(v);
    remainders.push(v - s);
  }
  const variance = (a: number[]) => {
    const mu = a.reduce((s, v) => s + v, 0) / a.length;
    return a.reduce((s, v) => s + (v - mu) * (v - mu), 0) / a.length;
  };
  const total = variance(values);
  return total > 0 ? Math.max(0, 1 - variance(remainders) / total) : 0;
}

/** The differences the series needs: D by seasonal strength, then d by KPSS on the result. */
export function chooseDifferences(y: ArrayLike<number>, m: number): { d: number; D: number } {
  const D = y.length >= 2 * m + 1 && seasonalStrength(y, m) >= 0.64 ? 1 : 0;
  const z = difference(y, 0, D, m);
  const d = z.length >= 8 && kpssStatistic(z) > KPSS_CRITICAL ? 1 : 0;
  return { d, D };
}

/** The (p, q, P, Q) forms tried: the airline model and its near neighbours, plus seasonal AR forms. */
const SEASONAL_FORMS: Array<[number, number, number, number]> = [
  [0, 1, 0, 1],
  [1, 0, 0, 1],
  [1, 1, 0, 1],
  [2, 0, 0, 1],
  [0, 0, 0, 1],
  [1, 0, 1, 0],
  [0, 1, 1, 0],
  [1, 0, 0, 0],
];
const NON_SEASONAL_FORMS: Array<[number, number, number, number]> = [
  [0, 0, 0, 0],
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [1, 1, 0, 0],
  [2, 0, 0, 0],
];

export interface AutoArimaOptions {
  /** The shortest training prefix the chosen order must still fit (the backtest's first origin). */
  minLength?: number;
}

/**
 * The automatic ARIMA: differences by test, order by AICc over the list above (every fit scored
 * on the same months), then the mean or drift kept only if it lowers AICc.
 */
export function autoArima(values: ArrayLike<number>, m = 12, options: AutoArimaOptions = {}): ArimaFit | null {
  const y = Float64Array.from(values as ArrayLike<number>);
  const n = y.length;
  if (n < 8) return null;
  const { d, D } = n >= 2 * m ? chooseDifferences(y, m) : { d: chooseDifferences(y, m).d, D: 0 };
  const minLength = Math.min(n, options.minLength ?? n);
  const seasonalOk = n >= 2 * m;
  const forms = seasonalOk ? [...SEASONAL_FORMS, ...NON_SEASONAL_FORMS] : NON_SEASONAL_FORMS;
  const orders: ArimaOrder[] = forms
    .map(([p, q, P, Q]) => ({ p, d, q, P, D, Q, mean: d + D <= 1 }))
    // Every origin of the backtest must be able to refit the order.
    .filter((o) => difference(y.subarray(0, minLength), o.d, o.D, m).length - arLag(o, m) >= minimumEffective(o));
  if (!orders.length) return null;
  const start = Math.max(...orders.map((o) => arLag(o, m)));
  let best: ArimaFit | null = null;
  for (const order of orders) {
    const fit = fitArima(y, order, m, start);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  if (best && best.order.mean) {
    const plain = fitArima(y, { ...best.order, mean: false }, m, start);
    if (plain && plain.aicc <= best.aicc) best = plain;
  }
  return best;
}

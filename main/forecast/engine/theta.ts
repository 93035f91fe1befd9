import { Z80, Z95, type ForecastResult } from './types.js';

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah (2003), as
 * R's forecast::thetaf computes it: the series is seasonally adjusted by a classical multiplicative
 * decomposition when a season is detected (90% test on the lag-m autocorrelation), simple
 * exponential smoothing is fitted to the adjusted series, and half the slope of a linear trend
 * through it is added as drift. Cheap (one parameter) and, combined with ETS, a strong benchmark.
 */
export interface ThetaFit {
  point: number[];
  /** Standard deviation of the one-step errors of the adjusted series. */
  sigma: number;
  alpha: number;
  /** Seasonal index per future month (1 when no season was detected). */
  season: number[];
  seasonal: boolean;
}

/**
 * Seasonal if the lag-m autocorrelation stands out (the 90% test thetaf uses) or is simply large:
 * on three years of a strong season the test's own bound (which grows with the lower lags'
 * autocorrelations, large for a smooth season) can miss the obvious.
 */
export function hasSeason(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (n < 3 * m) return n >= 2 * m && acfAt(y, m) > 0.3;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]! / n;
  let sumSq = 0;
  for (let k = 1; k < m; k++) {
    const r = acfAt(y, k, mean);
    sumSq += r * r;
  }
  const r = acfAt(y, m, mean);
  return r >= 0.5 || Math.abs(r) / Math.sqrt((1 + 2 * sumSq) / n) > 1.645;
}

function acfAt(y: ArrayLike<number>, lag: number, mean?: number): number {
  const n = y.length;
  let mu = mean ?? 0;
  if (mean === undefined) for (let t = 0; t < n; t++) mu += y[t]! / n;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    const d = y[t]! - mu;
    den += d * d;
    if (t >= lag) num += d * (y[t - lag]! - mu);
  }
  return den > 0 ? num / den : 0;
}

/** Classical multiplicative decomposition's seasonal indices (mean 1), index j = position t % m. */
export function classicalIndices(y: ArrayLike<number>, m: number): Float64Array {
  const n = y.length;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = m / 2;
  for (let t = half; t < n - half; t++) {
    let acc = 0.5 * (y[t - half]! + y[t + half]!);
    for (let k = t - half + 1; k < t + half; k++) acc += y[k]!;
    const trend = acc / m;
    if (trend > 0) {
      sums[t % m] = sums[t % m]! + y[t]! / trend;
      counts[t % m] = counts[t % m]! + 1;
    }
  }
  const out = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) {
    out[j] = counts[j]! > 0 ? sums[j]! / counts[j]! : 1;
    mean += out[j]! / m;
  }
  for (let j = 0; j < m; j++) out[j] = mean > 0 && out[j]! > 0 ? out[j]! / mean : 1;
  return out;
}

/** SSE of simple exponential smoothing with the level started at the first value. */
function sesSse(x: Float64Array, alpha: number): { sse: number; level: number } {
  let level = x[0]!;
  let sse = 0;
  for (let t = 1; t < x.length; t++) {
    const e = x[t]! - level;
    sse += e * e;
    level += alpha * e;
  }
  return { sse, level };
}

export function thetaFit(values: ArrayLike<number>, horizon: number, m = 12): ThetaFit | null {
  const y = Float64Array.from(values as ArrayLike<number>);
  const n = y.length;
  if (n < 4) return null;
  let positive = true;
  for (let t = 0; t < n; t++) if (!(y[t]! > 0)) positive = false;
  const seasonal = positive && n >= 2 * m && hasSeason(y, m);
  const idx = seasonal ? classicalIndices(y, m) : null;
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = idx ? y[t]! / idx[t % m]! : y[t]!;
  // alpha by golden-section search on the one-step SSE
  let a = 0.0001;
  let b = 0.9999;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = sesSse(x, c).sse;
  let fd = sesSse(x, d).sse;
  for (let i = 0; i < 40; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = sesSse(x, c).sse;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = sesSse(x, d).sse;
    }
  }
  const alpha = (a + b) / 2;
  const ses = sesSse(x, alpha);
  // half the least-squares slope of the adjusted series on time
  let st = 0;
  let sx = 0;
  let stt = 0;
  let stx = 0;
  for (let t = 0; t < n; t++) {
    st += t;
    sx += x[t]!;
    stt += t * t;
    stx += t * x[t]!;
  }
  const slope = (n * stx - st * sx) / (n * stt - st * st);
  const drift = slope / 2;
  const point: number[] = [];
  const season: number[] = [];
  const lead = (1 - Math.pow(1 - alpha, n)) / alpha;
  for (let h = 0; h < horizon; h++) {
    const s = idx ? idx[(n + h) % m]! : 1;
    season.push(s);
    point.push((ses.level + drift * (h + lead)) * s);
  }
  return { point, sigma: Math.sqrt(ses.sse / Math.max(1, n - 3)), alpha, season, seasonal };
}

/** Theta forecast with ranges from the SES error variance, (1 + (h-1) alpha^2) sigma^2, re-seasonalised. */
export function thetaForecast(values: ArrayLike<number>, horizon: number, m = 12): ForecastResult | null {
  const fit = thetaFit(values, horizon, m);
  if (!fit) return null;
  const out = { point: [] as number[], lo80: [] as number[], hi80: [] as number[], lo95: [] as number[], hi95: [] as number[] };
  for (let h = 1; h <= horizon; h++) {
    const p = Math.max(0, fit.point[h - 1]!);
    const sd = fit.sigma * Math.sqrt(1 + (h - 1) * fit.alpha * fit.alpha) * fit.season[h - 1]!;
    out.point.push(p);
    out.lo80.push(Math.max(0, p - Z80 * sd));
    out.hi80.push(p + Z80 * sd);
    out.lo95.push(Math.max(0, p - Z95 * sd));
    out.hi95.push(p + Z95 * sd);
  }
  return {
    method: 'theta',
    model: fit.seasonal ? 'Theta (seasonally adjusted)' : 'Theta',
    params: { alpha: fit.alpha, sigma: fit.sigma },
    ...out,
    aicc: null,
  };
}

import { etsFilter, type EtsParams, type EtsState } from './ets.js';
import { nelderMead } from './optimize.js';
import type { EtsSpec } from './types.js';

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  init: EtsState;
  final: EtsState;
  lik: number;
  aicc: number;
  /** Standard deviation of the innovations (absolute for additive error, relative for multiplicative). */
  sigma: number;
  n: number;
}

/** The 15 admissible models for monthly data (no multiplicative trend, no A error with M season). */
export const ADMISSIBLE: EtsSpec[] = (['A', 'M'] as const).flatMap((error) =>
  (['N', 'A', 'Ad'] as const).flatMap((trend) =>
    (['N', 'A', 'M'] as const).filter((season) => !(error === 'A' && season === 'M')).map((season) => ({ error, trend, season })),
  ),
);

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** Maps unconstrained optimiser coordinates into the usual parameter region (FPP 8.6, Hyndman 2008 §5). */
function toParams(spec: EtsSpec, x: Float64Array): EtsParams {
  let i = 0;
  const alpha = 1e-4 + (0.9998 - 1e-4) * logistic(x[i++]!);
  const beta = spec.trend === 'N' ? 0 : 1e-4 + (alpha - 1e-4) * logistic(x[i++]!);
  const gamma = spec.season === 'N' ? 0 : 1e-4 + (0.9999 - alpha - 1e-4) * logistic(x[i++]!);
  const phi = spec.trend === 'Ad' ? 0.8 + 0.18 * logistic(x[i]!) : 1;
  return { alpha, beta, gamma, phi };
}

function startPoint(spec: EtsSpec): Float64Array {
  const x = [logit((0.25 - 1e-4) / (0.9998 - 1e-4))];
  if (spec.trend !== 'N') x.push(logit(0.1));
  if (spec.season !== 'N') x.push(logit(0.1));
  if (spec.trend === 'Ad') x.push(logit((0.95 - 0.8) / 0.18));
  return Float64Array.from(x);
}

/**
 * Initial states by the heuristic of Hyndman et al. (2008, §2.6.1): seasonal indices from a
 * centred moving average over the first years, level and trend from a regression on the first
 * seasonally adjusted values. The smoothing parameters are then fitted by maximum likelihood.
 */
export function initialStates(y: Float64Array, spec: EtsSpec, m: number): EtsState {
  const n = y.length;
  const season = new Float64Array(m).fill(spec.season === 'M' ? 1 : 0);
  if (spec.season !== 'N' && n >= 2 * m) {
    const years = Math.floor(n / m);
    const span = years * m;
    const sums = new Float64Array(m);
    const counts = new Float64Array(m);
    const half = m / 2;
    for (let t = half; t < span - half; t++) {
      // 2 x m centred moving average
      let acc = 0.5 * (y[t - half]! + y[t + half]!);
      for (let k = t - half + 1; k < t + half; k++) acc += y[k]!;
      const trend = acc / m;
      const v = spec.season === 'M' ? (trend > 0 ? y[t]! / trend : 1) : y[t]! - trend;
      sums[t % m] = sums[t % m]! + v;
      counts[t % m] = counts[t % m]! + 1;
    }
    let mean = 0;
    for (let j = 0; j < m; j++) {
      season[j] = counts[j]! > 0 ? sums[j]! / counts[j]! : spec.season === 'M' ? 1 : 0;
      mean += season[j]! / m;
    }
    for (let j = 0; j < m; j++) season[j] = spec.season === 'M' ? (mean > 0 ? season[j]! / mean : 1) : season[j]! - mean;
  }
  const k = Math.min(n, spec.season === 'N' ? 10 : Math.max(10, m));
  const adjusted = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    const s = season[t % m]!;
    adjusted[t] = spec.season === 'M' ? y[t]! / (s > 0 ? s : 1) : spec.season === 'A' ? y[t]! - s : y[t]!;
  }
  if (spec.trend === 'N') {
    let mean = 0;
    for (let t = 0; t < k; t++) mean += adjusted[t]! / k;
    return { level: mean, trend: 0, season };
  }
  // least squares on t = 1..k: adjusted ~ a + b t, so the state before the first observation is (a, b)
  let st = 0;
  let sy = 0;
  let stt = 0;
  let sty = 0;
  for (let t = 0; t < k; t++) {
    const x = t + 1;
    st += x;
    sy += adjusted[t]!;
    stt += x * x;
    sty += x * adjusted[t]!;
  }
  const slope = k > 1 ? (k * sty - st * sy) / (k * stt - st * st) : 0;
  const intercept = (sy - slope * st) / k;
  return { level: intercept, trend: slope, season };
}

export function parameterCount(spec: EtsSpec, m: number): number {
  const smoothing = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? m - 1 : 0);
  return smoothing + states + 1;
}

/** Fits one model; null when it cannot be fitted to this series (too short, or not positive). */
export function fitEts(y: Float64Array, spec: EtsSpec, m: number, ring: Float64Array, maxEvals = 160): EtsFit | null {
  const n = y.length;
  const k = parameterCount(spec, m);
  if (n - k - 1 <= 0) return null;
  if (spec.season !== 'N' && n < 2 * m) return null;
  const init = initialStates(y, spec, m);
  if (spec.error === 'M' && !(init.level > 0)) return null;
  if (spec.season === 'M' && init.season.some((s) => !(s > 0))) return null;
  const objective = (x: Float64Array) => {
    const r = etsFilter(y, spec, toParams(spec, x), init, m, ring);
    return r.ok ? r.lik : 1e300;
  };
  const best = nelderMead(objective, startPoint(spec), { maxEvals, step: 1.2, tol: 1e-5 });
  if (!(best.fx < 1e299)) return null;
  const params = toParams(spec, best.x);
  const run = etsFilter(y, spec, params, init, m, ring);
  if (!run.ok) return null;
  const aicc = run.lik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  // sigma with the degrees of freedom the fit used, so intervals are not overconfident
  const sigma = Math.sqrt(run.sse / Math.max(1, n - k));
  return { spec, params, init, final: run.final, lik: run.lik, aicc, sigma, n };
}

/** Automatic selection by AICc over the admissible models; multiplicative forms only for positive data. */
export function selectEts(y: Float64Array, m: number, candidates: EtsSpec[] = ADMISSIBLE): EtsFit | null {
  let positive = true;
  for (let t = 0; t < y.length; t++) if (!(y[t]! > 0)) positive = false;
  const ring = new Float64Array(m);
  let best: EtsFit | null = null;
  for (const spec of candidates) {
    if (!positive && (spec.error === 'M' || spec.season === 'M')) continue;
    const fit = fitEts(y, spec, m, ring);
    if (fit && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}

import type { EtsSpec } from './types.js';

/**
 * The ETS state-space recursions (Hyndman, Koehler, Ord & Snyder 2008, table 2.2/2.3) and their
 * likelihood, written as one tight loop over typed arrays: this runs hundreds of times per model.
 */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface EtsState {
  level: number;
  trend: number;
  /** seasonal[j] is the factor for the j-th period after the last observation's season start. */
  season: Float64Array;
}

export interface FilterResult {
  /** -2 log likelihood up to a constant (Hyndman et al. eq. 5.6 / 5.13). */
  lik: number;
  sse: number;
  /** State after the last observation. */
  final: EtsState;
  ok: boolean;
}

const trendDamping = (spec: EtsSpec, p: EtsParams) => (spec.trend === 'N' ? 0 : spec.trend === 'A' ? 1 : p.phi);

/**
 * Runs the model over y from the initial state. Seasonal states are kept in a ring buffer:
 * `ring[(t) % m]` holds s_{t-m} when observation t is processed.
 */
export function etsFilter(
  y: Float64Array,
  spec: EtsSpec,
  p: EtsParams,
  init: EtsState,
  m: number,
  ring: Float64Array,
  fitted?: Float64Array,
): FilterResult {
  const n = y.length;
  const seasonal = spec.season !== 'N';
  const multError = spec.error === 'M';
  const multSeason = spec.season === 'M';
  const damp = trendDamping(spec, p);
  const { alpha, beta, gamma } = p;
  let l = init.level;
  let b = spec.trend === 'N' ? 0 : init.trend;
  if (seasonal) for (let j = 0; j < m; j++) ring[j] = init.season[j]!;
  let sse = 0;
  let logMu = 0;
  // Sum of log(mu) kept as a running product, renormalised rarely: a log per step would dominate.
  let muProduct = 1;
  for (let t = 0; t < n; t++) {
    const idx = t % m;
    const sp = seasonal ? ring[idx]! : multSeason ? 1 : 0;
    const tp = l + damp * b;
    const mu = !seasonal ? tp : multSeason ? tp * sp : tp + sp;
    if (fitted) fitted[t] = mu;
    const yt = y[t]!;
    if (multError) {
      if (!(mu > 0)) return { lik: Infinity, sse: Infinity, final: init, ok: false };
      const e = (yt - mu) / mu;
      sse += e * e;
      muProduct *= mu;
      if (muProduct > 1e150 || muProduct < 1e-150) {
        logMu += Math.log(muProduct);
        muProduct = 1;
      }
      if (!seasonal) {
        l = tp * (1 + alpha * e);
        b = damp * b + beta * tp * e;
      } else if (multSeason) {
        l = tp * (1 + alpha * e);
        b = damp * b + beta * tp * e;
        ring[idx] = sp * (1 + gamma * e);
      } else {
        l = tp + alpha * mu * e;
        b = damp * b + beta * mu * e;
        ring[idx] = sp + gamma * mu * e;
      }
    } else {
      const e = yt - mu;
      sse += e * e;
      l = tp + alpha * e;
      b = damp * b + beta * e;
      if (seasonal) ring[idx] = multSeason ? sp + (gamma * e) / tp : sp + gamma * e;
    }
    if (!Number.isFinite(l) || (multError && l <= 0)) return { lik: Infinity, sse: Infinity, final: init, ok: false };
  }
  logMu += Math.log(muProduct);
  const lik = n * Math.log(Math.max(sse, 1e-300) / n) + (multError ? 2 * logMu : 0);
  // The ring is rotated so the returned season starts at the first future period.
  const season = new Float64Array(m);
  if (seasonal) for (let j = 0; j < m; j++) season[j] = ring[(n + j) % m]!;
  return { lik, sse, final: { level: l, trend: b, season }, ok: true };
}

/** Point forecasts from a final state: the model's conditional mean h steps ahead. */
export function etsPoint(spec: EtsSpec, p: EtsParams, s: EtsState, horizon: number, m: number): number[] {
  const out: number[] = [];
  const phi = trendDamping(spec, p);
  let cumulative = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    if (spec.trend === 'A') cumulative = h;
    else if (spec.trend === 'Ad') {
      phiPower *= phi;
      cumulative += phiPower;
    }
    const tp = s.level + cumulative * s.trend;
    const sp = s.season[(h - 1) % m]!;
    out.push(spec.season === 'N' ? tp : spec.season === 'M' ? tp * sp : tp + sp);
  }
  return out;
}

/**
 * Sample paths for prediction intervals: the model run forward with errors drawn from its own
 * error distribution (normal, with the fitted sigma). Works for every class, linear or not.
 */
export function etsSimulate(
  spec: EtsSpec,
  p: EtsParams,
  s: EtsState,
  sigma: number,
  horizon: number,
  m: number,
  paths: number,
  normal: () => number,
): Float64Array[] {
  const out = Array.from({ length: horizon }, () => new Float64Array(paths));
  const damp = trendDamping(spec, p);
  const ring = new Float64Array(m);
  for (let k = 0; k < paths; k++) {
    let l = s.level;
    let b = spec.trend === 'N' ? 0 : s.trend;
    for (let j = 0; j < m; j++) ring[j] = s.season[j]!;
    for (let h = 0; h < horizon; h++) {
      const idx = h % m;
      const sp = spec.season === 'N' ? 0 : ring[idx]!;
      const tp = l + damp * b;
      const mu = spec.season === 'N' ? tp : spec.season === 'M' ? tp * sp : tp + sp;
      const e = normal() * sigma;
      if (spec.error === 'M') {
        out[h]![k] = mu * (1 + e);
        if (spec.season === 'A') {
          l = tp + p.alpha * mu * e;
          b = damp * b + p.beta * mu * e;
          ring[idx] = sp + p.gamma * mu * e;
        } else {
          l = tp * (1 + p.alpha * e);
          b = damp * b + p.beta * tp * e;
          if (spec.season === 'M') ring[idx] = sp * (1 + p.gamma * e);
        }
      } else {
        out[h]![k] = mu + e;
        l = tp + p.alpha * e;
        b = damp * b + p.beta * e;
        if (spec.season === 'A') ring[idx] = sp + p.gamma * e;
      }
    }
  }
  return out;
}

export function modelName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/** The model in words a sales manager reads: "seasonal (multiplicative), damped trend". */
export function describeModel(spec: EtsSpec): string {
  const season =
    spec.season === 'N' ? 'no seasonality' : spec.season === 'A' ? 'seasonal (steady swings)' : 'seasonal (swings grow with volume)';
  const trend = spec.trend === 'N' ? 'no trend' : spec.trend === 'A' ? 'trend' : 'damped trend';
  return `${season}, ${trend}`;
}

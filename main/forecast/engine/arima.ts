import { nelderMead } from './optimize.js';
import { Z80, Z95, type ForecastResult } from './types.js';

/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)m (Box & Jenkins): the differenced series w = (1-B)^d (1-B^m)^D y,
 * less its mean, follows phi(B) Phi(B^m) w_t = theta(B) Theta(B^m) e_t. Estimated by conditional sum
 * of squares (the residuals before the first usable month are taken as zero), which is R's
 * arima(method = "CSS") and the first step of its default; the mean of w (a drift in y when d + D = 1)
 * is taken as w's sample mean rather than optimised, which keeps each fit a small Nelder-Mead over
 * the ARMA coefficients only. Forecast ranges come from the psi-weights of the full model.
 */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Whether w has a non-zero mean (only when d + D <= 1). */
  mean: boolean;
}

export interface ArimaFit {
  order: ArimaOrder;
  m: number;
  phi: number[];
  theta: number[];
  Phi: number[];
  Theta: number[];
  mu: number;
  sigma: number;
  /** CSS AICc: nEff log(sse / nEff) + 2k + 2k(k+1)/(nEff-k-1); comparable between fits with the same start. */
  aicc: number;
  /** The training series, and the residuals of the differenced series (aligned with its end). */
  y: Float64Array;
  residuals: Float64Array;
}

export const orderName = (o: ArimaOrder, m: number) =>
  `ARIMA(${o.p},${o.d},${o.q})` +
  (o.P || o.D || o.Q ? `(${o.P},${o.D},${o.Q})[${m}]` : '') +
  (o.mean ? (o.d + o.D ? ' with drift' : ' with mean') : '');

/** Number of estimated parameters, including sigma and the mean. */
export const parameterCountArima = (o: ArimaOrder) => o.p + o.q + o.P + o.Q + (o.mean ? 1 : 0) + 1;

/** Longest AR lag of the (undifferenced-w) model: the months CSS conditions on. */
export const arLag = (o: ArimaOrder, m: number) => o.p + m * o.P;

/** Differences a series: (1-B)^d (1-B^m)^D y. */
export function difference(y: ArrayLike<number>, d: number, D: number, m: number): Float64Array {
  let x = Float64Array.from(y as ArrayLike<number>);
  for (let i = 0; i < D; i++)
    x = x.length > m ? x.map((_, t) => (t + m < x.length ? x[t + m]! - x[t]! : 0)).subarray(0, x.length - m) : new Float64Array(0);
  for (let i = 0; i < d; i++)
    x = x.length > 1 ? x.map((_, t) => (t + 1 < x.length ? x[t + 1]! - x[t]! : 0)).subarray(0, x.length - 1) : new Float64Array(0);
  return x;
}

/**
 * Coefficients of a stationary AR polynomial from unconstrained values, through partial
 * autocorrelations in (-0.98, 0.98) and the Durbin-Levinson recursion (Jones 1980). The same map
 * gives invertible MA polynomials (theta = -phi). Staying off the unit circle keeps forecasts sane.
 */
export function toStationary(x: ArrayLike<number>, from: number, k: number): number[] {
  const phi: number[] = [];
  for (let j = 0; j < k; j++) {
    const r = 0.98 * Math.tanh(x[from + j]!);
    const prev = phi.slice();
    for (let i = 0; i < j; i++) phi[i] = prev[i]! - r * prev[j - 1 - i]!;
    phi[j] = r;
  }
  return phi;
}

/** Inverse of toStationary (for starting values and tests). */
export function fromStationary(phi: number[]): number[] {
  let a = phi.slice();
  const out: number[] = new Array(a.length);
  for (let j = a.length - 1; j >= 0; j--) {
    const r = a[j]!;
    out[j] = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r / 0.98)));
    const prev = a.slice(0, j);
    a = prev.map((_, i) => (prev[i]! + r * prev[j - 1 - i]!) / (1 - r * r));
  }
  return out;
}

/**
 * A non-seasonal lag polynomial times a seasonal one, as the coefficients c of the product. AR
 * polynomials are written 1 - sum (so (1 - a)(1 - b) = 1 - (a + b - ab): the cross terms subtract),
 * MA polynomials 1 + sum (so the cross terms add); everything else about the product is the same.
 */
function multiplyLags(a: number[], b: number[], s: number, cross: 1 | -1): number[] {
  const len = a.length + s * b.length;
  const c = new Array<number>(len).fill(0);
  for (let i = 0; i < a.length; i++) c[i] = c[i]! + a[i]!;
  for (let j = 0; j < b.length; j++) {
    const lag = s * (j + 1);
    c[lag - 1] = c[lag - 1]! + b[j]!;
    for (let i = 0; i < a.length; i++) c[lag + i] = c[lag + i]! + cross * a[i]! * b[j]!;
  }
  return c;
}

/** (1 - sum a_i B^i)(1 - sum b_j B^(s j)) as the coefficients c of 1 - sum c_k B^k. */
const multiplyAr = (a: number[], b: number[], s: number) => multiplyLags(a, b, s, -1);
/** (1 + sum a_i B^i)(1 + sum b_j B^(s j)) as the coefficients c of 1 + sum c_k B^k. */
const multiplyMa = (a: number[], b: number[], s: number) => multiplyLags(a, b, s, 1);

/** Non-zero coefficients as (lag, value) pairs: the seasonal products are mostly zeros. */
function sparse(c: number[]): { lags: Int32Array; coef: Float64Array } {
  const lags: number[] = [];
  const coef: number[] = [];
  c.forEach((v, i) => {
    if (v !== 0) {
      lags.push(i + 1);
      coef.push(v);
    }
  });
  return { lags: Int32Array.from(lags), coef: Float64Array.from(coef) };
}

/**
 * Conditional sum of squares of the centred differenced series wc from month `start` on; residuals
 * before `start` are zero. Writes the residuals into e.
 */
function css(wc: Float64Array, ar: number[], ma: number[], start: number, e: Float64Array): number {
  const a = sparse(ar);
  const b = sparse(ma);
  let sse = 0;
  e.fill(0, 0, Math.min(start, e.length));
  for (let t = start; t < wc.length; t++) {
    let v = wc[t]!;
    for (let i = 0; i < a.lags.length; i++) v -= a.coef[i]! * wc[t - a.lags[i]!]!;
    for (let j = 0; j < b.lags.length; j++) {
      const lag = b.lags[j]!;
      if (t - lag >= 0) v -= b.coef[j]! * e[t - lag]!;
    }
    e[t] = v;
    sse += v * v;
  }
  return sse;
}

function unpack(o: ArimaOrder, x: ArrayLike<number>) {
  let i = 0;
  const phi = toStationary(x, i, o.p);
  i += o.p;
  const theta = toStationary(x, i, o.q).map((v) => -v);
  i += o.q;
  const Phi = toStationary(x, i, o.P);
  i += o.P;
  const Theta = toStationary(x, i, o.Q).map((v) => -v);
  return { phi, theta, Phi, Theta };
}

/** Months of the differenced series a fit needs beyond its conditioning lags. */
export const minimumEffective = (o: ArimaOrder) => Math.max(8, 2 * parameterCountArima(o) + 2);

/**
 * Fits one order by CSS. `start` (at least the model's own AR lag) lets fits of different orders
 * share the months they are scored on, so their AICc compare. Null when the series is too short.
 */
export function fitArima(y: ArrayLike<number>, order: ArimaOrder, m = 12, start?: number): ArimaFit | null {
  const series = Float64Array.from(y as ArrayLike<number>);
  const w = difference(series, order.d, order.D, m);
  const s0 = Math.max(start ?? 0, arLag(order, m));
  const nEff = w.length - s0;
  const k = parameterCountArima(order);
  if (nEff < minimumEffective(order)) return null;
  let mu = 0;
  if (order.mean) {
    for (let t = 0; t < w.length; t++) mu += w[t]!;
    mu /= w.length;
  }
  const wc = w.map((v) => v - mu);
  const e = new Float64Array(wc.length);
  const dims = order.p + order.q + order.P + order.Q;
  const objective = (x: Float64Array) => {
    const c = unpack(order, x);
    return css(wc, multiplyAr(c.phi, c.Phi, m), multiplyMa(c.theta, c.Theta, m), s0, e);
  };
  let x: Float64Array = new Float64Array(dims);
  if (dims > 0) x = nelderMead(objective, x, { maxEvals: 40 + 40 * dims, step: 0.5, tol: 1e-4 }).x;
  const c = unpack(order, x);
  const sse = css(wc, multiplyAr(c.phi, c.Phi, m), multiplyMa(c.theta, c.Theta, m), s0, e);
  if (!Number.isFinite(sse)) return null;
  const variance = sse / nEff;
  // A series the model fits exactly (constant, or a season repeating exactly) has no error: its log is -Infinity.
  const aicc = nEff * Math.log(Math.max(variance, 1e-12)) + 2 * k + (2 * k * (k + 1)) / Math.max(1, nEff - k - 1);
  const sigma = Math.sqrt(sse / Math.max(1, nEff - k + 1));
  return { order, m, ...c, mu, sigma, aicc, y: series, residuals: e };
}

/** Point forecasts and their standard deviations (psi-weights of the full, differenced model). */
export function arimaPoint(fit: ArimaFit, horizon: number): { point: number[]; sd: number[] } {
  const { order, m } = fit;
  const ar = multiplyAr(fit.phi, fit.Phi, m);
  const ma = multiplyMa(fit.theta, fit.Theta, m);
  const w = difference(fit.y, order.d, order.D, m);
  const nw = w.length;
  // Forecasts of the centred differenced series: future errors are zero.
  const wc = new Float64Array(nw + horizon);
  const e = new Float64Array(nw + horizon);
  for (let t = 0; t < nw; t++) {
    wc[t] = w[t]! - fit.mu;
    e[t] = fit.residuals[t] ?? 0;
  }
  for (let h = 0; h < horizon; h++) {
    const t = nw + h;
    let v = 0;
    for (let i = 0; i < ar.length; i++) if (t - i - 1 >= 0) v += ar[i]! * wc[t - i - 1]!;
    for (let j = 0; j < ma.length; j++) if (t - j - 1 >= 0) v += ma[j]! * e[t - j - 1]!;
    wc[t] = v;
  }
  // Undo the differences: first d (ordinary), then D (seasonal), each from the last known values.
  const seasonalDiffed = difference(fit.y, 0, order.D, m);
  let future = Array.from({ length: horizon }, (_, h) => wc[nw + h]! + fit.mu);
  if (order.d === 1) {
    let last = seasonalDiffed[seasonalDiffed.length - 1] ?? 0;
    future = future.map((v) => (last += v));
  }
  if (order.D === 1) {
    const n = fit.y.length;
    const ext = Array.from(fit.y);
    future = future.map((v, h) => {
      const value = v + ext[n + h - m]!;
      ext.push(value);
      return value;
    });
  }
  // psi-weights of phi*(B) (1-B)^d (1-B^m)^D y = theta*(B) e
  let full = ar.slice();
  if (order.d === 1) full = multiplyAr(full, [1], 1);
  if (order.D === 1) full = multiplyAr(full, [1], m);
  const psi = new Float64Array(horizon);
  psi[0] = 1;
  for (let j = 1; j < horizon; j++) {
    let v = j <= ma.length ? ma[j - 1]! : 0;
    for (let i = 1; i <= Math.min(j, full.length); i++) v += full[i - 1]! * psi[j - i]!;
    psi[j] = v;
  }
  const sd: number[] = [];
  let acc = 0;
  for (let h = 0; h < horizon; h++) {
    acc += psi[h]! * psi[h]!;
    sd.push(fit.sigma * Math.sqrt(acc));
  }
  return { point: future, sd };
}

export function arimaForecast(fit: ArimaFit, horizon: number): ForecastResult {
  const { point, sd } = arimaPoint(fit, horizon);
  const out = { point: [] as number[], lo80: [] as number[], hi80: [] as number[], lo95: [] as number[], hi95: [] as number[] };
  for (let h = 0; h < horizon; h++) {
    const p = Math.max(0, point[h]!);
    out.point.push(p);
    out.lo80.push(Math.max(0, point[h]! - Z80 * sd[h]!));
    out.hi80.push(Math.max(p, point[h]! + Z80 * sd[h]!));
    out.lo95.push(Math.max(0, point[h]! - Z95 * sd[h]!));
    out.hi95.push(Math.max(p, point[h]! + Z95 * sd[h]!));
  }
  const params: Record<string, number> = { sigma: fit.sigma };
  fit.phi.forEach((v, i) => (params[`ar${i + 1}`] = v));
  fit.theta.forEach((v, i) => (params[`ma${i + 1}`] = v));
  fit.Phi.forEach((v, i) => (params[`sar${i + 1}`] = v));
  fit.Theta.forEach((v, i) => (params[`sma${i + 1}`] = v));
  if (fit.order.mean) params[fit.order.d + fit.order.D ? 'drift' : 'mean'] = fit.mu;
  return { method: 'arima', model: orderName(fit.order, fit.m), params, ...out, aicc: fit.aicc };
}

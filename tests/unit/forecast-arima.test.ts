import { describe, expect, it } from 'vitest';
import { autoArima, chooseDifferences, kpssStatistic, KPSS_CRITICAL } from '../../main/forecast/engine/arima-auto.js';
import { arimaForecast, arimaPoint, fitArima, fromStationary, toStationary, type ArimaOrder } from '../../main/forecast/engine/arima.js';
import { seasonalNaive } from '../../main/forecast/engine/baseline.js';
import { seededNormal } from '../../main/forecast/engine/random.js';
import { selectForecast } from '../../main/forecast/engine/select.js';

const order = (o: Partial<ArimaOrder>): ArimaOrder => ({ p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, mean: false, ...o });

/** ARMA(1,1) around a mean, after a burn-in so the start does not matter. */
function arma(n: number, phi: number, theta: number, seed: number, mean = 100): number[] {
  const z = seededNormal(seed);
  const out: number[] = [];
  let prev = 0;
  let prevE = 0;
  for (let t = 0; t < n + 100; t++) {
    const e = z();
    const v = phi * prev + e + theta * prevE;
    prev = v;
    prevE = e;
    if (t >= 100) out.push(mean + v);
  }
  return out;
}

/** The airline model (0,1,1)(0,1,1)12: (1-B)(1-B^12) y = (1 + theta B)(1 + Theta B^12) e. */
function airline(n: number, theta: number, Theta: number, seed: number, sd = 1): number[] {
  const z = seededNormal(seed);
  const burn = 60;
  const e: number[] = [];
  const y: number[] = [];
  for (let t = 0; t < n + burn; t++) {
    e.push(sd * z());
    const at = (k: number) => (t - k >= 0 ? e[t - k]! : 0);
    const yt = (k: number) => (t - k >= 0 ? y[t - k]! : 0);
    const w = e[t]! + theta * at(1) + Theta * at(12) + theta * Theta * at(13);
    y.push(w + yt(1) + yt(12) - yt(13));
  }
  // a level and a season a brewery would recognise, then the ARIMA noise on top
  return y.slice(burn).map((v, t) => 500 + 150 * Math.sin((2 * Math.PI * t) / 12) + 4 * v);
}

describe('seasonal ARIMA estimation', () => {
  it('maps unconstrained values to stationary coefficients and back', () => {
    for (const phi of [[0.5], [0.6, 0.2], [-0.3, -0.4]]) {
      const back = toStationary(fromStationary(phi), 0, phi.length);
      back.forEach((v, i) => expect(v).toBeCloseTo(phi[i]!, 8));
    }
  });

  it('recovers the AR and MA coefficients of generated ARMA series', () => {
    const ar = fitArima(arma(500, 0.6, 0, 3), order({ p: 1, mean: true }))!;
    expect(ar.phi[0]).toBeGreaterThan(0.5);
    expect(ar.phi[0]).toBeLessThan(0.7);
    expect(ar.mu).toBeGreaterThan(99);
    expect(ar.mu).toBeLessThan(101);
    expect(ar.sigma).toBeGreaterThan(0.9);
    expect(ar.sigma).toBeLessThan(1.1);
    const ma = fitArima(arma(500, 0, 0.5, 5), order({ q: 1, mean: true }))!;
    expect(ma.theta[0]).toBeGreaterThan(0.4);
    expect(ma.theta[0]).toBeLessThan(0.6);
    const both = fitArima(arma(800, 0.7, -0.3, 7), order({ p: 1, q: 1, mean: true }))!;
    expect(Math.abs(both.phi[0]! - 0.7)).toBeLessThan(0.12);
    expect(Math.abs(both.theta[0]! + 0.3)).toBeLessThan(0.15);
  });

  it('recovers the airline model and chooses its differences', () => {
    const y = airline(240, -0.4, -0.6, 11);
    // The season is strong: one seasonal difference. (The ordinary one is a KPSS call: with these MA
    // terms the random-walk part is small beside the noise, and R's ndiffs hesitates on it too.)
    expect(chooseDifferences(y, 12).D).toBe(1);
    const fit = fitArima(y, order({ d: 1, q: 1, D: 1, Q: 1 }))!;
    expect(Math.abs(fit.theta[0]! + 0.4)).toBeLessThan(0.12);
    expect(Math.abs(fit.Theta[0]! + 0.6)).toBeLessThan(0.15);
    expect(Math.abs(fit.sigma - 4)).toBeLessThan(0.6);
  });

  it('differences a random walk and not white noise (KPSS)', () => {
    const z = seededNormal(2);
    let level = 0;
    const walk = Array.from({ length: 120 }, () => (level += z()));
    const noise = Array.from({ length: 120 }, () => z());
    expect(kpssStatistic(walk)).toBeGreaterThan(KPSS_CRITICAL);
    expect(kpssStatistic(noise)).toBeLessThan(KPSS_CRITICAL);
    expect(chooseDifferences(walk, 12).d).toBe(1);
    expect(chooseDifferences(noise, 12)).toEqual({ d: 0, D: 0 });
  });

  it('widens a random walk’s range as sigma times the square root of the horizon (psi-weights)', () => {
    const z = seededNormal(4);
    let level = 1000;
    const walk = Array.from({ length: 100 }, () => (level += 10 * z()));
    const fit = fitArima(walk, order({ d: 1 }))!;
    const { point, sd } = arimaPoint(fit, 6);
    point.forEach((p) => expect(p).toBeCloseTo(walk[walk.length - 1]!, 8));
    sd.forEach((s, h) => expect(s).toBeCloseTo(fit.sigma * Math.sqrt(h + 1), 8));
  });

  it('forecasts airline-model series better than seasonal naive', () => {
    let arimaError = 0;
    let naiveError = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const y = airline(96, -0.5, -0.6, seed * 7);
      const train = y.slice(0, 84);
      const test = y.slice(84);
      const fit = autoArima(train, 12)!;
      const f = arimaForecast(fit, 12);
      const naive = seasonalNaive(train, 12);
      test.forEach((v, h) => {
        arimaError += Math.abs(v - f.point[h]!);
        naiveError += Math.abs(v - naive.point[h]!);
      });
    }
    expect(arimaError).toBeLessThan(0.85 * naiveError);
  });
});

describe('ARIMA in the automatic forecast', () => {
  const edgeCases: Array<[string, number[]]> = [
    ['one month', [40]],
    ['short', [5, 7, 6, 8, 9]],
    ['ten months', [10, 12, 11, 13, 12, 14, 13, 15, 14, 16]],
    ['constant', Array.from({ length: 48 }, () => 250)],
    ['zero', Array.from({ length: 48 }, () => 0)],
    ['intermittent', Array.from({ length: 48 }, (_, t) => (t % 7 === 3 ? 12 : 0))],
    ['season repeating exactly', Array.from({ length: 48 }, (_, t) => [3, 5, 9, 14, 20, 25, 24, 18, 10, 6, 4, 3][t % 12]! * 10)],
    ['25 months', Array.from({ length: 25 }, (_, t) => 100 + 30 * Math.sin(t / 2) + (t % 5))],
    ['a jump to zero', [...Array.from({ length: 36 }, (_, t) => 200 + 50 * Math.cos(t / 2)), ...Array.from({ length: 12 }, () => 0)]],
  ];

  it.each(edgeCases)('gives finite, ordered ranges for a %s series', (_, values) => {
    const s = selectForecast(values, { horizon: 12, firstPeriod: '2022-01' });
    const r = s.result;
    for (const key of ['point', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
      expect(r[key]).toHaveLength(12);
      for (const v of r[key]) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
    r.point.forEach((p, h) => {
      expect(r.lo95[h]!).toBeLessThanOrEqual(r.lo80[h]!);
      expect(r.lo80[h]!).toBeLessThanOrEqual(p);
      expect(p).toBeLessThanOrEqual(r.hi80[h]!);
      expect(r.hi80[h]!).toBeLessThanOrEqual(r.hi95[h]!);
    });
    for (const v of Object.values(s.candidates)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    // ARIMA itself, wherever it can fit
    const fit = autoArima(values, 12);
    if (fit) {
      const f = arimaForecast(fit, 12);
      for (const key of ['point', 'lo80', 'hi80', 'lo95', 'hi95'] as const) for (const v of f[key]) expect(Number.isFinite(v)).toBe(true);
      expect(Number.isFinite(fit.aicc)).toBe(true);
    }
  });

  it('is a candidate on the backtest, alone and in the mean of ETS, Theta and ARIMA', () => {
    const y = airline(84, -0.4, -0.6, 5);
    const s = selectForecast(y, { horizon: 12 });
    expect(s.candidates.arima).not.toBeNull();
    expect(s.candidates.arima).toBeDefined();
    expect(s.candidates.combination_arima).toBeDefined();
    expect(s.candidates.combination_arima).not.toBeNull();
    const only = selectForecast(y, { horizon: 12, methods: ['arima'] });
    expect(['arima', 'seasonal_naive']).toContain(only.result.method);
    expect(only.accuracy.mase!).toBeLessThanOrEqual(only.naive.mase!);
  });

  it('gives the same forecast on every run', () => {
    const y = airline(72, -0.3, -0.5, 9);
    const a = selectForecast(y, { horizon: 12, firstPeriod: '2020-01', seed: 3 });
    const b = selectForecast(y, { horizon: 12, firstPeriod: '2020-01', seed: 3 });
    expect(b).toEqual(a);
    expect(autoArima(y, 12)).toEqual(autoArima(y, 12));
  });
});

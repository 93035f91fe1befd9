import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seasonalNaive } from '../../main/forecast/engine/baseline.js';
import { etsFilter, etsPoint } from '../../main/forecast/engine/ets.js';
import { ADMISSIBLE, fitEts, selectEts } from '../../main/forecast/engine/fit.js';
import { forecastSeries } from '../../main/forecast/engine/forecast.js';
import { selectForecast } from '../../main/forecast/engine/select.js';
import { crostonSba, isIntermittent } from '../../main/forecast/engine/intermittent.js';
import { nelderMead } from '../../main/forecast/engine/optimize.js';
import { sumForecasts } from '../../main/forecast/engine/reconcile.js';
import { tailQuantiles } from '../../main/forecast/engine/random.js';

const seasonal = (n: number, level = 100, trend = 0, noise = 0.05, seed = 1) => {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  return Array.from({ length: n }, (_, t) =>
    Math.max(0, (level + trend * t) * (1 + 0.6 * Math.sin((2 * Math.PI * t) / 12)) * (1 + noise * 2 * rnd())),
  );
};

describe('ETS recursions', () => {
  it('matches hand-computed simple exponential smoothing steps and likelihood', () => {
    // ETS(A,N,N), alpha 0.5, l0 = 10: errors 2, -1, 1.5; levels 11, 10.5, 11.25
    const y = Float64Array.from([12, 10, 12]);
    const fitted = new Float64Array(3);
    const r = etsFilter(
      y,
      { error: 'A', trend: 'N', season: 'N' },
      { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      { level: 10, trend: 0, season: new Float64Array(12) },
      12,
      new Float64Array(12),
      fitted,
    );
    expect([...fitted]).toEqual([10, 11, 10.5]);
    expect(r.final.level).toBeCloseTo(11.25, 12);
    expect(r.sse).toBeCloseTo(4 + 1 + 2.25, 12);
    expect(r.lik).toBeCloseTo(3 * Math.log(7.25 / 3), 12);
  });

  it('matches hand-computed multiplicative error steps (ETS(M,N,N))', () => {
    // mu = 10, e = (12 - 10)/10 = 0.2, l = 10 (1 + 0.5 * 0.2) = 11
    const y = Float64Array.from([12]);
    const r = etsFilter(
      y,
      { error: 'M', trend: 'N', season: 'N' },
      { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      { level: 10, trend: 0, season: new Float64Array(12) },
      12,
      new Float64Array(12),
    );
    expect(r.final.level).toBeCloseTo(11, 12);
    expect(r.lik).toBeCloseTo(Math.log(0.04) + 2 * Math.log(10), 12);
  });

  it('damps the trend in point forecasts', () => {
    const points = etsPoint(
      { error: 'A', trend: 'Ad', season: 'N' },
      { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.5 },
      { level: 100, trend: 8, season: new Float64Array(12) },
      3,
      12,
    );
    expect(points).toEqual([104, 106, 107]);
  });

  it('has exactly the 15 admissible models', () => {
    expect(ADMISSIBLE).toHaveLength(15);
    expect(ADMISSIBLE.some((s) => s.error === 'A' && s.season === 'M')).toBe(false);
  });
});

describe('Nelder-Mead', () => {
  it('finds the minimum of a quadratic bowl', () => {
    const r = nelderMead((x) => (x[0]! - 3) ** 2 + 2 * (x[1]! + 1) ** 2, Float64Array.from([0, 0]), { maxEvals: 500, tol: 1e-12 });
    expect(r.x[0]).toBeCloseTo(3, 4);
    expect(r.x[1]).toBeCloseTo(-1, 4);
  });
});

describe('model selection', () => {
  it('picks a seasonal model for a seasonal series and a non-seasonal one for a flat series', () => {
    const fitS = selectEts(Float64Array.from(seasonal(60)), 12)!;
    expect(fitS.spec.season).not.toBe('N');
    const flat = Float64Array.from(seasonal(60).map((_, t) => 100 + ((t * 7919) % 11) - 5));
    expect(selectEts(flat, 12)!.spec.season).toBe('N');
  });

  it('uses only additive models for a series with zeros', () => {
    const y = seasonal(60);
    y[5] = 0;
    const fit = selectEts(Float64Array.from(y), 12)!;
    expect(fit.spec.error).toBe('A');
    expect(fit.spec.season).not.toBe('M');
  });

  it('cannot fit a seasonal model to less than two seasons', () => {
    expect(fitEts(Float64Array.from(seasonal(20)), { error: 'A', trend: 'N', season: 'A' }, 12, new Float64Array(12))).toBeNull();
  });
});

describe('automatic forecasts', () => {
  it('chooses the method from the data', () => {
    expect(forecastSeries([], { horizon: 3 }).method).toBe('zero');
    expect(forecastSeries([0, 0, 0, 0], { horizon: 3 }).point).toEqual([0, 0, 0]);
    const lumpy = Array.from({ length: 36 }, (_, t) => (t % 4 === 0 ? 5 : 0));
    expect(isIntermittent(lumpy)).toBe(true);
    // orders every 4th month repeat exactly a season later: repeating last season backtests best
    expect(forecastSeries(lumpy, { horizon: 3 }).method).toBe('seasonal_naive');
    const irregular = Array.from({ length: 36 }, (_, t) => (t % 5 === 0 ? 5 + (t % 3) : 0));
    expect(forecastSeries(irregular, { horizon: 3 }).method).toBe('croston_sba');
    const profile = [0.5, 0.5, 0.7, 1, 1.4, 1.7, 1.8, 1.7, 1.2, 0.8, 0.4, 0.3];
    const short = forecastSeries([50, 60, 90, 120, 150, 160], { horizon: 12, profile, firstMonth: 3 });
    expect(short.method).toBe('profile');
    // forecasts start in September: July (h=10) is peak, January (h=4) is winter in the profile
    expect(short.point[10]!).toBeGreaterThan(short.point[4]! * 3);
    // a trending seasonal series: a smoothing form beats repeating last season on the backtest
    expect(['ets', 'theta', 'combination']).toContain(forecastSeries(seasonal(60, 100, 3), { horizon: 12 }).method);
  });

  it('computes SBA as (1 - alpha/2) size / interval', () => {
    const f = crostonSba([0, 0, 6, 0, 0, 6, 0, 0, 6], 2, 0.1);
    // sizes 6 throughout; intervals 3 then 3, 3 -> smoothed interval 3
    expect(f.point[0]).toBeCloseTo((0.95 * 6) / 3, 10);
  });

  it('seasonal naive repeats last season and widens by seasons crossed', () => {
    const y = Array.from({ length: 24 }, (_, t) => 10 + (t % 12) + (t >= 12 ? 1 : 0));
    const f = seasonalNaive(y, 13);
    expect(f.point.slice(0, 12)).toEqual(y.slice(12));
    expect(f.hi95[12]! - f.point[12]!).toBeCloseTo((f.hi95[0]! - f.point[0]!) * Math.SQRT2, 8);
  });

  it('keeps intervals ordered, non-negative and widening with the horizon (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.integer({ min: 6, max: 72 }),
        (seed, level, trend, n) => {
          const f = forecastSeries(seasonal(n, level, trend, 0.2, seed), { horizon: 12, seed });
          for (let h = 0; h < 12; h++) {
            expect(f.lo95[h]!).toBeGreaterThanOrEqual(0);
            expect(f.lo95[h]!).toBeLessThanOrEqual(f.lo80[h]! + 1e-9);
            expect(f.lo80[h]!).toBeLessThanOrEqual(f.point[h]! + 1e-9);
            expect(f.point[h]!).toBeLessThanOrEqual(f.hi80[h]! + 1e-9);
            expect(f.hi80[h]!).toBeLessThanOrEqual(f.hi95[h]! + 1e-9);
            if (h > 0) expect(f.hi95[h]! - f.lo95[h]!).toBeGreaterThanOrEqual(f.hi95[h - 1]! - f.lo95[h - 1]! - 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('beats seasonal naive on noisy seasonal series with a trend', () => {
    const series = Array.from({ length: 20 }, (_, i) => seasonal(72, 200 + i * 10, 1.5, 0.15, i + 1));
    let ours = 0;
    let naive = 0;
    for (const y of series) {
      const train = y.slice(0, 60);
      const test = y.slice(60);
      const f = forecastSeries(train, { horizon: 12 });
      const n = seasonalNaive(train, 12);
      test.forEach((v, i) => {
        ours += Math.abs(v - f.point[i]!);
        naive += Math.abs(v - n.point[i]!);
      });
    }
    expect(ours).toBeLessThan(naive * 0.95);
  });

  it('backtests with MASE and WAPE', () => {
    const y = seasonal(60);
    const acc = selectForecast(y, { horizon: 12 }).accuracy;
    expect(acc.origins).toBe(6);
    expect(acc.mase).toBeGreaterThan(0);
    expect(acc.mase!).toBeLessThan(1.5);
    expect(acc.wape!).toBeLessThan(0.2);
  });
});

describe('coherent totals', () => {
  it('sums of series forecasts add up exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        (points) => {
          const parts = points.map((p) => ({
            point: p,
            lo80: p.map((v) => v * 0.9),
            hi80: p.map((v) => v * 1.1),
            lo95: p.map((v) => v * 0.8),
            hi95: p.map((v) => v * 1.2),
          }));
          const total = sumForecasts(parts, 3);
          for (let h = 0; h < 3; h++) {
            expect(total.point[h]).toBeCloseTo(
              points.reduce((s, p) => s + p[h]!, 0),
              6,
            );
            expect(total.lo95[h]!).toBeLessThanOrEqual(total.point[h]! + 1e-9);
            expect(total.hi95[h]!).toBeGreaterThanOrEqual(total.point[h]! - 1e-9);
          }
        },
      ),
    );
  });

  it('reads tail quantiles like a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 20, maxLength: 600 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        const q = tailQuantiles(Float64Array.from(values));
        const at = (p: number) => {
          const pos = (sorted.length - 1) * p;
          const lo = Math.floor(pos);
          return sorted[lo]! + (sorted[Math.ceil(pos)]! - sorted[lo]!) * (pos - lo);
        };
        expect(q.q10).toBeCloseTo(at(0.1), 6);
        expect(q.q90).toBeCloseTo(at(0.9), 6);
        expect(q.q025).toBeCloseTo(at(0.025), 6);
        expect(q.q975).toBeCloseTo(at(0.975), 6);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateRanges, meanScore, OriginScore, selectForecast } from '../../main/forecast/engine/select.js';
import type { ForecastResult } from '../../main/forecast/engine/types.js';

/** Park-Miller generator: the same series on every run. */
const generator = (seed: number) => {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
};

/** A flat forecast of 100 with 80% range 90-110 and 95% range 85-115 for 12 months. */
const flat = (): ForecastResult => ({
  method: 'ets',
  model: 'ETS(A,N,N)',
  params: {},
  point: Array(12).fill(100),
  lo80: Array(12).fill(90),
  hi80: Array(12).fill(110),
  lo95: Array(12).fill(85),
  hi95: Array(12).fill(115),
  aicc: null,
});

/** Backtest errors from 6 origins, 12 months ahead each, of size errorAt(months ahead). */
function backtest(errorAt: (ahead: number) => number): Pick<OriginScore, 'errors' | 'aheads'> {
  const errors: number[] = [];
  const aheads: number[] = [];
  for (let k = 0; k < 6; k++)
    for (let h = 0; h < 12; h++) {
      errors.push((k % 2 ? 1 : -1) * errorAt(h));
      aheads.push(h);
    }
  return { errors, aheads };
}

describe('ranges calibrated on the backtest, by months ahead', () => {
  it('widens only the months whose backtest errors overran the range, by as much as they did', () => {
    const r = flat();
    // within the range for months 1-3, at its edge for 4-6, twice the half-width for 7-12
    calibrateRanges(
      r,
      backtest((h) => (h < 3 ? 5 : h < 6 ? 10 : 20)),
      0.8,
    );
    for (let h = 0; h < 6; h++) expect([r.lo80[h], r.hi80[h], r.lo95[h], r.hi95[h]]).toEqual([90, 110, 85, 115]);
    for (let h = 6; h < 12; h++) {
      expect(r.lo80[h]).toBeCloseTo(80, 10);
      expect(r.hi80[h]).toBeCloseTo(120, 10);
      expect(r.lo95[h]).toBeCloseTo(70, 10);
      expect(r.hi95[h]).toBeCloseTo(130, 10);
    }
  });

  it('calibrates a shorter horizon by the groups it reaches', () => {
    const r = flat();
    for (const key of ['point', 'lo80', 'hi80', 'lo95', 'hi95'] as const) r[key] = r[key].slice(0, 4);
    calibrateRanges(
      r,
      backtest((h) => (h < 3 ? 15 : 25)),
      0.8,
    );
    expect(r.hi80).toEqual([115, 115, 115, 125]);
    expect(r.lo95).toEqual([77.5, 77.5, 77.5, 62.5]);
  });

  it('covers four backtest errors in five after widening, never narrows, and stops at threefold', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 12, maxLength: 12 }), (sizes) => {
        const r = flat();
        const bt = backtest((h) => sizes[h]!);
        calibrateRanges(r, bt, 0.8);
        for (let h = 0; h < 12; h++) {
          const half = r.hi80[h]! - 100;
          expect(half).toBeGreaterThanOrEqual(10 - 1e-9);
          expect(half).toBeLessThanOrEqual(30 + 1e-9);
        }
        // in every group of months not at the cap, at least 80% of its backtest errors now fall inside
        for (const [from, to] of [
          [0, 2],
          [3, 5],
          [6, 11],
        ] as const) {
          const idx = bt.aheads.map((a, j) => [a, j] as const).filter(([a]) => a >= from && a <= to);
          const half = r.hi80[from]! - 100;
          if (half >= 30 - 1e-9) continue;
          const inside = idx.filter(([a, j]) => Math.abs(bt.errors[j]!) <= r.hi80[a]! - 100 + 1e-9).length;
          expect(inside / idx.length).toBeGreaterThanOrEqual(0.8 - 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the mean of the forms that beat seasonal naive', () => {
  it('scores a mean of candidates by the mean of their errors, slot by slot', () => {
    const actual = [10, 12, 14, 16];
    const a = new OriginScore();
    const b = new OriginScore();
    a.add(actual, [12, 12, 12, 12], 2);
    b.add(actual, [8, 12, 16, 16], 2);
    const mean = meanScore([a, b]);
    expect(mean.errors).toEqual([0, 0, 0, 2]);
    // the mean forecast 10, 12, 14, 14 misses by 0, 0, 0, 2: MASE (2 / 2) / 4
    expect(mean.accuracy().mase).toBeCloseTo(0.25, 12);
    expect(mean.accuracy().mase!).toBeLessThanOrEqual((a.accuracy().mase! + b.accuracy().mase!) / 2);
  });

  it('pools exactly the single forms that backtest better than seasonal naive (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: -2, max: 4, noNaN: true }),
        (seed, noise, trend) => {
          const rnd = generator(seed);
          const y = Array.from({ length: 60 }, (_, t) =>
            Math.max(0, Math.round((200 + trend * t) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12)) * (1 + noise * (2 * rnd() - 1)))),
          );
          const r = selectForecast(y, { horizon: 12 });
          const c = r.candidates;
          const members = ['ets', 'theta', 'arima', 'profile'].filter((k) => c[k] != null && c[k]! < c.seasonal_naive!);
          if (members.length < 2) {
            expect(c.combination_trimmed).toBeUndefined();
            return;
          }
          expect(c.combination_trimmed).not.toBeNull();
          // the mean's error is never above the mean of its members' errors
          const average = members.reduce((s, k) => s + c[k]!, 0) / members.length;
          expect(c.combination_trimmed!).toBeLessThanOrEqual(average + 1e-12);
          if (r.result.model.startsWith('Mean of the forms that beat last season')) {
            const labels: Record<string, string> = { ets: 'ETS', theta: 'Theta', arima: 'ARIMA', profile: 'the seasonal profile' };
            expect(r.result.model).toBe(`Mean of the forms that beat last season (${members.map((k) => labels[k]).join(', ')})`);
            expect(r.accuracy.mase).toBeCloseTo(c.combination_trimmed!, 12);
            expect(r.accuracy.mase!).toBeLessThan(r.naive.mase!);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

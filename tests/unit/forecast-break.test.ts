import { describe, expect, it } from 'vitest';
import { isBreak, latestErrorRatio, latestOneSided, originLosses, widenAfterBreak } from '../../main/forecast/engine/break.js';
import { selectForecast } from '../../main/forecast/engine/select.js';
import type { ForecastResult } from '../../main/forecast/engine/types.js';

/** Park-Miller generator: the same series on every run. */
const generator = (seed: number) => {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
};

/** A backtest of five 12-month origins and a last 6-month one, scale 1, with the given errors per origin. */
function backtest(errorOf: (origin: number, ahead: number) => number) {
  const errors: number[] = [];
  const aheads: number[] = [];
  const scales: number[] = [];
  for (let k = 0; k < 6; k++)
    for (let h = 0; h < (k < 5 ? 12 : 6); h++) {
      errors.push(errorOf(k, h));
      aheads.push(h);
      scales.push(1);
    }
  return { errors, aheads, scales };
}

/** Seasonal monthly volumes around 1,000 with 4% noise; `shift(t)` multiplies month t's level. */
function seasonal(n: number, seed: number, shift: (t: number) => number = () => 1): number[] {
  const rand = generator(seed);
  return Array.from({ length: n }, (_, t) => {
    const season = 1 + 0.4 * Math.sin((2 * Math.PI * t) / 12);
    return Math.round(1000 * season * shift(t) * (1 + 0.04 * (rand() + rand() + rand() - 1.5)));
  });
}

describe('a break in the latest months (local scale)', () => {
  it('measures the latest origin against the median of the earlier ones', () => {
    const bt = backtest((k, h) => (k === 5 ? 3 : k === 2 ? -5 : h % 2 ? 1 : -1));
    expect(originLosses(bt)).toEqual([1, 1, 5, 1, 1, 3]);
    expect(latestErrorRatio(bt)).toBe(3);
    expect(latestOneSided(bt)).toBe(true);
    expect(isBreak(bt)).toBe(true);
  });

  it('is no break when the latest months miss both ways (a one-off order, erratic ordering) or by less than twice the usual', () => {
    const spike = backtest((k, h) => (k === 5 ? (h === 2 ? 15 : -0.5) : h % 2 ? 1 : -1));
    expect(latestErrorRatio(spike)).toBeGreaterThan(2);
    expect(latestOneSided(spike)).toBe(false);
    expect(isBreak(spike)).toBe(false);
    const mild = backtest((k, h) => (k === 5 ? 1.8 : h % 2 ? 1 : -1));
    expect(isBreak(mild)).toBe(false);
    // too few origins to compare
    expect(latestErrorRatio({ errors: [1, 4], aheads: [0, 0], scales: [1, 1] })).toBe(0);
  });

  it('widens the ranges around the point by the ratio, between 1 and 3', () => {
    const r = (): ForecastResult => ({
      method: 'ets',
      model: 'ETS(A,N,N)',
      params: {},
      point: [100, 100],
      lo80: [90, 90],
      hi80: [110, 115],
      lo95: [85, 80],
      hi95: [115, 120],
      aicc: null,
    });
    const a = r();
    expect(widenAfterBreak(a, 2)).toBe(2);
    expect([a.lo80, a.hi80, a.lo95, a.hi95]).toEqual([
      [80, 80],
      [120, 130],
      [70, 60],
      [130, 140],
    ]);
    const b = r();
    expect(widenAfterBreak(b, 7)).toBe(3);
    expect(b.hi80).toEqual([130, 145]);
    const c = r();
    expect(widenAfterBreak(c, 0.5)).toBe(1);
    expect(c).toEqual(r());
  });

  it('after a level that jumped in the last months, falls back to the mean of ETS, Theta and ARIMA with wider ranges', () => {
    const n = 96;
    // the level rose by 60% seven months ago (a large new customer, a market that turned): the
    // latest backtest origin, six months back, had one month of it to learn from
    const jumped = seasonal(n, 11, (t) => (t >= n - 7 ? 1.6 : 1));
    const calm = seasonal(n, 11);
    const broken = selectForecast(jumped, { horizon: 12 });
    expect(broken.result.model).toBe('Mean of ETS, Theta and ARIMA');
    expect(broken.result.params.breakRatio).toBeGreaterThanOrEqual(2);
    // the same series without the jump: no break, the backtest's own choice
    const steady = selectForecast(calm, { horizon: 12 });
    expect(steady.result.params.breakRatio).toBeUndefined();
    // relative to the level, the range after the break is wider than the calm series' range
    const rel = (r: ForecastResult, h: number) => (r.hi80[h]! - r.lo80[h]!) / r.point[h]!;
    for (const h of [0, 5, 11]) expect(rel(broken.result, h)).toBeGreaterThan(1.5 * rel(steady.result, h));
  });

  it('a single stock-up order in the last months is no break', () => {
    const n = 96;
    const spiked = seasonal(n, 11).map((v, t) => (t === n - 3 ? v * 3 : v));
    const r = selectForecast(spiked, { horizon: 12 });
    expect(r.result.params.breakRatio).toBeUndefined();
  });
});

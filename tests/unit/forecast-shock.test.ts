import { describe, expect, it } from 'vitest';
import { commonShocks, isCommonShock, latestBias, median, SHOCK_MIN_SERIES } from '../../main/forecast/engine/shock.js';
import { selectForecast } from '../../main/forecast/engine/select.js';

/** Park-Miller generator: the same series on every run. */
const generator = (seed: number) => {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
};

/**
 * Seasonal monthly volumes around `level` with 5% noise, and from month `from` on a level moved by
 * `jump` (0.6: 60% more), reached over `ramp` months: a market that turned.
 */
function series(n: number, seed: number, jump = 0, from = n, ramp = 6, level = 1000): number[] {
  const rand = generator(seed);
  const phase = (seed % 5) / 5;
  return Array.from({ length: n }, (_, t) => {
    const season = 1 + 0.35 * Math.sin((2 * Math.PI * t) / 12 + phase);
    const moved = t < from ? 0 : jump * Math.min(1, (t - from + 1) / ramp);
    return Math.round(level * (1 + (seed % 7) / 10) * season * (1 + moved) * (1 + 0.05 * (rand() + rand() + rand() - 1.5)));
  });
}

const meanAbsError = (actual: number[], point: number[]) => actual.reduce((s, a, i) => s + Math.abs(a - point[i]!), 0) / actual.length;

describe('a shock common to the series forecast together', () => {
  it('reads the latest origin’s signed error in MASE units', () => {
    const errors = [...Array.from({ length: 12 }, () => -1), 2, 4, 6];
    const aheads = [...Array.from({ length: 12 }, (_, h) => h), 0, 1, 2];
    const scales = [...Array.from({ length: 12 }, () => 1), 2, 2, 2];
    expect(latestBias({ errors, aheads, scales })).toBeCloseTo(2, 10);
    expect(latestBias({ errors: [1], aheads: [0], scales: [0] })).toBeNull();
    expect(median([3, 1, 2, NaN])).toBe(2);
  });

  it('is common only when most series missed on the same side by more than a seasonal change', () => {
    const up = [1.4, 2, 3, 1.1, 0.3, 2.2];
    expect(isCommonShock(up)).toBe(true);
    expect(isCommonShock(up.map((b) => -b))).toBe(true);
    // too few series to call it shared
    expect(isCommonShock(up.slice(0, SHOCK_MIN_SERIES - 1))).toBe(false);
    // half up, half down: each series its own story
    expect(isCommonShock([2, -2, 3, -3, 1.5, -1.5, 2, -2])).toBe(false);
    // all on one side but small: an ordinary year
    expect(isCommonShock([0.3, 0.5, 0.2, 0.8, 0.4, 0.6])).toBe(false);
    // 4 of 6 on the side (below 80%)
    expect(isCommonShock([2, 2, 2, 2, -1, -1])).toBe(false);
    expect(isCommonShock([2, 2, null, 2, 2, 2])).toBe(true);
  });

  it('finds the shared turn in a panel of generated series, not the idiosyncratic ones', () => {
    const n = 96;
    const market = Array.from({ length: 12 }, (_, i) => series(n, 11 + i, 0.6, n - 6, 6));
    // only three of twelve moved (customers won): each series its own story
    const customers = Array.from({ length: 12 }, (_, i) => series(n, 41 + i, i < 3 ? 0.6 : 0, n - 6, 6));
    const calm = Array.from({ length: 12 }, (_, i) => series(n, 71 + i));
    const first = (panel: number[][]) => panel.map((v) => selectForecast(v, { horizon: 12, seed: 1 }));
    const shocks = commonShocks(
      new Map([
        ['market', first(market)],
        ['customers', first(customers)],
        ['calm', first(calm)],
      ]),
    );
    expect([...shocks.keys()]).toEqual(['market']);
    expect(shocks.get('market')!.ratio).toBeGreaterThan(1);
  });

  it('after a shared turn, hedges between the new level and the move carrying on, with ranges that widen to the group’s scale', () => {
    const n = 96;
    const future = 12;
    // Markets that turned up or down, quickly or slowly, a few months before the forecast; some keep moving after it.
    const shapes: Array<[jump: number, monthsAgo: number, ramp: number]> = [
      [0.6, 6, 6],
      [0.3, 6, 18],
      [-0.3, 3, 6],
      [0.6, 9, 12],
    ];
    let errorPlain = 0;
    let errorKnowing = 0;
    let insidePlain = 0;
    let insideKnowing = 0;
    let hedged = 0;
    shapes.forEach(([jump, monthsAgo, ramp], k) => {
      const panel = Array.from({ length: 12 }, (_, i) => series(n + future, 101 + 7 * i + k, jump, n - monthsAgo, ramp));
      const plain = panel.map((v) => selectForecast(v.slice(0, n), { horizon: future, seed: 1 }));
      const shock = commonShocks(new Map([['region', plain]])).get('region');
      expect(shock, `shape ${k}`).toBeDefined();
      panel.forEach((values, i) => {
        const train = values.slice(0, n);
        const actual = values.slice(n);
        const knowing = selectForecast(train, { horizon: future, seed: 1, commonShock: shock! });
        expect(knowing.result.params.commonShock).toBe(1);
        // the hedge, or where it cannot beat last season on the backtest, the plain fallback
        expect(knowing.result.model).toMatch(/common shock|Mean of ETS, Theta and ARIMA/);
        if (knowing.result.model.includes('common shock')) hedged++;
        // widened at least by the group's scale of the shock (at most threefold)
        expect(knowing.result.params.breakRatio).toBeGreaterThanOrEqual(Math.min(3, Math.round(shock!.ratio * 100) / 100));
        const scale = meanAbsError(train.slice(12), train.slice(0, -12));
        errorPlain += meanAbsError(actual, plain[i]!.result.point) / scale;
        errorKnowing += meanAbsError(actual, knowing.result.point) / scale;
        const inside = (r: typeof knowing.result) => actual.filter((a, h) => a >= r.lo80[h]! && a <= r.hi80[h]!).length;
        insidePlain += inside(plain[i]!.result);
        insideKnowing += inside(knowing.result);
      });
    });
    expect(hedged).toBeGreaterThan(shapes.length * 6);
    expect(errorKnowing).toBeLessThanOrEqual(errorPlain);
    expect(insideKnowing).toBeGreaterThan(insidePlain);
  });

  it('leaves a series whose history ends in an ordinary year as it was when no shock is named', () => {
    const values = series(96, 5);
    const a = selectForecast(values, { horizon: 12, seed: 1 });
    const b = selectForecast(values, { horizon: 12, seed: 1 });
    expect(b.result.point).toEqual(a.result.point);
    expect(a.result.params.commonShock).toBeUndefined();
    expect(Math.abs(a.latestBias ?? 0)).toBeLessThan(1);
  });
});

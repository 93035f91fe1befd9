import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageCorrelation, totalCoverage80, totalSd } from '../../main/forecast/engine/correlation.js';
import { backtestSlotAhead, BACKTEST_SLOTS, selectForecast } from '../../main/forecast/engine/select.js';
import {
  deviations,
  estimateFestivalEffect,
  festivalFactor,
  springFestivalDeviation,
  SPRING_FESTIVAL,
} from '../../main/forecast/engine/spring-festival.js';
import { thetaFit } from '../../main/forecast/engine/theta.js';

/** Park-Miller generator: the same series on every run. */
const generator = (seed: number) => {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
};

/** Seasonal monthly series from firstPeriod with a known Spring Festival effect. */
function festivalSeries(firstPeriod: string, n: number, beta: number, noise: number, seed: number, level = 1000): number[] {
  const rnd = generator(seed);
  const dev = deviations(firstPeriod, n);
  const firstCal = Number(firstPeriod.slice(5, 7)) - 1;
  return Array.from({ length: n }, (_, t) => {
    const season = 1 + 0.5 * Math.sin((2 * Math.PI * (firstCal + t)) / 12);
    return Math.round(level * (1 + 0.004 * t) * season * festivalFactor(beta, dev[t]!) * (1 + noise * (2 * rnd() - 1)));
  });
}

describe('Spring Festival regressor', () => {
  it('splits the 28-day stock-up window by month from the festival date', () => {
    expect(SPRING_FESTIVAL[2026]).toBe('2026-02-17');
    // 2026: window 20 Jan - 16 Feb, 12 days in January, 16 in February; 2023 (22 Jan): 7 in December, 21 in January
    const jan2026 = springFestivalDeviation('2026-01');
    const feb2026 = springFestivalDeviation('2026-02');
    const jan2023 = springFestivalDeviation('2023-01');
    const dec2022 = springFestivalDeviation('2022-12');
    // deviations are shares minus the calendar month's average: the differences between years are exact
    expect(jan2023 - jan2026).toBeCloseTo(21 / 28 - 12 / 28, 10);
    expect(feb2026).toBeGreaterThan(0);
    expect(jan2026).toBeLessThan(0);
    expect(dec2022).toBeGreaterThan(0);
    expect(springFestivalDeviation('2026-07')).toBe(0);
    expect(springFestivalDeviation('1990-01')).toBe(0);
  });

  it('recovers a known effect from generated series', () => {
    for (const [beta, seed] of [
      [0.8, 3],
      [0.4, 11],
      [-0.5, 17],
    ] as const) {
      const y = festivalSeries('2019-01', 72, beta, 0.03, seed);
      const estimate = estimateFestivalEffect(y, '2019-01');
      expect(estimate.beta, `beta ${beta}`).toBeGreaterThan(beta - 0.15);
      expect(estimate.beta, `beta ${beta}`).toBeLessThan(beta + 0.15);
      expect(estimate.seasons).toBeGreaterThanOrEqual(4);
    }
    // no effect in, none found
    const plain = estimateFestivalEffect(festivalSeries('2019-01', 72, 0, 0.03, 5), '2019-01');
    expect(Math.abs(plain.beta)).toBeLessThan(0.15);
  });

  it('moves next January and February with the festival date and beats the fixed season there', () => {
    // history 2020-01..2025-12, forecast 2026: a late festival (17 Feb) ships in February, not January
    const beta = 0.8;
    const all = festivalSeries('2020-01', 84, beta, 0.02, 7);
    const train = all.slice(0, 72);
    const truth = all.slice(72);
    const withFestival = selectForecast(train, { horizon: 12, firstPeriod: '2020-01' });
    const without = selectForecast(train, { horizon: 12, firstMonth: 1 });
    expect(withFestival.festival).toBeGreaterThan(0.6);
    expect(withFestival.result.params.springFestival).toBeCloseTo(withFestival.festival, 10);
    const error = (p: number[]) => Math.abs(p[0]! - truth[0]!) + Math.abs(p[1]! - truth[1]!);
    expect(error(withFestival.result.point)).toBeLessThan(error(without.result.point) * 0.6);
  });

  it('borrows the pooled effect when the series is too short to tell', () => {
    const y = festivalSeries('2024-01', 20, 0.8, 0.02, 9);
    const r = selectForecast(y, { horizon: 12, firstPeriod: '2024-01', festivalEffect: 0.7 });
    expect(r.festival).toBe(0.7);
  });
});

describe('Theta method', () => {
  it('matches R forecast::thetaf on AirPassengers (first 108 months)', () => {
    const ap = [
      112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140, 145, 150, 178,
      163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194, 196, 196, 236, 235, 229, 243,
      264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312,
      274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
    ];
    // R 4.2 / forecast 8.20: round(thetaf(ts(AirPassengers[1:108], frequency = 12), h = 12)$mean, 1)
    const r = [340.3, 336.4, 386.8, 371.4, 370.7, 420.2, 460.2, 456.2, 405.8, 353.7, 308.3, 350.2];
    const fit = thetaFit(ap, 12)!;
    expect(fit.seasonal).toBe(true);
    fit.point.forEach((v, i) => expect(Math.abs(v - r[i]!)).toBeLessThan(0.06));
  });
});

describe('choice of model on the backtest', () => {
  it('never keeps a model that backtests worse than seasonal naive (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 8, max: 84 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.boolean(),
        (seed, n, noise, trend, lumpy) => {
          const rnd = generator(seed);
          const y = Array.from({ length: n }, (_, t) => {
            if (lumpy && rnd() < 0.5) return 0;
            return Math.max(
              0,
              Math.round((100 + trend * t) * (1 + 0.5 * Math.sin((2 * Math.PI * t) / 12)) * (1 + noise * (2 * rnd() - 1))),
            );
          });
          const r = selectForecast(y, { horizon: 12, firstPeriod: '2019-03', festivalEffect: 0.3 });
          if (r.accuracy.mase !== null && r.naive.mase !== null) expect(r.accuracy.mase).toBeLessThanOrEqual(r.naive.mase + 1e-12);
          if (r.accuracy.wape !== null && r.naive.wape !== null && r.accuracy.mase === null)
            expect(r.accuracy.wape).toBeLessThanOrEqual(r.naive.wape + 1e-12);
          for (const [name, mase] of Object.entries(r.candidates))
            if (name !== r.result.method && mase !== null && r.accuracy.mase !== null && r.result.method !== 'combination')
              expect(r.accuracy.mase).toBeLessThanOrEqual(mase + 1e-12);
          r.result.point.forEach((p) => expect(Number.isFinite(p) && p >= 0).toBe(true));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('picks seasonal naive for a season that repeats exactly, and reports both errors on the same origins', () => {
    const y = Array.from({ length: 60 }, (_, t) => [5, 5, 9, 20, 40, 80, 90, 70, 30, 10, 6, 5][t % 12]!);
    const r = selectForecast(y, { horizon: 12 });
    expect(r.result.method).toBe('seasonal_naive');
    expect(r.accuracy).toEqual(r.naive);
    // nothing to scale by (last season repeated exactly): WAPE says it, zero error
    expect(r.accuracy.wape).toBe(0);
  });

  it('beats seasonal naive on the backtest for a trending seasonal series and keeps every error slot', () => {
    const y = festivalSeries('2019-01', 72, 0, 0.03, 21).map((v, t) => v + 15 * t);
    const r = selectForecast(y, { horizon: 12 });
    expect(r.result.method).not.toBe('seasonal_naive');
    expect(r.accuracy.mase!).toBeLessThan(r.naive.mase! * 0.8);
    expect(r.errors).toHaveLength(BACKTEST_SLOTS);
    expect(backtestSlotAhead(12)).toHaveLength(BACKTEST_SLOTS);
  });
});

describe('ranges of totals for series that move together', () => {
  it('combines spreads: independent at rho 0, added up at rho 1', () => {
    expect(totalSd(3 * 4, 3 * 2, 0)).toBeCloseTo(Math.sqrt(12), 12);
    expect(totalSd(3 * 4, 3 * 2, 1)).toBeCloseTo(6, 12);
    expect(totalSd(3 * 4, 3 * 2, 0.5)).toBeCloseTo(Math.sqrt(0.5 * 12 + 0.5 * 36), 12);
  });

  it('estimates a known average correlation from errors with a common factor', () => {
    // e_i = sqrt(rho) c + sqrt(1 - rho) u_i has pairwise correlation rho
    const rnd = generator(42);
    const normal = () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
    const slots = 400;
    const common = Array.from({ length: slots }, normal);
    for (const rho of [0, 0.3, 0.7]) {
      const errors = Array.from({ length: 40 }, () => common.map((c) => Math.sqrt(rho) * c + Math.sqrt(1 - rho) * normal()));
      const estimate = averageCorrelation(errors)!;
      expect(estimate).toBeGreaterThan(rho - 0.08);
      expect(estimate).toBeLessThan(rho + 0.08);
    }
    expect(averageCorrelation([[1, 2, 3]])).toBeNull();
  });

  it('covers the total better with the correlation than as if independent', () => {
    const rnd = generator(7);
    const normal = () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
    const ahead = Array.from({ length: 300 }, () => 0);
    const common = ahead.map(normal);
    const parts = Array.from({ length: 30 }, () => ({
      errors: common.map((c) => Math.sqrt(0.5) * c + Math.sqrt(0.5) * normal()),
      sdAhead: [1],
    }));
    const rho = averageCorrelation(parts.map((p) => p.errors))!;
    const coverage = totalCoverage80(parts, ahead, rho)!;
    expect(coverage.independent).toBeLessThan(0.5);
    expect(coverage.correlated).toBeGreaterThan(0.72);
    expect(coverage.correlated).toBeLessThan(0.88);
  });
});

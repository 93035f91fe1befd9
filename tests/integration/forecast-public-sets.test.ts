import { describe, expect, it } from 'vitest';
import { BENCHMARK_SETS, runForecastAccuracyBench } from '../../main/forecast/benchmark/accuracy.js';

/**
 * The forecast's goals on the two public sets of real monthly series (resources/forecast-benchmark),
 * as `npm run bench:forecast` reports them: mean MASE at least 5% below R's ets() and below the mean
 * of R's ets, auto.arima and thetaf forecasts, and 80% ranges that cover 76-84% of what happened.
 * Deterministic: the same series, origins and seed on every run.
 */
// The goals are the issue's, on its two sets; the third set (added later, seasonally adjusted) is reported, not held to them.
describe.each(BENCHMARK_SETS.slice(0, 2))('the forecast on the public set $name', ({ name, file }) => {
  it('beats R’s ets() by 5% and the mean of R’s three, with honest 80% ranges', () => {
    const figures = runForecastAccuracyBench(new URL(`../../resources/forecast-benchmark/${file}`, import.meta.url), name);
    expect(figures.maseImprovementOverEts).toBeGreaterThanOrEqual(0.05);
    expect(figures.maseImprovementOverRCombination).toBeGreaterThan(0);
    const ours = figures.methods[0]!;
    expect(ours.coverage80).toBeGreaterThanOrEqual(76);
    expect(ours.coverage80).toBeLessThanOrEqual(84);
  });
});

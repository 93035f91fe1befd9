import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { DEMO_SPRING_FESTIVAL_EFFECT } from '../../main/demo/forecast.js';
import { Z80, Z95 } from '../../main/forecast/engine/types.js';
import { runForecast } from '../../main/forecast/run.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const noControl = { progress() {}, checkCancelled() {} };

describe('the baseline a manager can trust, on the S demo region', () => {
  it('shows seasonal naive beside the model on the same origins, never worse at any level, with correlated totals and the festival', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const summary = await runForecast(db, { workers: 1 }, noControl);

    // every series keeps seasonal naive's error on the same origins, and is never worse than it
    const worse = db
      .prepare('SELECT count(*) FROM forecast_series WHERE mase IS NOT NULL AND (naive_mase IS NULL OR mase > naive_mase + 1e-9)')
      .pluck()
      .get();
    expect(worse).toBe(0);
    const scored = db.prepare('SELECT count(*) FROM forecast_series WHERE naive_mase IS NOT NULL').pluck().get() as number;
    expect(scored).toBeGreaterThan(0);

    // every level the screen offers: the region, each distributor, brand and SKU
    const whole = await call(ctx, 'forecast.view', {});
    expect(whole.accuracy.naiveMase).not.toBeNull();
    expect(whole.accuracy.mase!).toBeLessThan(whole.accuracy.naiveMase!);
    const scopes = [
      ...(db.prepare('SELECT DISTINCT distributor_id FROM forecast_series').pluck().all() as number[]).map((distributorId) => ({
        distributorId,
      })),
      ...(db.prepare('SELECT DISTINCT brand FROM products').pluck().all() as string[]).map((brand) => ({ brand })),
      ...(db.prepare('SELECT DISTINCT product_id FROM forecast_series').pluck().all() as number[]).map((productId) => ({ productId })),
    ];
    for (const scope of scopes) {
      const view = await call(ctx, 'forecast.view', scope);
      if (view.accuracy.mase === null) continue;
      expect(view.accuracy.mase, JSON.stringify(scope)).toBeLessThanOrEqual(view.accuracy.naiveMase! + 1e-9);
    }

    // ranges of totals widen with the correlation of the series' backtest errors
    expect(summary.residualCorrelation).not.toBeNull();
    expect(summary.totalCoverage80).not.toBeNull();
    expect(whole.lastRun!.residualCorrelation).toBeCloseTo(summary.residualCorrelation!, 10);
    const independent = db
      .prepare(
        `SELECT month, sqrt(sum(((hi95 - lo95) / ${2 * Z95}) * ((hi95 - lo95) / ${2 * Z95}))) FROM forecast_values GROUP BY month ORDER BY month`,
      )
      .raw()
      .all() as Array<[string, number]>;
    whole.forecast.forEach((f, i) => {
      expect(f.month).toBe(independent[i]![0]);
      const width = f.hi80 - Math.max(f.lo80, 0);
      if (summary.residualCorrelation! > 0.01 && f.lo80 > 0) expect(width).toBeGreaterThan(2 * Z80 * independent[i]![1] + 1);
    });
    if (summary.residualCorrelation! > 0.01) expect(summary.totalCoverage80!).toBeGreaterThanOrEqual(summary.totalCoverage80Independent!);

    // the demo region carries a Spring Festival effect and the forecast finds it
    const effects = db
      .prepare(
        "SELECT json_extract(params, '$.springFestival') FROM forecast_series WHERE json_extract(params, '$.springFestival') IS NOT NULL",
      )
      .pluck()
      .all() as number[];
    expect(effects.length).toBeGreaterThan(scored / 2);
    const sorted = effects.sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(DEMO_SPRING_FESTIVAL_EFFECT * 0.6);
    expect(median).toBeLessThan(DEMO_SPRING_FESTIVAL_EFFECT * 1.4);
  });
});

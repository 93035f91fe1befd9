import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { seedDemoTask } from '../../main/demo/task.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('the demo region on first run', () => {
  it('has a 20/80 network, wavering key accounts (EII and EIV) and a draft target plan', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const volumes = (
      db
        .prepare(
          "SELECT sum(h.cases) FROM sales_history h JOIN distributors d ON d.id = h.distributor_id WHERE d.status != 'ended' GROUP BY h.distributor_id",
        )
        .pluck()
        .all() as number[]
    ).sort((a, b) => b - a);
    const top = volumes.slice(0, Math.ceil(volumes.length / 5)).reduce((a, b) => a + b, 0);
    // a few distributors carry most of the volume
    expect(top / volumes.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.6);

    const overview = await call(ctx, 'accounts.overview', {});
    expect(overview.counts.EII).toBeGreaterThan(0);
    expect(overview.counts.EIV).toBeGreaterThan(0);

    const plans = await call(ctx, 'targets.plans', {});
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => p.status === 'draft' && p.target > p.natural)).toBe(true);
  }, 120_000);

  it('made as the app makes it (generated, then forecast), its draft plan is 8% over the forecast of its brands, not over last season', async () => {
    const { db, ctx } = createTestDb();
    await seedDemoTask(db, { scale: 'S' }, { progress: () => undefined, checkCancelled: () => undefined });
    const [plan] = await call(ctx, 'targets.plans', {});
    const view = await call(ctx, 'targets.view', { planId: plan!.id });
    const brands = view.lines.map((l) => l.brand);
    // the summary names the brands its totals are of (the dashboard's tile shows it beside the region's forecast)
    expect(plan!.brands).toEqual([...new Set(brands)].sort((a, b) => a.localeCompare(b)));
    const months = plan!.months;
    /** The region's volume of the plan's brands in these months, from a table of distributor x product x month. */
    const volume = (table: string, column: string, inMonths: string[]) =>
      db
        .prepare(
          `SELECT sum(x.${column}) FROM ${table} x JOIN products p ON p.id = x.product_id JOIN distributors d ON d.id = x.distributor_id
           JOIN areas a ON a.id = d.area_id
           WHERE a.region_id = ? AND x.month IN (SELECT value FROM json_each(?)) AND p.brand IN (SELECT value FROM json_each(?))`,
        )
        .pluck()
        .get(plan!.regionId, JSON.stringify(inMonths), JSON.stringify(brands)) as number;
    const forecast = volume('forecast_values', 'point', months);
    const lastSeason = volume(
      'sales_history',
      'cases',
      months.map((m) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`),
    );
    // the natural volume is the forecast's (each cell rounded to whole cases), which is not last season's
    expect(Math.abs(plan!.natural - forecast) / forecast).toBeLessThan(0.002);
    expect(Math.abs(forecast - lastSeason) / lastSeason).toBeGreaterThan(0.01);
    expect(plan!.target / plan!.natural).toBeCloseTo(1.08, 2);
  }, 180_000);
});

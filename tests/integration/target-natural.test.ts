import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';

/**
 * A draft plan's natural volume is drawn when the plan is made; after the forecast runs again the
 * manager draws it again from the latest forecast, the targets staying as they are.
 */
describe("a draft plan's natural volume drawn again from the latest forecast", () => {
  let db: Db;
  let ctx: ServiceContext;
  let planId: number;
  /** The plan's cells as 'distributor:product:month' → [target, natural, basis]. */
  const cells = () =>
    Object.fromEntries(
      (
        db
          .prepare('SELECT distributor_id, product_id, month, target, natural, basis FROM target_cells WHERE plan_id = ?')
          .raw()
          .all(planId) as Array<[number, number, string, number, number, number]>
      ).map(([d, p, m, target, natural, basis]) => [`${d}:${p}:${m}`, [target, natural, basis]]),
    );
  const forecastOf = (key: string) => {
    const [d, p, m] = key.split(':');
    const v = db
      .prepare('SELECT point FROM forecast_values WHERE distributor_id = ? AND product_id = ? AND month = ?')
      .pluck()
      .get(Number(d), Number(p), m) as number | undefined;
    return v === undefined ? undefined : Math.round(v);
  };

  beforeAll(async () => {
    ({ db, ctx } = createTestDb('file'));
    // generated without its forecast: the demo's plan is drawn from last season's sales
    seedDemo(db, { scale: 'S' });
    planId = (await call(ctx, 'targets.plans', {}))[0]!.id;
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  }, 120_000);

  it('takes every cell from the latest forecast, keeps every target, and says what changed', async () => {
    const before = cells();
    const keys = Object.keys(before);
    // the forecast ran after the plan was made: most cells differ from it
    expect(keys.filter((k) => forecastOf(k) !== undefined && forecastOf(k) !== before[k]![1]).length).toBeGreaterThan(keys.length / 2);

    // the screen says the forecast has run since the plan's natural volume was drawn
    const lastRun = db.prepare('SELECT max(finished_at) FROM forecast_runs').pluck().get() as string;
    const drawn = (await call(ctx, 'targets.plans', {})).find((p) => p.id === planId)!;
    expect(drawn.forecastSince).toBe(lastRun);
    expect(drawn.naturalDrawnAt! < lastRun).toBe(true);

    const result = await call(ctx, 'targets.refreshNatural', { planId });
    const after = cells();
    expect(Object.keys(after).sort()).toEqual(keys.sort());
    let changed = 0;
    for (const k of keys) {
      const [target, natural, basis] = after[k]!;
      expect(target, k).toBe(before[k]![0]);
      // the forecast where there is one, else last season's sales (as the plan had it)
      expect(natural, k).toBe(forecastOf(k) ?? before[k]![1]);
      expect(basis, k).toBe(natural);
      if (natural !== before[k]![1]) changed++;
    }
    const sum = (c: Record<string, number[]>, i: number) => Object.values(c).reduce((a, v) => a + v[i]!, 0);
    expect(result).toEqual({ cells: changed, before: sum(before, 1), after: sum(after, 1) });
    const plan = (await call(ctx, 'targets.plans', {})).find((p) => p.id === planId)!;
    expect(plan.natural).toBe(result.after);
    expect(plan.forecastSince).toBeNull();
    expect(plan.naturalDrawnAt! >= lastRun).toBe(true);

    // again: nothing left to change
    expect(await call(ctx, 'targets.refreshNatural', { planId })).toEqual({ cells: 0, before: result.after, after: result.after });
  });

  it('is refused for an agreed version, for a salesperson and for a manager of another region, and changes nothing then', async () => {
    const agreed = await call(ctx, 'targets.saveVersion', { planId, name: 'agreed with the distributors', status: 'agreed' });
    db.prepare('UPDATE target_cells SET natural = natural + 1 WHERE plan_id = ?').run(agreed.id);
    const frozen = JSON.stringify(db.prepare('SELECT * FROM target_cells WHERE plan_id = ? ORDER BY 1, 2, 3, 4').all(agreed.id));
    expect(await refusal(ctx, 'targets.refreshNatural', { planId: agreed.id })).toMatchObject({
      code: 'conflict',
      rule: { code: 'agreedVersionFrozen' },
    });
    const region = (await call(ctx, 'targets.plans', {})).find((p) => p.id === planId)!.regionId;
    const salesperson = db
      .prepare("SELECT code FROM staff WHERE role = 'salesperson' AND region_id = ? LIMIT 1")
      .pluck()
      .get(region) as string;
    expect(await refusal(asPerson(ctx, salesperson), 'targets.refreshNatural', { planId })).toMatchObject({ code: 'forbidden' });
    // the manager of another region, made for the purpose (the S demo has one region)
    const west = await call(ctx, 'region.create', { draft: { code: 'W', name: 'West', peakMonths: [6, 7, 8] } });
    await call(ctx, 'staff.create', {
      draft: { code: 'WM1', name: 'West manager', role: 'regional_manager', regionId: west.id, areaIds: [] },
    });
    expect(await refusal(asPerson(ctx, 'WM1'), 'targets.refreshNatural', { planId })).toMatchObject({ code: 'forbidden' });
    expect(JSON.stringify(db.prepare('SELECT * FROM target_cells WHERE plan_id = ? ORDER BY 1, 2, 3, 4').all(agreed.id))).toBe(frozen);
  });
});

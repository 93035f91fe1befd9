import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { loadCells } from '../../main/targets/service.js';
import { previewEdit } from '../../main/targets/typed.js';
import type { Level } from '../../main/targets/cascade.js';
import { createTestDb } from '../support/db.js';
import { call } from '../support/call.js';

/**
 * The edit preview reads only the cells the edit can move (as the edit does), where it used to read
 * the whole plan for a brand total and the distributor's every cell otherwise: what it says must not
 * change, for edits that go through and edits refused, with locked cells about.
 */
describe('the edit preview on the cells an edit can move', () => {
  it('says exactly what the preview over the whole plan said, at every level', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const regionId = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    const lines = suggestion.brands.slice(0, 2).map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) }));
    const plan = await call(ctx, 'targets.create', { regionId, seasonYear: 2027, name: 'Peak', basis: 'forecast', lines, newOutlets: 10 });
    // Some locked cells, so that siblings cannot always absorb a change.
    db.prepare('UPDATE target_cells SET locked = 1 WHERE plan_id = ? AND (distributor_id + product_id) % 7 = 0').run(plan.id);
    const cells = db
      .prepare(
        `SELECT c.distributor_id AS d, c.product_id AS p, pr.brand, c.month, c.target FROM target_cells c JOIN products pr ON pr.id = c.product_id
         WHERE c.plan_id = ? ORDER BY c.distributor_id, c.product_id, c.month`,
      )
      .all(plan.id) as Array<{ d: number; p: number; brand: string; month: string; target: number }>;
    expect(cells.length).toBeGreaterThan(20);
    let checked = 0;
    for (let k = 0; k < cells.length; k += Math.max(1, Math.floor(cells.length / 12))) {
      const c = cells[k]!;
      const ats: Level[] = [
        { level: 'distributor', distributorId: c.d, brand: c.brand },
        { level: 'sku', distributorId: c.d, productId: c.p },
        { level: 'cell', distributorId: c.d, productId: c.p, month: c.month },
      ];
      for (const at of ats)
        for (const value of [0, c.target + 37, c.target * 50 + 1_000_000]) {
          const whole = previewEdit(
            db,
            plan.id,
            at,
            value,
            loadCells(db, plan.id, at.level === 'distributor' ? undefined : at.distributorId),
          );
          expect(await call(ctx, 'targets.editPreview', { planId: plan.id, at, value })).toEqual(whole);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { createTestDb } from '../support/db.js';

async function call<T = any>(ctx: ServiceContext, method: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

describe('stock readiness on a real SQLite file', () => {
  it('projects, plans within capacity, accepts the plan and reports what changed', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S' });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const board = await call(ctx, 'readiness.board', {});
    expect(board.rows.length).toBeGreaterThan(10);
    const total = board.totals.green + board.totals.amber + board.totals.red;
    expect(total).toBe(db.prepare('SELECT count(*) FROM forecast_series f JOIN distributors d ON d.id = f.distributor_id WHERE d.status != ?').pluck().get('ended'));
    // no week of the plan ships more than its region's capacity
    for (const region of board.capacity) if (region.casesPerWeek !== null) for (const used of region.used) expect(used).toBeLessThanOrEqual(region.casesPerWeek);

    const accepted = await call(ctx, 'readiness.acceptPlan', {});
    expect(accepted.shipments).toBe(board.plan.length);
    expect(db.prepare("SELECT count(*) FROM shipments WHERE source = 'plan'").pluck().get()).toBe(board.plan.length);
    const after = await call(ctx, 'readiness.board', {});
    // the accepted shipments are now arrivals: nothing more to plan for the same cells
    expect(after.plan.length).toBeLessThan(board.plan.length / 4);
    expect(after.lastAccepted).not.toBeNull();

    const filtered = await call(ctx, 'readiness.board', { status: 'red' });
    expect(filtered.rows.every((r: any) => r.counts.red > 0)).toBe(true);
    const detail = await call(ctx, 'readiness.cell', { distributorId: board.rows[0].distributorId, productId: board.rows[0].cells[0].productId });
    expect(detail.weeks).toHaveLength(detail.projected.length);

    const bad = await dispatch(ctx, 'readiness.saveSettings', { requiredCoverDays: 0, serviceLevelKey: 0.98, serviceLevelOther: 0.95, priorityRule: 'volume' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'requiredCoverDays' }] } });
    const file = await call(ctx, 'readiness.exportPlan', { format: 'csv' });
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toContain('ship_week,arrival_week,distributor,sku,cases,pallets');
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('off-season targets on a real SQLite file', () => {
  it('cascades a peak plan, edits and locks cells with exact totals, versions and achievement', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const regionId = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    expect(suggestion.months).toEqual(['2027-05', '2027-06', '2027-07', '2027-08', '2027-09']);
    const lines = suggestion.brands.slice(0, 2).map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) }));
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'forecast',
      lines,
      newOutlets: 120,
    });
    expect(plan.target).toBe(lines.reduce((a, l) => a + l.volume, 0));

    const view = await call(ctx, 'targets.view', { planId: plan.id });
    const top = view.distributors[0]!;
    expect(view.distributors.reduce((a, d) => a + d.newOutlets, 0)).toBe(120);
    expect(top.growth).toBe(top.target - top.natural);

    const brand = lines[0]!.brand;
    const detail = await call(ctx, 'targets.view', { planId: plan.id, distributorId: top.distributorId, brand });
    const sku = detail.skus![0]!;
    await call(ctx, 'targets.lock', {
      planId: plan.id,
      distributorId: top.distributorId,
      productId: sku.productId,
      month: sku.months[0]!.month,
      locked: true,
    });
    const lockedValue = sku.months[0]!.target;
    const distTotal = detail.distributors.find((d) => d.distributorId === top.distributorId)!.target;
    await call(ctx, 'targets.edit', {
      planId: plan.id,
      at: { level: 'distributor', distributorId: top.distributorId, brand },
      value: distTotal + 500,
    });
    const after = await call(ctx, 'targets.view', { planId: plan.id, distributorId: top.distributorId, brand });
    expect(after.distributors.find((d) => d.distributorId === top.distributorId)!.target).toBe(distTotal + 500);
    expect(after.lines.find((l) => l.brand === brand)!.target).toBe(lines[0]!.volume);
    expect(after.skus!.find((s) => s.productId === sku.productId)!.months[0]!.target).toBe(lockedValue);
    const impossible = await dispatch(ctx, 'targets.edit', {
      planId: plan.id,
      at: { level: 'distributor', distributorId: top.distributorId, brand },
      value: lines[0]!.volume * 10,
    });
    expect(impossible).toMatchObject({ ok: false, error: { code: 'validation' } });

    await call(ctx, 'targets.setAgreed', { planId: plan.id, distributorId: top.distributorId, brand, cases: 1234 });
    const version = await call(ctx, 'targets.saveVersion', { planId: plan.id, name: 'Peak 2027 agreed', status: 'agreed' });
    expect(version.target).toBe(plan.target);
    const diff = await call(ctx, 'targets.compare', { planId: plan.id, otherId: version.id });
    expect(diff.every((r) => r.a === r.b)).toBe(true);

    // last season's plan can be reviewed against what actually shipped
    const past = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2026,
      name: 'Peak 2026',
      basis: 'last_year',
      lines,
      newOutlets: 0,
    });
    const ach = await call(ctx, 'targets.achievement', { planId: past.id, by: 'region' });
    expect(ach.rows[0]!.actual).toBeGreaterThan(0);
    const sheet = await call(ctx, 'targets.exportSheet', { planId: plan.id, distributorId: top.distributorId });
    expect(sheet.fileName).toMatch(/^target-sheet-.*\.xlsx$/);
  });
});

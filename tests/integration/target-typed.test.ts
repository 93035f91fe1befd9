import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { createTestDb } from '../support/db.js';
import { call } from '../support/call.js';

describe('edits that stay: typed target cells', () => {
  it('says what an edit will move before it moves it, keeps typed cells when others change, and lets them be unlocked', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const regionId = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    const lines = suggestion.brands.slice(0, 1).map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) }));
    const plan = await call(ctx, 'targets.create', { regionId, seasonYear: 2027, name: 'Peak', basis: 'forecast', lines, newOutlets: 10 });
    const top = (await call(ctx, 'targets.view', { planId: plan.id })).distributors[0]!;
    const brand = lines[0]!.brand;
    const sheet = async () => (await call(ctx, 'targets.view', { planId: plan.id, distributorId: top.distributorId, brand })).skus!;
    const sku = (await sheet())[0]!;
    const [june, july] = [sku.months[1]!, sku.months[2]!];
    const cellsSnapshot = () =>
      db.prepare('SELECT product_id, month, target, locked, typed FROM target_cells WHERE plan_id = ? ORDER BY 1, 2').all(plan.id);

    // The preview names what gives: the other months of the SKU, summing to the same total. Nothing written.
    const before = cellsSnapshot();
    const at = { level: 'cell' as const, distributorId: top.distributorId, productId: sku.productId, month: june.month };
    const preview = await call(ctx, 'targets.editPreview', { planId: plan.id, at, value: june.target + 100 });
    expect(preview.ok).toBe(true);
    expect(preview.before).toBe(june.target);
    expect(preview.moved.reduce((a, m) => a + (m.after - m.before), 0)).toBe(-100);
    expect(preview.moved.every((m) => sku.months.some((x) => x.month === m.label))).toBe(true);
    expect(cellsSnapshot()).toEqual(before);

    // Typed: highlighted, locked, kept when the SKU total changes afterwards.
    await call(ctx, 'targets.edit', { planId: plan.id, at, value: june.target + 100 });
    let s = (await sheet()).find((x) => x.productId === sku.productId)!;
    const typedJune = s.months.find((m) => m.month === june.month)!;
    expect(typedJune).toMatchObject({ target: june.target + 100, typed: true, locked: true });
    expect(s.months.filter((m) => m.typed)).toHaveLength(1);
    const total = s.months.reduce((a, m) => a + m.target, 0);
    const skuAt = { level: 'sku' as const, distributorId: top.distributorId, productId: sku.productId };
    const skuPreview = await call(ctx, 'targets.editPreview', { planId: plan.id, at: skuAt, value: total + 50 });
    expect(skuPreview.ok).toBe(true);
    // The SKU's own months are not "moved siblings"; other SKUs of the brand give the 50.
    expect(skuPreview.moved.reduce((a, m) => a + (m.after - m.before), 0)).toBe(-50);
    await call(ctx, 'targets.edit', { planId: plan.id, at: skuAt, value: total + 50 });
    s = (await sheet()).find((x) => x.productId === sku.productId)!;
    expect(s.months.find((m) => m.month === june.month)!.target).toBe(june.target + 100);
    expect(s.months.reduce((a, m) => a + m.target, 0)).toBe(total + 50);
    expect(
      (await call(ctx, 'targets.view', { planId: plan.id })).distributors.find((d) => d.distributorId === top.distributorId)!.typed,
    ).toBeGreaterThan(0);

    // When nothing can absorb an edit the preview says so, and nothing moves.
    const allLocked = await call(ctx, 'targets.editPreview', { planId: plan.id, at: skuAt, value: total + 999 });
    expect(allLocked.ok).toBe(false);
    expect(allLocked.message).toMatch(/locked/);

    // Unlocked, the typed mark stays; the cell moves again with later edits.
    await call(ctx, 'targets.lock', {
      planId: plan.id,
      distributorId: top.distributorId,
      productId: sku.productId,
      month: july.month,
      locked: false,
    });
    const unlocked = (await sheet()).find((x) => x.productId === sku.productId)!.months.find((m) => m.month === july.month)!;
    expect(unlocked).toMatchObject({ locked: false, typed: true });
  });
});

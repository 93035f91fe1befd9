import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
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
      confirm: true,
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
      confirm: true,
    });
    const ach = await call(ctx, 'targets.achievement', { planId: past.id, by: 'region' });
    expect(ach.rows[0]!.actual).toBeGreaterThan(0);
    const sheet = await call(ctx, 'targets.exportSheet', { planId: plan.id, distributorId: top.distributorId });
    expect(sheet.fileName).toMatch(/^target-sheet-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(sheet.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const totals = ws.getRow(ws.rowCount);
    expect(totals.getCell(1).value).toBe('Total');
    // the sheet's target total is the distributor's target
    const targetColumn = ws.getRow(5).values as unknown[];
    const col = targetColumn.lastIndexOf('Target');
    const now = (await call(ctx, 'targets.view', { planId: plan.id })).distributors.find((d) => d.distributorId === top.distributorId)!;
    expect((totals.getCell(col).value as { result: number }).result).toBe(now.target);

    // Versions compare by brand and by SKU as well as by distributor, and add up to the same totals.
    for (const by of ['distributor', 'brand', 'sku'] as const) {
      const rows = await call(ctx, 'targets.compare', { planId: plan.id, otherId: version.id, by });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.reduce((s, r) => s + r.a, 0)).toBe(version.target);
      expect(rows.reduce((s, r) => s + r.b, 0)).toBe(version.target);
    }
    expect((await call(ctx, 'targets.compare', { planId: plan.id, otherId: version.id, by: 'brand' })).map((r) => r.key)).toContain(brand);
  });
});

/** A region with two distributors selling two brands, each with last season's peak months on record. */
async function smallRegion(ctx: ServiceContext) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
  const products = [];
  for (const [sku, brand] of [
    ['A-1', 'Alpha'],
    ['B-1', 'Bravo'],
  ])
    products.push(
      await call(ctx, 'product.create', {
        draft: { sku, name: sku, brand, pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' },
      }),
    );
  const dists = [];
  for (const code of ['D1', 'D2'])
    dists.push(
      await call(ctx, 'distributor.create', {
        draft: { code, name: code, areaId: area.id, leadTimeDays: 7, warehouseCapacityCases: 1000, relationshipLevel: 2, status: 'active' },
      }),
    );
  const [d1, d2] = dists;
  const [alpha, bravo] = products;
  if (!d1 || !d2 || !alpha || !bravo) throw new Error('The region was not set up');
  const insert = ctx.db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)');
  // D1: Alpha 300 a month, Bravo 100; D2: Alpha 100, Bravo 100 (peak 2026: Alpha 800, Bravo 400)
  for (const month of ['2026-05', '2026-06']) {
    insert.run(d1.id, alpha.id, month, 300);
    insert.run(d1.id, bravo.id, month, 100);
    insert.run(d2.id, alpha.id, month, 100);
    insert.run(d2.id, bravo.id, month, 100);
  }
  return { regionId: region.id, dists: [d1, d2] as const, products: [alpha, bravo] as const };
}

describe('targets: agreed numbers and large jumps', () => {
  it('shows nothing agreed until something is, compares like with like and leaves other brands unagreed', async () => {
    const { ctx } = createTestDb();
    const { regionId, dists } = await smallRegion(ctx);
    const lines = [
      { brand: 'Alpha', volume: 880 },
      { brand: 'Bravo', volume: 440 },
    ];
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'last_year',
      lines,
      newOutlets: 0,
    });
    const before = await call(ctx, 'targets.view', { planId: plan.id });
    expect(before.agreedTotal).toBeNull();
    expect(before.distributors.every((d) => d.agreed === null && d.agreedBrands === 0)).toBe(true);

    const alphaOfD1 = (await call(ctx, 'targets.view', { planId: plan.id, brand: 'Alpha' })).distributors.find(
      (d) => d.distributorId === dists[0].id,
    )!.target;
    await call(ctx, 'targets.setAgreed', { planId: plan.id, distributorId: dists[0].id, brand: 'Alpha', cases: 600 });
    const after = await call(ctx, 'targets.view', { planId: plan.id });
    // the agreed 600 against D1's Alpha target, not against the 1,320 of the whole plan
    expect(after.agreedTotal).toBe(600);
    expect(after.agreedTarget).toBe(alphaOfD1);
    expect([after.agreedPairs, after.pairs]).toEqual([1, 4]);
    const d1 = after.distributors.find((d) => d.distributorId === dists[0].id);
    // D1's Bravo is not agreed, not zero
    expect(d1).toMatchObject({ agreed: 600, agreedTarget: alphaOfD1, agreedBrands: 1, brands: 2 });
    const bravo = await call(ctx, 'targets.view', { planId: plan.id, brand: 'Bravo' });
    expect(bravo.agreedTotal).toBeNull();
    expect(bravo.distributors.find((d) => d.distributorId === dists[0].id)!.agreed).toBeNull();
  });

  it('asks before a large jump on natural volume, and saves it once confirmed', async () => {
    const { ctx } = createTestDb();
    const { regionId, dists } = await smallRegion(ctx);
    // Alpha's natural peak is 800: 3,030 cases is +278.8%
    const lines = [{ brand: 'Alpha', volume: 3030 }];
    const input = { regionId, seasonYear: 2027, name: 'Peak 2027', basis: 'last_year', lines, newOutlets: 0 };
    const asked = await dispatch(ctx, 'targets.create', input);
    expect(asked).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'confirm', message: '+278.8%' }] } });
    expect(ctx.db.prepare('SELECT count(*) FROM target_plans').pluck().get()).toBe(0);
    const plan = await call(ctx, 'targets.create', { ...input, lines: [{ brand: 'Alpha', volume: 880 }] });

    const jump = await dispatch(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 3030 });
    expect(jump).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'confirm' }] } });
    expect((await call(ctx, 'targets.view', { planId: plan.id })).plan.target).toBe(880);
    await call(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 1000 });
    await call(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 3030, confirm: true });
    expect((await call(ctx, 'targets.view', { planId: plan.id })).plan.target).toBe(3030);

    const edit = { planId: plan.id, at: { level: 'distributor', distributorId: dists[1].id, brand: 'Alpha' }, value: 2000 };
    expect(await dispatch(ctx, 'targets.edit', edit)).toMatchObject({ ok: false, error: { issues: [{ path: 'confirm' }] } });
    await call(ctx, 'targets.edit', { ...edit, confirm: true });
  });
});

import { describe, expect, it } from 'vitest';
import { offSeasonMonths } from '../../main/targets/offSeason.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('off-season months of a target plan', () => {
  it('are the months between the last peak and the next', () => {
    expect(offSeasonMonths(['2027-05', '2027-06', '2027-07', '2027-08', '2027-09'])).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
    ]);
    // a shorter peak has a longer run-up, and only up to the previous peak
    expect(offSeasonMonths(['2027-06', '2027-07', '2027-08'])).toHaveLength(9);
    expect(offSeasonMonths(['2027-06', '2027-07', '2027-08'])[0]).toBe('2026-09');
  });

  it('plans shipments before the peak from the peak target, and new outlets per month', async () => {
    const { ctx } = createTestDb();
    const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
    const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
    const alpha = await call(ctx, 'product.create', {
      draft: { sku: 'A-1', name: 'A-1', brand: 'Alpha', pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' },
    });
    const dists: Array<{ id: number }> = [];
    for (const code of ['D1', 'D2'])
      dists.push(
        await call(ctx, 'distributor.create', {
          draft: {
            code,
            name: code,
            areaId: area.id,
            leadTimeDays: 7,
            warehouseCapacityCases: 1000,
            relationshipLevel: 2,
            status: 'active',
          },
        }),
      );
    const insert = ctx.db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)');
    // last season: D1 sold 300 a peak month and 100 an off-season month, D2 100 and 50
    for (let m = 0; m < 12; m++) {
      const month = `2026-${String(m + 1).padStart(2, '0')}`;
      const peak = m + 1 >= 5 && m + 1 <= 9;
      insert.run(dists[0]!.id, alpha.id, month, peak ? 300 : 100);
      insert.run(dists[1]!.id, alpha.id, month, peak ? 100 : 50);
    }
    for (const month of ['2025-10', '2025-11', '2025-12']) {
      insert.run(dists[0]!.id, alpha.id, month, 100);
      insert.run(dists[1]!.id, alpha.id, month, 50);
    }
    // a peak of 2,400 cases against 2,000 natural (+20%), and 10 new outlets
    const plan = await call(ctx, 'targets.create', {
      regionId: region.id,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'last_year',
      lines: [{ brand: 'Alpha', volume: 2400 }],
      newOutlets: 10,
    });
    const off = await call(ctx, 'targets.offSeason', { planId: plan.id });
    expect(off.months).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    const d1 = off.distributors.find((d) => d.distributorId === dists[0]!.id)!;
    // 7 off-season months of 100 natural, grown by D1's own peak ratio
    expect(d1.natural).toBe(700);
    expect(d1.target).toBe(Math.round(700 * (d1.peakTarget / d1.peakNatural)));
    expect(d1.months.map((m) => m.natural)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    // the distributor's new outlets, month by month, add up to its target, earlier months first
    for (const d of off.distributors) {
      expect(d.months.reduce((a, m) => a + m.newOutlets, 0)).toBe(d.newOutlets);
      expect(d.months.reduce((a, m) => a + m.target, 0)).toBe(d.target);
    }
    expect(off.distributors.reduce((a, d) => a + d.newOutlets, 0)).toBe(10);
    expect(off.totals.reduce((a, m) => a + m.newOutlets, 0)).toBe(10);
    expect(off.totals[0]!.newOutlets).toBeGreaterThanOrEqual(off.totals[6]!.newOutlets);

    // an edit of the peak plan moves the off-season months with it
    await call(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 2000 });
    const after = await call(ctx, 'targets.offSeason', { planId: plan.id });
    expect(after.totals.reduce((a, m) => a + m.target, 0)).toBe(off.totals.reduce((a, m) => a + m.natural, 0));
  });
});

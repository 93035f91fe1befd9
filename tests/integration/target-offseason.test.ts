import { afterEach, describe, expect, it } from 'vitest';
import { carriedForward, offSeasonMonths } from '../../main/targets/offSeason.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';
import { call } from '../support/call.js';
import { createTestDb, TEST_NOW } from '../support/db.js';

afterEach(() => setClock(clockFrom(TEST_NOW)));

/**
 * Two distributors of one region with a year of history of brand Alpha (D1 300 a peak month, 100
 * an off-season one; D2 100 and 50) and of brand Beta, which the plan leaves out; a peak plan of
 * Alpha at 2,400 cases (+20% on 2,000) with 10 new outlets.
 */
async function alphaPlan() {
  const { ctx } = createTestDb();
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
  const product = (sku: string, brand: string) =>
    call(ctx, 'product.create', { draft: { sku, name: sku, brand, pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' } });
  const alpha = await product('A-1', 'Alpha');
  const beta = await product('B-1', 'Beta');
  const dists: Array<{ id: number }> = [];
  for (const code of ['D1', 'D2'])
    dists.push(
      await call(ctx, 'distributor.create', {
        draft: { code, name: code, areaId: area.id, leadTimeDays: 7, warehouseCapacityCases: 1000, relationshipLevel: 2, status: 'active' },
      }),
    );
  const insert = ctx.db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)');
  const history = (months: string[], d1: (m: string) => number, d2: (m: string) => number) => {
    for (const month of months) {
      insert.run(dists[0]!.id, alpha.id, month, d1(month));
      insert.run(dists[1]!.id, alpha.id, month, d2(month));
      insert.run(dists[0]!.id, beta.id, month, 1000);
    }
  };
  const isPeak = (m: string) => Number(m.slice(5)) >= 5 && Number(m.slice(5)) <= 9;
  history(
    Array.from({ length: 9 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
    (m) => (isPeak(m) ? 300 : 100),
    (m) => (isPeak(m) ? 100 : 50),
  );
  history(
    ['2025-10', '2025-11', '2025-12'],
    () => 100,
    () => 50,
  );
  const plan = await call(ctx, 'targets.create', {
    regionId: region.id,
    seasonYear: 2027,
    name: 'Peak 2027',
    basis: 'last_year',
    lines: [{ brand: 'Alpha', volume: 2400 }],
    newOutlets: 10,
  });
  return { ctx, plan, dists, history };
}

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
    // planned in September, before the off-season starts
    setClock(clockFrom('2026-09-15T10:00:00Z'));
    const { ctx, plan, dists } = await alphaPlan();
    const off = await call(ctx, 'targets.offSeason', { planId: plan.id });
    expect(off.months).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    const d1 = off.distributors.find((d) => d.distributorId === dists[0]!.id)!;
    // 7 off-season months of 100 natural (of Alpha: Beta's 1,000 a month is not the plan's), grown by D1's own peak ratio
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

  it('in the middle of the off-season: the months over show what was shipped, new outlets go to the months ahead', async () => {
    setClock(clockFrom('2026-12-03T10:00:00Z'));
    const { ctx, plan, dists, history } = await alphaPlan();
    // October is in the sales history (D1 90, D2 60), November not yet
    history(
      ['2026-10'],
      () => 90,
      () => 60,
    );
    const off = await call(ctx, 'targets.offSeason', { planId: plan.id });
    expect(off.totals.map((m) => m.over)).toEqual([true, true, false, false, false, false, false]);
    const d1 = off.distributors.find((d) => d.distributorId === dists[0]!.id)!;
    expect(d1.months.map((m) => m.shipped)).toEqual([90, null, null, null, null, null, null]);
    expect(d1.shipped).toBe(90);
    expect(off.totals[0]!.shipped).toBe(150);
    expect(off.totals[1]!.shipped).toBeNull();
    // no outlet is asked of a month that is over; the months ahead carry all of them
    for (const d of off.distributors) {
      expect(d.months.filter((m) => m.over).map((m) => m.newOutlets)).toEqual([0, 0]);
      expect(d.months.reduce((a, m) => a + m.newOutlets, 0)).toBe(d.newOutlets);
    }
    expect(off.totals.slice(2).reduce((a, m) => a + m.newOutlets, 0)).toBe(10);
    expect(off.totals[2]!.newOutlets).toBeGreaterThanOrEqual(off.totals[6]!.newOutlets);

    // D1 shipped 90 of October's 120: the 30 short are made up in the five months ahead (6 each);
    // November, not imported yet, carries nothing. D2 shipped its 60 and needs what was planned.
    expect(d1.months.map((m) => m.target)).toEqual([120, 120, 120, 120, 120, 120, 120]);
    expect(d1.months.map((m) => m.needed)).toEqual([null, null, 126, 126, 126, 126, 126]);
    const d2 = off.distributors.find((d) => d.distributorId === dists[1]!.id)!;
    expect(d2.months.map((m) => m.needed)).toEqual([null, null, 60, 60, 60, 60, 60]);
    expect(off.totals.map((m) => m.needed)).toEqual([null, null, 186, 186, 186, 186, 186]);

    // once November is imported (D1 200, 80 beyond its 120), D1 is 50 ahead over the two months: 10 less a month ahead
    history(
      ['2026-11'],
      () => 200,
      () => 60,
    );
    const later = await call(ctx, 'targets.offSeason', { planId: plan.id });
    const d1Later = later.distributors.find((d) => d.distributorId === dists[0]!.id)!;
    expect(d1Later.months.map((m) => m.needed)).toEqual([null, null, 110, 110, 110, 110, 110]);
  });
});

describe('the months over carried into the months ahead', () => {
  const ahead = [false, false, true, true, true];
  it('spreads a shortfall in proportion to the targets ahead, to the case', () => {
    expect(carriedForward([100, 100, 100, 200, 100], [50, 100, null, null, null], ahead)).toEqual([null, null, 113, 225, 112]);
  });
  it('lowers the months ahead by a surplus, never below nothing', () => {
    expect(carriedForward([100, 100, 10, 10, 10], [300, 100, null, null, null], ahead)).toEqual([null, null, 0, 0, 0]);
    expect(carriedForward([100, 100, 100, 100, 100], [130, 100, null, null, null], ahead)).toEqual([null, null, 90, 90, 90]);
  });
  it('shares evenly when the months ahead ask nothing, and carries nothing once the peak has begun', () => {
    expect(carriedForward([10, 0, 0, 0], [4, null, null, null], [false, true, true, true])).toEqual([null, 2, 2, 2]);
    expect(carriedForward([100, 100], [0, 0], [false, false])).toEqual([null, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '../../shared/domain/calendar.js';
import { clockFrom, fixedClock, setClock, today } from '../../shared/domain/clock.js';
import { call, refusal } from '../support/call.js';
import { createTestDb, TEST_NOW } from '../support/db.js';

/**
 * "Today" is the user's local day everywhere. At 07:00 in Shanghai (23:00 UTC the day before) a stock
 * count or a complaint dated with the local today is accepted, and tomorrow is refused; in Los Angeles
 * the same instant is still the previous afternoon. tests/unit/timezones.test.ts runs this file under
 * both time zones.
 */
async function network() {
  const { ctx } = createTestDb();
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N-01', name: 'Riverside', regionId: region.id } });
  const distributor = await call(ctx, 'distributor.create', {
    draft: {
      code: 'D1',
      name: 'Riverside Beverage',
      areaId: area.id,
      leadTimeDays: 7,
      warehouseCapacityCases: 12000,
      relationshipLevel: 2,
      status: 'active',
    },
  });
  const product = await call(ctx, 'product.create', {
    draft: { sku: 'LAGER-500', name: 'Lager 0.5 l', brand: 'Lager', pack: 'bottle', sizeMl: 500, unitsPerCase: 20, status: 'active' },
  });
  return { ctx, distributorId: distributor.id, productId: product.id };
}

describe("the user's local today", () => {
  it('accepts a stock count and a complaint dated today and refuses tomorrow, whatever UTC says', async () => {
    const { ctx, distributorId, productId } = await network();
    setClock(fixedClock('2026-11-20T23:00:00Z'));
    try {
      const local = today();
      expect(local).toBe(new Date('2026-11-20T23:00:00Z').toLocaleDateString('sv-SE'));
      expect(await call(ctx, 'stock.set', { distributorId, productId, date: local, cases: 40 })).toEqual({ saved: true });
      expect(await refusal(ctx, 'stock.set', { distributorId, productId, date: addDays(local, 1), cases: 40 })).toMatchObject({
        code: 'validation',
      });
      const complaint = await call(ctx, 'complaint.create', {
        distributorId,
        category: 'logistics',
        openedOn: local,
        description: 'Late delivery',
      });
      expect(complaint.daysOpen).toBe(0);
      expect(
        await refusal(ctx, 'complaint.create', {
          distributorId,
          category: 'logistics',
          openedOn: addDays(local, 1),
          description: 'Late delivery',
        }),
      ).toMatchObject({
        code: 'validation',
      });
      // the readiness board's first week is the week of the local today
      const board = await call(ctx, 'readiness.board', {});
      expect(board.weeks[0]).toBe(weekStartOf(local));
    } finally {
      setClock(clockFrom(TEST_NOW));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { createTestDb } from '../support/db.js';

const call = async (ctx: Parameters<typeof dispatch>[0], method: string, input: unknown) => {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as any;
};

async function seedMinimal(ctx: Parameters<typeof dispatch>[0]) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N-01', name: 'Riverside', regionId: region.id } });
  const sales = await call(ctx, 'staff.create', {
    draft: { code: 'E1', name: 'Li Wei', role: 'salesperson', regionId: region.id, areaIds: [area.id] },
  });
  const distributor = await call(ctx, 'distributor.create', {
    draft: {
      code: 'D1', name: 'Riverside Beverage', areaId: area.id, salespersonId: sales.id, leadTimeDays: 7,
      warehouseCapacityCases: 12000, relationshipLevel: 2, status: 'active', startDate: '2019-03-01',
    },
  });
  return { region, area, sales, distributor };
}

describe('network services on a real SQLite file', () => {
  it('creates a distributor with a sub-dealer and a terminal, and shows them as a tree', async () => {
    const { ctx } = createTestDb();
    const { area, distributor } = await seedMinimal(ctx);
    const sub = await call(ctx, 'subDealer.create', {
      draft: { code: 'S1', name: 'Wang Wholesale', distributorId: distributor.id, areaId: area.id, status: 'active' },
    });
    await call(ctx, 'terminal.create', {
      draft: { code: 'T1', name: "Zhao's Grill", channel: 'restaurant', subDealerId: sub.id, areaId: area.id, status: 'active' },
    });
    await call(ctx, 'terminal.create', {
      draft: { code: 'T2', name: 'Station Kiosk', channel: 'kiosk', distributorId: distributor.id, areaId: area.id, status: 'prospect' },
    });
    const page = await call(ctx, 'distributor.get', { id: distributor.id });
    expect(page.distributor.subDealerCount).toBe(1);
    expect(page.distributor.terminalCount).toBe(2);
    expect(page.subDealers[0].terminalCount).toBe(1);
    expect(page.directTerminals.map((t: any) => t.code)).toEqual(['T2']);
    expect(page.terminalsByStatus).toMatchObject({ active: 1, prospect: 1, lost: 0 });
    const list = await call(ctx, 'terminal.list', { distributorId: distributor.id });
    expect(list.total).toBe(2);
    expect(list.rows.every((t: any) => t.networkDistributorName === 'Riverside Beverage')).toBe(true);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const { ctx, db } = createTestDb();
    const { area } = await seedMinimal(ctx);
    const result = await dispatch(ctx, 'distributor.create', {
      draft: { code: 'D2', name: 'X', areaId: area.id, leadTimeDays: -3, warehouseCapacityCases: 1, relationshipLevel: 2, status: 'active' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.issues?.[0]?.path).toBe('draft.leadTimeDays');
    }
    expect(db.prepare('SELECT count(*) FROM distributors').pluck().get()).toBe(1);
    const unknown = await dispatch(ctx, 'distributor.create', { draft: {}, __proto__: { admin: true }, extra: 1 });
    expect(unknown.ok).toBe(false);
    const missingArea = await dispatch(ctx, 'distributor.create', {
      draft: { code: 'D3', name: 'Y', areaId: 999, leadTimeDays: 3, warehouseCapacityCases: 1, relationshipLevel: 1, status: 'active' },
    });
    expect(missingArea).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'draft.areaId' }] } });
  });

  it('refuses to orphan outlets and can reassign them on delete', async () => {
    const { ctx, db } = createTestDb();
    const { area, distributor } = await seedMinimal(ctx);
    const other = await call(ctx, 'distributor.create', {
      draft: { code: 'D9', name: 'Other', areaId: area.id, leadTimeDays: 5, warehouseCapacityCases: 100, relationshipLevel: 1, status: 'active' },
    });
    await call(ctx, 'subDealer.create', { draft: { code: 'S1', name: 'Sub', distributorId: distributor.id, areaId: area.id, status: 'active' } });
    const refused = await dispatch(ctx, 'distributor.delete', { id: distributor.id, disposition: { outlets: 'none' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'in_use' } });
    await call(ctx, 'distributor.delete', { id: distributor.id, disposition: { outlets: 'reassign', toId: other.id } });
    expect(db.prepare('SELECT distributor_id FROM sub_dealers').pluck().get()).toBe(other.id);
  });

  it('generates a deterministic demo region', () => {
    const a = createTestDb();
    const b = createTestDb();
    const today = new Date('2026-11-22T00:00:00Z');
    const ra = seedDemo(a.db, { scale: 'S', today });
    const rb = seedDemo(b.db, { scale: 'S', today });
    expect(ra.counts).toEqual(rb.counts);
    expect(ra.counts.distributors).toBe(20);
    expect(ra.counts.terminals).toBeGreaterThan(500);
    const names = (db: typeof a.db) => db.prepare('SELECT name FROM terminals ORDER BY id LIMIT 50').pluck().all();
    expect(names(a.db)).toEqual(names(b.db));
  });
});

import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';

/** A copy of one row with some columns changed (setup only: records the contract has no one-line call for). */
function copyRow(db: Db, table: string, id: number, changes: Record<string, unknown>): number {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => c !== 'id');
  const values = columns.map((c) => (c in changes ? '?' : c));
  const params = columns.filter((c) => c in changes).map((c) => changes[c]);
  return Number(
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${table} WHERE id = ?`).run(...params, id)
      .lastInsertRowid,
  );
}

/**
 * Two regions on one real file: the S demo's North (manager, coordinator, salespeople and all their
 * work), and a West with one of everything, made through the contract where it has a call for it.
 */
async function twoRegions() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
  const { ctx, db } = t;
  const north = db.prepare('SELECT id FROM regions').pluck().get() as number;
  const west = (await call(ctx, 'region.create', { draft: { code: 'W', name: 'West', peakMonths: [6, 7, 8] } })).id;
  const area = (await call(ctx, 'area.create', { draft: { code: 'W1', name: 'West coast', regionId: west } })).id;
  const manager = await call(ctx, 'person.create', { code: 'WM', name: 'West manager', role: 'regional_manager', regionIds: [west] });
  const seller = await call(ctx, 'person.create', { code: 'WS', name: 'West seller', role: 'salesperson', regionIds: [west] });
  const distributor = await call(ctx, 'distributor.create', {
    draft: {
      code: 'WD1',
      name: 'West Drinks',
      areaId: area,
      salespersonId: seller.personId,
      leadTimeDays: 3,
      warehouseCapacityCases: 1000,
      relationshipLevel: 2,
      status: 'active',
    },
  });
  const subDealer = await call(ctx, 'subDealer.create', {
    draft: { code: 'WSD1', name: 'West Wholesale', areaId: area, status: 'active', distributorId: distributor.id },
  });
  const terminal = await call(ctx, 'terminal.create', {
    draft: { code: 'WT1', name: 'West Bar', areaId: area, status: 'prospect', channel: 'bar_night', distributorId: distributor.id },
  });
  await call(ctx, 'devPlan.save', {
    salespersonId: seller.personId,
    month: '2026-12',
    areaIds: [],
    plannedVisits: 10,
    newSubDealers: 0,
    newTerminals: 1,
    competitors: [],
    note: null,
  });
  await call(ctx, 'visit.log', {
    salespersonId: seller.personId,
    day: '2026-11-18',
    outletType: 'terminal',
    outletId: terminal.id,
    purpose: 'develop',
    outcome: 'interested',
  });
  const event = copyRow(db, 'events', db.prepare('SELECT min(id) FROM events').pluck().get() as number, {
    region_id: west,
    title: 'West tasting',
  });
  const plan = copyRow(db, 'target_plans', db.prepare('SELECT min(id) FROM target_plans').pluck().get() as number, {
    region_id: west,
    name: 'West season',
  });
  const northManager = db.prepare("SELECT code FROM staff WHERE role = 'regional_manager' AND region_id = ?").pluck().get(north) as string;
  const northSeller = db.prepare("SELECT id, code FROM staff WHERE role = 'salesperson' AND region_id = ? LIMIT 1").get(north) as {
    id: number;
    code: string;
  };
  return { ...t, north, west, manager, seller, distributor, subDealer, terminal, event, plan, northManager, northSeller };
}

const page = { limit: 500 };

describe('queries are scoped by region like changes', () => {
  it('lists show a person the rows of their own regions; an administrator sees both', async () => {
    const w = await twoRegions();
    const asWest = asPerson(w.ctx, 'WM');
    const asNorth = asPerson(w.ctx, w.northManager);
    const names = async (ctx: typeof w.ctx) => ({
      distributors: (await call(ctx, 'distributor.list', page)).rows.map((d) => d.name),
      subDealers: (await call(ctx, 'subDealer.list', page)).rows.map((s) => s.name),
      terminals: (await call(ctx, 'terminal.list', { ...page, search: 'West' })).rows.map((t) => t.name),
      plans: (await call(ctx, 'devPlan.list', { month: '2026-12' })).map((p) => p.salespersonName),
      visits: (await call(ctx, 'visit.list', { from: '2026-11-18', to: '2026-11-18' })).map((v) => v.salespersonId),
      reviews: (await call(ctx, 'weeklyReview.list', { weekStart: '2026-11-09' })).map((r) => r.salespersonName),
      events: (await call(ctx, 'event.list', {})).map((e) => e.title),
      targets: (await call(ctx, 'targets.plans', {})).map((p) => p.name),
      staff: (await call(ctx, 'staff.list', {})).map((s) => s.code),
      scorecard: (await call(ctx, 'evaluation.scorecard', { month: '2026-10' })).rows.map((r) => r.salespersonId),
    });

    const west = await names(asWest);
    expect(west).toMatchObject({
      distributors: ['West Drinks'],
      subDealers: ['West Wholesale'],
      terminals: ['West Bar'],
      plans: ['West seller'],
      visits: [w.seller.personId],
      reviews: ['West seller'],
      events: ['West tasting'],
      targets: ['West season'],
      scorecard: [w.seller.personId],
    });
    expect(west.staff.sort()).toEqual(['WM', 'WS']);

    const north = await names(asNorth);
    expect(north.distributors).not.toContain('West Drinks');
    expect(north.distributors.length).toBe(20);
    expect(north.subDealers).not.toContain('West Wholesale');
    expect(north.terminals).not.toContain('West Bar');
    expect(north.plans).not.toContain('West seller');
    expect(north.visits).not.toContain(w.seller.personId);
    expect(north.visits.length).toBeGreaterThan(0);
    expect(north.reviews).not.toContain('West seller');
    expect(north.events).not.toContain('West tasting');
    expect(north.events.length).toBe(3);
    expect(north.targets).not.toContain('West season');
    expect(north.staff).not.toContain('WS');
    expect(north.scorecard).not.toContain(w.seller.personId);

    // A salesperson of North reads North too, not West.
    const northSeller = await names(asPerson(w.ctx, w.northSeller.code));
    expect(northSeller.distributors).not.toContain('West Drinks');
    expect(northSeller.distributors.length).toBe(20);

    const admin = await names(w.ctx);
    expect(admin.distributors).toContain('West Drinks');
    expect(admin.distributors.length).toBe(21);
    expect(admin.events).toContain('West tasting');
    expect(admin.targets).toContain('West season');
  });

  it('a detail of another region is refused with the rule, and one of the own region is read', async () => {
    const w = await twoRegions();
    const asNorth = asPerson(w.ctx, w.northManager);
    const refusals = [
      await refusal(asNorth, 'distributor.get', { id: w.distributor.id }),
      await refusal(asNorth, 'subDealer.get', { id: w.subDealer.id }),
      await refusal(asNorth, 'terminal.get', { id: w.terminal.id }),
      await refusal(asNorth, 'devPlan.get', { salespersonId: w.seller.personId, month: '2026-12' }),
      await refusal(asNorth, 'visit.list', { salespersonId: w.seller.personId, from: '2026-11-01', to: '2026-11-30' }),
      await refusal(asNorth, 'weeklyReview.get', { salespersonId: w.seller.personId, weekStart: '2026-11-09' }),
      await refusal(asNorth, 'devPlan.list', { month: '2026-12', regionId: w.west }),
      await refusal(asNorth, 'event.get', { id: w.event }),
      await refusal(asNorth, 'targets.view', { planId: w.plan }),
      await refusal(asNorth, 'readiness.distributor', { distributorId: w.distributor.id }),
      await refusal(asNorth, 'development.dashboard', { month: '2026-12', regionId: w.west }),
      await refusal(asNorth, 'pipeline.list', { ownerId: w.seller.personId }),
    ];
    for (const r of refusals) {
      expect(r.code).toBe('forbidden');
      expect(r.message).toMatch(/sees the records of their own regions only/);
    }
    const asWest = asPerson(w.ctx, 'WM');
    expect((await call(asWest, 'distributor.get', { id: w.distributor.id })).distributor.name).toBe('West Drinks');
    expect((await call(asWest, 'devPlan.get', { salespersonId: w.seller.personId, month: '2026-12' }))?.plannedVisits).toBe(10);
    expect((await call(asWest, 'event.get', { id: w.event })).title).toBe('West tasting');
  });

  it('a person given both regions by the administrator sees both', async () => {
    const w = await twoRegions();
    await call(w.ctx, 'person.create', { code: 'BOTH', name: 'Both regions', role: 'regional_manager', regionIds: [w.north, w.west] });
    const both = asPerson(w.ctx, 'BOTH');
    const rows = (await call(both, 'distributor.list', page)).rows;
    expect(rows.length).toBe(21);
    expect((await call(both, 'distributor.get', { id: w.distributor.id })).distributor.name).toBe('West Drinks');
  });
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';

/** The S demo region with an agreed target version built from last year's sales. */
async function withAgreedVersion() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
  const regionId = t.db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
  const suggestion = await call(t.ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
  const lines = suggestion.brands.slice(0, 2).map((b) => ({ brand: b.brand, volume: Math.round(b.lastYear * 1.1) }));
  const plan = await call(t.ctx, 'targets.create', {
    regionId,
    seasonYear: 2027,
    name: 'Peak 2027',
    basis: 'last_year',
    lines,
    newOutlets: 40,
  });
  const [a, b] = t.db
    .prepare('SELECT distributor_id FROM target_cells WHERE plan_id = ? GROUP BY distributor_id ORDER BY sum(target) DESC LIMIT 2')
    .pluck()
    .all(plan.id) as number[];
  await call(t.ctx, 'targets.setAgreed', { planId: plan.id, distributorId: a!, brand: lines[0]!.brand, cases: 500 });
  await call(t.ctx, 'targets.setAgreed', { planId: plan.id, distributorId: b!, brand: lines[0]!.brand, cases: 300 });
  const agreed = await call(t.ctx, 'targets.saveVersion', { planId: plan.id, name: 'Peak 2027 agreed', status: 'agreed' });
  const totals = (planId: number) =>
    t.db
      .prepare(
        `SELECT (SELECT sum(target) FROM target_cells WHERE plan_id = ?) AS target, (SELECT sum(natural) FROM target_cells WHERE plan_id = ?) AS natural,
          (SELECT sum(cases) FROM target_agreed WHERE plan_id = ?) AS agreed, (SELECT sum(new_outlets) FROM target_outlets WHERE plan_id = ?) AS outlets`,
      )
      .get(planId, planId, planId, planId) as Record<string, number>;
  return { ...t, plan, agreed, a: a!, b: b!, totals };
}

describe('archive instead of delete, and merging duplicates, on a real SQLite file', () => {
  it('keeps an agreed target version’s numbers: it refuses edits, and survives archiving a distributor to the case', async () => {
    const { ctx, db, agreed, a, totals } = await withAgreedVersion();
    const before = totals(agreed.id);
    expect((await refusal(ctx, 'targets.setAgreed', { planId: agreed.id, distributorId: a, brand: 'x', cases: 1 })).message).toMatch(
      /agreed version/,
    );

    const impact = await call(ctx, 'distributor.deleteImpact', { id: a });
    expect(impact.archives).toBe(true);
    expect(impact.history!.salesHistoryRows).toBeGreaterThan(0);
    expect(impact.history!.targetCells).toBeGreaterThan(0);
    const code = db.prepare('SELECT code FROM distributors WHERE id = ?').pluck().get(a) as string;
    const manager = db.prepare("SELECT code FROM staff WHERE role = 'regional_manager' LIMIT 1").pluck().get() as string;
    expect(await call(asPerson(ctx, manager), 'distributor.delete', { id: a, disposition: { outlets: 'none' } })).toEqual({
      deleted: true,
      archived: true,
    });

    // Archived: out of the lists, still itself everywhere its history is.
    expect((await call(ctx, 'distributor.list', { search: code, limit: 10 })).total).toBe(0);
    expect((await call(ctx, 'distributor.get', { id: a })).distributor.code).toBe(code);
    expect(totals(agreed.id)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sales_history WHERE distributor_id = ?').pluck().get(a)).toBe(impact.history!.salesHistoryRows);
    const history = await call(ctx, 'history.list', { entity: 'distributor', entityId: String(a), limit: 10 });
    expect(history.rows[0]).toMatchObject({
      method: 'distributor.delete',
      actorCode: manager,
      changes: { archived_at: [null, expect.any(String)] },
    });

    // One with nothing attached is deleted outright.
    const area = db.prepare('SELECT area_id FROM distributors WHERE id = ?').pluck().get(a) as number;
    const fresh = await call(ctx, 'distributor.create', {
      draft: {
        code: 'NEW-1',
        name: 'Brand new',
        areaId: area,
        address: null,
        leadTimeDays: 3,
        warehouseCapacityCases: 100,
        relationshipLevel: 1,
        status: 'active',
      },
    });
    expect(await call(ctx, 'distributor.delete', { id: fresh.id, disposition: { outlets: 'none' } })).toEqual({ deleted: true });
    expect(db.prepare('SELECT count(*) FROM distributors WHERE id = ?').pluck().get(fresh.id)).toBe(0);
  });

  it('merges a duplicate into the survivor: outlets, contacts, history, targets and agreed numbers move; every total stays to the case', async () => {
    const { ctx, db, plan, agreed, a, b, totals } = await withAgreedVersion();
    const count = (sql: string, id: number) => db.prepare(sql).pluck().get(id) as number;
    const outletsOf = (id: number) =>
      count('SELECT count(*) FROM sub_dealers WHERE distributor_id = ?', id) +
      count('SELECT count(*) FROM terminals WHERE distributor_id = ?', id);
    await call(ctx, 'contact.create', {
      draft: { ownerType: 'distributor', ownerId: a, name: 'Ms Duplicate', role: null, level: 'owner', phone: null },
    });
    const contactsA = count('SELECT count(*) FROM contacts WHERE distributor_id = ?', a);
    const contactsB = count('SELECT count(*) FROM contacts WHERE distributor_id = ?', b);
    const outletsA = outletsOf(a);
    const outletsB = outletsOf(b);
    const casesA = count('SELECT sum(cases) FROM sales_history WHERE distributor_id = ?', a);
    const casesB = count('SELECT sum(cases) FROM sales_history WHERE distributor_id = ?', b);
    const allCases = db.prepare('SELECT sum(cases) FROM sales_history').pluck().get();
    const before = { plan: totals(plan.id), agreed: totals(agreed.id) };

    expect(await call(ctx, 'distributor.merge', { fromId: a, intoId: b })).toEqual({ merged: true, into: b });
    expect(db.prepare('SELECT count(*) FROM distributors WHERE id = ?').pluck().get(a)).toBe(0);
    expect(outletsOf(b)).toBe(outletsA + outletsB);
    expect(count('SELECT count(*) FROM contacts WHERE distributor_id = ?', b)).toBe(contactsA + contactsB);
    expect(count('SELECT sum(cases) FROM sales_history WHERE distributor_id = ?', b)).toBe(casesA + casesB);
    expect(db.prepare('SELECT sum(cases) FROM sales_history').pluck().get()).toBe(allCases);
    expect({ plan: totals(plan.id), agreed: totals(agreed.id) }).toEqual(before);
    expect(db.prepare('SELECT sum(cases) FROM target_agreed WHERE plan_id = ? AND distributor_id = ?').pluck().get(agreed.id, b)).toBe(800);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((await refusal(ctx, 'distributor.merge', { fromId: b, intoId: b })).issues?.[0]?.path).toBe('intoId');
  });
});

describe('people who have worked', () => {
  it('are archived, not deleted: they no longer sign in or appear in lists, and their plans keep their name', async () => {
    const { ctx, db } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const sp = db
      .prepare(
        "SELECT s.id, s.code FROM staff s WHERE role = 'salesperson' AND EXISTS (SELECT 1 FROM dev_plans p WHERE p.salesperson_id = s.id) LIMIT 1",
      )
      .get() as {
      id: number;
      code: string;
    };
    const plans = db.prepare('SELECT count(*) FROM dev_plans WHERE salesperson_id = ?').pluck().get(sp.id);
    expect(await call(ctx, 'staff.delete', { id: sp.id })).toEqual({ deleted: true, archived: true });
    expect(db.prepare('SELECT count(*) FROM dev_plans WHERE salesperson_id = ?').pluck().get(sp.id)).toBe(plans);
    expect((await call(ctx, 'staff.list', {})).some((s) => s.id === sp.id)).toBe(false);
    expect((await refusal(ctx, 'auth.signIn', { code: sp.code })).code).toBe('forbidden');
    const fresh = await call(ctx, 'staff.create', {
      draft: {
        code: 'NEW-SP',
        name: 'New hire',
        role: 'salesperson',
        regionId: db.prepare('SELECT id FROM regions LIMIT 1').pluck().get(),
        phone: null,
        email: null,
      },
    });
    expect(await call(ctx, 'staff.delete', { id: fresh.id })).toEqual({ deleted: true });
  });
});

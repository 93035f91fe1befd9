import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { BRIEF_HISTORY_LIMIT, HITS } from '../../main/brief/history.js';
import { asPerson, createTestDb } from '../support/db.js';
import { call, refusal } from '../support/call.js';
import { storedDistributor } from '../support/drafts.js';

/** The demo's S region, a distributor with sub-dealers, its region's manager and another region's. */
function demo() {
  const { db, ctx } = createTestDb();
  seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
  const d = db
    .prepare(
      `SELECT d.id, d.name, a.region_id AS regionId FROM distributors d JOIN areas a ON a.id = d.area_id
       ORDER BY (SELECT count(*) FROM sub_dealers s WHERE s.distributor_id = d.id) DESC LIMIT 1`,
    )
    .get() as { id: number; name: string; regionId: number };
  const manager = db.prepare("SELECT code, name FROM staff WHERE role = 'regional_manager' AND region_id = ?").get(d.regionId) as {
    code: string;
    name: string;
  };
  const subDealer = db.prepare('SELECT id, code, name FROM sub_dealers WHERE distributor_id = ? ORDER BY id LIMIT 1').get(d.id) as {
    id: number;
    code: string;
    name: string;
  };
  const otherDistributor = db.prepare('SELECT id FROM distributors WHERE id != ? ORDER BY id LIMIT 1').pluck().get(d.id) as number;
  return { db, ctx, d, manager, subDealer, otherDistributor };
}

describe("the distributor brief's history of changes", () => {
  it('lists the changes to the distributor, its contacts and its outlets, newest first, with who, the action and before → after', async () => {
    const { db, ctx, d, manager, subDealer, otherDistributor } = demo();
    const boss = asPerson(ctx, manager.code);
    expect((await call(boss, 'distributor.brief', { id: d.id })).history).toEqual({ entries: [], total: 0 });

    const { draft } = await storedDistributor(ctx, d.id);
    const oldLead = draft.leadTimeDays as number;
    await call(boss, 'distributor.update', { id: d.id, draft: { ...draft, leadTimeDays: oldLead + 3 } });
    const contact = await call(boss, 'contact.create', {
      draft: { ownerType: 'distributor', ownerId: d.id, name: 'Mei Chen', level: 'purchasing', phone: '+86 10 5555 0101' },
    });
    await call(boss, 'contact.update', {
      id: contact.id,
      draft: { ownerType: 'distributor', ownerId: d.id, name: 'Mei Chen', level: 'purchasing', phone: '+86 10 5555 0202' },
    });
    const sd = (await call(ctx, 'subDealer.get', { id: subDealer.id })) as unknown as { subDealer?: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    const s = (sd.subDealer ?? sd) as Record<string, unknown>;
    await call(boss, 'subDealer.update', {
      id: subDealer.id,
      draft: {
        code: s.code,
        name: `${subDealer.name} Co.`,
        areaId: s.areaId,
        address: s.address ?? null,
        status: s.status,
        competitorBrand: s.competitorBrand ?? null,
        latitude: s.latitude ?? null,
        longitude: s.longitude ?? null,
        distributorId: d.id,
      },
    });
    // Someone else's distributor: not on this page.
    await call(boss, 'contact.create', {
      draft: { ownerType: 'distributor', ownerId: otherDistributor, name: 'Not Here', level: 'sales' },
    });
    await call(boss, 'contact.delete', { id: contact.id });

    const { history } = await call(boss, 'distributor.brief', { id: d.id });
    expect(history.total).toBe(5);
    expect(history.entries.map((e) => [e.record, e.method])).toEqual([
      ['contact', 'contact.delete'],
      ['sub_dealer', 'subDealer.update'],
      ['contact', 'contact.update'],
      ['contact', 'contact.create'],
      ['distributor', 'distributor.update'],
    ]);
    const [deleted, outlet, updated, created, edited] = history.entries;
    expect(edited).toMatchObject({
      actorCode: manager.code,
      actorName: manager.name,
      action: 'update',
      recordLabel: null,
      fields: [{ field: 'lead_time_days', before: oldLead, after: oldLead + 3 }],
    });
    expect(created!.recordLabel).toBe('Mei Chen');
    expect(created!.fields).toContainEqual({ field: 'phone', before: null, after: '+86 10 5555 0101' });
    // The call keeps only what was asked: the phone it had before comes from the contact's earlier entry.
    expect(updated!.fields).toEqual([{ field: 'phone', before: '+86 10 5555 0101', after: '+86 10 5555 0202' }]);
    expect(deleted).toMatchObject({ recordLabel: 'Mei Chen' });
    expect(deleted!.fields).toContainEqual({ field: 'phone', before: '+86 10 5555 0202', after: null });
    expect(outlet).toMatchObject({
      recordLabel: `${subDealer.code} ${subDealer.name} Co.`,
      fields: [{ field: 'name', before: subDealer.name, after: `${subDealer.name} Co.` }],
    });
    expect(Date.parse(edited!.at)).not.toBeNaN();
    db.close();
  });

  it('names ids as the person reads them, carries target edits, and keeps the newest entries when there are more', async () => {
    const { db, ctx, d, manager } = demo();
    const boss = asPerson(ctx, manager.code);
    const { distributor: current, draft } = await storedDistributor(ctx, d.id);
    const other = db
      .prepare("SELECT id, name FROM staff WHERE role = 'salesperson' AND id IS NOT ? ORDER BY id LIMIT 1")
      .get(current.salespersonId ?? null) as { id: number; name: string };
    await call(boss, 'distributor.update', { id: d.id, draft: { ...draft, salespersonId: other.id } });
    const { history } = await call(boss, 'distributor.brief', { id: d.id });
    expect(history.entries[0]!.fields).toEqual([{ field: 'salesperson_id', before: current.salespersonName ?? null, after: other.name }]);

    // A target cell edit is a call entry; the brief finds it by the distributor it names.
    const suggestion = await call(ctx, 'targets.suggest', { regionId: d.regionId, seasonYear: 2027 });
    const plan = await call(ctx, 'targets.create', {
      regionId: d.regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'forecast',
      lines: suggestion.brands.map((b) => ({ brand: b.brand, volume: Math.max(1, Math.round(b.natural)) })),
      newOutlets: 10,
    });
    const brand = suggestion.brands[0]!.brand;
    await call(boss, 'targets.setAgreed', { planId: plan.id, distributorId: d.id, brand, cases: 1234 });
    const after = (await call(boss, 'distributor.brief', { id: d.id })).history;
    expect(after.entries[0]).toMatchObject({ record: 'target', method: 'targets.setAgreed', recordLabel: brand });
    expect(after.entries[0]!.fields).toEqual([{ field: 'agreed', before: null, after: 1234 }]);

    for (let i = 1; i <= BRIEF_HISTORY_LIMIT + 2; i++)
      await call(boss, 'distributor.update', { id: d.id, draft: { ...draft, salespersonId: other.id, leadTimeDays: i } });
    const many = (await call(boss, 'distributor.brief', { id: d.id })).history;
    expect(many.total).toBe(BRIEF_HISTORY_LIMIT + 4);
    expect(many.entries).toHaveLength(BRIEF_HISTORY_LIMIT);
    expect(many.entries[0]!.fields).toContainEqual({
      field: 'lead_time_days',
      before: BRIEF_HISTORY_LIMIT + 1,
      after: BRIEF_HISTORY_LIMIT + 2,
    });
    db.close();
  });

  it('gives a person outside the distributor’s region nothing: the whole brief is refused', async () => {
    const { db, ctx, d, manager } = demo();
    // The manager of another region.
    const region = await call(ctx, 'region.create', { draft: { code: 'R-NORTH', name: 'North', peakMonths: [6, 7, 8] } });
    await call(ctx, 'staff.create', { draft: { code: 'M-NORTH', name: 'Olga North', role: 'regional_manager', regionId: region.id } });
    const stranger = 'M-NORTH';
    const boss = asPerson(ctx, manager.code);
    const { draft } = await storedDistributor(ctx, d.id);
    await call(boss, 'distributor.update', { id: d.id, draft: { ...draft, address: 'No. 8 River Road' } });
    const error = await refusal(asPerson(ctx, stranger), 'distributor.brief', { id: d.id });
    expect(error.code).toBe('forbidden');
    expect(JSON.stringify(error)).not.toContain('River Road');
    db.close();
  });

  it('finds an outlet’s entries by probing the history index per outlet, not by walking every outlet entry of the network', () => {
    const { db, d } = demo();
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${HITS} SELECT count(*) FROM hits`).all({ id: d.id, key: String(d.id) }) as Array<{ detail: string }>
    ).map((r) => r.detail);
    const probes = plan.filter((p) => p.includes('record_history_entity (entity=? AND entity_id=?)'));
    // the distributor itself, its sub-dealers, its direct terminals, its sub-dealers' terminals
    expect(probes.length).toBeGreaterThanOrEqual(4);
    expect(plan.filter((p) => /record_history_entity \(entity=\?\)$/.test(p) && p.startsWith('SEARCH h'))).toEqual([]);
    expect(plan.some((p) => p.startsWith('SCAN') && /record_history|terminals|sub_dealers/.test(p))).toBe(false);
    db.close();
  });
});

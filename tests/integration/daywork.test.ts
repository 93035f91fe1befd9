import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { createTestDb } from '../support/db.js';
import { call, refusal } from '../support/call.js';

const DAY = '2026-11-20';

describe("building today's route from what is due", () => {
  it('offers next steps due, prospects in the plan areas and outlets not visited for weeks; adds them in one action, ordered', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date(`${DAY}T10:00:00Z`) });
    // A salesperson with a plan for the month.
    const sp = db
      .prepare(
        `SELECT p.salesperson_id FROM dev_plans p WHERE p.month = ? AND EXISTS (SELECT 1 FROM dev_plan_areas a WHERE a.plan_id = p.id) ORDER BY p.salesperson_id LIMIT 1`,
      )
      .pluck()
      .get(DAY.slice(0, 7)) as number;
    expect(sp).toBeGreaterThan(0);
    const planAreas = db
      .prepare('SELECT area_id FROM dev_plan_areas pa JOIN dev_plans p ON p.id = pa.plan_id WHERE p.salesperson_id = ? AND p.month = ?')
      .pluck()
      .all(sp, DAY.slice(0, 7)) as number[];
    // A next step they set last week for today, at an outlet outside the plan's areas.
    const outside = db
      .prepare(
        `SELECT id FROM sub_dealers WHERE area_id NOT IN (${planAreas.join(',')}) AND latitude IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = 'sub_dealer' AND v.outlet_id = sub_dealers.id) LIMIT 1`,
      )
      .pluck()
      .get() as number;
    await call(ctx, 'visit.log', {
      salespersonId: sp,
      day: '2026-11-13',
      outletType: 'sub_dealer',
      outletId: outside,
      purpose: 'service',
      outcome: 'interested',
      nextStep: 'Bring the price list',
      nextDate: '2026-11-19',
    });

    const due = await call(ctx, 'dayRoute.due', { salespersonId: sp, day: DAY, weeks: 4 });
    expect(due.fromPlan).toBe(true);
    expect(due.areas.map((a) => a.id).sort()).toEqual([...planAreas].sort());
    const nextStep = due.outlets.find((o) => o.outletType === 'sub_dealer' && o.outletId === outside);
    expect(nextStep).toMatchObject({ reason: 'next_step', detailDate: '2026-11-19', inPlanAreas: false });
    for (const o of due.outlets.filter((x) => x.reason === 'prospect')) {
      expect(['prospect', 'contacted', 'negotiating']).toContain(o.stage);
      expect(o.inPlanAreas).toBe(true);
    }
    const notVisited = due.outlets.filter((x) => x.reason === 'not_visited');
    expect(notVisited.length).toBeGreaterThan(0);
    for (const o of notVisited) {
      expect(o.inPlanAreas).toBe(true);
      const last = db
        .prepare('SELECT max(day) FROM visits WHERE outlet_type = ? AND outlet_id = ?')
        .pluck()
        .get(o.outletType, o.outletId) as string | null;
      expect(last === null || last < '2026-10-23').toBe(true);
      expect(o.detailDate).toBe(last);
    }
    expect(new Set(due.outlets.map((o) => `${o.outletType}:${o.outletId}`)).size).toBe(due.outlets.length);
    expect(due.start).not.toBeNull();

    // One action: everything offered goes on the route, ordered from the start point.
    const picked = due.outlets.slice(0, 12).map((o) => ({ outletType: o.outletType, outletId: o.outletId }));
    const route = await call(ctx, 'dayRoute.save', {
      salespersonId: sp,
      day: DAY,
      stops: picked,
      optimize: true,
      start: { lat: due.start!.lat, lng: due.start!.lng },
    });
    expect(route.stops).toHaveLength(picked.length);
    expect(route.optimized).toBe(true);
    expect(route.stops.find((s) => s.outletId === outside && s.outletType === 'sub_dealer')?.areaId).not.toBe(undefined);
    expect(planAreas).not.toContain(route.stops.find((s) => s.outletId === outside && s.outletType === 'sub_dealer')!.areaId);

    // Each stop carries the people to ask for there, as the customer file has them.
    const withContacts = route.stops.filter((s) => s.contacts.length > 0);
    expect(withContacts.length).toBeGreaterThan(0);
    for (const s of route.stops) {
      const column = s.outletType === 'sub_dealer' ? 'sub_dealer_id' : 'terminal_id';
      expect(s.contacts.map((c) => c.name).sort()).toEqual(
        (db.prepare(`SELECT name FROM contacts WHERE ${column} = ?`).pluck().all(s.outletId) as string[]).sort(),
      );
    }
    const sheet = await call(ctx, 'dayRoute.export', { salespersonId: sp, day: DAY });
    expect(sheet.rows).toBe(picked.length);

    // What is on the route is no longer offered.
    const again = await call(ctx, 'dayRoute.due', { salespersonId: sp, day: DAY, weeks: 4 });
    const onRoute = new Set(picked.map((p) => `${p.outletType}:${p.outletId}`));
    expect(again.outlets.some((o) => onRoute.has(`${o.outletType}:${o.outletId}`))).toBe(false);
    expect(again.start?.source).toBe('day');

    // A visit today closes the next step: not offered once done.
    await call(ctx, 'visit.log', {
      salespersonId: sp,
      day: DAY,
      outletType: 'sub_dealer',
      outletId: outside,
      purpose: 'service',
      outcome: 'done',
    });
    await call(ctx, 'dayRoute.save', { salespersonId: sp, day: DAY, stops: [], optimize: false, start: null });
    const after = await call(ctx, 'dayRoute.due', { salespersonId: sp, day: DAY, weeks: 4 });
    expect(after.outlets.some((o) => o.outletType === 'sub_dealer' && o.outletId === outside)).toBe(false);

    expect((await refusal(ctx, 'dayRoute.due', { salespersonId: sp, day: DAY, weeks: 0 })).code).toBe('validation');
  });
});

describe('bulk actions where the work is bulk', () => {
  it("marks one ship week's planned shipments shipped together, after showing how many; refuses if the count moved", async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date(`${DAY}T10:00:00Z`) });
    const { runForecast } = await import('../../main/forecast/run.js');
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    await call(ctx, 'readiness.acceptPlan', {});
    const all = await call(ctx, 'shipment.bulkPreview', {});
    expect(all.weeks.length).toBeGreaterThan(0);
    const week = [...all.weeks].sort((a, b) => b.shipments - a.shipments)[0]!;
    const preview = await call(ctx, 'shipment.bulkPreview', { weekStart: week.week });
    expect(preview.shipments).toBe(week.shipments);
    const planned = () => db.prepare("SELECT count(*) FROM shipments WHERE status = 'planned'").pluck().get() as number;
    const before = planned();

    const stale = await refusal(ctx, 'shipment.markShippedBulk', { weekStart: week.week, expected: preview.shipments + 1 });
    expect(stale.code).toBe('conflict');
    expect(planned()).toBe(before);

    const done = await call(ctx, 'shipment.markShippedBulk', { weekStart: week.week, expected: preview.shipments });
    expect(done).toEqual({ shipments: preview.shipments, cases: preview.cases });
    expect(planned()).toBe(before - preview.shipments);
    const end = new Date(`${week.week}T12:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    expect(
      db
        .prepare("SELECT count(*) FROM shipments WHERE status = 'planned' AND ship_date BETWEEN ? AND ?")
        .pluck()
        .get(week.week, end.toISOString().slice(0, 10)),
    ).toBe(0);
    const list = await call(ctx, 'shipment.list', { shipWeek: week.week, limit: 1000 });
    expect(list.rows.every((r) => r.status === 'in_transit')).toBe(true);
    expect(list.total).toBeGreaterThanOrEqual(preview.shipments);

    // By distributor, within what is left.
    const d = db.prepare("SELECT distributor_id FROM shipments WHERE status = 'planned' LIMIT 1").pluck().get() as number;
    const one = await call(ctx, 'shipment.bulkPreview', { distributorId: d });
    await call(ctx, 'shipment.markShippedBulk', { distributorId: d, expected: one.shipments });
    expect(db.prepare("SELECT count(*) FROM shipments WHERE status = 'planned' AND distributor_id = ?").pluck().get(d)).toBe(0);
  });

  it('lists invitation candidates with code, area, region and segment, marks those already invited, and keeps saved lists', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date(`${DAY}T10:00:00Z`) });
    const event = db.prepare('SELECT id FROM events ORDER BY id LIMIT 1').pluck().get() as number;
    const before = await call(ctx, 'event.inviteCandidates', { eventId: event });
    expect(before.length).toBe(db.prepare("SELECT count(*) FROM distributors WHERE status != 'ended'").pluck().get());
    const invitedNow = new Set(db.prepare('SELECT distributor_id FROM event_invitees WHERE event_id = ?').pluck().all(event) as number[]);
    expect(
      before
        .filter((c) => c.invited)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...invitedNow].filter((d) => before.some((c) => c.id === d)).sort());
    expect(before.every((c) => c.code && c.areaName && c.regionName)).toBe(true);
    expect(before.some((c) => c.segment !== null)).toBe(true);

    // Invite a whole area at once: those already invited are not invited twice.
    const area = before[0]!.areaId;
    const inArea = before.filter((c) => c.areaId === area && !c.invited).map((c) => c.id);
    await call(ctx, 'event.invite', { eventId: event, distributorIds: inArea });
    const after = await call(ctx, 'event.inviteCandidates', { eventId: event });
    expect(after.filter((c) => c.areaId === area).every((c) => c.invited)).toBe(true);

    const lists = await call(ctx, 'inviteList.save', { name: 'Trip regulars', distributorIds: inArea.slice(0, 2) });
    expect(lists).toEqual([{ name: 'Trip regulars', distributorIds: inArea.slice(0, 2) }]);
    expect(await call(ctx, 'inviteList.list', {})).toEqual(lists);
    expect((await refusal(ctx, 'inviteList.save', { name: 'Bad', distributorIds: [999_999] })).code).toBe('validation');
    expect(await call(ctx, 'inviteList.list', {})).toEqual(lists);
    expect(await call(ctx, 'inviteList.delete', { name: 'Trip regulars' })).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import { seedDemo } from '../../main/demo/generate.js';
import { pathLength } from '../../main/development/route.js';
import { call } from '../support/call.js';
import { createTestDb, TEST_NOW } from '../support/db.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';
import { readWorkbook } from '../support/xlsx.js';

// Tests that live through a month move the clock; each test starts again on TEST_NOW.
afterEach(() => setClock(clockFrom(TEST_NOW)));

async function fails(ctx: ServiceContext, method: string, input: unknown) {
  const r = await dispatch(ctx, method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const MONTH = '2027-03'; // 23 working days; Monday 1 March
const plan = (salespersonId: number, areaIds: number[], extra: Record<string, unknown> = {}) => ({
  salespersonId,
  month: MONTH,
  areaIds,
  plannedVisits: 92,
  newSubDealers: 0,
  newTerminals: 4,
  competitors: [{ brand: 'Blue Ocean', outlets: 2 }],
  note: 'Old town bars first',
  ...extra,
});

describe('outlet development on a real SQLite file', () => {
  it('plans, approves, routes, logs visits that move prospects, reviews the week and scores the month', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    const [sp, sp2] = db
      .prepare("SELECT id, region_id AS regionId FROM staff WHERE role = 'salesperson' ORDER BY id LIMIT 2")
      .all() as Array<{ id: number; regionId: number }>;
    const manager = db
      .prepare("SELECT id FROM staff WHERE role = 'regional_manager' AND region_id = ?")
      .pluck()
      .get(sp!.regionId) as number;
    const area = db.prepare('SELECT area_id FROM staff_areas WHERE staff_id = ? LIMIT 1').pluck().get(sp!.id) as number;
    const distributor = db.prepare('SELECT id FROM distributors WHERE area_id = ? LIMIT 1').pluck().get(area) as number;

    // Plan: drafted, refused when it promises more competitor wins than new outlets, submitted, returned, approved.
    const bad = await fails(ctx, 'devPlan.save', plan(sp!.id, [area], { competitors: [{ brand: 'Blue Ocean', outlets: 9 }] }));
    expect(bad.issues?.[0]).toMatchObject({ path: 'competitors' });
    expect(db.prepare('SELECT count(*) FROM dev_plans WHERE month = ?').pluck().get(MONTH)).toBe(0);
    expect((await call(ctx, 'devPlan.save', plan(sp!.id, [area]))).status).toBe('draft');
    expect((await call(ctx, 'devPlan.submit', { salespersonId: sp!.id, month: MONTH })).status).toBe('submitted');
    expect((await fails(ctx, 'devPlan.save', plan(sp!.id, [area]))).code).toBe('conflict');
    expect((await fails(ctx, 'devPlan.decide', { salespersonId: sp!.id, month: MONTH, decision: 'return' })).issues?.[0]?.path).toBe(
      'comment',
    );
    const returned = await call(ctx, 'devPlan.decide', {
      salespersonId: sp!.id,
      month: MONTH,
      decision: 'return',
      comment: 'Add the market street',
      managerId: manager,
    });
    expect(returned).toMatchObject({ status: 'returned', managerComment: 'Add the market street' });
    await call(ctx, 'devPlan.save', plan(sp!.id, [area], { plannedVisits: 115 }));
    await call(ctx, 'devPlan.submit', { salespersonId: sp!.id, month: MONTH });
    const approved = await call(ctx, 'devPlan.decide', { salespersonId: sp!.id, month: MONTH, decision: 'approve', managerId: manager });
    expect(approved).toMatchObject({ status: 'approved', plannedVisits: 115, competitorWins: 2, areaIds: [area] });

    // Five prospect terminals with coordinates, two held by a competitor.
    const insert = db.prepare(
      `INSERT INTO terminals (code, name, channel, distributor_id, area_id, address, status, competitor_brand, latitude, longitude, created_at, updated_at)
       VALUES (?, ?, 'bar_night', ?, ?, 'Old town', 'prospect', ?, ?, ?, datetime('now'), datetime('now'))`,
    );
    const coords = [
      [45.75, 126.6],
      [45.76, 126.7],
      [45.74, 126.62],
      [45.77, 126.66],
      [45.755, 126.68],
    ] as const;
    const ids = coords.map(([lat, lng], i) =>
      Number(insert.run(`DEV-${i}`, `Test bar ${i}`, distributor, area, i < 2 ? 'Blue Ocean' : null, lat, lng).lastInsertRowid),
    );
    await call(ctx, 'pipeline.add', {
      outletType: 'terminal',
      outletId: ids[0],
      ownerId: sp!.id,
      priority: 1,
      estimatedVolume: 40,
      competitorHeld: true,
      competitorBrand: 'Blue Ocean',
      note: null,
      day: '2027-02-20',
    });
    expect(
      (
        await fails(ctx, 'pipeline.add', {
          outletType: 'terminal',
          outletId: ids[0],
          ownerId: sp!.id,
          priority: 1,
          estimatedVolume: null,
          competitorHeld: false,
          competitorBrand: null,
          note: null,
        })
      ).code,
    ).toBe('conflict');

    // Day route: optimised order, no longer than the order given, every stop once.
    const start = { lat: 45.75, lng: 126.58 };
    const stops = [ids[3], ids[1], ids[0], ids[4], ids[2]].map((id) => ({ outletType: 'terminal', outletId: id! }));
    const route = await call(ctx, 'dayRoute.save', { salespersonId: sp!.id, day: '2027-03-02', stops, optimize: true, start });
    expect(route.stops.map((s) => s.outletId).sort()).toEqual([...ids].sort());
    const given = pathLength(
      stops.map((s) => ({ lat: coords[ids.indexOf(s.outletId)]![0], lng: coords[ids.indexOf(s.outletId)]![1] })),
      start,
    );
    expect(route.km).toBeLessThanOrEqual(Math.round(given * 10) / 10);
    expect(route.km).toBeCloseTo(
      route.stops.reduce((a, s) => a + (s.legKm ?? 0), 0),
      0,
    );
    const sheet = await call(ctx, 'dayRoute.export', { salespersonId: sp!.id, day: '2027-03-02' });
    const wb = await readWorkbook(sheet.contentBase64);
    expect(wb.worksheets[0]!.getRow(5).getCell(4).value).toBe(route.stops[0]!.name);

    // Visits are logged once they happened: the days of this route have come.
    setClock(clockFrom('2027-03-12T10:00:00Z'));
    // Visits from the route move the prospects: contacted, negotiating, signed (now active), refused with a reason.
    const visit = (outletId: number, outcome: string, day = '2027-03-02', note: string | null = null) =>
      call(ctx, 'visit.log', { salespersonId: sp!.id, day, outletType: 'terminal', outletId, purpose: 'develop', outcome, note });
    expect((await visit(ids[0]!, 'interested')).stageAfter).toBe('contacted');
    expect((await visit(ids[1]!, 'negotiating')).stageAfter).toBe('negotiating'); // not in the pipeline yet: added by the visit
    await visit(ids[2]!, 'no_contact');
    await visit(ids[0]!, 'signed', '2027-03-03');
    await visit(ids[1]!, 'signed', '2027-03-04');
    expect(
      (
        await fails(ctx, 'visit.log', {
          salespersonId: sp!.id,
          day: '2027-03-04',
          outletType: 'terminal',
          outletId: ids[3],
          purpose: 'develop',
          outcome: 'rejected',
        })
      ).issues?.[0]?.path,
    ).toBe('note');
    await visit(ids[3]!, 'rejected', '2027-03-04', 'Exclusive with a competitor');
    const board = await call(ctx, 'pipeline.list', { ownerId: sp!.id, search: 'Test bar', limit: 50, offset: 0 });
    const stage = (id: number) => board.rows.find((r) => r.outletId === id)?.stage;
    expect([stage(ids[0]!), stage(ids[1]!), stage(ids[2]!), stage(ids[3]!)]).toEqual(['signed', 'signed', 'prospect', 'rejected']);
    expect(board.rows.find((r) => r.outletId === ids[3])!.rejectReason).toBe('Exclusive with a competitor');
    expect(db.prepare('SELECT status FROM terminals WHERE id = ?').pluck().get(ids[0])).toBe('active');
    expect((await call(ctx, 'dayRoute.get', { salespersonId: sp!.id, day: '2027-03-02' })).stops.filter((s) => s.visit).length).toBe(3);

    // The week's review is filled from the log: 6 visits, 2 new terminals, both won from Blue Ocean, plan pro rata 5/23.
    const review = await call(ctx, 'weeklyReview.get', { salespersonId: sp!.id, weekStart: '2027-03-01' });
    expect(review.week).toMatchObject({
      visits: 6,
      developVisits: 6,
      outletsVisited: 4,
      newTerminals: 2,
      newSubDealers: 0,
      competitorWins: 2,
      rejected: 1,
    });
    expect(review.weekPlan).toEqual({ visits: 25, newSubDealers: 0, newTerminals: 0.9, competitorWins: 0.4 });
    expect((await fails(ctx, 'weeklyReview.get', { salespersonId: sp!.id, weekStart: '2027-03-02' })).issues?.[0]?.path).toBe('weekStart');
    await call(ctx, 'weeklyReview.save', {
      salespersonId: sp!.id,
      weekStart: '2027-03-01',
      problems: 'Freezers',
      successes: 'Tasting night',
      submit: true,
    });
    const commented = await call(ctx, 'weeklyReview.comment', {
      salespersonId: sp!.id,
      weekStart: '2027-03-01',
      managerComment: 'Good start',
    });
    expect(commented).toMatchObject({ problems: 'Freezers', successes: 'Tasting night', managerComment: 'Good start' });
    expect(commented.submittedAt).not.toBeNull();

    // Month end: a colleague with a plan and less done ranks second; a decision against the numbers needs a reason.
    await call(ctx, 'devPlan.save', plan(sp2!.id, [], { competitors: [] }));
    await call(ctx, 'visit.log', {
      salespersonId: sp2!.id,
      day: '2027-03-10',
      outletType: 'terminal',
      outletId: ids[4],
      purpose: 'develop',
      outcome: 'interested',
      note: null,
    });
    const card = await call(ctx, 'evaluation.scorecard', { month: MONTH, regionId: sp!.regionId });
    const mine = card.rows.find((r) => r.salespersonId === sp!.id);
    const theirs = card.rows.find((r) => r.salespersonId === sp2!.id);
    // visits 6/115, terminals 2/4, wins 2/2: (1*0.052 + 2*0.5 + 1*1) / 4
    expect(mine).toMatchObject({ rank: 1, total: 0.513, suggestion: 'penalty' });
    expect(theirs).toMatchObject({ rank: 2, suggestion: 'penalty' });
    expect(card.rows.filter((r) => r.rank !== null)).toHaveLength(2);
    // Before the month ends the scorecard is provisional and nothing can be decided.
    expect(card.provisional).toBe(true);
    // read against the 10 of March's 23 working days passed by the 12th, not against the whole month
    expect(card.pace).toBeCloseTo(10 / 23, 10);
    expect((await call(ctx, 'evaluation.scorecard', { month: '2027-04', regionId: sp!.regionId })).pace).toBeNull();
    expect((await fails(ctx, 'evaluation.decide', { salespersonId: sp!.id, month: MONTH, decision: 'reward', note: 'x' })).rule).toEqual({
      code: 'decideBeforeMonthEnd',
      params: { month: MONTH },
    });
    setClock(clockFrom('2027-04-01T10:00:00Z'));
    expect((await call(ctx, 'evaluation.scorecard', { month: MONTH, regionId: sp!.regionId })).provisional).toBe(false);
    expect((await call(ctx, 'evaluation.scorecard', { month: MONTH, regionId: sp!.regionId })).pace).toBeNull();
    expect((await fails(ctx, 'evaluation.decide', { salespersonId: sp!.id, month: MONTH, decision: 'reward' })).issues?.[0]?.path).toBe(
      'note',
    );
    await call(ctx, 'evaluation.decide', {
      salespersonId: sp!.id,
      month: MONTH,
      decision: 'reward',
      note: 'Won the two hardest bars in town',
      managerId: manager,
    });
    const history = await call(ctx, 'evaluation.history', { salespersonId: sp!.id });
    expect(history[0]).toMatchObject({ month: MONTH, rank: 1, decision: 'reward' });

    // Weights are the manager's: counting only new terminals makes 2/4 the whole score, from now on.
    // The decided month keeps the weights it was decided with (its totals do not move).
    await call(ctx, 'evaluation.saveSettings', {
      regionId: sp!.regionId,
      settings: {
        weights: { visits: 0, newSubDealers: 0, newTerminals: 1, competitorWins: 0 },
        thresholds: { reward: 1, penalty: 0.4 },
        cap: 1.5,
      },
    });
    const reweighted = await call(ctx, 'evaluation.scorecard', { month: MONTH, regionId: sp!.regionId });
    expect(reweighted.rows.find((r) => r.salespersonId === sp!.id)).toMatchObject({ total: 0.513, suggestion: 'penalty' });
    expect(reweighted.rules[0]!.settings.weights.visits).toBe(card.rules[0]!.settings.weights.visits);
    await call(ctx, 'evaluation.reopen', { salespersonId: sp!.id, month: MONTH, reason: 'Weights changed for the season' });
    const undecided = await call(ctx, 'evaluation.scorecard', { month: MONTH, regionId: sp!.regionId });
    expect(undecided.rows.find((r) => r.salespersonId === sp!.id)).toMatchObject({ total: 0.5, suggestion: 'none' });
    expect(
      (
        await fails(ctx, 'evaluation.saveSettings', {
          regionId: sp!.regionId,
          settings: {
            weights: { visits: 0, newSubDealers: 0, newTerminals: 0, competitorWins: 0 },
            thresholds: { reward: 1, penalty: 0.4 },
            cap: 1.5,
          },
        })
      ).issues?.[0]?.path,
    ).toBe('settings.weights');

    const file = await call(ctx, 'evaluation.export', { month: MONTH, regionId: sp!.regionId });
    const book = await readWorkbook(file.contentBase64);
    // header, a row per salesperson and the totals row, with fulfilment as percentages
    expect(book.worksheets[0]!.rowCount).toBe(card.rows.length + 2);
    expect(book.worksheets[0]!.getColumn(6).numFmt).toBe('0%');
    const ru = await readWorkbook(
      (await call(ctx, 'evaluation.export', { month: MONTH, regionId: sp!.regionId, language: 'ru' })).contentBase64,
    );
    expect(ru.worksheets[0]!.getRow(1).getCell(2).value).toBe('Торговый представитель');

    const dash = await call(ctx, 'development.dashboard', { month: MONTH, regionId: sp!.regionId });
    expect(dash.plans).toMatchObject({ approved: 1, draft: 1 });
    expect(dash.actual.newTerminals).toBe(2);
  });

  it('seeds a plan from the off-season targets: new outlets spread over the months before the peak, competitor targets within them', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    // start from no targets (the demo brings a draft plan per region)
    db.prepare('DELETE FROM target_plans').run();
    const region = db.prepare('SELECT id FROM regions ORDER BY id LIMIT 1').pluck().get() as number;
    const sp = db
      .prepare(
        "SELECT s.id FROM staff s WHERE s.role = 'salesperson' AND s.region_id = ? AND EXISTS (SELECT 1 FROM distributors d WHERE d.salesperson_id = s.id) ORDER BY s.id LIMIT 1",
      )
      .pluck()
      .get(region) as number;
    expect(await call(ctx, 'devPlan.suggest', { salespersonId: sp, month: '2027-01' })).toMatchObject({
      available: false,
      reason: 'no_targets',
    });
    const suggestion = await call(ctx, 'targets.suggest', { regionId: region, seasonYear: 2027 });
    const lines = suggestion.brands.map((b) => ({ brand: b.brand, volume: Math.round(b.lastYear * 1.1) }));
    await call(ctx, 'targets.create', {
      regionId: region,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'last_year',
      lines,
      newOutlets: 400,
    });
    const owed = db
      .prepare('SELECT sum(o.new_outlets) FROM target_outlets o JOIN distributors d ON d.id = o.distributor_id WHERE d.salesperson_id = ?')
      .pluck()
      .get(sp) as number;
    const firstPeak = (await call(ctx, 'targets.plans', {}))[0]!.months[0]!;
    const months = Number(firstPeak.slice(0, 4)) * 12 + Number(firstPeak.slice(5, 7)) - (2027 * 12 + 1);
    const seeded = await call(ctx, 'devPlan.suggest', { salespersonId: sp, month: '2027-01' });
    expect(seeded).toMatchObject({
      available: true,
      source: 'Peak 2027',
      basis: { targetOutlets: owed, firstPeakMonth: firstPeak, monthsLeft: months },
    });
    expect(seeded.newSubDealers + seeded.newTerminals).toBe(Math.ceil((owed - seeded.basis!.signedBefore) / months));
    expect(seeded.competitors.reduce((a, c) => a + c.outlets, 0)).toBeLessThanOrEqual(seeded.newSubDealers + seeded.newTerminals);
    // what it suggests can be saved as it stands
    const saved = await call(ctx, 'devPlan.save', {
      salespersonId: sp,
      month: '2027-01',
      areaIds: seeded.areaIds,
      plannedVisits: seeded.plannedVisits,
      newSubDealers: seeded.newSubDealers,
      newTerminals: seeded.newTerminals,
      competitors: seeded.competitors,
      note: null,
      seededFrom: seeded.source,
    });
    expect(saved).toMatchObject({ status: 'draft', seededFrom: 'Peak 2027' });
  });

  it('a deleted outlet leaves no pipeline entry, route stop or visit behind', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    const stop = db
      .prepare("SELECT outlet_type AS outletType, outlet_id AS outletId FROM day_plan_stops WHERE outlet_type = 'terminal' LIMIT 1")
      .get() as { outletType: string; outletId: number };
    expect(stop).toBeDefined();
    db.prepare(`DELETE FROM ${stop.outletType === 'terminal' ? 'terminals' : 'sub_dealers'} WHERE id = ?`).run(stop.outletId);
    for (const table of ['pipeline', 'day_plan_stops', 'visits', 'pipeline_events']) {
      expect(
        db.prepare(`SELECT count(*) FROM ${table} WHERE outlet_type = ? AND outlet_id = ?`).pluck().get(stop.outletType, stop.outletId),
      ).toBe(0);
    }
    expect((await call(ctx, 'pipeline.list', { limit: 10, offset: 0 })).total).toBeGreaterThan(0);
  });
});

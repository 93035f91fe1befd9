import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import { call, refusal } from '../support/call.js';
import { createTestDb, TEST_NOW } from '../support/db.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';

afterEach(() => setClock(clockFrom(TEST_NOW)));

const WEEK = '2027-03-08'; // Monday; March 2027 has 23 working days

/** Two regions, each with a manager's distributor and salespeople; the first salesperson has an approved March plan. */
async function team(ctx: ServiceContext) {
  const people: Record<string, { id: number }> = {};
  const regions: number[] = [];
  for (const code of ['N', 'S']) {
    const region = await call(ctx, 'region.create', { draft: { code, name: `Region ${code}`, peakMonths: [6, 7] } });
    const area = await call(ctx, 'area.create', { draft: { code: `${code}1`, name: `Area ${code}`, regionId: region.id } });
    regions.push(region.id);
    const d = await call(ctx, 'distributor.create', {
      draft: {
        code: `${code}D`,
        name: `Dist ${code}`,
        areaId: area.id,
        leadTimeDays: 7,
        warehouseCapacityCases: 1000,
        relationshipLevel: 2,
        status: 'active',
      },
    });
    people[`${code}dist`] = d;
    for (const name of code === 'N' ? ['Li Na', 'Wu Bo'] : ['Ana Ruiz'])
      people[name] = await call(ctx, 'staff.create', {
        draft: { code: name.replace(' ', ''), name, role: 'salesperson', regionId: region.id, areaIds: [area.id] },
      });
  }
  const li = people['Li Na']!.id;
  await call(ctx, 'devPlan.save', {
    salespersonId: li,
    month: '2027-03',
    areaIds: [],
    plannedVisits: 46,
    newSubDealers: 0,
    newTerminals: 23,
    competitors: [],
  });
  await call(ctx, 'devPlan.submit', { salespersonId: li, month: '2027-03' });
  await call(ctx, 'devPlan.decide', { salespersonId: li, month: '2027-03', decision: 'approve' });
  return { people, regions, li, dist: people.Ndist!.id };
}

describe('weekly reviews the manager can read', () => {
  it('shows the plan pro rata while the review is written, and the figures as submitted once it is submitted', async () => {
    const { ctx } = createTestDb();
    setClock(clockFrom('2027-03-12T10:00:00Z'));
    const { li, dist } = await team(ctx);
    const visit = (day: string) =>
      call(ctx, 'visit.log', { salespersonId: li, day, outletType: 'distributor', outletId: dist, purpose: 'service', outcome: 'done' });
    await visit('2027-03-09');
    await visit('2027-03-10');

    const draft = await call(ctx, 'weeklyReview.save', { salespersonId: li, weekStart: WEEK, problems: 'Freezers', successes: null });
    expect(draft).toMatchObject({ asSubmitted: false, week: { visits: 2 }, weekPlan: { visits: 10, newTerminals: 5 } });

    const submitted = await call(ctx, 'weeklyReview.save', {
      salespersonId: li,
      weekStart: WEEK,
      problems: 'Freezers',
      successes: 'Tastings',
      submit: true,
    });
    expect(submitted).toMatchObject({
      asSubmitted: true,
      week: { visits: 2 },
      monthToDate: { visits: 2 },
      weekPlan: null,
      monthToDatePlan: null,
      monthPlan: { visits: 46, newTerminals: 23 },
    });
    // a visit logged for that week afterwards does not rewrite what was reported
    await visit('2027-03-11');
    const read = await call(ctx, 'weeklyReview.get', { salespersonId: li, weekStart: WEEK });
    expect(read).toMatchObject({ asSubmitted: true, week: { visits: 2 }, weekPlan: null });
    // saving the text again keeps the submitted figures; submitting again (not yet signed off) takes them anew
    expect(
      (await call(ctx, 'weeklyReview.save', { salespersonId: li, weekStart: WEEK, problems: 'Freezers, kegs', successes: 'Tastings' })).week
        .visits,
    ).toBe(2);
    expect(
      (
        await call(ctx, 'weeklyReview.save', {
          salespersonId: li,
          weekStart: WEEK,
          problems: 'Freezers, kegs',
          successes: 'Tastings',
          submit: true,
        })
      ).week.visits,
    ).toBe(3);
  });

  it("lists every salesperson's problems and successes of the region's week, and makes a problem a follow-up item once", async () => {
    const { db, ctx } = createTestDb();
    setClock(clockFrom('2027-03-12T10:00:00Z'));
    const { people, regions, li } = await team(ctx);
    const wu = people['Wu Bo']!.id;
    const ana = people['Ana Ruiz']!.id;
    await call(ctx, 'weeklyReview.save', {
      salespersonId: li,
      weekStart: WEEK,
      problems: 'Two bars want a freezer first',
      successes: 'Tasting evening',
      submit: true,
    });
    await call(ctx, 'weeklyReview.save', {
      salespersonId: wu,
      weekStart: WEEK,
      problems: null,
      successes: 'Signed the night market',
      submit: true,
    });
    await call(ctx, 'weeklyReview.save', { salespersonId: ana, weekStart: WEEK, problems: 'Rain', successes: null, submit: true });

    const north = await call(ctx, 'weeklyReview.list', { weekStart: WEEK, regionId: regions[0] });
    expect(north.map((r) => [r.salespersonName, r.problems, r.successes, r.asSubmitted, r.followupId])).toEqual([
      ['Li Na', 'Two bars want a freezer first', 'Tasting evening', true, null],
      ['Wu Bo', null, 'Signed the night market', true, null],
    ]);

    const made = await call(ctx, 'followup.create', {
      kind: 'opinion',
      category: 'other',
      text: 'Li Na: Two bars want a freezer first',
      ownerId: li,
      review: { salespersonId: li, weekStart: WEEK },
    });
    expect(made).toMatchObject({ ownerId: li, reviewSalespersonId: li, reviewWeekStart: WEEK, status: 'open' });
    // a second click (or the same change replayed) finds the item already made
    const again = await call(ctx, 'followup.create', {
      kind: 'opinion',
      category: 'other',
      text: 'Li Na: Two bars want a freezer first',
      ownerId: li,
      review: { salespersonId: li, weekStart: WEEK },
    });
    expect(again.id).toBe(made.id);
    expect(db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(1);
    expect((await call(ctx, 'weeklyReview.list', { weekStart: WEEK, regionId: regions[0] })).map((r) => r.followupId)).toEqual([
      made.id,
      null,
    ]);
    expect((await call(ctx, 'followup.list', { status: 'open' })).map((f) => f.text)).toEqual(['Li Na: Two bars want a freezer first']);

    const none = await refusal(ctx, 'followup.create', {
      kind: 'opinion',
      category: 'other',
      text: 'No such week',
      review: { salespersonId: wu, weekStart: '2027-03-01' },
    });
    expect(none).toMatchObject({ code: 'not_found', issues: [{ path: 'review' }] });
    expect(db.prepare('SELECT count(*) FROM followups').pluck().get()).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { createTestDb } from '../support/db.js';
import { call, refusal } from '../support/call.js';

const noControl = { progress: () => {}, checkCancelled: () => {} };

describe('the distributor brief: one page per distributor, in one call', () => {
  it('assembles volume, mix, targets, account, readiness, shipments, events, follow-ups and outlets from the demo region', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    await runForecast(db, { workers: 1 }, noControl);
    // A distributor the demo gave complaints, invitations and follow-ups.
    const id = db
      .prepare(
        `SELECT d.id FROM distributors d WHERE EXISTS (SELECT 1 FROM event_invitees i WHERE i.distributor_id = d.id)
           AND EXISTS (SELECT 1 FROM complaints c WHERE c.distributor_id = d.id AND c.closed_on IS NULL)
         ORDER BY (SELECT count(*) FROM sub_dealers s WHERE s.distributor_id = d.id) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number;
    expect(id).toBeGreaterThan(0);
    const regionId = db
      .prepare('SELECT a.region_id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE d.id = ?')
      .pluck()
      .get(id) as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'forecast',
      lines: suggestion.brands.map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) })),
      newOutlets: 40,
    });

    const brief = await call(ctx, 'distributor.brief', { id });
    expect(brief.distributor.id).toBe(id);
    expect(brief.distributor.regionName).not.toBe('');

    // Volume: 12 months of history each beside last year, then 12 forecast months, and the peak months.
    const history = brief.volume.months.filter((m) => m.actual !== null);
    expect(history).toHaveLength(12);
    const last = history[11]!;
    const sameMonthLastYear = `${Number(last.month.slice(0, 4)) - 1}${last.month.slice(4)}`;
    expect(last.lastYear).toBe(
      db.prepare('SELECT sum(cases) FROM sales_history WHERE distributor_id = ? AND month = ?').pluck().get(id, sameMonthLastYear),
    );
    expect(brief.volume.months.filter((m) => m.forecast !== null)).toHaveLength(12);
    expect(brief.volume.peakMonths.length).toBeGreaterThan(0);
    expect(brief.volume.last12).toBe(history.reduce((s, m) => s + m.actual!, 0));

    // Mix: brand and SKU shares of the last 12 months add up to the whole.
    expect(brief.brands.reduce((s, b) => s + b.last12, 0)).toBe(brief.volume.last12);
    expect(brief.skus.reduce((s, b) => s + b.last12, 0)).toBe(brief.volume.last12);
    expect(brief.skus.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 6);

    // Targets: the region's plan, this distributor's cells only.
    expect(brief.targets?.plan.id).toBe(plan.id);
    expect(brief.targets?.target).toBe(
      db.prepare('SELECT sum(target) FROM target_cells WHERE plan_id = ? AND distributor_id = ?').pluck().get(plan.id, id),
    );
    expect(brief.targets?.agreed.reduce((s, a) => s + a.target, 0)).toBe(brief.targets?.target);
    expect(brief.targets?.newOutlets).not.toBeNull();

    // Account: segment with the reasons' evidence and the open complaints with their age.
    expect(['EI', 'EII', 'EIII', 'EIV']).toContain(brief.account?.row.segment);
    const open = db.prepare('SELECT count(*) FROM complaints WHERE distributor_id = ? AND closed_on IS NULL').pluck().get(id);
    expect(brief.account?.openComplaints).toHaveLength(open as number);
    expect(brief.account?.openComplaints.every((c) => c.daysOpen >= 0)).toBe(true);
    expect(brief.contacts.length).toBe(db.prepare('SELECT count(*) FROM contacts WHERE distributor_id = ?').pluck().get(id));

    // Readiness: every SKU of the distributor is counted once across the colours; only short ones listed.
    const cells = brief.readiness!.counts.red + brief.readiness!.counts.amber + brief.readiness!.counts.green;
    expect(cells).toBeGreaterThan(0);
    expect(brief.readiness!.short.every((c) => c.status !== 'green')).toBe(true);
    const onTheWay = db
      .prepare("SELECT coalesce(sum(cases), 0) FROM shipments WHERE distributor_id = ? AND status = 'in_transit'")
      .pluck()
      .get(id);
    expect(brief.shipments.inTransit).toBe(onTheWay);

    // Events and what they raised.
    expect(brief.events.length).toBe(
      Math.min(12, db.prepare('SELECT count(*) FROM event_invitees WHERE distributor_id = ?').pluck().get(id) as number),
    );

    // Outlets: the counts match the network, the pipeline lists only open prospects.
    const subDealers = db.prepare('SELECT count(*) FROM sub_dealers WHERE distributor_id = ?').pluck().get(id) as number;
    expect(brief.outlets.subDealers.active + brief.outlets.subDealers.prospect + brief.outlets.subDealers.lost).toBe(subDealers);
    expect(brief.outlets.pipelineItems.every((p) => p.stage !== 'signed' && p.stage !== 'rejected')).toBe(true);
    expect(brief.outlets.areas.length).toBeGreaterThan(0);
    expect(brief.outlets.lastVisits.every((v) => brief.outlets.areas.includes(v.areaName))).toBe(true);
  });

  it('shows a new distributor with no history as empty parts, and refuses an unknown one', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    const areaId = db.prepare('SELECT id FROM areas LIMIT 1').pluck().get() as number;
    const d = await call(ctx, 'distributor.create', {
      draft: {
        code: 'NEW-1',
        name: 'Brand-new Trading',
        areaId,
        leadTimeDays: 5,
        warehouseCapacityCases: 1000,
        relationshipLevel: 1,
        status: 'active',
      },
    });
    const brief = await call(ctx, 'distributor.brief', { id: d.id });
    expect(brief.account?.row.volume ?? 0).toBe(0);
    expect(brief.account?.openComplaints ?? []).toEqual([]);
    expect(brief.targets).toBeNull();
    expect(brief.brands).toEqual([]);
    expect(brief.volume.last12).toBe(0);
    expect(brief.outlets.pipelineItems).toEqual([]);
    expect((await refusal(ctx, 'distributor.brief', { id: 999_999 })).code).toBe('not_found');
  });
});

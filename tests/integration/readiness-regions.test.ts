import { describe, expect, it } from 'vitest';
import { runForecast } from '../../main/forecast/run.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';
import { twoRegionDemo } from '../support/twoRegionDemo.js';

/**
 * A region has its own logistics coordinator (DOMAIN.md): each accepts and reopens their regions'
 * pre-build plan. Accepting North's plan used to replace every region's planned shipments, and a plan
 * signed off in East stood in North's way (or, reopened from North, was replaced by North's acceptance).
 */
describe('the readiness plan of a network of two regions', () => {
  it('is accepted, frozen and reopened region by region, never changing another region’s signed-off plan', async () => {
    const { db, ctx } = createTestDb();
    const [north, east] = twoRegionDemo(db, 'logistics_coordinator', '2026-11-20');
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const n = asPerson(ctx, north.code);
    const e = asPerson(ctx, east.code);
    /** The planned shipments of the accepted plans, by region: ids, so a replaced plan shows as new ids. */
    const planned = (regionId: number) =>
      db
        .prepare(
          `SELECT s.id FROM shipments s JOIN distributors d ON d.id = s.distributor_id JOIN areas a ON a.id = d.area_id
           WHERE s.source = 'plan' AND s.status = 'planned' AND a.region_id = ? ORDER BY s.id`,
        )
        .pluck()
        .all(regionId) as number[];

    // the whole network's plan, accepted by the administrator's desktop (no sign-in): every region
    await call(ctx, 'readiness.acceptPlan', {});
    const eastAccepted = planned(east.regionId);
    expect(planned(north.regionId).length).toBeGreaterThan(0);
    expect(eastAccepted.length).toBeGreaterThan(0);

    // the network's plan, kept by region: each coordinator's board counts their region's part of it
    const network = db
      .prepare('SELECT shipments, cases, short_cases AS shortCases, by_region AS byRegion FROM readiness_runs WHERE regions IS NULL')
      .get() as { shipments: number; cases: number; shortCases: number; byRegion: string };
    const byRegion = JSON.parse(network.byRegion) as Record<string, { shipments: number; cases: number; shortCases: number }>;
    const [northPart, eastPart] = [byRegion[String(north.regionId)]!, byRegion[String(east.regionId)]!];
    for (const k of ['shipments', 'cases', 'shortCases'] as const) expect(northPart[k] + eastPart[k]).toBe(network[k]);
    expect(northPart.shortCases).toBeGreaterThan(0);
    expect(northPart.shipments).toBe(planned(north.regionId).length);
    expect((await call(n, 'readiness.board', {})).lastRun).toMatchObject({ ...northPart, reopenedAt: null });
    expect((await call(ctx, 'readiness.board', {})).lastRun).toMatchObject({
      shipments: network.shipments,
      shortCases: network.shortCases,
    });

    // North's coordinator reopens: North's plan only; East's stays signed off
    await call(n, 'readiness.reopenPlan', { reason: 'new stock counts in the north' });
    // East's board speaks of the plan kept for East: East's shipments and shortfall, not the network's
    expect(eastPart.shipments).toBe(eastAccepted.length);
    expect((await call(e, 'readiness.board', {})).lastRun).toMatchObject({ ...eastPart, reopenedAt: null });
    expect((await refusal(e, 'readiness.acceptPlan', {})).rule?.code).toBe('readinessPlanAccepted');

    // North accepts its own plan: North's shipments are new, East's are the very same rows
    const northBoard = await call(n, 'readiness.board', {});
    const accepted = await call(n, 'readiness.acceptPlan', {});
    expect(accepted.shipments).toBe(northBoard.acceptance.shipments);
    expect(planned(north.regionId)).toHaveLength(accepted.shipments);
    expect(planned(east.regionId)).toEqual(eastAccepted);
    // the board a coordinator reads counts their regions' plan, not the network's
    const whole = await call(ctx, 'readiness.board', {});
    expect(northBoard.acceptance.shipments).toBeLessThan(whole.acceptance.shipments);

    // North is signed off again; East reopens and accepts its own, and North's plan does not move
    expect((await refusal(n, 'readiness.acceptPlan', {})).rule?.code).toBe('readinessPlanAccepted');
    const northAccepted = planned(north.regionId);
    await call(e, 'readiness.reopenPlan', { reason: 'a distributor changed its warehouse' });
    await call(e, 'readiness.acceptPlan', {});
    expect(planned(north.regionId)).toEqual(northAccepted);
    expect(planned(east.regionId)).not.toEqual(eastAccepted);

    // each board speaks of its own region's accepted plan, still signed off
    for (const person of [n, e]) expect((await call(person, 'readiness.board', {})).lastRun).toMatchObject({ reopenedAt: null });
    const runs = db.prepare('SELECT regions, reopened_at IS NOT NULL AS reopened FROM readiness_runs ORDER BY id').raw().all();
    expect(runs).toEqual([
      [null, 1], // the network's plan, reopened in North…
      [JSON.stringify([east.regionId]), 1], // …kept for East, then reopened there
      [JSON.stringify([north.regionId]), 0],
      [JSON.stringify([east.regionId]), 0],
    ]);
  }, 180_000);

  it('plans each region with its own coordinator’s settings: one region’s cover and key accounts never move another’s', async () => {
    const { db, ctx } = createTestDb();
    const [north, east] = twoRegionDemo(db, 'logistics_coordinator', '2026-11-20');
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    const n = asPerson(ctx, north.code);
    const e = asPerson(ctx, east.code);
    const firstOf = (regionId: number) =>
      db
        .prepare('SELECT d.id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = ? ORDER BY d.id LIMIT 1')
        .pluck()
        .get(regionId) as number;
    const required = async (distributorId: number) =>
      (await call(ctx, 'readiness.distributor', { distributorId })).cells.map((c) => [c.productId, c.required]);
    const eastBoard = await call(e, 'readiness.board', {});
    const eastRequired = await required(firstOf(east.regionId));
    const northRequired = await required(firstOf(north.regionId));
    const northView = await call(n, 'readiness.board', {});
    expect(northView.rules.map((r) => r.regionId)).toEqual([north.regionId]);

    // North's coordinator asks for six weeks of cover, and every distributor above half the volume as a key account
    await call(n, 'readiness.saveSettings', {
      regionId: north.regionId,
      settings: { ...northView.rules[0]!.settings, requiredCoverDays: 42, keyAccountRule: 'relationship_or_volume', keyVolumeShare: 0.5 },
    });
    const north42 = await call(ctx, 'readiness.distributor', { distributorId: firstOf(north.regionId) });
    expect(north42.requiredCoverDays).toBe(42);
    const more = north42.cells.map((c) => [c.productId, c.required]);
    expect(more.reduce((a, [, r]) => a + r!, 0)).toBeGreaterThan(northRequired.reduce((a, [, r]) => a + r!, 0));
    expect((await call(n, 'readiness.board', {})).keyAccounts).toBeGreaterThan(northView.keyAccounts);
    // East reads the same board as before: its cover, key accounts and required stock
    const eastAfter = await call(e, 'readiness.board', {});
    expect(eastAfter.rules).toEqual(eastBoard.rules);
    expect(eastAfter.keyAccounts).toBe(eastBoard.keyAccounts);
    expect(eastAfter.rows.map((r) => [r.distributorId, r.counts])).toEqual(eastBoard.rows.map((r) => [r.distributorId, r.counts]));
    expect((await call(ctx, 'readiness.distributor', { distributorId: firstOf(east.regionId) })).requiredCoverDays).toBe(21);
    expect(await required(firstOf(east.regionId))).toEqual(eastRequired);

    // East's coordinator may not change North's settings
    expect((await refusal(e, 'readiness.saveSettings', { regionId: north.regionId, settings: eastBoard.rules[0]!.settings })).code).toBe(
      'forbidden',
    );
    expect((await call(ctx, 'readiness.settings', { regionId: north.regionId })).requiredCoverDays).toBe(42);
  }, 180_000);

  it('keeps a plan accepted before its figures were kept by region for the other regions, counting the shipments it wrote there', async () => {
    const { db, ctx } = createTestDb();
    const [north, east] = twoRegionDemo(db, 'logistics_coordinator', '2026-11-20');
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    await call(ctx, 'readiness.acceptPlan', {});
    // as a plan accepted before migration 0033 left it
    db.prepare('UPDATE readiness_runs SET by_region = NULL').run();
    const network = db.prepare('SELECT shipments, short_cases AS shortCases FROM readiness_runs').get() as {
      shipments: number;
      shortCases: number;
    };
    const eastLines = db
      .prepare(
        `SELECT count(*) FROM shipments s JOIN distributors d ON d.id = s.distributor_id JOIN areas a ON a.id = d.area_id
         WHERE s.source = 'plan' AND a.region_id = ?`,
      )
      .pluck()
      .get(east.regionId) as number;
    expect(eastLines).toBeLessThan(network.shipments);
    // before a reopen, a coordinator reads the whole plan's figures (its split is not known)
    expect((await call(asPerson(ctx, east.code), 'readiness.board', {})).lastRun).toMatchObject(network);
    await call(asPerson(ctx, north.code), 'readiness.reopenPlan', { reason: 'new stock counts in the north' });
    expect((await call(asPerson(ctx, east.code), 'readiness.board', {})).lastRun).toMatchObject({
      shipments: eastLines,
      shortCases: network.shortCases,
      reopenedAt: null,
    });
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { call } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';
import { twoRegionDemo } from '../support/twoRegionDemo.js';

describe('scorecard rules of a network of two regions', () => {
  it("scores each region's salespeople with its own manager's weights and lines, and refuses another region's manager", async () => {
    const { db, ctx } = createTestDb();
    const [north, east] = twoRegionDemo(db, 'regional_manager');
    // the month in progress: planned, nothing decided yet (a decided month keeps the weights of its decisions)
    const month = '2026-11';
    expect(db.prepare('SELECT count(*) FROM evaluations WHERE month = ?').pluck().get(month)).toBe(0);
    const before = await call(ctx, 'evaluation.scorecard', { month });
    expect(before.rules.map((r) => r.regionId).sort()).toEqual([north.regionId, east.regionId].sort());
    const rowsOf = (card: typeof before, regionId: number) =>
      card.rows.filter((r) => r.regionId === regionId).map((r) => [r.salespersonId, r.total, r.rank, r.suggestion]);
    expect(before.rows.filter((r) => r.regionId === north.regionId && r.plan).length).toBeGreaterThan(1);

    // North's manager counts only visits, with a stricter penalty line
    const northView = await call(asPerson(ctx, north.code), 'evaluation.scorecard', { month });
    expect(northView.rules.map((r) => r.regionId)).toEqual([north.regionId]);
    const visitsOnly = {
      weights: { visits: 1, newSubDealers: 0, newTerminals: 0, competitorWins: 0 },
      thresholds: { reward: 1.2, penalty: 0.95 },
      cap: 1.5,
    };
    await call(asPerson(ctx, north.code), 'evaluation.saveSettings', { regionId: north.regionId, settings: visitsOnly });
    const after = await call(ctx, 'evaluation.scorecard', { month });
    expect(after.rules.find((r) => r.regionId === north.regionId)!.settings).toEqual(visitsOnly);
    for (const r of after.rows.filter((x) => x.regionId === north.regionId && x.plan))
      expect(r.total).toBeCloseTo(Math.min(1.5, r.fulfilment.visits!), 3);
    // East's team, its weights and its suggestions are as they were
    expect(after.rules.find((r) => r.regionId === east.regionId)!.settings).toEqual(
      before.rules.find((r) => r.regionId === east.regionId)!.settings,
    );
    expect(rowsOf(after, east.regionId)).toEqual(rowsOf(before, east.regionId));

    // East's manager may not set North's weights
    await expect(
      call(asPerson(ctx, east.code), 'evaluation.saveSettings', { regionId: north.regionId, settings: visitsOnly }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect((await call(ctx, 'evaluation.scorecard', { month })).rules.find((r) => r.regionId === north.regionId)!.settings).toEqual(
      visitsOnly,
    );

    // who changed a region's lines is on that region's record: the administrator's change of East's is
    // read by East's manager; North's manager reads their own change, not East's
    await call(ctx, 'evaluation.saveSettings', { regionId: east.regionId, settings: { ...visitsOnly, cap: 2 } });
    const changes = async (code: string) =>
      (await call(asPerson(ctx, code), 'history.list', { method: 'evaluation.saveSettings' })).rows.map(
        (r) => (r.changes as { input: { regionId: number } }).input.regionId,
      );
    expect(await changes(east.code)).toEqual([east.regionId]);
    expect(await changes(north.code)).toEqual([north.regionId]);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { writeTeamRule } from '../../main/system/teamRules.js';
import { asPerson, createTestDb } from '../support/db.js';

describe('key accounts of a network of two regions', () => {
  it("gives each regional manager their own region's 20/80: shares, ranks and the key accounts within it", async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const managers = db
      .prepare("SELECT code, region_id AS regionId FROM staff WHERE role = 'regional_manager' AND active = 1 ORDER BY region_id")
      .all() as Array<{ code: string; regionId: number }>;
    expect(managers.length).toBeGreaterThanOrEqual(2);
    const whole = await call(ctx, 'accounts.overview', {});
    for (const m of managers) {
      const own = await call(asPerson(ctx, m.code), 'accounts.overview', {});
      expect(own.rows.length).toBeGreaterThan(0);
      expect(new Set(own.rows.map((r) => r.regionId))).toEqual(new Set([m.regionId]));
      const byRank = [...own.rows].sort((a, b) => a.rank - b.rank);
      // every distributor of the region is seen, so its ranks run 1..n and its shares add up to the whole
      expect(byRank.map((r) => r.rank)).toEqual(own.rows.map((_, i) => i + 1));
      expect(byRank[byRank.length - 1]!.cumulativeShare).toBeCloseTo(1, 8);
      expect(own.rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 8);
      expect(own.counts.EI + own.counts.EII).toBeGreaterThan(0);
      // a distributor's segment does not depend on who looks
      for (const r of own.rows) expect(whole.rows.find((w) => w.distributorId === r.distributorId)!.segment).toBe(r.segment);
    }
  }, 120_000);

  it("keeps each region's stability line apart: one manager's line moves only their region's segments", async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const managers = db
      .prepare("SELECT code, region_id AS regionId FROM staff WHERE role = 'regional_manager' AND active = 1 ORDER BY region_id")
      .all() as Array<{ code: string; regionId: number }>;
    const [north, east] = managers as [(typeof managers)[0], (typeof managers)[0]];
    const before = await call(ctx, 'accounts.overview', {});
    const lineOf = (o: typeof before, regionId: number) => o.lines.find((l) => l.regionId === regionId)!;
    const segmentsOf = (o: typeof before, regionId: number) =>
      o.rows.filter((r) => r.regionId === regionId).map((r) => [r.distributorId, r.segment]);

    // North's manager sets North's line high: North's accounts below it waver, East's segments do not move
    const northView = await call(asPerson(ctx, north.code), 'accounts.overview', {});
    await call(asPerson(ctx, north.code), 'accounts.saveSettings', { ...northView.settings, stableScores: { [north.regionId]: 0.95 } });
    const afterNorth = await call(ctx, 'accounts.overview', {});
    expect(lineOf(afterNorth, north.regionId).stableScore).toBe(0.95);
    for (const r of afterNorth.rows.filter((x) => x.regionId === north.regionId))
      expect(r.segment === 'EII' || r.segment === 'EIV').toBe(r.stability < 0.95);
    expect(lineOf(afterNorth, east.regionId).stableScore).toBe(lineOf(before, east.regionId).calibrated);
    expect(segmentsOf(afterNorth, east.regionId)).toEqual(segmentsOf(before, east.regionId));

    // East's manager, who saw only East, saves East's line: North's stays as its manager set it
    const eastView = await call(asPerson(ctx, east.code), 'accounts.overview', {});
    await call(asPerson(ctx, east.code), 'accounts.saveSettings', { ...eastView.settings, stableScores: { [east.regionId]: 0.5 } });
    const both = await call(ctx, 'accounts.overview', {});
    expect(both.settings.stableScores).toEqual({ [north.regionId]: 0.95, [east.regionId]: 0.5 });

    // empty gives North its median back
    await call(asPerson(ctx, north.code), 'accounts.saveSettings', { ...both.settings, stableScores: { [north.regionId]: null } });
    const back = await call(ctx, 'accounts.overview', {});
    expect(back.settings.stableScores).toEqual({ [east.regionId]: 0.5 });
    expect(segmentsOf(back, north.regionId)).toEqual(segmentsOf(before, north.regionId));

    // a line typed before lines were per region held for every region, and still does
    writeTeamRule(db, 'accounts.settings', { ...back.settings, stableScores: undefined, stableScore: 0.6 });
    const legacy = await call(ctx, 'accounts.overview', {});
    expect(legacy.lines.map((l) => l.stableScore)).toEqual([0.6, 0.6]);
  }, 120_000);
});

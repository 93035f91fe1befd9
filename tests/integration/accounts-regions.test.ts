import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { writeTeamRule } from '../../main/system/teamRules.js';
import { asPerson, createTestDb } from '../support/db.js';
import { twoRegionDemo } from '../support/twoRegionDemo.js';

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

  it("keeps each region's rules apart: one manager's rules move only their region's segments and prospects", async () => {
    const { db, ctx } = createTestDb();
    const [north, east] = twoRegionDemo(db, 'regional_manager');
    const before = await call(ctx, 'accounts.overview', {});
    const lineOf = (o: typeof before, regionId: number) => o.lines.find((l) => l.regionId === regionId)!;
    const rulesOf = (o: typeof before, regionId: number) => o.rules.find((r) => r.regionId === regionId)!.rules;
    const segmentsOf = (o: typeof before, regionId: number) =>
      o.rows.filter((r) => r.regionId === regionId).map((r) => [r.distributorId, r.segment]);
    const prospectsOf = async (code: string) => (await call(asPerson(ctx, code), 'prospect.summary', {})).classes;

    // each manager reads only their own region's rules
    const northView = await call(asPerson(ctx, north.code), 'accounts.overview', {});
    expect(northView.rules.map((r) => r.regionId)).toEqual([north.regionId]);
    const eastProspects = await prospectsOf(east.code);
    const northProspects = await prospectsOf(north.code);
    expect(northProspects.some((c) => c.class === 'PI' || c.class === 'PII')).toBe(true);

    // North's manager sets North's line high, a narrower 20/80 and a higher prospect threshold: North's
    // accounts and prospects move, East's do not
    await call(asPerson(ctx, north.code), 'accounts.saveSettings', {
      regionId: north.regionId,
      rules: {
        ...rulesOf(northView, north.regionId),
        stableScore: 0.95,
        paretoShare: 0.5,
        prospectThreshold: 99,
        volumeDropShare: 0.9,
        complaintDays: 365,
      },
    });
    const afterNorth = await call(ctx, 'accounts.overview', {});
    expect(lineOf(afterNorth, north.regionId).stableScore).toBe(0.95);
    const northRows = afterNorth.rows.filter((x) => x.regionId === north.regionId);
    for (const r of northRows) expect(r.segment === 'EII' || r.segment === 'EIV').toBe(r.stability < 0.95);
    const high = northRows.filter((r) => r.segment === 'EI' || r.segment === 'EII').sort((a, b) => a.rank - b.rank);
    expect(high[high.length - 1]!.cumulativeShare - high[high.length - 1]!.share).toBeLessThan(0.5);
    expect(lineOf(afterNorth, east.regionId).stableScore).toBe(lineOf(before, east.regionId).calibrated);
    expect(segmentsOf(afterNorth, east.regionId)).toEqual(segmentsOf(before, east.regionId));
    // churn warnings: North's falling volumes and old complaints no longer count, East's still do
    const risksOf = (o: typeof before, regionId: number) =>
      o.rows.filter((r) => r.regionId === regionId).map((r) => [r.distributorId, r.risk]);
    const northRiskBefore = new Map(risksOf(before, north.regionId) as Array<[number, number]>);
    const northRisk = risksOf(afterNorth, north.regionId) as Array<[number, number]>;
    expect(northRisk.every(([id, risk]) => risk <= northRiskBefore.get(id)!)).toBe(true);
    expect(northRisk.some(([id, risk]) => risk < northRiskBefore.get(id)!)).toBe(true);
    expect(risksOf(afterNorth, east.regionId)).toEqual(risksOf(before, east.regionId));
    expect(rulesOf(afterNorth, east.regionId)).toEqual(rulesOf(before, east.regionId));
    expect(await prospectsOf(east.code)).toEqual(eastProspects);
    expect((await prospectsOf(north.code)).filter((c) => c.class === 'PI' || c.class === 'PII').map((c) => c.count)).toEqual([0, 0]);

    // East's manager may not set North's rules, and sets East's without touching North's
    await expect(
      call(asPerson(ctx, east.code), 'accounts.saveSettings', { regionId: north.regionId, rules: rulesOf(before, north.regionId) }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await call(asPerson(ctx, east.code), 'accounts.saveSettings', {
      regionId: east.regionId,
      rules: { ...rulesOf(before, east.regionId), stableScore: 0.5 },
    });
    const both = await call(ctx, 'accounts.overview', {});
    expect([rulesOf(both, north.regionId).stableScore, rulesOf(both, east.regionId).stableScore]).toEqual([0.95, 0.5]);

    // empty gives North its median back
    await call(asPerson(ctx, north.code), 'accounts.saveSettings', {
      regionId: north.regionId,
      rules: { ...rulesOf(before, north.regionId), stableScore: null },
    });
    const back = await call(ctx, 'accounts.overview', {});
    expect(segmentsOf(back, north.regionId)).toEqual(segmentsOf(before, north.regionId));
  }, 120_000);

  it('reads the rules saved before they were per region as every region’s, until a region saves its own', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const regionIds = db.prepare('SELECT id FROM regions ORDER BY id').pluck().all() as number[];
    writeTeamRule(db, 'accounts.settings', { paretoShare: 0.7, stableScore: 0.6, complaintDays: 30 });
    const legacy = await call(ctx, 'accounts.overview', {});
    expect(legacy.lines.map((l) => l.stableScore)).toEqual([0.6, 0.6]);
    expect(legacy.rules.map((r) => [r.rules.paretoShare, r.rules.complaintDays])).toEqual([
      [0.7, 30],
      [0.7, 30],
    ]);
    // the lines by region that followed the single line
    writeTeamRule(db, 'accounts.settings', { paretoShare: 0.7, stableScores: { [regionIds[1]!]: 0.5 } });
    const lines = await call(ctx, 'accounts.overview', {});
    expect(Object.fromEntries(lines.rules.map((r) => [r.regionId, r.rules.stableScore]))).toEqual({
      [regionIds[0]!]: null,
      [regionIds[1]!]: 0.5,
    });
    await call(ctx, 'accounts.saveSettings', { regionId: regionIds[0]!, rules: { ...lines.rules[0]!.rules, paretoShare: 0.9 } });
    const own = await call(ctx, 'accounts.overview', {});
    expect(Object.fromEntries(own.rules.map((r) => [r.regionId, r.rules.paretoShare]))).toEqual({
      [regionIds[0]!]: 0.9,
      [regionIds[1]!]: 0.7,
    });
  }, 120_000);
});

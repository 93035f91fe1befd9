import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
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
});

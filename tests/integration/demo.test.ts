import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('the demo region on first run', () => {
  it('has a 20/80 network, wavering key accounts (EII and EIV) and a draft target plan', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const volumes = (
      db
        .prepare(
          "SELECT sum(h.cases) FROM sales_history h JOIN distributors d ON d.id = h.distributor_id WHERE d.status != 'ended' GROUP BY h.distributor_id",
        )
        .pluck()
        .all() as number[]
    ).sort((a, b) => b - a);
    const top = volumes.slice(0, Math.ceil(volumes.length / 5)).reduce((a, b) => a + b, 0);
    // a few distributors carry most of the volume
    expect(top / volumes.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.6);

    const overview = await call(ctx, 'accounts.overview', {});
    expect(overview.counts.EII).toBeGreaterThan(0);
    expect(overview.counts.EIV).toBeGreaterThan(0);

    const plans = await call(ctx, 'targets.plans', {});
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => p.status === 'draft' && p.target > p.natural)).toBe(true);
  }, 120_000);
});

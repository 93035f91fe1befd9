import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

describe('key accounts on the generated demo region', () => {
  it('shows every class, and every wavering account (EII, EIV) says why', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'M', today: new Date('2026-11-22T00:00:00Z') });
    const overview = await call(ctx, 'accounts.overview', {});
    for (const segment of ['EI', 'EII', 'EIII', 'EIV'] as const) expect(overview.counts[segment], segment).toBeGreaterThan(0);
    const wavering = overview.rows.filter((r) => r.segment === 'EII' || r.segment === 'EIV');
    expect(wavering.filter((r) => r.wavers.length === 0).map((r) => r.name)).toEqual([]);
    // the reasons cross as codes with their figure, for the screen to word in the user's language
    for (const r of wavering) for (const w of r.wavers) expect(Number.isInteger(w.value)).toBe(true);
  }, 120_000);
});

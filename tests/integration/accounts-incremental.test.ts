import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import { accountsToday, computeAccounts } from '../../main/accounts/service.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { addDays } from '../../shared/domain/calendar.js';
import { today } from '../../shared/domain/clock.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

/** What the key-account screens read from a computation. */
function outcome(c: ReturnType<typeof computeAccounts>) {
  return {
    months: c.months,
    rows: c.rows,
    reasons: [...c.reasons].sort((a, b) => a[0] - b[0]),
    lines: [...c.lines].sort((a, b) => a[0] - b[0]),
  };
}

describe('key-account segmentation after a complaint, a contact change or a stock count', () => {
  let db: Db;
  let ctx: ServiceContext;
  let distributors: number[];
  beforeAll(() => {
    ({ db, ctx } = createTestDb('file'));
    seedDemo(db, { scale: 'S', today: new Date(`${today()}T00:00:00Z`) });
    distributors = db.prepare("SELECT id FROM distributors WHERE status != 'ended' ORDER BY id").pluck().all() as number[];
  }, 120_000);

  const change = fc.oneof(
    fc.record({ kind: fc.constant('complaint' as const), d: fc.nat(), daysAgo: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('profile' as const),
      d: fc.nat(),
      fit: fc.constantFrom('safe' as const, 'watch' as const, 'alarm' as const, null),
    }),
    fc.record({ kind: fc.constant('count' as const), d: fc.nat(), cases: fc.integer({ min: 0, max: 500 }) }),
  );
  type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

  /** Makes the change through the contract; returns the distributor whose churn facts it may move (null: none). */
  async function apply(x: Change): Promise<number | null> {
    if (x.kind === 'complaint') {
      const distributorId = distributors[x.d % distributors.length]!;
      await call(ctx, 'complaint.create', {
        distributorId,
        category: 'service',
        openedOn: addDays(today(), -x.daysAgo),
        description: 'Late delivery',
      });
      return distributorId;
    }
    if (x.kind === 'close') {
      const open = db.prepare('SELECT id, distributor_id AS d FROM complaints WHERE closed_on IS NULL ORDER BY id').all() as Array<{
        id: number;
        d: number;
      }>;
      if (open.length === 0) return null;
      const row = open[x.pick % open.length]!;
      await call(ctx, 'complaint.close', { id: row.id, closedOn: today(), resolution: 'Redelivered' });
      return row.d;
    }
    const distributorId = distributors[x.d % distributors.length]!;
    if (x.kind === 'profile') {
      await call(ctx, 'accounts.setProfile', { distributorId, fit: x.fit, totalPurchasesCases: null });
      return distributorId;
    }
    const productId = db.prepare('SELECT id FROM products ORDER BY id LIMIT 1').pluck().get() as number;
    await call(ctx, 'stock.set', { distributorId, productId, date: today(), cases: x.cases, confirm: true });
    return null;
  }

  it('equals a full recompute after any sequence of changes, judging again only the accounts they move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 5 }), async (changes) => {
        let previous = accountsToday(db);
        for (const x of changes) {
          const moved = await apply(x);
          const incremental = accountsToday(db);
          expect(outcome(incremental)).toEqual(outcome(computeAccounts(db)));
          if (incremental !== previous) {
            // the segments rest on sales history alone: kept; only the changed account's risk is judged again
            expect(incremental.base).toBe(previous.base);
            for (const id of incremental.assessed) expect(id).toBe(moved);
          }
          previous = incremental;
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('keeps everything through a stock count, and judges one account again after its complaint', async () => {
    const before = accountsToday(db);
    await apply({ kind: 'count', d: 3, cases: 42 });
    expect(accountsToday(db)).toBe(before);
    const distributorId = before.rows[0]!.distributorId;
    await call(ctx, 'complaint.create', {
      distributorId,
      category: 'quality',
      openedOn: addDays(today(), -20),
      description: 'Cloudy beer',
    });
    const after = accountsToday(db);
    expect(after.base).toBe(before.base);
    expect(after.assessed).toEqual([distributorId]);
    expect(after.reasons.get(distributorId)!.reasons.map((r) => r.code)).toContain('complaints_open');
    expect(outcome(after)).toEqual(outcome(computeAccounts(db)));
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { computeReadiness, firmShipments, latestCounts, readinessToday, type ReadinessComputation } from '../../main/readiness/service.js';
import { addDays, dayOf, utcMidnightOf } from '../../shared/domain/calendar.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const INSTANT = new Date('2026-11-20T10:00:00Z');
const TODAY = dayOf(INSTANT);

/** What the screens read from a computation, as plain values (typed-array views compared by content). */
function outcome(c: ReadinessComputation) {
  const plain = (a: ArrayLike<number> | null | undefined) => (a ? Array.from(a) : null);
  return {
    cells: c.cells.map((x) => ({ d: x.distributorId, p: x.productId, onHand: x.onHand, counted: x.counted, arrivals: plain(x.arrivals) })),
    counts: c.counts,
    assessed: c.assessment.cells,
    shipments: c.assessment.plan.shipments,
    shortfalls: c.assessment.plan.shortfalls,
    plannedArrivals: c.assessment.plan.plannedArrivals.map(plain),
    shortByCell: plain(c.shortByCell),
    committedRegion: [...c.committedRegion].map(([k, v]) => [k, plain(v)]).sort(),
    committedGroup: [...c.committedGroup].map(([k, v]) => [k, plain(v)]).sort(),
    runs: [...c.runs],
  };
}

const full = (db: Db) => computeReadiness(db, new Date(utcMidnightOf(TODAY)));

describe('readiness after a stock count or a shipment, region by region', () => {
  let db: Db;
  let ctx: ServiceContext;
  let cells: Array<{ distributorId: number; productId: number; regionId: number }>;
  beforeAll(async () => {
    ({ db, ctx } = createTestDb('file'));
    seedDemo(db, { scale: 'S', today: INSTANT });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
    // The S demo has one region: half its areas become a second one, with the same peak season, and
    // both ship within tight weekly limits so that the plan's needs compete and some fall short.
    const now = INSTANT.toISOString();
    const first = db.prepare('SELECT id FROM regions').pluck().get() as number;
    db.prepare("INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (9001, 'R-TWO', 'Second region', ?, ?)").run(now, now);
    db.prepare('INSERT INTO region_peak_months (region_id, month) SELECT 9001, month FROM region_peak_months WHERE region_id = ?').run(
      first,
    );
    db.prepare('UPDATE areas SET region_id = 9001 WHERE id IN (SELECT id FROM areas ORDER BY id LIMIT 2)').run();
    for (const regionId of [first, 9001]) await call(ctx, 'readiness.setCapacity', { regionId, casesPerWeek: 400 });
    const c = readinessToday(db, INSTANT);
    cells = c.cells.map((x) => ({
      distributorId: x.distributorId,
      productId: x.productId,
      regionId: c.distById.get(x.distributorId)!.regionId,
    }));
    expect(new Set(cells.map((x) => x.regionId)).size).toBe(2);
    expect(c.assessment.plan.shortfalls.length).toBeGreaterThan(0);
  }, 240_000);

  const change = fc.oneof(
    fc.record({
      kind: fc.constant('count' as const),
      cell: fc.nat(),
      daysAgo: fc.integer({ min: 0, max: 40 }),
      cases: fc.integer({ min: 0, max: 3_000 }),
    }),
    fc.record({
      kind: fc.constant('shipment' as const),
      cell: fc.nat(),
      shipIn: fc.integer({ min: -20, max: 150 }),
      travel: fc.integer({ min: 0, max: 21 }),
      cases: fc.integer({ min: 1, max: 2_000 }),
      status: fc.constantFrom('in_transit' as const, 'planned' as const),
    }),
    fc.record({ kind: fc.constantFrom('ship' as const, 'delete' as const), pick: fc.nat() }),
  );

  type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

  /** Makes the change through the contract, as the screens do; returns the distributor it concerns. */
  async function apply(x: Change) {
    if (x.kind === 'count') {
      const cell = cells[x.cell % cells.length]!;
      await call(ctx, 'stock.set', {
        distributorId: cell.distributorId,
        productId: cell.productId,
        date: addDays(TODAY, -x.daysAgo),
        cases: x.cases,
        confirm: true,
      });
      return cell.distributorId;
    }
    if (x.kind === 'shipment') {
      const cell = cells[x.cell % cells.length]!;
      const shipDate = addDays(TODAY, x.shipIn);
      await call(ctx, 'shipment.create', {
        distributorId: cell.distributorId,
        productId: cell.productId,
        cases: x.cases,
        shipDate,
        arrivalDate: addDays(shipDate, x.travel),
        status: x.status,
      });
      return cell.distributorId;
    }
    const rows = db
      .prepare(
        `SELECT id, distributor_id AS d FROM shipments WHERE source = 'manual' ${x.kind === 'ship' ? "AND status = 'planned'" : ''} ORDER BY id`,
      )
      .all() as Array<{ id: number; d: number }>;
    if (rows.length === 0) return null;
    const row = rows[x.pick % rows.length]!;
    if (x.kind === 'ship') await call(ctx, 'shipment.markShipped', { id: row.id });
    else await call(ctx, 'shipment.delete', { id: row.id });
    return row.d;
  }

  it('equals a full recompute after any sequence of stock counts and shipments, planning only the regions they move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        let previous = readinessToday(db, INSTANT);
        for (const x of changes) {
          const distributorId = await apply(x);
          const incremental = readinessToday(db, INSTANT);
          expect(outcome(incremental)).toEqual(outcome(full(db)));
          // a new state on the same base planned at most the changed distributor's region
          if (incremental !== previous) {
            expect(incremental.base).toBe(previous.base);
            const moved = distributorId === null ? [] : [cells.find((c) => c.distributorId === distributorId)?.regionId];
            for (const r of incremental.replanned) expect(moved).toContain(r);
          }
          previous = incremental;
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it("keeps an unrelated region's part when a count moves one distributor's stock", async () => {
    const before = readinessToday(db, INSTANT);
    const cell = cells.find((c) => c.regionId === 9001)!;
    const other = [...before.parts.keys()].find((r) => r !== 9001)!;
    const onHand = before.cells[before.cellAt(cell.distributorId, cell.productId)]!.onHand;
    await call(ctx, 'stock.set', {
      distributorId: cell.distributorId,
      productId: cell.productId,
      date: TODAY,
      cases: onHand + 17,
      confirm: true,
    });
    const after = readinessToday(db, INSTANT);
    expect(after).not.toBe(before);
    expect(after.base).toBe(before.base);
    expect(after.replanned).toEqual([9001]);
    expect(after.parts.get(other)!.assessed).toBe(before.parts.get(other)!.assessed);
    expect(after.parts.get(other)!.shipments).toBe(before.parts.get(other)!.shipments);
    expect(after.parts.get(9001)!.assessed).not.toBe(before.parts.get(9001)!.assessed);
    expect(outcome(after)).toEqual(outcome(full(db)));
  });

  it('plans everything again after a forecast change, and sees a count made after it', async () => {
    const before = readinessToday(db, INSTANT);
    const cell = cells.find((c) => c.regionId === 9001)!;
    const raise = db.prepare('UPDATE forecast_values SET point = point + ? WHERE distributor_id = ? AND product_id = ?');
    raise.run(40, cell.distributorId, cell.productId);
    const changed = readinessToday(db, INSTANT);
    expect(changed.base).not.toBe(before.base);
    expect(outcome(changed)).toEqual(outcome(full(db)));
    // the counts were kept across the forecast's change (main/readiness/computation.ts latestCounts): a new one is still seen
    const i = changed.cellAt(cell.distributorId, cell.productId);
    await call(ctx, 'stock.set', {
      distributorId: cell.distributorId,
      productId: cell.productId,
      date: TODAY,
      cases: changed.cells[i]!.onHand + 23,
      confirm: true,
    });
    const counted = readinessToday(db, INSTANT);
    expect(counted.cells[i]!.onHand).toBe(changed.cells[i]!.onHand + 23);
    expect(outcome(counted)).toEqual(outcome(full(db)));
    raise.run(-40, cell.distributorId, cell.productId);
  });

  it('keeps the counts it read through a shipment, and the shipments through a count', async () => {
    readinessToday(db, INSTANT);
    const cell = cells.find((c) => c.regionId === 9001)!;
    const counts = latestCounts(db, TODAY);
    const arrivingFrom = addDays(TODAY, -80);
    const shipments = firmShipments(db, arrivingFrom);
    await call(ctx, 'shipment.create', {
      distributorId: cell.distributorId,
      productId: cell.productId,
      cases: 31,
      shipDate: TODAY,
      arrivalDate: addDays(TODAY, 7),
      status: 'in_transit',
    });
    expect(outcome(readinessToday(db, INSTANT))).toEqual(outcome(full(db)));
    expect(latestCounts(db, TODAY)).toBe(counts);
    expect(firmShipments(db, arrivingFrom)).not.toBe(shipments);
    const shipped = firmShipments(db, arrivingFrom);
    await call(ctx, 'stock.set', { distributorId: cell.distributorId, productId: cell.productId, date: TODAY, cases: 77, confirm: true });
    expect(outcome(readinessToday(db, INSTANT))).toEqual(outcome(full(db)));
    expect(firmShipments(db, arrivingFrom)).toBe(shipped);
    expect(latestCounts(db, TODAY)).not.toBe(counts);
  });

  it('plans everything again when a table of the base changes (a region capacity)', async () => {
    const before = readinessToday(db, INSTANT);
    await call(ctx, 'readiness.setCapacity', { regionId: 9001, casesPerWeek: 350 });
    const after = readinessToday(db, INSTANT);
    expect(after.base).not.toBe(before.base);
    expect(after.replanned.sort()).toEqual([...before.parts.keys()].sort());
    expect(outcome(after)).toEqual(outcome(full(db)));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstStockout, normalQuantile, planReadiness, project, requiredStock, statusOf, type CellInput, type DistributorInput } from '../../main/readiness/plan.js';

const WEEKS = 30;

const scenario = fc
  .record({
    distributors: fc.array(
      fc.record({
        lead: fc.integer({ min: 0, max: 4 }),
        capacity: fc.integer({ min: 500, max: 50_000 }),
        key: fc.boolean(),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        peak: fc.integer({ min: 6, max: 20 }),
        skus: fc.array(fc.record({ onHand: fc.integer({ min: 0, max: 3000 }), weekly: fc.integer({ min: 0, max: 800 }), transit: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    shipping: fc.integer({ min: 0, max: 20_000 }),
  })
  .map(({ distributors, shipping }) => {
    const dists: DistributorInput[] = distributors.map((d, i) => ({
      distributorId: i + 1,
      regionId: 1,
      leadTimeWeeks: d.lead,
      warehouseCapacity: d.capacity,
      keyAccount: d.key,
      volumeShare: d.share,
      peakStartWeek: d.peak,
      serviceLevel: 0.95,
    }));
    const cells: CellInput[] = distributors.flatMap((d, i) =>
      d.skus.map((s, j) => ({
        distributorId: i + 1,
        productId: j + 1,
        onHand: s.onHand,
        arrivals: Array.from({ length: WEEKS }, (_, w) => (w === 1 ? s.transit : 0)),
        // demand doubles in the peak
        demand: Array.from({ length: WEEKS }, (_, w) => (w >= d.peak ? 2 * s.weekly : s.weekly)),
        weeklySd: s.weekly * 0.2,
      })),
    );
    return { dists, cells, shipping };
  });

describe('readiness plan properties', () => {
  it('never exceeds the weekly shipping capacity', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells, shipping }) => {
        const plan = planReadiness(cells, dists, { requiredCoverDays: 21, shippingCapacity: new Map([[1, shipping]]), priorityRule: 'key_accounts_then_volume' }, WEEKS);
        const perWeek = new Array<number>(WEEKS).fill(0);
        for (const s of plan.shipments) perWeek[s.shipWeek] = perWeek[s.shipWeek]! + s.cases;
        for (const used of perWeek) expect(used).toBeLessThanOrEqual(shipping);
        for (const s of plan.shipments) {
          expect(s.cases).toBeGreaterThan(0);
          expect(s.shipWeek).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves a higher-priority account short while a lower one ships in a week it could have used', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells, shipping }) => {
        const plan = planReadiness(cells, dists, { requiredCoverDays: 21, shippingCapacity: new Map([[1, shipping]]), priorityRule: 'key_accounts_then_volume' }, WEEKS);
        const rank = (id: number) => {
          const d = dists[id - 1]!;
          return (d.keyAccount ? 1e6 : 0) + d.volumeShare * 1e3;
        };
        for (const short of plan.shortfalls.filter((s) => s.reason === 'shipping_capacity')) {
          // the latest week it could have shipped: due week (peak start: the week before) minus lead time
          const d = dists[short.distributorId - 1]!;
          const latest = (short.dueWeek === d.peakStartWeek ? short.dueWeek - 1 : short.dueWeek) - d.leadTimeWeeks;
          for (const s of plan.shipments) {
            if (rank(s.distributorId) < rank(short.distributorId) && s.shipWeek <= latest) {
              throw new Error(`distributor ${s.distributorId} shipped in week ${s.shipWeek} while higher-priority ${short.distributorId} was short`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with enough capacity and time everyone reaches the required cover at peak start', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells }) => {
        const roomy = dists.map((d) => ({ ...d, warehouseCapacity: 10_000_000 }));
        const plan = planReadiness(cells, roomy, { requiredCoverDays: 21, shippingCapacity: new Map([[1, 10_000_000]]), priorityRule: 'volume' }, WEEKS);
        for (const r of plan.cells) {
          const d = roomy[r.distributorId - 1]!;
          const cell = cells.find((c) => c.distributorId === r.distributorId && c.productId === r.productId)!;
          // Only stock-outs that happen before the lead time lets anything arrive are unavoidable.
          const firstReachable = d.leadTimeWeeks - 1;
          expect(r.withPlan[d.peakStartWeek]!, JSON.stringify({ d, cell, r: { ...r, projected: undefined }, ship: plan.shipments.filter((s) => s.distributorId === r.distributorId && s.productId === r.productId) })).toBeGreaterThanOrEqual(r.required);
          // every week from the first one a shipment can reach has its demand met
          const withArrivals = Array.from({ length: WEEKS }, (_, w) => cell.arrivals[w] ?? 0);
          for (const s of plan.shipments) if (s.distributorId === r.distributorId && s.productId === r.productId) withArrivals[s.arrivalWeek]! += s.cases;
          const stockout = firstStockout(cell.onHand, withArrivals, cell.demand, d.peakStartWeek);
          if (stockout !== null) expect(stockout).toBeLessThanOrEqual(firstReachable);
          expect(plan.shortfalls.filter((s) => s.distributorId === r.distributorId && s.productId === r.productId && s.reason !== 'lead_time')).toEqual([]);
          expect(cell).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('readiness known answers', () => {
  it('projects stock week by week', () => {
    expect(project(100, [0, 50, 0], [30, 30, 30], 3)).toEqual([100, 70, 90, 60]);
    // a sale not on the shelf is lost: stock never goes below zero
    expect(project(10, [], [30, 30], 2)).toEqual([10, 0, 0]);
  });

  it('computes required stock as cover demand plus safety stock', () => {
    const cell: CellInput = { distributorId: 1, productId: 1, onHand: 0, arrivals: [], demand: [100, 100, 100, 100, 100], weeklySd: 20 };
    const d: DistributorInput = { distributorId: 1, regionId: 1, leadTimeWeeks: 1, warehouseCapacity: 1e6, keyAccount: false, volumeShare: 0.5, peakStartWeek: 2, serviceLevel: 0.95 };
    // 14 days = 2 weeks of 100, plus z(0.95) * 20 * sqrt(2)
    expect(requiredStock(cell, d, 14)).toBe(Math.ceil(200 + 1.6448536 * 20 * Math.SQRT2));
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  it('ships as late as the lead time allows', () => {
    const cell: CellInput = { distributorId: 1, productId: 1, onHand: 0, arrivals: [], demand: Array(12).fill(0).map((_, w) => (w >= 8 ? 70 : 0)), weeklySd: 0 };
    const d: DistributorInput = { distributorId: 1, regionId: 1, leadTimeWeeks: 2, warehouseCapacity: 1e6, keyAccount: false, volumeShare: 1, peakStartWeek: 8, serviceLevel: 0.5 };
    const plan = planReadiness([cell], [d], { requiredCoverDays: 14, shippingCapacity: new Map(), priorityRule: 'volume' }, 12);
    expect(plan.shipments).toEqual([{ distributorId: 1, productId: 1, shipWeek: 5, arrivalWeek: 7, cases: 140 }]);
    expect(plan.cells[0]!.status).toBe('green');
    expect(plan.cells[0]!.projected[8]).toBe(0);
    expect(plan.cells[0]!.withPlan[8]).toBe(140);
  });

  it('serves the key account first when shipping is short and reports who is short', () => {
    const mk = (id: number): CellInput => ({ distributorId: id, productId: 1, onHand: 0, arrivals: [], demand: Array(10).fill(0).map((_, w) => (w >= 5 ? 100 : 0)), weeklySd: 0 });
    const base = { regionId: 1, leadTimeWeeks: 1, warehouseCapacity: 1e6, peakStartWeek: 5, serviceLevel: 0.5 };
    const dists: DistributorInput[] = [
      { ...base, distributorId: 1, keyAccount: false, volumeShare: 0.9 },
      { ...base, distributorId: 2, keyAccount: true, volumeShare: 0.1 },
    ];
    const plan = planReadiness([mk(1), mk(2)], dists, { requiredCoverDays: 7, shippingCapacity: new Map([[1, 30]]), priorityRule: 'key_accounts_then_volume' }, 10);
    const shipped = (id: number) => plan.shipments.filter((s) => s.distributorId === id).reduce((a, s) => a + s.cases, 0);
    expect(shipped(2)).toBe(100);
    expect(shipped(1)).toBe(20);
    expect(plan.shortfalls).toEqual([{ distributorId: 1, productId: 1, dueWeek: 5, cases: 80, reason: 'shipping_capacity' }]);
  });

  it('says why in words', () => {
    expect(statusOf(0, 100, 2, 5, 0, 21)).toMatchObject({ status: 'red', reason: expect.stringContaining('Runs out in week 3, before the peak') });
    expect(statusOf(80, 100, null, 5, 17, 21)).toMatchObject({ status: 'amber', reason: expect.stringContaining('Short by 20 cases') });
    expect(statusOf(120, 100, null, 5, 25, 21).status).toBe('green');
  });
});

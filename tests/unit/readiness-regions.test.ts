import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessNetwork, type NetworkCell, type NetworkDistributor, type ReadinessRules } from '../../main/readiness/assess.js';
import { shipmentList, type ShippingCapacity } from '../../main/readiness/plan.js';
import { assessByRegion } from '../../main/readiness/regions.js';

const WEEKS = 20;

/** Several regions of a few distributors each, with capacities tight enough that needs compete and fall short. */
const network = fc
  .record({
    regions: fc.array(
      fc.record({
        cap: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
        kegCap: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
        committed: fc.integer({ min: 0, max: 1_000 }),
        peak: fc.option(fc.integer({ min: 2, max: 14 }), { nil: null, freq: 6 }),
        distributors: fc.array(
          fc.record({
            lead: fc.integer({ min: 0, max: 3 }),
            warehouseCases: fc.option(fc.integer({ min: 0, max: 8_000 }), { nil: null }),
            key: fc.boolean(),
            // few distinct shares, so priorities tie across regions too
            share: fc.constantFrom(0.1, 0.25, 0.5),
            skus: fc.array(
              fc.record({
                onHand: fc.integer({ min: 0, max: 2_000 }),
                counted: fc.boolean(),
                weekly: fc.integer({ min: 0, max: 400 }),
                transit: fc.integer({ min: 0, max: 800 }),
                transitWeek: fc.integer({ min: 0, max: WEEKS - 1 }),
                keg: fc.boolean(),
                prebuild: fc.boolean(),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    rule: fc.constantFrom('key_accounts_then_volume', 'volume'),
  })
  .map(({ regions, rule }) => {
    const dists: NetworkDistributor[] = [];
    const cells: NetworkCell[] = [];
    const region = new Map<number, number>();
    const group = new Map<string, number>();
    const committedRegion = new Map<number, number[]>();
    const capacity: ShippingCapacity = { region, group, committedRegion, committedGroup: new Map() };
    regions.forEach((r, ri) => {
      const regionId = ri + 1;
      if (r.cap !== undefined) region.set(regionId, r.cap);
      if (r.kegCap !== undefined) group.set(`${regionId}:keg`, r.kegCap);
      committedRegion.set(regionId, [r.committed]);
      r.distributors.forEach((d) => {
        // ids interleave across regions, as a real network's do
        const distributorId = dists.length * 7 + regionId;
        dists.push({
          distributorId,
          regionId,
          leadTimeWeeks: d.lead,
          peakStartWeek: r.peak,
          warehouseCases: d.warehouseCases,
          warehousePallets: null,
          key: d.key,
          volumeShare: d.share,
        });
        d.skus.forEach((s, j) =>
          cells.push({
            distributorId,
            productId: j + 1,
            onHand: s.onHand,
            counted: s.counted,
            arrivals: Array.from({ length: WEEKS }, (_, w) => (w === s.transitWeek ? s.transit : 0)),
            demand: Array.from({ length: WEEKS }, (_, w) => (r.peak !== null && w >= r.peak ? 3 * s.weekly : s.weekly)),
            weeklyVariance: Array.from({ length: WEEKS }, () => s.weekly),
            group: s.keg ? 'keg' : 'bottle',
            casesPerPallet: 50,
            prebuild: s.prebuild,
          }),
        );
      });
    });
    const rules: ReadinessRules = { requiredCoverDays: 21, serviceLevelKey: 0.98, serviceLevelOther: 0.95, priorityRule: rule };
    return { dists, cells, capacity, rules };
  });

describe('readiness planned region by region', () => {
  it('is exactly the whole network planned at once: statuses, plan lines, shortfalls and their order', () => {
    fc.assert(
      fc.property(network, ({ dists, cells, capacity, rules }) => {
        const whole = assessNetwork(cells, dists, rules, capacity, WEEKS);
        const { assessment } = assessByRegion(cells, dists, () => rules, capacity, WEEKS);
        expect(assessment.cells).toEqual(whole.cells);
        expect(assessment.plan.shipments).toEqual(whole.plan.shipments);
        expect(assessment.plan.shortfalls).toEqual(whole.plan.shortfalls);
        expect(assessment.plan.plannedArrivals).toEqual(whole.plan.plannedArrivals);
        expect(assessment.plan.regionUse).toEqual(whole.plan.regionUse);
        expect(assessment.plan.groupUse).toEqual(whole.plan.groupUse);
      }),
      { numRuns: 300 },
    );
  });

  it("merges the regions in the same orders with a connected desktop's ids (below -2^32)", () => {
    fc.assert(
      fc.property(network, ({ dists, cells, capacity, rules }) => {
        const big = (id: number) => -(3 * 2 ** 32) - 1 - id;
        const bigDists = dists.map((d) => ({ ...d, distributorId: big(d.distributorId) }));
        const bigCells = cells.map((c) => ({ ...c, distributorId: big(c.distributorId), productId: big(c.productId) }));
        const whole = assessNetwork(bigCells, bigDists, rules, capacity, WEEKS);
        const { assessment } = assessByRegion(bigCells, bigDists, () => rules, capacity, WEEKS);
        expect(assessment.plan.shipments).toEqual(whole.plan.shipments);
        expect(assessment.plan.shortfalls).toEqual(whole.plan.shortfalls);
        expect(assessment.cells).toEqual(whole.cells);
        // the lines carry the ids themselves
        const lines = shipmentList(assessment.plan.shipments);
        for (const s of lines) expect(bigCells[s.cell]).toMatchObject({ distributorId: s.distributorId, productId: s.productId });
      }),
      { numRuns: 100 },
    );
  });

  it('reuses the part a caller hands back and plans only the others', () => {
    fc.assert(
      fc.property(network, ({ dists, cells, capacity, rules }) => {
        const first = assessByRegion(cells, dists, () => rules, capacity, WEEKS);
        const planned: number[] = [];
        const again = assessByRegion(
          cells,
          dists,
          () => rules,
          capacity,
          WEEKS,
          (regionId) => {
            if (regionId === 1) return first.parts.get(1)!;
            planned.push(regionId);
            return null;
          },
        );
        expect(again.parts.get(1)).toBe(first.parts.get(1));
        expect(planned).not.toContain(1);
        expect(again.assessment).toEqual(first.assessment);
      }),
      { numRuns: 50 },
    );
  });
});

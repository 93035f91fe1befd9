import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReadiness, type PlanCell, type PlanDistributor, type ShippingCapacity } from '../../main/readiness/plan.js';
import { planReadinessReference } from '../support/readiness-plan-reference.js';

const WEEKS = 16;

/**
 * Networks where needs tie on everything the plan orders them by: few distinct priorities (shared
 * across distributors), equal required stock across SKUs, a peak need and a weekly need due in the
 * same week, the same distributor and SKU twice, tight region, group, case and pallet limits.
 */
const scenario = fc
  .record({
    distributors: fc.array(
      fc.record({
        region: fc.integer({ min: 1, max: 3 }),
        lead: fc.integer({ min: 0, max: 4 }),
        warehouseCases: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
        warehousePallets: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        priority: fc.constantFrom(0, 0.25, 1, 2.5),
        peak: fc.option(fc.integer({ min: 0, max: WEEKS + 1 }), { nil: null, freq: 8 }),
        skus: fc.array(
          fc.record({
            product: fc.integer({ min: 1, max: 4 }),
            onHand: fc.integer({ min: 0, max: 1_500 }),
            weekly: fc.integer({ min: 0, max: 500 }),
            transit: fc.integer({ min: 0, max: 900 }),
            transitWeek: fc.integer({ min: 0, max: WEEKS - 1 }),
            required: fc.constantFrom(0, 300, 1_200, 2_500),
            group: fc.constantFrom<string | null>('bottle', 'keg', null),
            casesPerPallet: fc.integer({ min: 1, max: 90 }),
            counted: fc.boolean(),
            prebuild: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    regionCap: fc.option(fc.integer({ min: 0, max: 4_000 }), { nil: undefined }),
    kegCap: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: undefined }),
    committed: fc.integer({ min: 0, max: 1_500 }),
  })
  .map(({ distributors, regionCap, kegCap, committed }) => {
    const dists: PlanDistributor[] = distributors.map((d, k) => ({
      // ids not in the list's order
      distributorId: ((k * 5) % 11) + 1 + k * 11,
      regionId: d.region,
      leadTimeWeeks: d.lead,
      peakStartWeek: d.peak,
      warehouseCases: d.warehouseCases,
      warehousePallets: d.warehousePallets,
      priority: d.priority,
    }));
    const cells: PlanCell[] = distributors.flatMap((d, k) =>
      d.skus.map((s) => ({
        distributorId: dists[k]!.distributorId,
        productId: s.product,
        onHand: s.onHand,
        arrivals: Array.from({ length: WEEKS }, (_, w) => (w === s.transitWeek ? s.transit : 0)),
        demand: Array.from({ length: WEEKS }, (_, w) => (d.peak !== null && w >= d.peak ? 2 * s.weekly : s.weekly)),
        required: s.required,
        group: s.group,
        casesPerPallet: s.casesPerPallet,
        counted: s.counted,
        prebuild: s.prebuild,
      })),
    );
    // cells of a distributor interleaved with others', as a network's are
    cells.sort((a, b) => a.productId - b.productId);
    const capacity: ShippingCapacity = {
      region: new Map(regionCap === undefined ? [] : [1, 2, 3].map((r) => [r, regionCap])),
      group: new Map(kegCap === undefined ? [] : [1, 2].map((r) => [`${r}:keg`, kegCap])),
      committedRegion: new Map([[1, [committed, committed, 0, committed]]]),
      committedGroup: new Map([['2:keg', [committed]]]),
    };
    return { dists, cells, capacity };
  });

describe('the plan serves needs in a bucket order', () => {
  it('is exactly the plan of the comparison sort it replaced: shipments, shortfalls with reasons, arrivals, use', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells, capacity }) => {
        expect(planReadiness(cells, dists, capacity, WEEKS)).toEqual(planReadinessReference(cells, dists, capacity, WEEKS));
      }),
      { numRuns: 600 },
    );
  });
});

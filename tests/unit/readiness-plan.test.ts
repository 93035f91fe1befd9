import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessNetwork, type NetworkCell, type NetworkDistributor } from '../../main/readiness/assess.js';
import { planReadiness, type PlanCell, type PlanDistributor, type PlanResult, type ShippingCapacity } from '../../main/readiness/plan.js';
import { project } from '../../main/readiness/projection.js';

const WEEKS = 30;
type Group = 'bottle' | 'keg';

/** A region of a few distributors with random stock, demand, lead times, warehouses and capacities. */
const scenario = fc
  .record({
    distributors: fc.array(
      fc.record({
        lead: fc.integer({ min: 0, max: 4 }),
        warehouseCases: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
        warehousePallets: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        // few distinct priorities, so ties happen too
        priority: fc.integer({ min: 0, max: 4 }),
        peak: fc.option(fc.integer({ min: 2, max: 20 }), { nil: null, freq: 8 }),
        skus: fc.array(
          fc.record({
            onHand: fc.integer({ min: 0, max: 3000 }),
            weekly: fc.integer({ min: 0, max: 800 }),
            transit: fc.integer({ min: 0, max: 1500 }),
            transitWeek: fc.integer({ min: 0, max: WEEKS - 1 }),
            required: fc.integer({ min: 0, max: 4000 }),
            group: fc.constantFrom<Group | null>('bottle', 'keg', null),
            casesPerPallet: fc.integer({ min: 1, max: 90 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    regionCap: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined }),
    kegCap: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
    committed: fc.integer({ min: 0, max: 2_000 }),
  })
  .map(({ distributors, regionCap, kegCap, committed }) => {
    const dists: PlanDistributor[] = distributors.map((d, i) => ({
      distributorId: i + 1,
      regionId: 1,
      leadTimeWeeks: d.lead,
      peakStartWeek: d.peak,
      warehouseCases: d.warehouseCases,
      warehousePallets: d.warehousePallets,
      priority: d.priority,
    }));
    const cells: PlanCell[] = distributors.flatMap((d, i) =>
      d.skus.map((s, j) => ({
        distributorId: i + 1,
        productId: j + 1,
        onHand: s.onHand,
        arrivals: Array.from({ length: WEEKS }, (_, w) => (w === s.transitWeek ? s.transit : 0)),
        // demand doubles in the peak
        demand: Array.from({ length: WEEKS }, (_, w) => (d.peak !== null && w >= d.peak ? 2 * s.weekly : s.weekly)),
        required: s.required,
        group: s.group,
        casesPerPallet: s.casesPerPallet,
      })),
    );
    const capacity: ShippingCapacity = {
      region: new Map(regionCap === undefined ? [] : [[1, regionCap]]),
      group: new Map(kegCap === undefined ? [] : [['1:keg', kegCap]]),
      // shipments booked by an earlier accepted plan in the first weeks
      committedRegion: new Map([[1, [committed, committed]]]),
      committedGroup: new Map([['1:keg', [committed]]]),
    };
    return { dists, cells, capacity };
  });

/** Warehouse occupancy (stock at the start of each week plus that week's arrivals) per distributor, cases and pallets. */
function occupancy(cells: PlanCell[], plan: PlanResult | null) {
  const cases = new Map<number, number[]>();
  const pallets = new Map<number, number[]>();
  cells.forEach((c, i) => {
    const planned = plan?.plannedArrivals[i];
    const arrivals = Array.from({ length: WEEKS }, (_, w) => (c.arrivals[w] ?? 0) + (planned?.[w] ?? 0));
    const stock = project(c.onHand, arrivals, c.demand, WEEKS);
    const oc = cases.get(c.distributorId) ?? new Array<number>(WEEKS).fill(0);
    const op = pallets.get(c.distributorId) ?? new Array<number>(WEEKS).fill(0);
    for (let w = 0; w < WEEKS; w++) {
      oc[w]! += stock[w]! + arrivals[w]!;
      op[w]! += (stock[w]! + arrivals[w]!) / c.casesPerPallet;
    }
    cases.set(c.distributorId, oc);
    pallets.set(c.distributorId, op);
  });
  return { cases, pallets };
}

describe('pre-build plan properties', () => {
  it('never exceeds a capacity: weekly shipping per region and per SKU group, warehouse cases and pallets', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells, capacity }) => {
        const plan = planReadiness(cells, dists, capacity, WEEKS);
        const region = new Array<number>(WEEKS).fill(0);
        const keg = new Array<number>(WEEKS).fill(0);
        for (const s of plan.shipments) {
          expect(s.cases).toBeGreaterThan(0);
          expect(Number.isInteger(s.cases)).toBe(true);
          expect(s.shipWeek).toBeGreaterThanOrEqual(0);
          expect(s.arrivalWeek).toBe(s.shipWeek + dists[s.distributorId - 1]!.leadTimeWeeks);
          region[s.shipWeek]! += s.cases;
          if (cells[s.cell]!.group === 'keg') keg[s.shipWeek]! += s.cases;
        }
        const committed = (w: number) => (w < 2 ? (capacity.committedRegion!.get(1) as number[])[w]! : 0);
        const regionCap = capacity.region.get(1);
        const kegCap = capacity.group.get('1:keg');
        for (let w = 0; w < WEEKS; w++) {
          if (regionCap !== undefined && region[w]! > 0) expect(region[w]! + committed(w)).toBeLessThanOrEqual(regionCap);
          if (kegCap !== undefined && keg[w]! > 0) expect(keg[w]! + (w === 0 ? committed(0) : 0)).toBeLessThanOrEqual(kegCap);
        }
        // the plan never fills a warehouse past its limit (a warehouse already over it gets nothing more)
        const before = occupancy(cells, null);
        const after = occupancy(cells, plan);
        for (const d of dists) {
          for (let w = 0; w < WEEKS; w++) {
            if (d.warehouseCases !== null)
              expect(after.cases.get(d.distributorId)![w]!).toBeLessThanOrEqual(
                Math.max(d.warehouseCases, before.cases.get(d.distributorId)![w]!) + 1e-6,
              );
            if (d.warehousePallets !== null)
              expect(after.pallets.get(d.distributorId)![w]!).toBeLessThanOrEqual(
                Math.max(d.warehousePallets, before.pallets.get(d.distributorId)![w]!) + 1e-6,
              );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a higher-priority account short while a lower one ships in a week it could have used', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells, capacity }) => {
        const plan = planReadiness(cells, dists, capacity, WEEKS);
        const after = occupancy(cells, plan);
        const kegUse = plan.groupUse.get('1:keg');
        const kegCap = capacity.group.get('1:keg');
        for (const short of plan.shortfalls) {
          if (short.reason === 'lead_time') continue;
          const high = dists[short.distributorId - 1]!;
          const cell = cells[short.cell]!;
          // the latest week it could have shipped: due week (for the peak: the week before) minus lead time
          const latest = (short.dueWeek === high.peakStartWeek ? short.dueWeek - 1 : short.dueWeek) - high.leadTimeWeeks;
          for (const s of plan.shipments) {
            if (dists[s.distributorId - 1]!.priority >= high.priority || s.shipWeek > latest) continue;
            // A lower priority shipped in week s.shipWeek: the higher one could not have used that
            // week only if its own SKU group's limit or its own warehouse stopped it.
            const groupFull = cell.group === 'keg' && kegCap !== undefined && kegUse !== undefined && kegUse[s.shipWeek]! > kegCap - 1;
            const arrival = s.shipWeek + high.leadTimeWeeks;
            let warehouseFull = false;
            for (let w = arrival; w < WEEKS; w++) {
              if (high.warehouseCases !== null && after.cases.get(high.distributorId)![w]! > high.warehouseCases - 1) warehouseFull = true;
              if (
                high.warehousePallets !== null &&
                after.pallets.get(high.distributorId)![w]! > high.warehousePallets - 1 / cell.casesPerPallet
              )
                warehouseFull = true;
            }
            if (!groupFull && !warehouseFull) {
              throw new Error(
                `distributor ${s.distributorId} (priority ${dists[s.distributorId - 1]!.priority}) shipped in week ${s.shipWeek} while ${short.distributorId} (priority ${high.priority}) was short`,
              );
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with enough capacity everyone reaches the required stock at peak start and never runs out once a shipment can arrive', () => {
    fc.assert(
      fc.property(scenario, ({ dists, cells }) => {
        const roomy = dists.map((d) => ({ ...d, warehouseCases: null, warehousePallets: null }));
        const plan = planReadiness(cells, roomy, { region: new Map(), group: new Map() }, WEEKS);
        cells.forEach((cell, i) => {
          const d = roomy[cell.distributorId - 1]!;
          if (d.peakStartWeek === null) return;
          const arrivals = Array.from({ length: WEEKS }, (_, w) => (cell.arrivals[w] ?? 0) + (plan.plannedArrivals[i]?.[w] ?? 0));
          const stock = project(cell.onHand, arrivals, cell.demand, WEEKS);
          const peakReachable = d.peakStartWeek - 1 - d.leadTimeWeeks >= 0;
          if (peakReachable) expect(stock[d.peakStartWeek]!).toBeGreaterThanOrEqual(cell.required);
          for (let w = d.leadTimeWeeks; w < d.peakStartWeek; w++) expect(stock[w]! + arrivals[w]!).toBeGreaterThanOrEqual(cell.demand[w]!);
          for (const s of plan.shortfalls.filter((x) => x.cell === i)) expect(s.reason).toBe('lead_time');
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('pre-build plan known answers', () => {
  const dist = (over: Partial<PlanDistributor> = {}): PlanDistributor => ({
    distributorId: 1,
    regionId: 1,
    leadTimeWeeks: 2,
    peakStartWeek: 8,
    warehouseCases: null,
    warehousePallets: null,
    priority: 0,
    ...over,
  });
  const cell = (over: Partial<PlanCell> = {}): PlanCell => ({
    distributorId: 1,
    productId: 1,
    onHand: 0,
    arrivals: [],
    demand: Array.from({ length: 12 }, (_, w) => (w >= 8 ? 70 : 0)),
    required: 140,
    group: null,
    casesPerPallet: 50,
    ...over,
  });
  const none: ShippingCapacity = { region: new Map(), group: new Map() };

  it('ships as late as the lead time allows: arrival the week before the peak', () => {
    const plan = planReadiness([cell()], [dist()], none, 12);
    expect(plan.shipments).toEqual([{ cell: 0, distributorId: 1, productId: 1, shipWeek: 5, arrivalWeek: 7, cases: 140 }]);
    expect(plan.shortfalls).toEqual([]);
  });

  it('covers each week before the peak just in time, and reports what the lead time makes impossible', () => {
    const plan = planReadiness(
      [cell({ onHand: 25, demand: [10, 10, 10, 10, 10, 0, 0, 0, 70, 70, 70, 70], required: 0 })],
      [dist({ peakStartWeek: 8 })],
      none,
      12,
    );
    // 25 on hand lasts to the middle of week 2; week 2 needs 5 more, weeks 3 and 4 need 10 each
    expect(plan.shipments.map((s) => [s.shipWeek, s.arrivalWeek, s.cases])).toEqual([
      [0, 2, 5],
      [1, 3, 10],
      [2, 4, 10],
    ]);
    const late = planReadiness([cell({ onHand: 5, demand: [10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0], required: 0 })], [dist()], none, 12);
    expect(late.shortfalls).toEqual([
      { cell: 0, distributorId: 1, productId: 1, dueWeek: 0, cases: 5, reason: 'lead_time', also: null },
      { cell: 0, distributorId: 1, productId: 1, dueWeek: 1, cases: 10, reason: 'lead_time', also: null },
    ]);
  });

  it('builds earlier when the last weeks are full, and serves the key account first when shipping is short', () => {
    const cap: ShippingCapacity = { region: new Map([[1, 30]]), group: new Map() };
    const plan = planReadiness(
      [cell({ distributorId: 1, required: 100 }), cell({ distributorId: 2, required: 100 })],
      [dist({ distributorId: 1, leadTimeWeeks: 1, priority: 0.9 }), dist({ distributorId: 2, leadTimeWeeks: 1, priority: 2.1 })],
      cap,
      12,
    );
    // the key account (priority 2.1) takes weeks 6, 5, 4 and 10 cases of week 3
    expect(plan.shipments.filter((s) => s.distributorId === 2).map((s) => [s.shipWeek, s.cases])).toEqual([
      [3, 10],
      [4, 30],
      [5, 30],
      [6, 30],
    ]);
    const other = plan.shipments.filter((s) => s.distributorId === 1);
    expect(other.reduce((a, s) => a + s.cases, 0)).toBe(100);
    expect(plan.shortfalls).toEqual([]);
    const tight = planReadiness(
      [cell({ distributorId: 1, required: 100 }), cell({ distributorId: 2, required: 100 })],
      [dist({ distributorId: 1, leadTimeWeeks: 1, priority: 0.9 }), dist({ distributorId: 2, leadTimeWeeks: 1, priority: 2.1 })],
      { region: new Map([[1, 15]]), group: new Map() },
      12,
    );
    // 7 weeks x 15 = 105 cases for 200 needed: the key account gets all 100, the other 5
    expect(tight.shortfalls).toEqual([
      { cell: 0, distributorId: 1, productId: 1, dueWeek: 8, cases: 95, reason: 'shipping_capacity', also: null },
    ]);
  });

  it('respects a SKU group limit on top of the region limit', () => {
    const cap: ShippingCapacity = { region: new Map([[1, 1000]]), group: new Map([['1:keg', 20]]) };
    const plan = planReadiness(
      [cell({ group: 'keg', required: 50 }), cell({ productId: 2, group: 'bottle', required: 50 })],
      [dist()],
      cap,
      12,
    );
    expect(plan.shipments.filter((s) => s.productId === 1).map((s) => [s.shipWeek, s.cases])).toEqual([
      [3, 10],
      [4, 20],
      [5, 20],
    ]);
    expect(plan.shipments.filter((s) => s.productId === 2).map((s) => [s.shipWeek, s.cases])).toEqual([[5, 50]]);
    const short = planReadiness([cell({ group: 'keg', required: 500 })], [dist()], cap, 12);
    expect(short.shortfalls).toEqual([
      { cell: 0, distributorId: 1, productId: 1, dueWeek: 8, cases: 500 - 6 * 20, reason: 'group_capacity', also: null },
    ]);
  });

  it('keeps the warehouse within its pallets', () => {
    // 2 pallets of 50 cases, 30 cases already there until the peak: room for 70 more
    const plan = planReadiness([cell({ onHand: 30, required: 140 })], [dist({ warehousePallets: 2 })], none, 12);
    expect(plan.shipments.reduce((a, s) => a + s.cases, 0)).toBe(70);
    expect(plan.shortfalls).toEqual([
      { cell: 0, distributorId: 1, productId: 1, dueWeek: 8, cases: 40, reason: 'warehouse_capacity', also: null },
    ]);
  });
});

describe('the binding constraint of a shortfall', () => {
  const dist = (over: Partial<PlanDistributor> = {}): PlanDistributor => ({
    distributorId: 1,
    regionId: 1,
    leadTimeWeeks: 2,
    peakStartWeek: 8,
    warehouseCases: null,
    warehousePallets: null,
    priority: 0,
    ...over,
  });
  const cell = (over: Partial<PlanCell> = {}): PlanCell => ({
    distributorId: 1,
    productId: 1,
    onHand: 0,
    arrivals: [],
    demand: Array.from({ length: 12 }, (_, w) => (w >= 8 ? 70 : 0)),
    required: 140,
    group: null,
    casesPerPallet: 50,
    ...over,
  });
  const reasons = (plan: PlanResult) => plan.shortfalls.map((s) => [s.distributorId, s.cases, s.reason, s.also]);

  it('names the full warehouse, not the shipping week another account took first', () => {
    // The key account (2) takes week 5's whole capacity; distributor 1 meets that first, but its
    // 60-case warehouse is what keeps it short: with room it would ship in weeks 4 and 3.
    const plan = planReadiness(
      [cell({ distributorId: 1 }), cell({ distributorId: 2, required: 100 })],
      [dist({ distributorId: 1, warehouseCases: 60 }), dist({ distributorId: 2, priority: 3 })],
      { region: new Map([[1, 100]]), group: new Map() },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 80, 'warehouse_capacity', null]]);
  });

  it("names the region's shipping capacity when the pack's limit was met first but is not what binds", () => {
    // week 5: 10 keg cases left for the pack, 50 in the region; week 4: the region is fully booked
    const plan = planReadiness(
      [cell({ group: 'keg', required: 60 })],
      [dist()],
      {
        region: new Map([[1, 100]]),
        group: new Map([['1:keg', 100]]),
        // weeks 6 and 7 are booked too, so a shorter lead time would not help either
        committedRegion: new Map([[1, [100, 100, 100, 100, 100, 50, 100, 100]]]),
        committedGroup: new Map([['1:keg', [0, 0, 0, 0, 0, 90, 100, 100]]]),
      },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 50, 'shipping_capacity', null]]);
  });

  it("names the pack limit when the region's capacity was met first but is not what binds", () => {
    const plan = planReadiness(
      [cell({ group: 'keg', required: 60 })],
      [dist()],
      {
        region: new Map([[1, 100]]),
        group: new Map([['1:keg', 100]]),
        committedRegion: new Map([[1, [0, 0, 0, 0, 0, 90, 100, 100]]]),
        committedGroup: new Map([['1:keg', [100, 100, 100, 100, 100, 50, 100, 100]]]),
      },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 50, 'group_capacity', null]]);
  });

  it('names the lead time when only a shorter one would reach the free weeks', () => {
    // both the region and the pack are booked through week 5; weeks 6 and 7 are free but too late for a 2-week lead time
    const full = [100, 100, 100, 100, 100, 100];
    const plan = planReadiness(
      [cell({ group: 'keg' })],
      [dist()],
      {
        region: new Map([[1, 100]]),
        group: new Map([['1:keg', 100]]),
        committedRegion: new Map([[1, full]]),
        committedGroup: new Map([['1:keg', full]]),
      },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 140, 'lead_time', null]]);
  });

  it('names the missing stock count first, and the limit behind it second', () => {
    const plan = planReadiness(
      [cell({ onHand: 0, counted: false })],
      [dist({ warehouseCases: 100 })],
      { region: new Map(), group: new Map() },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 40, 'no_stock_count', 'warehouse_capacity']]);
    const counted = planReadiness([cell({ onHand: 0 })], [dist({ warehouseCases: 100 })], { region: new Map(), group: new Map() }, 12);
    expect(reasons(counted)).toEqual([[1, 40, 'warehouse_capacity', null]]);
  });

  it('shows both when neither alone removes the shortfall', () => {
    // weeks 0-4, 6 and 7 booked, 50 free in week 5, a 60-case warehouse: only more shipping and more room together would do
    const plan = planReadiness(
      [cell()],
      [dist({ warehouseCases: 60 })],
      { region: new Map([[1, 50]]), group: new Map(), committedRegion: new Map([[1, [50, 50, 50, 50, 50, 0, 50, 50]]]) },
      12,
    );
    expect(reasons(plan)).toEqual([[1, 90, 'shipping_capacity', 'warehouse_capacity']]);
  });
});

describe('network assessment', () => {
  it('judges each cell with the plan and gives days of cover at peak start', () => {
    const weeks = 12;
    const demand = Array.from({ length: weeks }, (_, w) => (w >= 6 ? 70 : 7));
    const cells: NetworkCell[] = [
      {
        distributorId: 1,
        productId: 1,
        onHand: 100,
        arrivals: [],
        demand,
        weeklyVariance: new Array(weeks).fill(0),
        group: null,
        casesPerPallet: 60,
      },
      {
        distributorId: 2,
        productId: 1,
        onHand: 0,
        arrivals: [],
        demand,
        weeklyVariance: new Array(weeks).fill(0),
        group: null,
        casesPerPallet: 60,
      },
    ];
    const dists: NetworkDistributor[] = [
      {
        distributorId: 1,
        regionId: 1,
        leadTimeWeeks: 1,
        peakStartWeek: 6,
        warehouseCases: null,
        warehousePallets: null,
        key: true,
        volumeShare: 0.5,
      },
      // too far away: anything shipped arrives only after the peak has started
      {
        distributorId: 2,
        regionId: 1,
        leadTimeWeeks: 7,
        peakStartWeek: 6,
        warehouseCases: null,
        warehousePallets: null,
        key: false,
        volumeShare: 0.5,
      },
    ];
    const rules = {
      requiredCoverDays: 14,
      serviceLevelKey: 0.98,
      serviceLevelOther: 0.95,
      priorityRule: 'key_accounts_then_volume' as const,
    };
    const a = assessNetwork(cells, dists, rules, { region: new Map(), group: new Map() }, weeks);
    // 100 on hand - 6 weeks of 7 = 58 at peak start without the plan; 140 required (two weeks of 70)
    expect(a.cells[0]).toMatchObject({
      status: 'green',
      code: 'covered',
      atPeakWithoutPlan: 58,
      atPeak: 140,
      coverDays: 14,
      coverDaysWithoutPlan: 5.8,
      stockoutWithoutPlan: 6,
    });
    expect(a.cells[0]!.required.required).toBe(140);
    expect(a.cells[1]).toMatchObject({ status: 'red', code: 'runs_out_in_peak', week: 6, atPeak: 0 });

    // The peak starts on the Saturday of week 6 (May 1 with the week starting April 26): the 14 days
    // of cover count from that Saturday, so the stock at Monday also carries the five days before it.
    const saturday = assessNetwork(
      cells,
      [{ ...dists[0]!, peakDayOffset: 5 }, dists[1]!],
      rules,
      { region: new Map(), group: new Map() },
      weeks,
    );
    // 5/7 of week 6 (50) + the 14 days from Saturday (2/7 of week 6, week 7, 5/7 of week 8: 140)
    expect(saturday.cells[0]!.required.required).toBe(190);
    expect(saturday.cells[0]).toMatchObject({ atPeak: 190, coverDays: 14 });
  });
});

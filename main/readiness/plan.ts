/**
 * The pre-build plan: shipments per week per distributor x SKU that keep every distributor in stock
 * until the peak and bring it to the required stock at peak start, within lead times, each
 * distributor's warehouse (cases and/or pallets) and the weekly shipping capacity of its region (and
 * optionally of a SKU group in that region). Pure: no database, so it is property-tested hard.
 *
 * Quantities are whole cases. Stock is counted at the start of a week; the warehouse must hold the
 * stock at the start of a week plus what arrives during it.
 */
import { projectInto } from './projection.js';

export interface PlanCell {
  distributorId: number;
  productId: number;
  /** Cases on hand at the start of week 0. */
  onHand: number;
  /** Cases already on the way (in transit, or planned and accepted), by arrival week. */
  arrivals: ArrayLike<number>;
  /** Forecast demand in whole cases, by week. */
  demand: ArrayLike<number>;
  /** Cases that must be in stock at the start of the peak week (cover + safety stock). */
  required: number;
  /** SKU group for a group's own shipping limit (the pack: kegs travel differently); null for none. */
  group: string | null;
  casesPerPallet: number;
  /** False when nobody counted this SKU's stock: onHand is then an assumed 0. Default true. */
  counted?: boolean;
  /** False for a SKU being phased out: it sells down what is there, nothing is shipped for it. Default true. */
  prebuild?: boolean;
}

export interface PlanDistributor {
  distributorId: number;
  regionId: number;
  leadTimeWeeks: number;
  /** Week index of the first peak week; null when the region has no peak season (nothing to build for). */
  peakStartWeek: number | null;
  /** Warehouse limits; null for none. Both apply when both are set. */
  warehouseCases: number | null;
  warehousePallets: number | null;
  /** Larger is served first when capacity is short (see status.ts priorityOf). */
  priority: number;
}

export interface ShippingCapacity {
  /** Cases a region can ship per week; a region not listed is unlimited. */
  region: ReadonlyMap<number, number>;
  /** Cases per week of one SKU group from one region, keyed `${regionId}:${group}`; on top of the region's limit. */
  group: ReadonlyMap<string, number>;
  /** Cases already booked to ship per week (accepted planned shipments), by region and by group key. */
  committedRegion?: ReadonlyMap<number, ArrayLike<number>>;
  committedGroup?: ReadonlyMap<string, ArrayLike<number>>;
}

export type ShortfallReason = 'lead_time' | 'shipping_capacity' | 'group_capacity' | 'warehouse_capacity' | 'no_stock_count';

export interface Shipment {
  /** Index into the cells given to planReadiness. */
  cell: number;
  distributorId: number;
  productId: number;
  shipWeek: number;
  arrivalWeek: number;
  cases: number;
}

export interface Shortfall {
  cell: number;
  distributorId: number;
  productId: number;
  /** The week by which the cases were needed (for the peak: its first week). */
  dueWeek: number;
  cases: number;
  /**
   * The binding constraint: the one whose relaxation alone removes the shortfall (or, when no single
   * one does, the one that recovers most of it). `also` is the second when both have to be relaxed,
   * or when either alone would do; null when one is enough.
   */
  reason: ShortfallReason;
  also: ShortfallReason | null;
}

export interface PlanResult {
  shipments: Shipment[];
  shortfalls: Shortfall[];
  /** The plan's arrivals per cell (index as the input), null where nothing is planned. */
  plannedArrivals: Array<Int32Array | null>;
  /** Cases shipped per week (booked before plus this plan), by limited region and by limited `${regionId}:${group}`. */
  regionUse: Map<number, Float64Array>;
  groupUse: Map<string, Float64Array>;
}

/** The plan with its lines as columns. */
export interface PlanColumns extends Omit<PlanResult, 'shipments'> {
  shipments: ShipmentColumns;
}

interface Requirement {
  cell: number;
  dist: PlanDistributor;
  dueWeek: number;
  latestShipWeek: number;
  /** The latest ship week if the lead time were zero (arrival the week it ships). */
  latestShipWeekNoLead: number;
  cases: number;
  /**
   * For the peak requirement: where, in the planner's slab of used-up cases, the base projection's
   * cumulative unmet demand from the peak week on starts (the peak week's entry). Extra stock X at
   * peak start is X - that much later, so the warehouse holds the plan's cases until the peak's
   * demand has used them up. -1 for a weekly need, whose cases are sold in the week they are due.
   */
  usedAt: number;
}

/**
 * Working memory the planner reuses from one call to the next instead of allocating it each time: a
 * national pass plans regions of 20,000 cells, and fresh memory costs a page fault the first time it
 * is written (on this virtual machine about 16 µs a 4 KiB page: 0.2 s per 50 MB). Planning is
 * synchronous and never re-entered, so one set of buffers serves every call on a thread.
 */
const scratch = {
  used: new Int32Array(0),
  shipped: new Int32Array(0),
  reqCell: new Int32Array(0),
  reqDue: new Int32Array(0),
  reqCases: new Float64Array(0),
  latest: new Int32Array(0),
  order: new Int32Array(0),
};
type Slot = keyof typeof scratch;

/** The slot's buffer with room for `length`, kept (with its contents) when it has it; grown, contents kept, when not. */
function room<K extends Slot>(slot: K, length: number): (typeof scratch)[K] {
  const have = scratch[slot];
  if (have.length >= length) return have;
  const grown = new (have.constructor as new (n: number) => (typeof scratch)[K])(Math.max(length, Math.ceil(have.length * 1.5)));
  grown.set(have);
  return (scratch[slot] = grown);
}

/** The first `length` entries of the slot's buffer, zeroed. */
function zeroed(slot: 'used' | 'shipped', length: number): Int32Array {
  const view = room(slot, length).subarray(0, length);
  view.fill(0);
  return view;
}

/** A constraint the placement can be told to ignore, to find out which one binds; its bit in a `relax` mask is 1 << its index. */
const LIMITS = ['shipping_capacity', 'group_capacity', 'warehouse_capacity', 'lead_time'] as const satisfies readonly ShortfallReason[];
type Limit = (typeof LIMITS)[number];
const [SHIPPING, GROUP, WAREHOUSE, LEAD] = [0, 1, 2, 3] as const;
const RELAX_SHIPPING = 1 << SHIPPING;
const RELAX_GROUP = 1 << GROUP;
const RELAX_WAREHOUSE = 1 << WAREHOUSE;
const RELAX_LEAD = 1 << LEAD;

/** Integer tolerance for comparing fractional pallet room with whole cases. */
const EPS = 1e-9;

/**
 * Ships as late as capacity allows (less stock held, fresher beer): each need is placed in the
 * latest week that can still deliver it on time, and earlier weeks take the rest when that week is
 * full. Needs are served in priority order (larger first; among equals the most urgent first), so a
 * lower-priority distributor only gets capacity a higher-priority one could not use. What fits in no
 * week is reported as a shortfall with the constraint that first pushed it out of its latest week.
 */
export function planReadinessColumns(
  cells: readonly Omit<PlanCell, 'required'>[],
  /** Each cell's required stock at peak start (a column beside the cells: no copy of 100,000 cells to add it). */
  required: ArrayLike<number>,
  distributors: readonly PlanDistributor[],
  capacity: ShippingCapacity,
  weeks: number,
): PlanColumns {
  const dists = new Map(distributors.map((d) => [d.distributorId, d]));
  // Warehouse occupancy without new shipments, and the plan's addition to it, per distributor.
  const baseCases = new Map<number, Float64Array>();
  const basePallets = new Map<number, Float64Array>();
  const loadCases = new Map<number, Float64Array>();
  const loadPallets = new Map<number, Float64Array>();
  const series = (m: Map<number, Float64Array>, id: number) => {
    let a = m.get(id);
    if (!a) m.set(id, (a = new Float64Array(weeks)));
    return a;
  };

  // Every need as columns (cell, due week, cases), in the cells' order and each cell's weeks in order.
  // Typed columns grown by doubling: their memory lies outside the collected heap, where a million
  // pushes onto arrays made the collector mark a national heap again and again.
  let reqCell = room('reqCell', cells.length * 4 + 16);
  let reqDue = room('reqDue', reqCell.length);
  let reqCases = room('reqCases', reqCell.length);
  let count = 0;
  const addNeed = (cell: number, due: number, cases: number) => {
    if (count === reqCell.length) {
      reqCell = room('reqCell', count * 2);
      reqDue = room('reqDue', count * 2);
      reqCases = room('reqCases', count * 2);
    }
    reqCell[count] = cell;
    reqDue[count] = due;
    reqCases[count] = cases;
    count++;
  };
  /** Per cell: its needs' first index, and whether its last need is the peak's. */
  const firstReq = new Int32Array(cells.length + 1);
  const hasPeakReq = new Uint8Array(cells.length);
  const cellDist = new Array<PlanDistributor>(cells.length);
  const base = new Float64Array(weeks + 1);
  const usedSlab = zeroed('used', cells.length * weeks);
  cells.forEach((cell, i) => {
    firstReq[i] = count;
    const dist = dists.get(cell.distributorId);
    if (!dist) throw new Error(`Distributor ${cell.distributorId} missing from the plan's input`);
    cellDist[i] = dist;
    projectInto(base, cell.onHand, cell.arrivals, cell.demand, weeks);
    const bc = series(baseCases, dist.distributorId);
    const bp = series(basePallets, dist.distributorId);
    for (let w = 0; w < weeks; w++) {
      const occupancy = base[w]! + (cell.arrivals[w] ?? 0);
      bc[w] = bc[w]! + occupancy;
      bp[w] = bp[w]! + occupancy / cell.casesPerPallet;
    }
    const peak = dist.peakStartWeek;
    if (peak === null || peak >= weeks || cell.prebuild === false) return;
    // Lost sales make the base projection the same as "every earlier need met": stock is zero after
    // a week that ran short either way. So each week's need is its own unmet demand.
    for (let w = 0; w < peak; w++) {
      const need = (cell.demand[w] ?? 0) - base[w]! - (cell.arrivals[w] ?? 0);
      if (need > 0) addNeed(i, w, need);
    }
    const short = required[i]! - base[peak]!;
    if (short > 0) {
      // the cell's row of the slab, from its start: the peak week's entry first
      let sum = 0;
      for (let w = peak; w < weeks; w++) {
        usedSlab[i * weeks + w - peak] = sum;
        sum += Math.max(0, (cell.demand[w] ?? 0) - base[w]! - (cell.arrivals[w] ?? 0));
      }
      // Stock for the peak must be on the shelf when it starts: delivered the week before at the latest.
      addNeed(i, peak, short);
      hasPeakReq[i] = 1;
    }
  });
  firstReq[cells.length] = count;
  const latestOf = (r: number) => {
    const i = reqCell[r]!;
    const dist = cellDist[i]!;
    const isPeak = hasPeakReq[i] === 1 && r === firstReq[i + 1]! - 1;
    return (isPeak ? reqDue[r]! - 1 : reqDue[r]!) - dist.leadTimeWeeks;
  };
  const order = needOrder(cells, required, cellDist, firstReq, count, latestOf);
  const regionUse = new Map<number, Float64Array>();
  const groupUse = new Map<string, Float64Array>();
  const groupKeys = new Array<string | null | undefined>(cells.length);
  /** The cell's `${regionId}:${group}` key, made once per cell. */
  const groupKeyOf = (i: number): string | null => {
    let k = groupKeys[i];
    if (k === undefined) {
      const group = cells[i]!.group;
      k = groupKeys[i] = group === null ? null : `${cellDist[i]!.regionId}:${group}`;
    }
    return k;
  };
  const booked = <K>(use: Map<K, Float64Array>, key: K, committed: ReadonlyMap<K, ArrayLike<number>> | undefined) => {
    let a = use.get(key);
    if (!a) {
      use.set(key, (a = new Float64Array(weeks)));
      const c = committed?.get(key);
      if (c) for (let w = 0; w < weeks; w++) a[w] = c[w] ?? 0;
    }
    return a;
  };
  // cases shipped per cell and ship week (cell x weeks), turned into shipment lines at the end
  const shippedGrid = zeroed('shipped', cells.length * weeks);
  const shortfalls: Shortfall[] = [];
  const plannedArrivals: Array<Int32Array | null> = cells.map(() => null);
  const plannedSlab = new Int32Array(cells.length * weeks);

  interface Lanes {
    rUse: Float64Array | null;
    gUse: Float64Array | null;
    lc: Float64Array;
    lp: Float64Array;
  }

  /** The limit the last place() met first (a variable, not a result object: millions of needs make no garbage). */
  let placeBlocked: ShortfallReason | null = null;
  /**
   * Places one need into the latest weeks that can take it, on the lanes given (the real ones, or
   * copies for a what-if). `relax` lifts constraints; `onShip` receives each placed shipment.
   * Returns the cases that did not fit; the limit met first in the latest week that could not take all is left in placeBlocked.
   */
  const place = (
    req: Requirement,
    lanes: Lanes,
    /** The limits lifted, as bits (1 << index in LIMITS); 0 for none. */
    relax: number,
    onShip: ((ship: number, arrival: number, cases: number) => void) | null,
  ): number => {
    const cell = cells[req.cell]!;
    const dist = req.dist;
    const regionCap = relax & RELAX_SHIPPING ? Infinity : (capacity.region.get(dist.regionId) ?? Infinity);
    const groupKey = groupKeyOf(req.cell);
    const groupCap = groupKey === null || relax & RELAX_GROUP ? Infinity : (capacity.group.get(groupKey) ?? Infinity);
    const rUse = regionCap === Infinity ? null : lanes.rUse;
    const gUse = groupCap === Infinity ? null : lanes.gUse;
    const bc = baseCases.get(dist.distributorId)!;
    const bp = basePallets.get(dist.distributorId)!;
    const { lc, lp } = lanes;
    const cpp = cell.casesPerPallet;
    const usedAt = req.usedAt;
    const peak = usedAt >= 0 ? req.dueWeek : -1;
    const lead = relax & RELAX_LEAD ? 0 : dist.leadTimeWeeks;
    const latest = relax & RELAX_LEAD ? req.latestShipWeekNoLead : req.latestShipWeek;
    const warehouse = (relax & RELAX_WAREHOUSE) === 0 && (dist.warehouseCases !== null || dist.warehousePallets !== null);

    let remaining = req.cases;
    let sent = 0;
    // The limit met in the latest week that could not take everything: the reason the need moved
    // earlier (and so, possibly, into a fuller warehouse) in the first place.
    let blocked: ShortfallReason | null = null;
    for (let ship = Math.min(latest, weeks - 1); ship >= 0 && remaining > 0; ship--) {
      const regionFree = rUse ? regionCap - rUse[ship]! : Infinity;
      const groupFree = gUse ? groupCap - gUse[ship]! : Infinity;
      if (regionFree < 1 || groupFree < 1) {
        blocked ??= regionFree <= groupFree ? 'shipping_capacity' : 'group_capacity';
        continue;
      }
      const arrival = ship + lead;
      // The most this week's shipment can add without any week's occupancy passing a warehouse limit.
      let room = Infinity;
      if (warehouse) {
        const last = usedAt >= 0 ? weeks - 1 : req.dueWeek;
        for (let w = arrival; w <= last; w++) {
          // after the peak starts, demand the base stock cannot meet uses the plan's cases up first
          const usedUp = w >= peak && peak >= 0 ? Math.max(0, usedSlab[usedAt + w - peak]! - sent) : 0;
          if (usedUp >= remaining) break;
          if (dist.warehouseCases !== null) room = Math.min(room, dist.warehouseCases - bc[w]! - lc[w]! + usedUp);
          if (dist.warehousePallets !== null) room = Math.min(room, (dist.warehousePallets - bp[w]! - lp[w]!) * cpp + usedUp);
        }
      }
      const cases = Math.floor(Math.min(remaining, regionFree, groupFree, room + EPS));
      // which limit kept this week from taking the whole remaining need
      const limit = Math.min(regionFree, groupFree, room);
      if (limit < remaining)
        blocked ??= room === limit ? 'warehouse_capacity' : regionFree === limit ? 'shipping_capacity' : 'group_capacity';
      if (cases <= 0) continue;

      if (rUse) rUse[ship] = rUse[ship]! + cases;
      if (gUse) gUse[ship] = gUse[ship]! + cases;
      const last = usedAt >= 0 ? weeks - 1 : req.dueWeek;
      for (let w = arrival; w <= last; w++) {
        let held = cases;
        if (w >= peak && peak >= 0) {
          const used = usedSlab[usedAt + w - peak]!;
          held = Math.max(0, sent + cases - used) - Math.max(0, sent - used);
          if (held === 0 && used >= sent + cases) break;
        }
        lc[w] = lc[w]! + held;
        lp[w] = lp[w]! + held / cpp;
      }
      sent += cases;
      remaining -= cases;
      onShip?.(ship, arrival, cases);
    }
    placeBlocked = blocked;
    return remaining;
  };

  // Scratch lanes for the what-ifs, restored from a snapshot taken before each need is placed. One
  // set of records serves every what-if: tens of thousands of shortfalls at national scale, each
  // judged by up to ten what-ifs, made no garbage for the collector.
  const snap = { rUse: new Float64Array(weeks), gUse: new Float64Array(weeks), lc: new Float64Array(weeks), lp: new Float64Array(weeks) };
  const work = { rUse: new Float64Array(weeks), gUse: new Float64Array(weeks), lc: new Float64Array(weeks), lp: new Float64Array(weeks) };
  const workLanes: Lanes = { rUse: null, gUse: null, lc: work.lc, lp: work.lp };
  const whatIf = (req: Requirement, lanes: Lanes, relax: number): number => {
    if (lanes.rUse) work.rUse.set(snap.rUse);
    if (lanes.gUse) work.gUse.set(snap.gUse);
    work.lc.set(snap.lc);
    work.lp.set(snap.lp);
    workLanes.rUse = lanes.rUse && work.rUse;
    workLanes.gUse = lanes.gUse && work.gUse;
    return place(req, workLanes, relax, null);
  };

  /** binding()'s answer (variables, not a result object). */
  let bindReason: ShortfallReason = 'lead_time';
  let bindAlso: ShortfallReason | null = null;
  /** The limits that apply to a need, in LIMITS order, then sorted; what each leaves short alone. */
  const applies = new Int8Array(LIMITS.length);
  const left = new Float64Array(LIMITS.length);
  /**
   * The binding constraint of a need that did not fit: relax each limit that applies on its own, from
   * the state before the need was placed; the one that removes the shortfall binds. When none alone
   * does, the pair that does is reported (the one recovering more first); failing that, the two that
   * recover most. A zero lead time that cannot help (the need is due now) leaves 'lead_time': too late.
   */
  const binding = (req: Requirement, lanes: Lanes, short: number, blocked: ShortfallReason | null): void => {
    const dist = req.dist;
    let n = 0;
    if (capacity.region.has(dist.regionId)) applies[n++] = SHIPPING;
    const groupKey = groupKeyOf(req.cell);
    if (groupKey !== null && capacity.group.has(groupKey)) applies[n++] = GROUP;
    if (dist.warehouseCases !== null || dist.warehousePallets !== null) applies[n++] = WAREHOUSE;
    if (dist.leadTimeWeeks > 0 || req.latestShipWeek < 0) applies[n++] = LEAD;
    for (let k = 0; k < n; k++) left[applies[k]!] = whatIf(req, lanes, 1 << applies[k]!);
    // Fewest cases left short first; among equals the limit the greedy met first (the one the user
    // sees in the plan), then LIMITS order: a stable insertion sort of at most four.
    const first = blocked === null ? -1 : LIMITS.indexOf(blocked as Limit);
    for (let k = 1; k < n; k++) {
      const x = applies[k]!;
      let j = k - 1;
      for (; j >= 0; j--) {
        const y = applies[j]!;
        if (left[y]! - left[x]! > 0 || (left[y] === left[x] && x === first && y !== first)) applies[j + 1] = y;
        else break;
      }
      applies[j + 1] = x;
    }
    bindReason = 'lead_time';
    bindAlso = null;
    // the limits that alone remove the shortfall, best first
    let fixes = 0;
    for (let k = 0; k < n && fixes < 2; k++) {
      if (left[applies[k]!]! > 0) continue;
      if (fixes++ === 0) bindReason = LIMITS[applies[k]!]!;
      else bindAlso = LIMITS[applies[k]!]!;
    }
    if (fixes > 0) return;
    // a limit that recovers nothing alone can still be half of the pair that does
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (whatIf(req, lanes, (1 << applies[i]!) | (1 << applies[j]!)) <= 0) {
          bindReason = LIMITS[applies[i]!]!;
          bindAlso = LIMITS[applies[j]!]!;
          return;
        }
    let helping = 0;
    for (let k = 0; k < n && helping < 2; k++) {
      if (left[applies[k]!]! >= short) continue;
      if (helping++ === 0) bindReason = LIMITS[applies[k]!]!;
      else bindAlso = LIMITS[applies[k]!]!;
    }
  };

  const cellLanes = new Array<Lanes | undefined>(cells.length);
  // a distributor's cells of one SKU group share their lanes: one record each, not one per cell
  const lanesOf = new Map<PlanDistributor, Map<string | null, Lanes>>();
  const ship = (shipWeek: number, arrival: number, cases: number) => {
    shippedGrid[req.cell * weeks + shipWeek]! += cases;
    const arr = plannedArrivals[req.cell] ?? (plannedArrivals[req.cell] = plannedSlab.subarray(req.cell * weeks, (req.cell + 1) * weeks));
    arr[arrival] = arr[arrival]! + cases;
  };
  // One need at a time, in a reused record: millions of needs at national scale make no garbage.
  const req: Requirement = {
    cell: 0,
    dist: cellDist[0]!,
    dueWeek: 0,
    latestShipWeek: 0,
    latestShipWeekNoLead: 0,
    cases: 0,
    usedAt: -1,
  };
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    const i = reqCell[r]!;
    const isPeak = hasPeakReq[i] === 1 && r === firstReq[i + 1]! - 1;
    const dist = cellDist[i]!;
    const due = reqDue[r]!;
    req.cell = i;
    req.dist = dist;
    req.dueWeek = due;
    req.latestShipWeekNoLead = isPeak ? due - 1 : due;
    req.latestShipWeek = req.latestShipWeekNoLead - dist.leadTimeWeeks;
    req.cases = reqCases[r]!;
    req.usedAt = isPeak ? i * weeks : -1;
    const cell = cells[i]!;
    let lanes = cellLanes[i];
    if (!lanes) {
      const groupKey = groupKeyOf(i);
      let ofDist = lanesOf.get(dist);
      if (!ofDist) lanesOf.set(dist, (ofDist = new Map()));
      lanes = ofDist.get(groupKey);
      if (!lanes) {
        lanes = {
          rUse: capacity.region.has(dist.regionId) ? booked(regionUse, dist.regionId, capacity.committedRegion) : null,
          gUse: groupKey !== null && capacity.group.has(groupKey) ? booked(groupUse, groupKey, capacity.committedGroup) : null,
          lc: series(loadCases, dist.distributorId),
          lp: series(loadPallets, dist.distributorId),
        };
        ofDist.set(groupKey, lanes);
      }
      cellLanes[i] = lanes;
    }
    if (lanes.rUse) snap.rUse.set(lanes.rUse);
    if (lanes.gUse) snap.gUse.set(lanes.gUse);
    snap.lc.set(lanes.lc);
    snap.lp.set(lanes.lp);
    const remaining = place(req, lanes, 0, ship);
    const blocked = placeBlocked;
    if (remaining > 0) {
      binding(req, lanes, remaining, blocked);
      // Without a count the stock was taken as zero: counting it is the first thing to relax.
      const uncounted = cell.counted === false;
      shortfalls.push({
        cell: req.cell,
        distributorId: cell.distributorId,
        productId: cell.productId,
        dueWeek: req.dueWeek,
        cases: remaining,
        reason: uncounted ? 'no_stock_count' : bindReason,
        also: uncounted ? bindReason : bindAlso,
      });
    }
  }

  const byId = cells
    .map((_, i) => i)
    .sort((a, b) => cells[a]!.distributorId - cells[b]!.distributorId || cells[a]!.productId - cells[b]!.productId);
  let lines = 0;
  for (let k = 0; k < shippedGrid.length; k++) if (shippedGrid[k] !== 0) lines++;
  const shipments = shipmentColumns(lines);
  let at = 0;
  for (let ship = 0; ship < weeks; ship++) {
    for (const i of byId) {
      const cases = shippedGrid[i * weeks + ship]!;
      if (cases === 0) continue;
      const cell = cells[i]!;
      shipments.cell[at] = i;
      shipments.distributorId[at] = cell.distributorId;
      shipments.productId[at] = cell.productId;
      shipments.shipWeek[at] = ship;
      shipments.arrivalWeek[at] = ship + cellDist[i]!.leadTimeWeeks;
      shipments.cases[at] = cases;
      at++;
    }
  }
  return { shipments, shortfalls, plannedArrivals, regionUse, groupUse };
}

/** The plan with its lines as objects (tests, small callers); the network's plan keeps the columns. */
export function planReadiness(
  cells: readonly PlanCell[],
  distributors: readonly PlanDistributor[],
  capacity: ShippingCapacity,
  weeks: number,
): PlanResult {
  const plan = planReadinessColumns(
    cells,
    cells.map((c) => c.required),
    distributors,
    capacity,
    weeks,
  );
  return { ...plan, shipments: shipmentList(plan.shipments) };
}

/**
 * Plan lines as one typed array per field: a national plan has about a million lines, which as
 * objects were a hundred megabytes for the garbage collector to walk on every recomputation.
 */
export interface ShipmentColumns {
  length: number;
  cell: Int32Array;
  /** Ids as doubles: a connected desktop's records have ids below -2^32 (main/sync/ids.ts). */
  distributorId: Float64Array;
  productId: Float64Array;
  shipWeek: Int32Array;
  arrivalWeek: Int32Array;
  cases: Int32Array;
}

export function shipmentColumns(length: number): ShipmentColumns {
  return {
    length,
    cell: new Int32Array(length),
    distributorId: new Float64Array(length),
    productId: new Float64Array(length),
    shipWeek: new Int32Array(length),
    arrivalWeek: new Int32Array(length),
    cases: new Int32Array(length),
  };
}

/** Line `i` as an object. */
export function shipmentAt(s: ShipmentColumns, i: number): Shipment {
  return {
    cell: s.cell[i]!,
    distributorId: s.distributorId[i]!,
    productId: s.productId[i]!,
    shipWeek: s.shipWeek[i]!,
    arrivalWeek: s.arrivalWeek[i]!,
    cases: s.cases[i]!,
  };
}

export function shipmentList(s: ShipmentColumns): Shipment[] {
  return Array.from({ length: s.length }, (_, i) => shipmentAt(s, i));
}

/** Line `from` of `a` written as line `to` of `b`, its cell renumbered. */
export function copyShipment(a: ShipmentColumns, from: number, b: ShipmentColumns, to: number, cell: number): void {
  b.cell[to] = cell;
  b.distributorId[to] = a.distributorId[from]!;
  b.productId[to] = a.productId[from]!;
  b.shipWeek[to] = a.shipWeek[from]!;
  b.arrivalWeek[to] = a.arrivalWeek[from]!;
  b.cases[to] = a.cases[from]!;
}

/**
 * The order needs are served in: priority (larger first), latest ship week, distributor, then within
 * a distributor the SKU with the larger required stock, then the SKU, then the cells' and weeks' own
 * order (a stable sort by those keys). Done as a stable bucket sort on (priority rank, latest ship
 * week) of the needs listed cell by cell in (distributor, required, SKU) order: linear, where a
 * comparison sort of millions of needs at national scale took seconds.
 */
function needOrder(
  cells: readonly Omit<PlanCell, 'required'>[],
  required: ArrayLike<number>,
  cellDist: readonly PlanDistributor[],
  firstReq: Int32Array,
  count: number,
  latestOf: (r: number) => number,
): Int32Array {
  const byCell = cells
    .map((_, i) => i)
    .sort(
      (a, b) =>
        cellDist[a]!.distributorId - cellDist[b]!.distributorId ||
        required[b]! - required[a]! ||
        cells[a]!.productId - cells[b]!.productId ||
        a - b,
    );
  const priorities = [...new Set(cellDist.map((d) => d.priority))].sort((a, b) => b - a);
  const prioRank = new Map(priorities.map((p, k) => [p, k]));
  let lo = Infinity;
  let hi = -Infinity;
  const latest = room('latest', count);
  for (let r = 0; r < count; r++) {
    const l = latestOf(r);
    latest[r] = l;
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  const span = count === 0 ? 1 : hi - lo + 1;
  const bucketOf = (r: number, rank: number) => rank * span + latest[r]! - lo;
  const starts = new Int32Array(priorities.length * span + 1);
  const rankOfCell = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const rank = prioRank.get(cellDist[i]!.priority)!;
    rankOfCell[i] = rank;
    for (let r = firstReq[i]!; r < firstReq[i + 1]!; r++) starts[bucketOf(r, rank) + 1]!++;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const out = room('order', count).subarray(0, count);
  for (const i of byCell) for (let r = firstReq[i]!; r < firstReq[i + 1]!; r++) out[starts[bucketOf(r, rankOfCell[i]!)]!++] = r;
  return out;
}

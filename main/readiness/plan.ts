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

export type ShortfallReason = 'lead_time' | 'shipping_capacity' | 'group_capacity' | 'warehouse_capacity';

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
  reason: ShortfallReason;
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

interface Requirement {
  cell: number;
  dist: PlanDistributor;
  dueWeek: number;
  latestShipWeek: number;
  cases: number;
  /**
   * For the peak requirement: the base projection's cumulative unmet demand from the peak week on
   * (index 0 = peak week). Extra stock X at peak start is X - that much later, so the warehouse
   * holds the plan's cases until the peak's demand has used them up. Null for a weekly need, whose
   * cases are sold in the week they are due.
   */
  usedAfterPeak: Int32Array | null;
}

/** Integer tolerance for comparing fractional pallet room with whole cases. */
const EPS = 1e-9;

/**
 * Ships as late as capacity allows (less stock held, fresher beer): each need is placed in the
 * latest week that can still deliver it on time, and earlier weeks take the rest when that week is
 * full. Needs are served in priority order (larger first; among equals the most urgent first), so a
 * lower-priority distributor only gets capacity a higher-priority one could not use. What fits in no
 * week is reported as a shortfall with the constraint that first pushed it out of its latest week.
 */
export function planReadiness(
  cells: readonly PlanCell[],
  distributors: readonly PlanDistributor[],
  capacity: ShippingCapacity,
  weeks: number,
): PlanResult {
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

  const requirements: Requirement[] = [];
  const base = new Float64Array(weeks + 1);
  const usedSlab = new Int32Array(cells.length * weeks);
  cells.forEach((cell, i) => {
    const dist = dists.get(cell.distributorId);
    if (!dist) throw new Error(`Distributor ${cell.distributorId} missing from the plan's input`);
    projectInto(base, cell.onHand, cell.arrivals, cell.demand, weeks);
    const bc = series(baseCases, dist.distributorId);
    const bp = series(basePallets, dist.distributorId);
    for (let w = 0; w < weeks; w++) {
      const occupancy = base[w]! + (cell.arrivals[w] ?? 0);
      bc[w] = bc[w]! + occupancy;
      bp[w] = bp[w]! + occupancy / cell.casesPerPallet;
    }
    const peak = dist.peakStartWeek;
    if (peak === null || peak >= weeks) return;
    // Lost sales make the base projection the same as "every earlier need met": stock is zero after
    // a week that ran short either way. So each week's need is its own unmet demand.
    for (let w = 0; w < peak; w++) {
      const need = (cell.demand[w] ?? 0) - base[w]! - (cell.arrivals[w] ?? 0);
      if (need > 0)
        requirements.push({ cell: i, dist, dueWeek: w, latestShipWeek: w - dist.leadTimeWeeks, cases: need, usedAfterPeak: null });
    }
    const short = cell.required - base[peak]!;
    if (short > 0) {
      const used = usedSlab.subarray(i * weeks, i * weeks + weeks - peak);
      let sum = 0;
      for (let w = peak; w < weeks; w++) {
        used[w - peak] = sum;
        sum += Math.max(0, (cell.demand[w] ?? 0) - base[w]! - (cell.arrivals[w] ?? 0));
      }
      // Stock for the peak must be on the shelf when it starts: delivered the week before at the latest.
      requirements.push({ cell: i, dist, dueWeek: peak, latestShipWeek: peak - 1 - dist.leadTimeWeeks, cases: short, usedAfterPeak: used });
    }
  });

  requirements.sort(
    (a, b) =>
      b.dist.priority - a.dist.priority ||
      a.latestShipWeek - b.latestShipWeek ||
      a.dist.distributorId - b.dist.distributorId ||
      // within one distributor, the SKUs it needs most first: a full warehouse then squeezes the tail of its range
      cells[b.cell]!.required - cells[a.cell]!.required ||
      cells[a.cell]!.productId - cells[b.cell]!.productId,
  );

  const regionUse = new Map<number, Float64Array>();
  const groupUse = new Map<string, Float64Array>();
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
  const shippedGrid = new Int32Array(cells.length * weeks);
  const shortfalls: Shortfall[] = [];
  const plannedArrivals: Array<Int32Array | null> = cells.map(() => null);
  const plannedSlab = new Int32Array(cells.length * weeks);

  for (const req of requirements) {
    const cell = cells[req.cell]!;
    const dist = req.dist;
    const regionCap = capacity.region.get(dist.regionId) ?? Infinity;
    const groupKey = cell.group === null ? null : `${dist.regionId}:${cell.group}`;
    const groupCap = groupKey === null ? Infinity : (capacity.group.get(groupKey) ?? Infinity);
    const rUse = regionCap === Infinity ? null : booked(regionUse, dist.regionId, capacity.committedRegion);
    const gUse = groupKey === null || groupCap === Infinity ? null : booked(groupUse, groupKey, capacity.committedGroup);
    const bc = baseCases.get(dist.distributorId)!;
    const bp = basePallets.get(dist.distributorId)!;
    const lc = series(loadCases, dist.distributorId);
    const lp = series(loadPallets, dist.distributorId);
    const cpp = cell.casesPerPallet;
    const peak = req.usedAfterPeak ? req.dueWeek : -1;

    let remaining = req.cases;
    let sent = 0;
    // The limit met in the latest week that could not take everything: the reason the need moved
    // earlier (and so, possibly, into a fuller warehouse) in the first place.
    let blocked: ShortfallReason | null = null;
    for (let ship = Math.min(req.latestShipWeek, weeks - 1); ship >= 0 && remaining > 0; ship--) {
      const regionFree = rUse ? regionCap - rUse[ship]! : Infinity;
      const groupFree = gUse ? groupCap - gUse[ship]! : Infinity;
      if (regionFree < 1 || groupFree < 1) {
        blocked ??= regionFree <= groupFree ? 'shipping_capacity' : 'group_capacity';
        continue;
      }
      const arrival = ship + dist.leadTimeWeeks;
      // The most this week's shipment can add without any week's occupancy passing a warehouse limit.
      let room = Infinity;
      if (dist.warehouseCases !== null || dist.warehousePallets !== null) {
        const last = req.usedAfterPeak ? weeks - 1 : req.dueWeek;
        for (let w = arrival; w <= last; w++) {
          // after the peak starts, demand the base stock cannot meet uses the plan's cases up first
          const usedUp = w >= peak && peak >= 0 ? Math.max(0, req.usedAfterPeak![w - peak]! - sent) : 0;
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
      const last = req.usedAfterPeak ? weeks - 1 : req.dueWeek;
      for (let w = arrival; w <= last; w++) {
        let held = cases;
        if (w >= peak && peak >= 0) {
          const used = req.usedAfterPeak![w - peak]!;
          held = Math.max(0, sent + cases - used) - Math.max(0, sent - used);
          if (held === 0 && used >= sent + cases) break;
        }
        lc[w] = lc[w]! + held;
        lp[w] = lp[w]! + held / cpp;
      }
      sent += cases;
      remaining -= cases;
      shippedGrid[req.cell * weeks + ship]! += cases;
      const arr = plannedArrivals[req.cell] ?? (plannedArrivals[req.cell] = plannedSlab.subarray(req.cell * weeks, (req.cell + 1) * weeks));
      arr[arrival] = arr[arrival]! + cases;
    }
    if (remaining > 0) {
      const reason: ShortfallReason = req.latestShipWeek < 0 ? 'lead_time' : (blocked ?? 'lead_time');
      shortfalls.push({
        cell: req.cell,
        distributorId: cell.distributorId,
        productId: cell.productId,
        dueWeek: req.dueWeek,
        cases: remaining,
        reason,
      });
    }
  }

  const order = cells
    .map((_, i) => i)
    .sort((a, b) => cells[a]!.distributorId - cells[b]!.distributorId || cells[a]!.productId - cells[b]!.productId);
  const shipments: Shipment[] = [];
  for (let ship = 0; ship < weeks; ship++) {
    for (const i of order) {
      const cases = shippedGrid[i * weeks + ship]!;
      if (cases === 0) continue;
      const cell = cells[i]!;
      shipments.push({
        cell: i,
        distributorId: cell.distributorId,
        productId: cell.productId,
        shipWeek: ship,
        arrivalWeek: ship + dists.get(cell.distributorId)!.leadTimeWeeks,
        cases,
      });
    }
  }
  return { shipments, shortfalls, plannedArrivals, regionUse, groupUse };
}

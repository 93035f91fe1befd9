/**
 * The network's projection and plan, region by region. Shipping capacity is shared within a region
 * (and within a SKU group of a region, keyed by the region too), and a warehouse within a distributor,
 * so the greedy placement of one region's needs never touches another region's lanes: planning each
 * region alone and merging the results in the plan's own orders gives exactly the whole network's
 * plan (tests/unit/readiness-regions.test.ts proves it on random networks). After a stock count or a
 * shipment only the region it moves is planned again; the others' parts are reused. Pure.
 */
import {
  assessNetwork,
  type CellAssessment,
  type NetworkAssessment,
  type NetworkCell,
  type NetworkDistributor,
  type ReadinessRules,
} from './assess.js';
import type { Shipment, ShippingCapacity, Shortfall } from './plan.js';
import { priorityOf } from './status.js';

/** One region's projection, plan and statuses; cell indices in shipments and shortfalls are the network's. */
export interface RegionPart {
  regionId: number;
  /** The network's indices of the region's cells, ascending; `assessed` and `plannedArrivals` follow them. */
  cells: readonly number[];
  /** The cells as they were planned (their stock and arrivals), for telling whether a later state moves them. */
  inputs: readonly NetworkCell[];
  assessed: CellAssessment[];
  plannedArrivals: Array<Int32Array | null>;
  /** In the plan's order: ship week, distributor, SKU. */
  shipments: Shipment[];
  /** In the order the plan met the needs: priority, latest ship week, distributor. */
  shortfalls: Shortfall[];
  regionUse: Map<number, Float64Array>;
  groupUse: Map<string, Float64Array>;
}

export function assessRegion(
  regionId: number,
  cellIndices: readonly number[],
  cells: readonly NetworkCell[],
  distributors: readonly NetworkDistributor[],
  rules: ReadinessRules,
  capacity: ShippingCapacity,
  weeks: number,
): RegionPart {
  const inputs = cellIndices.map((i) => cells[i]!);
  const local = assessNetwork(inputs, distributors, rules, capacity, weeks);
  const toNetwork = <T extends { cell: number }>(x: T): T => ({ ...x, cell: cellIndices[x.cell]! });
  return {
    regionId,
    cells: cellIndices,
    inputs,
    assessed: local.cells,
    plannedArrivals: local.plan.plannedArrivals,
    shipments: local.plan.shipments.map(toNetwork),
    shortfalls: local.plan.shortfalls.map(toNetwork),
    regionUse: local.plan.regionUse,
    groupUse: local.plan.groupUse,
  };
}

/** Lists each sorted by `cmp` merged into one sorted list; equal items keep their list's order. */
function mergeSorted<T>(lists: readonly (readonly T[])[], cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      if (at[k]! >= lists[k]!.length) continue;
      if (best < 0 || cmp(lists[k]![at[k]!]!, lists[best]![at[best]!]!) < 0) best = k;
    }
    if (best < 0) return out;
    out.push(lists[best]![at[best]!++]!);
  }
}

/** The regions' parts as one network assessment, in the orders planReadiness gives for the whole network. */
export function mergeRegions(
  parts: readonly RegionPart[],
  cellCount: number,
  distributors: ReadonlyMap<number, NetworkDistributor>,
  rules: ReadinessRules,
): NetworkAssessment {
  const cells = new Array<CellAssessment>(cellCount);
  const plannedArrivals = new Array<Int32Array | null>(cellCount).fill(null);
  const regionUse = new Map<number, Float64Array>();
  const groupUse = new Map<string, Float64Array>();
  for (const p of parts) {
    p.cells.forEach((i, j) => {
      cells[i] = p.assessed[j]!;
      plannedArrivals[i] = p.plannedArrivals[j]!;
    });
    for (const [k, v] of p.regionUse) regionUse.set(k, v);
    for (const [k, v] of p.groupUse) groupUse.set(k, v);
  }
  const shipments = mergeSorted(
    parts.map((p) => p.shipments),
    (a, b) => a.shipWeek - b.shipWeek || a.distributorId - b.distributorId || a.productId - b.productId,
  );
  // The order planReadiness serves needs in (priority, latest ship week, distributor): across regions
  // the distributor alone decides a tie, so merging each region's shortfalls by it is the network's order.
  const need = (s: Shortfall) => {
    const d = distributors.get(s.distributorId)!;
    const latest = s.dueWeek === d.peakStartWeek ? s.dueWeek - 1 - d.leadTimeWeeks : s.dueWeek - d.leadTimeWeeks;
    return { priority: priorityOf(rules.priorityRule, d.key, d.volumeShare), latest };
  };
  const shortfalls = mergeSorted(
    parts.map((p) => p.shortfalls.map((s) => ({ s, ...need(s) }))),
    (a, b) => b.priority - a.priority || a.latest - b.latest || a.s.distributorId - b.s.distributorId,
  ).map((x) => x.s);
  return { cells, plan: { shipments, shortfalls, plannedArrivals, regionUse, groupUse } };
}

/** Whether a cell's plan inputs (stock, whether counted, arrivals) are the same in two states. */
export function sameCellInputs(a: NetworkCell, b: NetworkCell, weeks: number): boolean {
  if (a === b) return true;
  if (a.onHand !== b.onHand || (a.counted !== false) !== (b.counted !== false)) return false;
  for (let w = 0; w < weeks; w++) if ((a.arrivals[w] ?? 0) !== (b.arrivals[w] ?? 0)) return false;
  return true;
}

/**
 * The whole network planned region by region, reusing a previous part where `reuse` returns one
 * (the caller knows whether its inputs moved).
 */
export function assessByRegion(
  cells: readonly NetworkCell[],
  distributors: readonly NetworkDistributor[],
  rules: ReadinessRules,
  capacity: ShippingCapacity,
  weeks: number,
  reuse: (regionId: number, cellIndices: readonly number[]) => RegionPart | null = () => null,
): { assessment: NetworkAssessment; parts: Map<number, RegionPart> } {
  const byId = new Map(distributors.map((d) => [d.distributorId, d]));
  const regionCells = new Map<number, number[]>();
  cells.forEach((c, i) => {
    const r = byId.get(c.distributorId)!.regionId;
    const list = regionCells.get(r);
    if (list) list.push(i);
    else regionCells.set(r, [i]);
  });
  const regionDists = new Map<number, NetworkDistributor[]>();
  for (const d of distributors) {
    const list = regionDists.get(d.regionId);
    if (list) list.push(d);
    else regionDists.set(d.regionId, [d]);
  }
  const parts = new Map<number, RegionPart>();
  for (const [regionId, indices] of regionCells) {
    parts.set(
      regionId,
      reuse(regionId, indices) ?? assessRegion(regionId, indices, cells, regionDists.get(regionId)!, rules, capacity, weeks),
    );
  }
  return { assessment: mergeRegions([...parts.values()], cells.length, byId, rules), parts };
}

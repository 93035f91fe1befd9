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
import {
  copyShipment,
  shipmentAt as shipmentOf,
  shipmentColumns,
  type ShipmentColumns,
  type ShippingCapacity,
  type Shortfall,
} from './plan.js';
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
  shipments: ShipmentColumns;
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
  // the plan's lines and shortfalls are its own, made for this call: renumbered in place, not copied
  const lines = local.plan.shipments;
  for (let j = 0; j < lines.length; j++) lines.cell[j] = cellIndices[lines.cell[j]!]!;
  for (const s of local.plan.shortfalls) s.cell = cellIndices[s.cell]!;
  return {
    regionId,
    cells: cellIndices,
    inputs,
    assessed: local.cells,
    plannedArrivals: local.plan.plannedArrivals,
    shipments: lines,
    shortfalls: local.plan.shortfalls,
    regionUse: local.plan.regionUse,
    groupUse: local.plan.groupUse,
  };
}

const partKeys = new WeakMap<RegionPart, Float64Array | null>();

/** A part's lines as (ship week, distributor, SKU) in one number each, kept with the part; null when an id is too large for it. */
function mergeKeys(part: RegionPart): Float64Array | null {
  let keys = partKeys.get(part);
  if (keys !== undefined) return keys;
  const s = part.shipments;
  keys = new Float64Array(s.length);
  for (let j = 0; j < s.length; j++) {
    const d = s.distributorId[j]!;
    const p = s.productId[j]!;
    if (d < 0 || p < 0 || d >= 2 ** 20 || p >= 2 ** 20) {
      keys = null;
      break;
    }
    keys[j] = (s.shipWeek[j]! * 2 ** 20 + d) * 2 ** 20 + p;
  }
  partKeys.set(part, keys);
  return keys;
}

/**
 * Lists each sorted ascending (finite keys) merged into one order: the list and item at each
 * position, equal keys taking the earlier list first. Linear in the items for a few lists.
 */
export function mergeSortedKeys(lists: readonly Float64Array[]): { list: Int32Array; item: Int32Array } {
  const total = lists.reduce((sum, l) => sum + l.length, 0);
  const list = new Int32Array(total);
  const item = new Int32Array(total);
  const at = new Int32Array(lists.length);
  // each list's next key (Infinity when done), scanned for the least: a few regions, so a scan beats a heap
  const head = new Float64Array(lists.length);
  for (let k = 0; k < lists.length; k++) head[k] = lists[k]!.length > 0 ? lists[k]![0]! : Infinity;
  for (let out = 0; out < total; out++) {
    let best = 0;
    for (let k = 1; k < head.length; k++) if (head[k]! < head[best]!) best = k;
    const j = at[best]!++;
    list[out] = best;
    item[out] = j;
    const keys = lists[best]!;
    head[best] = j + 1 < keys.length ? keys[j + 1]! : Infinity;
  }
  return { list, item };
}

/**
 * An order of a part's plan lines: `keys` ascending (one number per line, unique across the parts),
 * `lines` the part's line at each position (null: the part's own order).
 */
export interface LineOrder {
  keys: Float64Array;
  lines: Int32Array | null;
}

/**
 * The regions' parts as one network assessment: the plan lines in the order `lineOrder` gives (by
 * default the one planReadiness gives for the whole network: ship week, distributor, SKU), the
 * shortfalls in the order the plan met the needs.
 */
export function mergeRegions(
  parts: readonly RegionPart[],
  cellCount: number,
  distributors: ReadonlyMap<number, NetworkDistributor>,
  rulesOf: (regionId: number) => ReadinessRules,
  lineOrder?: (part: RegionPart) => LineOrder,
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
  // The lines in one list are for the screens that list or accept them (about a million at national
  // scale, 0.15 s to merge): merged when first asked for, once. The board counts them per part.
  let merged: ShipmentColumns | null = null;
  const mergeLines = (): ShipmentColumns => {
    const total = parts.reduce((sum, p) => sum + p.shipments.length, 0);
    const shipments = shipmentColumns(total);
    const put = (k: number, j: number, to: number) => {
      const from = parts[k]!.shipments;
      copyShipment(from, j, shipments, to, from.cell[j]!);
    };
    // Ship week, distributor, SKU as one number per line, kept with the part (ids below 2^20 each;
    // otherwise a stable sort of all lines by the three in turn).
    const orders = lineOrder ? parts.map(lineOrder) : parts.map((p) => mergeKeys(p)).map((keys) => keys && { keys, lines: null });
    if (orders.every((o) => o !== null)) {
      const { list, item } = mergeSortedKeys(orders.map((o) => o!.keys));
      for (let to = 0; to < total; to++) {
        const k = list[to]!;
        const lines = orders[k]!.lines;
        put(k, lines ? lines[item[to]!]! : item[to]!, to);
      }
    } else {
      const all = parts.flatMap((p, k) => Array.from({ length: p.shipments.length }, (_, j) => ({ s: shipmentOf(p.shipments, j), k, j })));
      // stable: equal lines keep their part's order
      all.sort((a, b) => a.s.shipWeek - b.s.shipWeek || a.s.distributorId - b.s.distributorId || a.s.productId - b.s.productId);
      all.forEach(({ k, j }, to) => put(k, j, to));
    }
    return shipments;
  };
  // The order planReadiness serves needs in (priority, latest ship week, distributor): across regions
  // the distributor alone decides a tie, so merging each region's shortfalls by it is the network's order.
  const order = parts.map((p) => {
    const priority = new Float64Array(p.shortfalls.length);
    const latest = new Float64Array(p.shortfalls.length);
    p.shortfalls.forEach((s, j) => {
      const d = distributors.get(s.distributorId)!;
      latest[j] = s.dueWeek === d.peakStartWeek ? s.dueWeek - 1 - d.leadTimeWeeks : s.dueWeek - d.leadTimeWeeks;
      priority[j] = priorityOf(rulesOf(d.regionId).priorityRule, d.key, d.volumeShare);
    });
    return { priority, latest };
  });
  const shortfalls: Shortfall[] = [];
  const lengths = parts.map((p) => p.shortfalls.length);
  const at = new Int32Array(parts.length);
  for (let left = lengths.reduce((sum, n) => sum + n, 0); left > 0; left--) {
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      if (at[k]! >= lengths[k]!) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const a = at[k]!;
      const b = at[best]!;
      const ok = order[k]!;
      const ob = order[best]!;
      const cmp =
        ob.priority[b]! - ok.priority[a]! ||
        ok.latest[a]! - ob.latest[b]! ||
        parts[k]!.shortfalls[a]!.distributorId - parts[best]!.shortfalls[b]!.distributorId;
      if (cmp < 0) best = k;
    }
    shortfalls.push(parts[best]!.shortfalls[at[best]!++]!);
  }
  return {
    cells,
    plan: {
      get shipments() {
        return (merged ??= mergeLines());
      },
      shortfalls,
      plannedArrivals,
      regionUse,
      groupUse,
    },
  };
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
 * (the caller knows whether its inputs moved), the plan lines merged in `lineOrder` (see mergeRegions).
 */
export function assessByRegion(
  cells: readonly NetworkCell[],
  distributors: readonly NetworkDistributor[],
  /** Each region's own rules (its coordinator's settings). */
  rulesOf: (regionId: number) => ReadinessRules,
  capacity: ShippingCapacity,
  weeks: number,
  reuse: (regionId: number, cellIndices: readonly number[]) => RegionPart | null = () => null,
  lineOrder?: (part: RegionPart) => LineOrder,
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
      reuse(regionId, indices) ?? assessRegion(regionId, indices, cells, regionDists.get(regionId)!, rulesOf(regionId), capacity, weeks),
    );
  }
  return { assessment: mergeRegions([...parts.values()], cells.length, byId, rulesOf, lineOrder), parts };
}

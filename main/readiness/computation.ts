import type { PackGroup, ReadinessSettings, ReadinessStatus } from '../../shared/contract/readiness.js';
import { dayOf, utcMidnightOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import { nextPeakStart } from '../../shared/domain/season.js';
import { memo } from '../db/memo.js';
import { prepared, type Db } from '../db/open.js';
import type { NetworkAssessment, NetworkCell, NetworkDistributor } from './assess.js';
import { readDemandInParts, seriesPerDistributor } from './demand-threads.js';
import { assessByRegion, sameCellInputs, type LineOrder, type RegionPart } from './regions.js';
import { allRegionIds, figuresByRegion, runsInForce, type RegionFigures } from './runs.js';
import { DEFAULT_SETTINGS, readinessSettingsByRegion } from './settings.js';
import { keyAccounts } from './status.js';
import { DAY_MS, isoDay, isoWeekLabel, WEEK_MS, weekGrid, weekIndexOf, type WeekGrid } from './weeks.js';

export interface Distributor {
  id: number;
  code: string;
  name: string;
  areaId: number;
  areaName: string;
  regionId: number;
  salespersonId: number | null;
  salespersonName: string | null;
  relationshipLevel: number;
  leadTimeDays: number;
  warehouseCases: number;
  warehousePallets: number | null;
}

export interface Product {
  id: number;
  status: string;
  sku: string;
  name: string;
  brand: string;
  pack: PackGroup;
  casesPerPallet: number;
}

/** Everything the board's screens need, computed for the whole network at once and reused until the data changes. */
export interface ReadinessComputation {
  /** What a stock count or a shipment cannot move, shared with the states before and after one. */
  base: ReadinessBase;
  grid: WeekGrid;
  labels: string[];
  settingsOf: (regionId: number) => ReadinessSettings;
  dists: Distributor[];
  distById: Map<number, Distributor>;
  inputs: Map<number, NetworkDistributor>;
  products: Map<number, Product>;
  cells: NetworkCell[];
  /** Per cell, as columns (no object per cell): the stock count used (counted 0: none) with its date, and cases in transit. */
  counts: { onHand: Float64Array; counted: Uint8Array; date: Array<string | null>; inTransit: Float64Array };
  /** The cell of a distributor x SKU, -1 for none. */
  cellAt: (distributorId: number, productId: number) => number;
  cellsOf: Map<number, number[]>;
  /** Its plan lines in display order (ship week, distributor name, SKU): the order the warehouse works in. */
  assessment: NetworkAssessment;
  /** Each region's projection, plan and statuses: what the next state reuses where its inputs did not move. */
  parts: Map<number, RegionPart>;
  /** The regions planned for this state (every region, unless a previous state's parts were reused). */
  replanned: number[];
  shortByCell: Float64Array;
  committedRegion: Map<number, Float64Array>;
  committedGroup: Map<string, Float64Array>;
  /**
   * The accepted plan in force in each region (main/readiness/runs.ts), with its cells' colours for
   * "what changed since"; a region never accepted is absent. Regions have their own coordinators, so
   * two regions may be on plans accepted on different days.
   */
  runs: Map<number, AcceptedPlanInForce>;
  missingForecast: boolean;
  computeMs: number;
  /** Reading and shaping the data, and the projection, plan and statuses themselves. */
  loadMs: number;
  planMs: number;
  /** Results derived for a filter (the board, plan and shortfall lists), kept as long as the computation. */
  views: Map<string, unknown>;
}

const HORIZON_MAX_WEEKS = 60;

/** First day after the peak run that starts at `start` (months 1-12; a run may wrap the year end). */
function peakEnd(peakMonths: Set<number>, start: Date): number {
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (let i = 0; i < 12 && peakMonths.has(m); i++) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return Date.UTC(y, m - 1, 1);
}

/** A distributor x SKU as far as it does not move with a stock count or a shipment. */
type CellBase = Omit<NetworkCell, 'onHand' | 'arrivals' | 'counted'>;

/**
 * What a stock count or a shipment cannot move, read once and kept until one of its own tables
 * changes: the week grid, the network, demand from the forecast (agreed numbers where agreed) spread
 * from months to ISO weeks by days with its uncertainty, key accounts, shipping capacities.
 */
export interface ReadinessBase {
  /** The day it was computed for, ISO. */
  today: string;
  grid: WeekGrid;
  labels: string[];
  /** A region's settings (each region's coordinator sets their own). */
  settingsOf: (regionId: number) => ReadinessSettings;
  dists: Distributor[];
  distById: Map<number, Distributor>;
  inputs: Map<number, NetworkDistributor>;
  products: Map<number, Product>;
  cells: CellBase[];
  /** The cell of a distributor x SKU, -1 for none (a number lookup in cellGrid, not a string-keyed map of 100,000 keys). */
  cellAt: (distributorId: number, productId: number) => number;
  /** The cell of a distributor x SKU by their ranks (distRank x products + skuRank), -1 for none: a number lookup for every stock row. */
  cellGrid: Int32Array;
  cellsOf: Map<number, number[]>;
  /** The arrivals of every cell nothing is on the way to (read only). */
  noArrivals: Int32Array;
  capacity: { region: Map<number, number>; group: Map<string, number> };
  distRank: Map<number, number>;
  skuRank: Map<number, number>;
  missingForecast: boolean;
  loadMs: number;
}

/** Every table computeReadinessBase reads: the base is kept until one of them changes. */
export const READINESS_BASE_READS: readonly string[] = [
  'areas',
  'distributor_pallet_capacity',
  'distributors',
  'forecast_demand_packs',
  'forecast_overrides',
  'forecast_series',
  'forecast_values',
  'group_shipping_capacity',
  'products',
  'region_peak_months',
  'region_shipping_capacity',
  'regions',
  'staff',
  'team_rules',
];

/** `today`: the calendar day as its UTC midnight (readinessToday turns the clock's instant into the user's local day). */
export function computeReadinessBase(db: Db, today: Date): ReadinessBase {
  const t0 = performance.now();
  const byRegion = readinessSettingsByRegion(db);
  const settingsOf = (regionId: number) => byRegion.get(regionId) ?? DEFAULT_SETTINGS;

  const regions = prepared(
    db,
    'SELECT r.id, r.name, (SELECT group_concat(month) FROM region_peak_months WHERE region_id = r.id) AS months FROM regions r',
  ).all() as Array<{ id: number; name: string; months: string | null }>;
  const week0 = weekGrid(today, 1).start;
  const peakStartOf = new Map<number, number>();
  let horizonEnd = week0 + 8 * WEEK_MS;
  for (const r of regions) {
    const months = new Set((r.months ?? '').split(',').filter(Boolean).map(Number));
    const start = nextPeakStart([...months], today);
    if (!start) continue;
    peakStartOf.set(r.id, start.getTime());
    // through the end of the peak, and at least through the region's cover period after it starts
    const coverWeeks = Math.ceil(settingsOf(r.id).requiredCoverDays / 7);
    horizonEnd = Math.max(horizonEnd, peakEnd(months, start), start.getTime() + (coverWeeks + 2) * WEEK_MS);
  }
  const grid = weekGrid(today, Math.min(HORIZON_MAX_WEEKS, Math.ceil((horizonEnd - week0) / WEEK_MS)));
  const weeks = grid.weeks.length;

  const dists = prepared(
    db,
    `SELECT d.id, d.code, d.name, d.area_id AS areaId, a.name AS areaName, a.region_id AS regionId, d.salesperson_id AS salespersonId,
       sp.name AS salespersonName, d.relationship_level AS relationshipLevel, d.lead_time_days AS leadTimeDays,
       d.warehouse_capacity_cases AS warehouseCases, pc.pallets AS warehousePallets
     FROM distributors d JOIN areas a ON a.id = d.area_id LEFT JOIN staff sp ON sp.id = d.salesperson_id
     LEFT JOIN distributor_pallet_capacity pc ON pc.distributor_id = d.id
     WHERE d.status != 'ended' AND d.archived_at IS NULL ORDER BY d.name COLLATE NOCASE, d.id`,
  ).all() as Distributor[];
  const distById = new Map(dists.map((d) => [d.id, d]));
  const products = new Map(
    (prepared(db, 'SELECT id, sku, name, brand, pack, status, cases_per_pallet AS casesPerPallet FROM products').all() as Product[]).map(
      (p) => [p.id, p],
    ),
  );

  // Demand per cell and week, read in parts on several cores at national scale (demand-threads.ts).
  const expected = seriesPerDistributor(db).total;
  const parts = readDemandInParts(db, { grid, distributorIds: [...distById.keys()], productIds: [...products.keys()], expected });
  const cells: CellBase[] = [];
  const cellsOf = new Map<number, number[]>();
  let seriesRead = 0;
  for (const part of parts) {
    seriesRead += part.seriesRead;
    for (let k = 0; k < part.count; k++) {
      // the ids as the network's rows hold them (small integers stay small integers, not doubles)
      const dist = distById.get(part.distributorId[k]!)!;
      const distributorId = dist.id;
      const product = products.get(part.productId[k]!)!;
      const list = cellsOf.get(distributorId);
      if (list) list.push(cells.length);
      else cellsOf.set(distributorId, [cells.length]);
      cells.push({
        distributorId,
        productId: product.id,
        demand: part.demand.subarray(k * weeks, (k + 1) * weeks),
        weeklyVariance: part.variance.subarray(k * weeks, (k + 1) * weeks),
        group: product.pack,
        casesPerPallet: product.casesPerPallet,
        prebuild: product.status !== 'phase_out' || settingsOf(dist.regionId).prebuildPhaseOut === true,
      });
    }
  }

  const volume = new Map<number, number>();
  for (const c of cells) {
    let v = 0;
    for (let w = 0; w < weeks; w++) v += c.demand[w]!;
    volume.set(c.distributorId, (volume.get(c.distributorId) ?? 0) + v);
  }
  const regionVolume = new Map<number, number>();
  for (const d of dists) regionVolume.set(d.regionId, (regionVolume.get(d.regionId) ?? 0) + (volume.get(d.id) ?? 0));
  // each region's key accounts by its own rule
  const regionFacts = new Map<number, Array<{ distributorId: number; regionId: number; relationshipLevel: number; volume: number }>>();
  for (const d of dists) {
    const facts = { distributorId: d.id, regionId: d.regionId, relationshipLevel: d.relationshipLevel, volume: volume.get(d.id) ?? 0 };
    const list = regionFacts.get(d.regionId);
    if (list) list.push(facts);
    else regionFacts.set(d.regionId, [facts]);
  }
  const key = new Set<number>();
  for (const [regionId, facts] of regionFacts) {
    const { keyAccountRule, keyVolumeShare } = settingsOf(regionId);
    for (const id of keyAccounts(facts, keyAccountRule, keyVolumeShare)) key.add(id);
  }
  const inputs = new Map<number, NetworkDistributor>();
  for (const d of dists) {
    const peak = peakStartOf.get(d.regionId);
    inputs.set(d.id, {
      distributorId: d.id,
      regionId: d.regionId,
      leadTimeWeeks: Math.ceil(d.leadTimeDays / 7),
      peakStartWeek: peak === undefined ? null : Math.min(weeks - 1, Math.max(0, Math.floor((peak - grid.start) / WEEK_MS))),
      peakDayOffset: peak === undefined || peak < grid.start ? 0 : Math.round(((peak - grid.start) % WEEK_MS) / DAY_MS),
      // a capacity of 0 is a warehouse nobody measured, not one that holds nothing
      warehouseCases: d.warehouseCases > 0 ? d.warehouseCases : null,
      warehousePallets: d.warehousePallets,
      key: key.has(d.id),
      volumeShare: (volume.get(d.id) ?? 0) / Math.max(1, regionVolume.get(d.regionId) ?? 0),
    });
  }
  const capacity = {
    region: new Map(
      (prepared(db, 'SELECT region_id, cases_per_week FROM region_shipping_capacity').raw().all() as Array<[number, number]>).map(
        ([r, c]) => [r, c],
      ),
    ),
    group: new Map(
      (
        prepared(db, 'SELECT region_id, pack, cases_per_week FROM group_shipping_capacity').raw().all() as Array<[number, string, number]>
      ).map(([r, p, c]) => [`${r}:${p}`, c]),
    ),
  };
  const distRank = new Map(dists.map((d, i) => [d.id, i]));
  const skuRank = new Map([...products.values()].sort((a, b) => a.sku.localeCompare(b.sku)).map((p, i) => [p.id, i]));
  const cellGrid = new Int32Array(dists.length * products.size).fill(-1);
  cells.forEach((c, i) => (cellGrid[distRank.get(c.distributorId)! * products.size + skuRank.get(c.productId)!] = i));
  return {
    today: isoDay(today.getTime()),
    grid,
    labels: grid.weeks.map((w) => isoWeekLabel(Date.parse(w))),
    settingsOf,
    dists,
    distById,
    inputs,
    products,
    cells,
    cellAt: (d, p) => {
      const dr = distRank.get(d);
      const sr = skuRank.get(p);
      return dr === undefined || sr === undefined ? -1 : cellGrid[dr * products.size + sr]!;
    },
    cellGrid,
    cellsOf,
    noArrivals: new Int32Array(weeks),
    capacity,
    distRank,
    skuRank,
    missingForecast: seriesRead === 0,
    loadMs: performance.now() - t0,
  };
}

/** The latest stock counts and the firm shipments as their tables hold them, as columns. */
export interface FirmStock {
  /** The latest count on or before the day per distributor x SKU. */
  counts: { distributorId: number[]; productId: number[]; cases: number[]; date: string[] };
  /** In transit, or planned by hand, arriving on or after the day given. */
  shipments: {
    distributorId: number[];
    productId: number[];
    cases: number[];
    shipDate: string[];
    arrivalDate: string[];
    planned: number[];
  };
}

/** The table latestCounts reads, and the one firmShipments reads. */
export const READINESS_COUNT_READS: readonly string[] = ['stock_snapshots'];
export const READINESS_SHIPMENT_READS: readonly string[] = ['shipments'];

/** The same few hundred days over and over: one string each, not one per row. */
function dayStrings(): (day: string) => string {
  const days = new Map<string, string>();
  return (d) => days.get(d) ?? (days.set(d, d), d);
}

/**
 * The latest stock counts on or before `today`, kept until a count changes: a change to the forecast,
 * the network or a shipment plans again on the same counts (at national scale SQLite takes 0.15 s
 * to hand over the latest of 115,000 counts, row by row).
 */
export function latestCounts(db: Db, today: string): FirmStock['counts'] {
  return memo(db, `readiness-counts:${today}`, READINESS_COUNT_READS, () => {
    const day = dayStrings();
    const counts: FirmStock['counts'] = { distributorId: [], productId: [], cases: [], date: [] };
    // SQLite returns the row of the max
    for (const [d, p, cases, date] of prepared(
      db,
      'SELECT distributor_id, product_id, cases, max(snapshot_date) FROM stock_snapshots WHERE snapshot_date <= ? GROUP BY distributor_id, product_id',
    )
      .raw()
      .iterate(today) as Iterable<[number, number, number, string]>) {
      counts.distributorId.push(d);
      counts.productId.push(p);
      counts.cases.push(cases);
      counts.date.push(day(date));
    }
    return counts;
  });
}

/** The shipments in transit or planned by hand that arrive on or after `arrivingFrom`, kept until a shipment changes. */
export function firmShipments(db: Db, arrivingFrom: string): FirmStock['shipments'] {
  return memo(db, `readiness-shipments:${arrivingFrom}`, READINESS_SHIPMENT_READS, () => {
    const day = dayStrings();
    const shipments: FirmStock['shipments'] = { distributorId: [], productId: [], cases: [], shipDate: [], arrivalDate: [], planned: [] };
    for (const [d, p, cases, shipDate, arrivalDate, status] of prepared(
      db,
      "SELECT distributor_id, product_id, cases, ship_date, arrival_date, status FROM shipments WHERE (status = 'in_transit' OR source = 'manual') AND arrival_date >= ?",
    )
      .raw()
      .iterate(arrivingFrom) as Iterable<[number, number, number, string, string, string]>) {
      shipments.distributorId.push(d);
      shipments.productId.push(p);
      shipments.cases.push(cases);
      shipments.shipDate.push(day(shipDate));
      shipments.arrivalDate.push(day(arrivalDate));
      shipments.planned.push(status === 'planned' ? 1 : 0);
    }
    return shipments;
  });
}

/** Room for a part's line index beside its display key (ship week, distributor name, SKU) in one exact number. */
const DISPLAY_SLOT = 2 ** 22;
const displayOrders = new WeakMap<RegionPart, LineOrder>();

const cellRanks = new WeakMap<ReadinessBase, Float64Array>();

/** Each cell's place in display order within a week (distributor name, then SKU), found once per base: a million lines need no look-ups. */
function displayRanks(base: ReadinessBase): Float64Array {
  let ranks = cellRanks.get(base);
  if (ranks) return ranks;
  ranks = new Float64Array(base.cells.length);
  for (let i = 0; i < base.cells.length; i++) {
    const c = base.cells[i]!;
    ranks[i] = base.distRank.get(c.distributorId)! * base.products.size + base.skuRank.get(c.productId)!;
  }
  cellRanks.set(base, ranks);
  return ranks;
}

/** A part's lines in display order (ship week, distributor name, SKU), sorted once natively as one number each; kept as long as the part. */
function displayOrder(base: ReadinessBase, part: RegionPart): LineOrder {
  let order = displayOrders.get(part);
  if (order) return order;
  const ships = part.shipments;
  if (ships.length >= DISPLAY_SLOT) throw new Error(`A region's plan of ${ships.length} lines is more than the display order holds`);
  const cellRank = displayRanks(base);
  const perWeek = base.dists.length * base.products.size;
  const keys = new Float64Array(ships.length);
  for (let i = 0; i < ships.length; i++) keys[i] = (ships.shipWeek[i]! * perWeek + cellRank[ships.cell[i]!]!) * DISPLAY_SLOT + i;
  keys.sort();
  const lines = new Int32Array(ships.length);
  for (let k = 0; k < keys.length; k++) lines[k] = keys[k]! % DISPLAY_SLOT;
  order = { keys, lines };
  displayOrders.set(part, order);
  return order;
}

const sameSeries = (a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined, weeks: number) => {
  if (a === b) return true;
  for (let w = 0; w < weeks; w++) if ((a?.[w] ?? 0) !== (b?.[w] ?? 0)) return false;
  return true;
};

/** Regions whose booked shipping (accepted planned shipments, by region and by SKU group) differs between two states. */
function bookingChanged(
  a: Pick<ReadinessComputation, 'committedRegion' | 'committedGroup'>,
  b: Pick<ReadinessComputation, 'committedRegion' | 'committedGroup'>,
  weeks: number,
): Set<number> {
  const changed = new Set<number>();
  for (const r of new Set([...a.committedRegion.keys(), ...b.committedRegion.keys()]))
    if (!sameSeries(a.committedRegion.get(r), b.committedRegion.get(r), weeks)) changed.add(r);
  for (const g of new Set([...a.committedGroup.keys(), ...b.committedGroup.keys()]))
    if (!sameSeries(a.committedGroup.get(g), b.committedGroup.get(g), weeks)) changed.add(Number(g.split(':')[0]));
  return changed;
}

/**
 * The projection and plan for the whole network on a base: the latest stock counts and firm
 * shipments on the way, then required stock, the pre-build plan and every cell's traffic light,
 * region by region (main/readiness/regions.ts). A region whose cells' stock, arrivals and booked
 * shipping are exactly those `previous` planned (same base) keeps its part: after one stock count or
 * shipment only that distributor's region is planned again.
 */
export function computeReadinessState(db: Db, base: ReadinessBase, previous: ReadinessComputation | null): ReadinessComputation {
  const t0 = performance.now();
  const { grid, settingsOf, distById, products, cellGrid, distRank, skuRank } = base;
  const weeks = grid.weeks.length;
  const n = base.cells.length;
  const skus = products.size;
  const cellOf = (d: number, p: number): number => {
    const dr = distRank.get(d);
    const sr = skuRank.get(p);
    return dr === undefined || sr === undefined ? -1 : cellGrid[dr * skus + sr]!;
  };
  const onHand = new Float64Array(n);
  const counted = new Uint8Array(n);
  const countDate = new Array<string | null>(n).fill(null);
  const inTransit = new Float64Array(n);
  const stock = latestCounts(db, base.today);
  for (let k = 0; k < stock.cases.length; k++) {
    const i = cellOf(stock.distributorId[k]!, stock.productId[k]!);
    if (i < 0) continue;
    onHand[i] = stock.cases[k]!;
    counted[i] = 1;
    countDate[i] = stock.date[k]!;
  }

  // Firm shipments: in transit, or planned by hand. An accepted plan's planned shipments are the
  // previous version of the plan: the plan is made afresh and replaces them when accepted.
  // Arrivals per cell that has any (a few thousand of the cells); the others share the base's zeros.
  const arrivalsOf = new Map<number, Int32Array>();
  const committedRegion = new Map<number, Float64Array>();
  const committedGroup = new Map<string, Float64Array>();
  const ships = firmShipments(db, isoDay(grid.start - 60 * DAY_MS));
  for (let k = 0; k < ships.cases.length; k++) {
    const d = ships.distributorId[k]!;
    const p = ships.productId[k]!;
    const cases = ships.cases[k]!;
    const arrivalDate = ships.arrivalDate[k]!;
    const shipDate = ships.shipDate[k]!;
    const i = cellOf(d, p);
    if (i < 0) continue;
    // what arrived before the stock count is in the count
    if (countDate[i] !== null && arrivalDate <= countDate[i]!) continue;
    const w = Math.max(0, weekIndexOf(grid, arrivalDate));
    if (w >= weeks) continue;
    let arrivals = arrivalsOf.get(i);
    if (!arrivals) arrivalsOf.set(i, (arrivals = new Int32Array(weeks)));
    arrivals[w]! += cases;
    inTransit[i]! += cases;
    const sw = weekIndexOf(grid, shipDate);
    if (ships.planned[k] === 1 && sw >= 0 && sw < weeks) {
      const dist = distById.get(d)!;
      const r = committedRegion.get(dist.regionId) ?? new Float64Array(weeks);
      r[sw]! += cases;
      committedRegion.set(dist.regionId, r);
      const gKey = `${dist.regionId}:${products.get(p)!.pack}`;
      const g = committedGroup.get(gKey) ?? new Float64Array(weeks);
      g[sw]! += cases;
      committedGroup.set(gKey, g);
    }
  }
  // A cell whose stock and arrivals did not move keeps the previous state's objects: after one count
  // or shipment a handful of cells are new, and the regions' reuse below is a comparison of identities.
  const same = previous !== null && previous.base === base ? previous : null;
  const cells: NetworkCell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const has = counted[i] === 1;
    const stock = has ? onHand[i]! : 0;
    const was = same?.cells[i];
    const arrivals = arrivalsOf.get(i) ?? base.noArrivals;
    if (was && was.onHand === stock && was.counted === has && sameSeries(was.arrivals, arrivals, weeks)) cells[i] = was;
    else {
      const c = base.cells[i]!;
      cells[i] = {
        distributorId: c.distributorId,
        productId: c.productId,
        demand: c.demand,
        weeklyVariance: c.weeklyVariance,
        group: c.group,
        casesPerPallet: c.casesPerPallet,
        prebuild: c.prebuild,
        onHand: stock,
        arrivals,
        counted: has,
      };
    }
  }
  const counts: ReadinessComputation['counts'] = { onHand, counted, date: countDate, inTransit };
  const loaded = performance.now();

  const comparable = previous !== null && previous.base === base;
  const booked = comparable ? bookingChanged(previous, { committedRegion, committedGroup }, weeks) : null;
  const replanned: number[] = [];
  const { assessment, parts } = assessByRegion(
    cells,
    [...base.inputs.values()],
    settingsOf,
    { ...base.capacity, committedRegion, committedGroup },
    weeks,
    (regionId, indices) => {
      const part = comparable && !booked!.has(regionId) ? previous.parts.get(regionId) : undefined;
      // equal cells are the same objects (above), so this is mostly a comparison of identities
      if (part && part.cells.length === indices.length && indices.every((i, j) => sameCellInputs(part.inputs[j]!, cells[i]!, weeks)))
        return part.inputs.every((x, j) => x === cells[indices[j]!]) ? part : { ...part, inputs: indices.map((i) => cells[i]!) };
      replanned.push(regionId);
      return null;
    },
    // the lines in the order the screens show them (a line's display key is unique: one line per cell and week)
    (part) => displayOrder(base, part),
  );
  const planned = performance.now();

  const shortByCell = new Float64Array(cells.length);
  for (const s of assessment.plan.shortfalls) shortByCell[s.cell]! += s.cases;

  const runs = acceptedPlansInForce(db);
  return {
    base,
    grid,
    labels: base.labels,
    settingsOf,
    dists: base.dists,
    distById,
    inputs: base.inputs,
    products,
    cells,
    counts,
    cellAt: base.cellAt,
    cellsOf: base.cellsOf,
    assessment,
    parts,
    replanned,
    shortByCell,
    committedRegion,
    committedGroup,
    runs,
    missingForecast: base.missingForecast,
    computeMs: Math.round(performance.now() - t0),
    loadMs: Math.round(loaded - t0),
    planMs: Math.round(planned - loaded),
    views: new Map(),
  };
}

/**
 * The projection and plan for the whole network from nothing cached: the base, then every region
 * planned. Uncached: the tests compare the incremental result with it.
 */
export function computeReadiness(db: Db, today: Date): ReadinessComputation {
  const t0 = performance.now();
  const base = computeReadinessBase(db, today);
  const c = computeReadinessState(db, base, null);
  return { ...c, computeMs: Math.round(performance.now() - t0), loadMs: Math.round(base.loadMs + c.loadMs) };
}

/** Every table computeReadiness reads (the base's and the stock, shipments and last accepted plan): its cached result is kept until one of them changes. */
export const READINESS_READS: readonly string[] = [
  'areas',
  'distributor_pallet_capacity',
  'distributors',
  'forecast_demand_packs',
  'forecast_overrides',
  'forecast_series',
  'forecast_values',
  'group_shipping_capacity',
  'products',
  'readiness_runs',
  'region_peak_months',
  'region_shipping_capacity',
  'regions',
  'shipments',
  'staff',
  'stock_snapshots',
  'team_rules',
];

/** The latest state computed on each base: the next one reuses its regions' parts where their inputs did not move. */
const latestState = new WeakMap<ReadinessBase, ReadinessComputation>();

/**
 * The computation for today, shared by every screen of the board until the data changes. A stock
 * count or a shipment keeps the base (its tables did not change) and replans only the regions whose
 * cells it moved; any other change computes everything again.
 */
export function readinessToday(db: Db, instant = now()): ReadinessComputation {
  // "Today" is the user's local day: at 07:00 in UTC+8 the new day's counts and shipments already count.
  const day = dayOf(instant);
  const base = memo(db, `readiness-base:${day}`, READINESS_BASE_READS, () => computeReadinessBase(db, new Date(utcMidnightOf(day))));
  return memo(db, `readiness:${day}`, READINESS_READS, () => {
    // Reuse is decided by comparing the cells' inputs themselves, so any earlier state on this base
    // (even one computed inside a transaction that rolled back) is a safe reference.
    const state = computeReadinessState(db, base, latestState.get(base) ?? null);
    latestState.set(base, state);
    return state;
  });
}

export interface AcceptedPlanInForce {
  id: number;
  at: string;
  shipments: number;
  cases: number;
  shortCases: number;
  /** The same figures by region (null for a plan accepted before they were kept by region). */
  byRegion: Record<string, RegionFigures> | null;
  statuses: Record<string, ReadinessStatus>;
  reopenedAt: string | null;
}

/** Each region's plan in force, its figures and colours read once per plan (a national plan's colours are tens of MB). */
function acceptedPlansInForce(db: Db): Map<number, AcceptedPlanInForce> {
  const read = new Map<number, AcceptedPlanInForce>();
  const out = new Map<number, AcceptedPlanInForce>();
  for (const [regionId, run] of runsInForce(db, allRegionIds(db))) {
    let plan = read.get(run.id);
    if (!plan) {
      const { byRegion, ...row } = prepared(
        db,
        'SELECT statuses, shipments, cases, short_cases AS shortCases, by_region AS byRegion FROM readiness_runs WHERE id = ?',
      ).get(run.id) as { statuses: string; shipments: number; cases: number; shortCases: number; byRegion: string | null };
      plan = {
        ...row,
        byRegion: figuresByRegion(byRegion),
        id: run.id,
        at: run.at,
        reopenedAt: run.reopenedAt,
        statuses: JSON.parse(row.statuses) as Record<string, ReadinessStatus>,
      };
      read.set(run.id, plan);
    }
    out.set(regionId, plan);
  }
  return out;
}

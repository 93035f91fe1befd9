import type {
  CellShortfall,
  PackGroup,
  PlanLine,
  ReadinessBoard,
  ReadinessCellDetail,
  ReadinessCellFacts,
  ReadinessDistributorDetail,
  ReadinessFilter,
  ReadinessRow,
  ReadinessSettings,
  ReadinessStatus,
  ShortfallLine,
} from '../../shared/contract/readiness.js';
import type { Page } from '../../shared/contract/fields.js';
import { DomainError } from '../../shared/contract/result.js';
import { dayOf, utcMidnightOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import { nextPeakStart } from '../../shared/domain/season.js';
import { memo } from '../db/memo.js';
import type { RegionScope } from '../people/readScope.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { forecastDemandSeries } from '../forecast/demand.js';
import { readSetting, writeSetting } from '../system/preferences.js';
import { assessNetwork, type NetworkAssessment, type NetworkCell, type NetworkDistributor } from './assess.js';
import type { Shortfall } from './plan.js';
import { project } from './projection.js';
import { keyAccounts, reasonInWords, sdFromRange80 } from './status.js';
import { DAY_MS, isoDay, isoWeekLabel, spreadToWeeks, WEEK_MS, weekGrid, weekIndexOf, wholeCases, type WeekGrid } from './weeks.js';

export const DEFAULT_SETTINGS: ReadinessSettings = {
  requiredCoverDays: 21,
  serviceLevelKey: 0.98,
  serviceLevelOther: 0.95,
  priorityRule: 'key_accounts_then_volume',
  keyAccountRule: 'relationship',
  keyVolumeShare: 0.5,
  prebuildPhaseOut: false,
};
const SETTINGS_KEY = 'readiness.settings';

export function readinessSettings(db: Db): ReadinessSettings {
  return { ...DEFAULT_SETTINGS, ...(readSetting<Partial<ReadinessSettings>>(db, SETTINGS_KEY) ?? {}) };
}

export function saveReadinessSettings(db: Db, settings: ReadinessSettings): ReadinessSettings {
  writeSetting(db, SETTINGS_KEY, settings);
  return readinessSettings(db);
}

interface Distributor {
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

interface Product {
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
  grid: WeekGrid;
  labels: string[];
  settings: ReadinessSettings;
  dists: Distributor[];
  distById: Map<number, Distributor>;
  inputs: Map<number, NetworkDistributor>;
  products: Map<number, Product>;
  cells: NetworkCell[];
  /** Per cell: the stock count used (null: none) and its date, and cases in transit. */
  counts: Array<{ onHand: number | null; date: string | null; inTransit: number }>;
  cellIndex: Map<string, number>;
  cellsOf: Map<number, number[]>;
  assessment: NetworkAssessment;
  /** Plan lines in display order (ship week, distributor name, SKU). */
  planOrder: number[];
  shortByCell: Float64Array;
  committedRegion: Map<number, Float64Array>;
  committedGroup: Map<string, Float64Array>;
  lastRun: {
    at: string;
    shipments: number;
    cases: number;
    shortCases: number;
    statuses: Record<string, ReadinessStatus>;
    reopenedAt: string | null;
  } | null;
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

/**
 * The projection and plan for the whole network (shipping capacity is shared by a region, so no
 * distributor can be planned alone): demand from the forecast (agreed numbers where agreed) spread
 * from months to ISO weeks by days, the latest stock counts, firm shipments on the way, then
 * required stock, the pre-build plan and every cell's traffic light. Uncached: the benchmark times it.
 */
/** `today`: the calendar day as its UTC midnight (readinessToday turns the clock's instant into the user's local day). */
export function computeReadiness(db: Db, today: Date): ReadinessComputation {
  const t0 = performance.now();
  const settings = readinessSettings(db);
  const todayIso = isoDay(today.getTime());

  const regions = prepared(
    db,
    'SELECT r.id, r.name, (SELECT group_concat(month) FROM region_peak_months WHERE region_id = r.id) AS months FROM regions r',
  ).all() as Array<{ id: number; name: string; months: string | null }>;
  const coverWeeks = Math.ceil(settings.requiredCoverDays / 7);
  const week0 = weekGrid(today, 1).start;
  const peakStartOf = new Map<number, number>();
  let horizonEnd = week0 + 8 * WEEK_MS;
  for (const r of regions) {
    const months = new Set((r.months ?? '').split(',').filter(Boolean).map(Number));
    const start = nextPeakStart([...months], today);
    if (!start) continue;
    peakStartOf.set(r.id, start.getTime());
    // through the end of the peak, and at least through the cover period after it starts
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

  // latest stock count on or before today per distributor x SKU (SQLite returns the row of the max)
  const countOf = new Map<string, { onHand: number; date: string }>();
  for (const [d, p, cases, date] of prepared(
    db,
    'SELECT distributor_id, product_id, cases, max(snapshot_date) FROM stock_snapshots WHERE snapshot_date <= ? GROUP BY distributor_id, product_id',
  )
    .raw()
    .iterate(todayIso) as Iterable<[number, number, number, string]>) {
    countOf.set(`${d}:${p}`, { onHand: cases, date });
  }

  const series = forecastDemandSeries(db, { fromMonth: grid.months[0]!, toMonth: grid.months[grid.months.length - 1]! });
  const monthIndex = new Map(grid.months.map((m, i) => [m, i]));
  const cells: NetworkCell[] = [];
  const counts: ReadinessComputation['counts'] = [];
  const cellIndex = new Map<string, number>();
  const cellsOf = new Map<number, number[]>();
  const agreed = new Float64Array(grid.months.length);
  const variance = new Float64Array(grid.months.length);
  // one block of memory per kind of weekly series (views per cell): far cheaper than 50,000 small arrays
  const demandSlab = new Int32Array(series.length * weeks);
  const varianceSlab = new Float64Array(series.length * weeks);
  const arrivalSlab = new Int32Array(series.length * weeks);
  const spread = new Float64Array(weeks);
  for (const s of series) {
    const product = products.get(s.productId);
    if (!distById.has(s.distributorId) || !product) continue;
    agreed.fill(0);
    variance.fill(0);
    for (let i = 0; i < s.months.length; i++) {
      const m = monthIndex.get(s.months[i]!);
      if (m === undefined) continue;
      agreed[m] = Math.max(0, s.agreed[i]!);
      // the agreed number moves the level, not the uncertainty: the forecast's own range is kept
      variance[m] = sdFromRange80(s.lo80[i]!, s.hi80[i]!) ** 2;
    }
    const key = `${s.distributorId}:${s.productId}`;
    const count = countOf.get(key);
    cellIndex.set(key, cells.length);
    const list = cellsOf.get(s.distributorId);
    if (list) list.push(cells.length);
    else cellsOf.set(s.distributorId, [cells.length]);
    const at = cells.length * weeks;
    cells.push({
      distributorId: s.distributorId,
      productId: s.productId,
      onHand: count?.onHand ?? 0,
      arrivals: arrivalSlab.subarray(at, at + weeks),
      demand: wholeCases(spreadToWeeks(grid, agreed, spread), demandSlab.subarray(at, at + weeks)),
      weeklyVariance: spreadToWeeks(grid, variance, varianceSlab.subarray(at, at + weeks)),
      group: product.pack,
      casesPerPallet: product.casesPerPallet,
      counted: count !== undefined,
      prebuild: product.status !== 'phase_out' || settings.prebuildPhaseOut === true,
    });
    counts.push({ onHand: count?.onHand ?? null, date: count?.date ?? null, inTransit: 0 });
  }

  // Firm shipments: in transit, or planned by hand. An accepted plan's planned shipments are the
  // previous version of the plan: the plan is made afresh and replaces them when accepted.
  const committedRegion = new Map<number, Float64Array>();
  const committedGroup = new Map<string, Float64Array>();
  for (const [d, p, cases, shipDate, arrivalDate, status] of prepared(
    db,
    "SELECT distributor_id, product_id, cases, ship_date, arrival_date, status FROM shipments WHERE (status = 'in_transit' OR source = 'manual') AND arrival_date >= ?",
  )
    .raw()
    .iterate(isoDay(grid.start - 60 * DAY_MS)) as Iterable<[number, number, number, string, string, string]>) {
    const i = cellIndex.get(`${d}:${p}`);
    if (i === undefined) continue;
    // what arrived before the stock count is in the count
    if (counts[i]!.date !== null && arrivalDate <= counts[i]!.date!) continue;
    const w = Math.max(0, weekIndexOf(grid, arrivalDate));
    if (w >= weeks) continue;
    (cells[i]!.arrivals as Int32Array)[w]! += cases;
    counts[i]!.inTransit += cases;
    const sw = weekIndexOf(grid, shipDate);
    if (status === 'planned' && sw >= 0 && sw < weeks) {
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

  const volume = new Map<number, number>();
  for (const c of cells) {
    let v = 0;
    for (let w = 0; w < weeks; w++) v += c.demand[w]!;
    volume.set(c.distributorId, (volume.get(c.distributorId) ?? 0) + v);
  }
  const regionVolume = new Map<number, number>();
  for (const d of dists) regionVolume.set(d.regionId, (regionVolume.get(d.regionId) ?? 0) + (volume.get(d.id) ?? 0));
  const key = keyAccounts(
    dists.map((d) => ({
      distributorId: d.id,
      regionId: d.regionId,
      relationshipLevel: d.relationshipLevel,
      volume: volume.get(d.id) ?? 0,
    })),
    settings.keyAccountRule,
    settings.keyVolumeShare,
  );
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
    committedRegion,
    committedGroup,
  };
  const loaded = performance.now();
  const assessment = assessNetwork(cells, [...inputs.values()], settings, capacity, weeks);
  const planned = performance.now();

  // Display order (ship week, distributor name, SKU) as one number per line, sorted natively.
  const distRank = new Map(dists.map((d, i) => [d.id, i]));
  const skuRank = new Map([...products.values()].sort((a, b) => a.sku.localeCompare(b.sku)).map((p, i) => [p.id, i]));
  const ships = assessment.plan.shipments;
  const SLOT = 2 ** 22;
  const keys = new Float64Array(ships.length);
  ships.forEach(
    (x, i) =>
      (keys[i] = ((x.shipWeek * dists.length + distRank.get(x.distributorId)!) * products.size + skuRank.get(x.productId)!) * SLOT + i),
  );
  keys.sort();
  const planOrder = Array.from(keys, (k) => k % SLOT);
  const shortByCell = new Float64Array(cells.length);
  for (const s of assessment.plan.shortfalls) shortByCell[s.cell]! += s.cases;

  const run = prepared(
    db,
    'SELECT created_at AS at, statuses, shipments, cases, short_cases AS shortCases, reopened_at AS reopenedAt FROM readiness_runs ORDER BY created_at DESC, id DESC LIMIT 1',
  ).get() as { at: string; statuses: string; shipments: number; cases: number; shortCases: number; reopenedAt: string | null } | undefined;
  return {
    grid,
    labels: grid.weeks.map((w) => isoWeekLabel(Date.parse(w))),
    settings,
    dists,
    distById,
    inputs,
    products,
    cells,
    counts,
    cellIndex,
    cellsOf,
    assessment,
    planOrder,
    shortByCell,
    committedRegion,
    committedGroup,
    lastRun: run ? { ...run, statuses: JSON.parse(run.statuses) as Record<string, ReadinessStatus> } : null,
    missingForecast: series.length === 0,
    computeMs: Math.round(performance.now() - t0),
    loadMs: Math.round(loaded - t0),
    planMs: Math.round(planned - loaded),
    views: new Map(),
  };
}

/** The peak's first day (the date the dashboard's calendar shows too), not the Monday of its week. */
function peakDay(c: ReadinessComputation, input: NetworkDistributor): string | null {
  if (input.peakStartWeek === null) return null;
  return isoDay(c.grid.start + input.peakStartWeek * WEEK_MS + (input.peakDayOffset ?? 0) * DAY_MS);
}

/** Every table computeReadiness reads: its cached result is kept until one of them changes. */
export const READINESS_READS: readonly string[] = [
  'areas',
  'distributor_pallet_capacity',
  'distributors',
  'forecast_overrides',
  'forecast_values',
  'group_shipping_capacity',
  'products',
  'readiness_runs',
  'region_peak_months',
  'region_shipping_capacity',
  'regions',
  'settings',
  'shipments',
  'staff',
  'stock_snapshots',
];
/** For a shortfall of the peak's own requirement, the peak's first day (the date said everywhere); null for a weekly need. */
function shortfallPeakStart(c: ReadinessComputation, s: Shortfall): string | null {
  const input = c.inputs.get(s.distributorId)!;
  return s.dueWeek === input.peakStartWeek ? peakDay(c, input) : null;
}

/** The shortfalls of one cell, in due order (grouped once per computation). */
function cellShortfalls(c: ReadinessComputation, i: number): CellShortfall[] {
  const byCell = view(c, 'shortByCell', {}, () => {
    const m = new Map<number, Shortfall[]>();
    for (const s of c.assessment.plan.shortfalls) m.set(s.cell, [...(m.get(s.cell) ?? []), s]);
    return m;
  });
  return (byCell.get(i) ?? [])
    .map((s) => ({
      dueWeek: c.grid.weeks[s.dueWeek]!,
      peakStart: shortfallPeakStart(c, s),
      cases: s.cases,
      reason: s.reason,
      also: s.also,
    }))
    .sort((a, b) => a.dueWeek.localeCompare(b.dueWeek));
}

/** The computation for today, shared by every screen of the board until the data changes. */
export function readinessToday(db: Db, instant = now()): ReadinessComputation {
  // "Today" is the user's local day: at 07:00 in UTC+8 the new day's counts and shipments already count.
  const day = dayOf(instant);
  return memo(db, `readiness:${day}`, READINESS_READS, () => computeReadiness(db, new Date(utcMidnightOf(day))));
}

/** A result derived from the computation for one filter, computed once per computation. */
function view<T>(c: ReadinessComputation, name: string, filter: object, make: () => T): T {
  const key = `${name}:${JSON.stringify(filter)}`;
  if (c.views.has(key)) return c.views.get(key) as T;
  const value = make();
  if (c.views.size > 100) c.views.clear();
  c.views.set(key, value);
  return value;
}

/**
 * The screen's filter and the regions the person reads (null: every region). The computation is the
 * whole network's, shared by everyone; a person's regions only filter what it shows.
 */
export type ScopedFilter = ReadinessFilter & { regions?: RegionScope | undefined };

const inScope = (f: ScopedFilter, regionId: number) => !f.regions || f.regions.includes(regionId);

/** Distributors a filter shows (regions, area, salesperson; status and brand apply to their cells). */
function visibleDistributors(c: ReadinessComputation, f: ScopedFilter): Set<number> {
  const out = new Set<number>();
  for (const d of c.dists) {
    if (!inScope(f, d.regionId)) continue;
    if (f.areaId && d.areaId !== f.areaId) continue;
    if (f.salespersonId && d.salespersonId !== f.salespersonId) continue;
    const cells = (c.cellsOf.get(d.id) ?? []).filter((i) => !f.brand || c.products.get(c.cells[i]!.productId)!.brand === f.brand);
    if (cells.length === 0) continue;
    if (f.status && !cells.some((i) => c.assessment.cells[i]!.status === f.status)) continue;
    out.add(d.id);
  }
  return out;
}

const brandOk = (c: ReadinessComputation, f: ReadinessFilter, productId: number) =>
  !f.brand || c.products.get(productId)!.brand === f.brand;
const palletsOf = (c: ReadinessComputation, productId: number, cases: number) =>
  Math.ceil(cases / c.products.get(productId)!.casesPerPallet);

export function readinessBoard(db: Db, filter: ScopedFilter, today = now()): ReadinessBoard {
  const c = readinessToday(db, today);
  const { areaId, salespersonId, status, brand, regions } = filter;
  return view(c, 'board', { areaId, salespersonId, status, brand, regions }, () => buildBoard(db, c, filter));
}

function buildBoard(db: Db, c: ReadinessComputation, filter: ScopedFilter): ReadinessBoard {
  const visible = visibleDistributors(c, filter);
  const totals: Record<ReadinessStatus, number> = { green: 0, amber: 0, red: 0 };
  const rows: ReadinessRow[] = [];
  const skuIds = new Set<number>();
  for (const d of c.dists) {
    if (!visible.has(d.id)) continue;
    const counts: Record<ReadinessStatus, number> = { green: 0, amber: 0, red: 0 };
    let shortCases = 0;
    const cells = [];
    for (const i of c.cellsOf.get(d.id) ?? []) {
      const cell = c.cells[i]!;
      if (!brandOk(c, filter, cell.productId)) continue;
      const a = c.assessment.cells[i]!;
      counts[a.status]++;
      shortCases += c.shortByCell[i]!;
      skuIds.add(cell.productId);
      cells.push({ productId: cell.productId, status: a.status, reason: a.code });
    }
    for (const s of ['green', 'amber', 'red'] as const) totals[s] += counts[s];
    const input = c.inputs.get(d.id)!;
    rows.push({
      distributorId: d.id,
      code: d.code,
      name: d.name,
      areaName: d.areaName,
      salespersonName: d.salespersonName,
      keyAccount: input.key,
      peakStart: peakDay(c, input),
      counts,
      shortCases,
      cells,
    });
  }
  // the most trouble first: those are the calls to make today
  rows.sort(
    (a, b) => b.counts.red - a.counts.red || b.shortCases - a.shortCases || b.counts.amber - a.counts.amber || a.name.localeCompare(b.name),
  );

  const byWeek = c.grid.weeks.map((week, i) => ({ week, label: c.labels[i]!, shipments: 0, cases: 0, pallets: 0 }));
  const plan = { shipments: 0, cases: 0, pallets: 0, byWeek };
  for (const s of c.assessment.plan.shipments) {
    if (!visible.has(s.distributorId) || !brandOk(c, filter, s.productId)) continue;
    const pallets = palletsOf(c, s.productId, s.cases);
    const w = byWeek[s.shipWeek]!;
    w.shipments++;
    w.cases += s.cases;
    w.pallets += pallets;
    plan.shipments++;
    plan.cases += s.cases;
    plan.pallets += pallets;
  }
  const short = { lines: 0, cases: 0, distributors: 0 };
  const shortDists = new Set<number>();
  for (const s of c.assessment.plan.shortfalls) {
    if (!visible.has(s.distributorId) || !brandOk(c, filter, s.productId)) continue;
    short.lines++;
    short.cases += s.cases;
    shortDists.add(s.distributorId);
  }
  short.distributors = shortDists.size;

  const regions = prepared(
    db,
    'SELECT r.id, r.name, c.cases_per_week AS cap FROM regions r LEFT JOIN region_shipping_capacity c ON c.region_id = r.id ORDER BY r.name',
  ).all() as Array<{ id: number; name: string; cap: number | null }>;
  const groups = prepared(
    db,
    'SELECT region_id AS regionId, pack, cases_per_week AS cap FROM group_shipping_capacity ORDER BY pack',
  ).all() as Array<{ regionId: number; pack: PackGroup; cap: number }>;
  // Shipped per week: firm planned shipments plus the plan. The plan's own use is kept only for
  // limited regions and groups, so count it here from the shipments for every one.
  const empty = () => new Array<number>(c.grid.weeks.length).fill(0);
  const regionUsed = new Map<number, number[]>();
  const groupUsed = new Map<string, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, w: number, n: number) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = new Array<number>(c.grid.weeks.length).fill(0)));
    a[w]! += n;
  };
  for (const [r, a] of c.committedRegion) a.forEach((n, w) => n && add(regionUsed, r, w, n));
  for (const [g, a] of c.committedGroup) a.forEach((n, w) => n && add(groupUsed, g, w, n));
  const booked = (a: Float64Array | undefined) => (a ? Array.from(a) : empty());
  for (const s of c.assessment.plan.shipments) {
    const r = c.distById.get(s.distributorId)!.regionId;
    add(regionUsed, r, s.shipWeek, s.cases);
    add(groupUsed, `${r}:${c.products.get(s.productId)!.pack}`, s.shipWeek, s.cases);
  }

  const changes: ReadinessBoard['changes'] = [];
  let changesTotal = 0;
  if (c.lastRun) {
    for (let i = 0; i < c.cells.length; i++) {
      const cell = c.cells[i]!;
      const was = c.lastRun.statuses[`${cell.distributorId}:${cell.productId}`];
      const now = c.assessment.cells[i]!.status;
      if (!was || was === now || !visible.has(cell.distributorId) || !brandOk(c, filter, cell.productId)) continue;
      changesTotal++;
      if (changes.length < 200)
        changes.push({
          distributorId: cell.distributorId,
          distributorName: c.distById.get(cell.distributorId)!.name,
          productId: cell.productId,
          sku: c.products.get(cell.productId)!.sku,
          from: was,
          to: now,
        });
    }
    const rank = { red: 0, amber: 1, green: 2 };
    changes.sort((a, b) => rank[a.to] - rank[b.to] || a.distributorName.localeCompare(b.distributorName));
  }

  return {
    today: c.grid.weeks[0]!,
    weeks: c.grid.weeks,
    weekLabels: c.labels,
    settings: c.settings,
    keyAccounts: [...c.inputs].filter(([id, d]) => d.key && inScope(filter, c.distById.get(id)!.regionId)).length,
    skus: [...skuIds]
      .map((id) => c.products.get(id)!)
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map(({ id, sku, name, brand }) => ({ id, sku, name, brand })),
    rows,
    totals,
    plan,
    short,
    capacity: regions
      .filter((r) => inScope(filter, r.id))
      .map((r) => ({
        regionId: r.id,
        regionName: r.name,
        casesPerWeek: r.cap,
        booked: booked(c.committedRegion.get(r.id)),
        used: regionUsed.get(r.id) ?? empty(),
        groups: groups
          .filter((g) => g.regionId === r.id)
          .map((g) => ({
            pack: g.pack,
            casesPerWeek: g.cap,
            booked: booked(c.committedGroup.get(`${r.id}:${g.pack}`)),
            used: groupUsed.get(`${r.id}:${g.pack}`) ?? empty(),
          })),
      })),
    changes,
    changesTotal,
    lastRun: c.lastRun
      ? {
          at: c.lastRun.at,
          shipments: c.lastRun.shipments,
          cases: c.lastRun.cases,
          shortCases: c.lastRun.shortCases,
          reopenedAt: c.lastRun.reopenedAt,
        }
      : null,
    computeMs: c.computeMs,
    missing: {
      forecast: c.missingForecast,
      stock: c.counts.filter((x, i) => x.onHand === null && inScope(filter, c.distById.get(c.cells[i]!.distributorId)!.regionId)).length,
    },
  };
}

/** Every plan line a filter shows, in the order the warehouse works: ship week, distributor, SKU. */
function planIndices(
  c: ReadinessComputation,
  filter: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined },
): number[] {
  const { areaId, salespersonId, status, brand, week, distributorId, regions } = filter;
  return view(c, 'plan', { areaId, salespersonId, status, brand, week, distributorId, regions }, () => {
    const visible = visibleDistributors(c, filter);
    const w = week ? weekIndexOf(c.grid, week) : null;
    return c.planOrder.filter((i) => {
      const s = c.assessment.plan.shipments[i]!;
      return (
        visible.has(s.distributorId) &&
        brandOk(c, filter, s.productId) &&
        (w === null || s.shipWeek === w) &&
        (!distributorId || s.distributorId === distributorId)
      );
    });
  });
}

function planLine(c: ReadinessComputation, i: number): PlanLine {
  const s = c.assessment.plan.shipments[i]!;
  const d = c.distById.get(s.distributorId)!;
  const p = c.products.get(s.productId)!;
  return {
    distributorId: d.id,
    distributorCode: d.code,
    distributorName: d.name,
    keyAccount: c.inputs.get(d.id)!.key,
    productId: p.id,
    sku: p.sku,
    productName: p.name,
    shipWeek: c.grid.weeks[s.shipWeek]!,
    shipWeekLabel: c.labels[s.shipWeek]!,
    arrivalWeek: c.grid.weeks[s.arrivalWeek] ?? isoDay(c.grid.start + s.arrivalWeek * WEEK_MS),
    cases: s.cases,
    pallets: palletsOf(c, p.id, s.cases),
  };
}

export function planLines(
  c: ReadinessComputation,
  filter: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined },
): PlanLine[] {
  return planIndices(c, filter).map((i) => planLine(c, i));
}

export function readinessPlan(
  db: Db,
  input: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined; offset: number; limit: number },
  today = now(),
): Page<PlanLine> {
  const c = readinessToday(db, today);
  const indices = planIndices(c, input);
  return { rows: indices.slice(input.offset, input.offset + input.limit).map((i) => planLine(c, i)), total: indices.length };
}

/** Who is short of what and when: the biggest gaps first, key accounts before others of the same size. */
export function shortfallLines(c: ReadinessComputation, filter: ScopedFilter & { distributorId?: number | undefined }): ShortfallLine[] {
  const { areaId, salespersonId, status, brand, distributorId, regions } = filter;
  return view(c, 'short', { areaId, salespersonId, status, brand, distributorId, regions }, () => buildShortfalls(c, filter));
}

function buildShortfalls(c: ReadinessComputation, filter: ScopedFilter & { distributorId?: number | undefined }): ShortfallLine[] {
  const visible = visibleDistributors(c, filter);
  return c.assessment.plan.shortfalls
    .filter(
      (s) =>
        visible.has(s.distributorId) &&
        brandOk(c, filter, s.productId) &&
        (!filter.distributorId || s.distributorId === filter.distributorId),
    )
    .map((s) => ({
      distributorId: s.distributorId,
      distributorName: c.distById.get(s.distributorId)!.name,
      keyAccount: c.inputs.get(s.distributorId)!.key,
      productId: s.productId,
      sku: c.products.get(s.productId)!.sku,
      dueWeek: c.grid.weeks[s.dueWeek]!,
      peakStart: shortfallPeakStart(c, s),
      cases: s.cases,
      reason: s.reason,
      also: s.also,
    }))
    .sort(
      (a, b) =>
        b.cases - a.cases ||
        Number(b.keyAccount) - Number(a.keyAccount) ||
        a.dueWeek.localeCompare(b.dueWeek) ||
        a.distributorName.localeCompare(b.distributorName),
    );
}

export function readinessShortfalls(
  db: Db,
  input: ScopedFilter & { distributorId?: number | undefined; offset: number; limit: number },
  today = now(),
): Page<ShortfallLine> {
  const lines = shortfallLines(readinessToday(db, today), input);
  return { rows: lines.slice(input.offset, input.offset + input.limit), total: lines.length };
}

function cellFacts(c: ReadinessComputation, i: number): ReadinessCellFacts {
  const cell = c.cells[i]!;
  const a = c.assessment.cells[i]!;
  const p = c.products.get(cell.productId)!;
  const peak = c.inputs.get(cell.distributorId)!.peakStartWeek;
  const count = c.counts[i]!;
  const planned = c.assessment.plan.plannedArrivals[i];
  return {
    productId: p.id,
    sku: p.sku,
    productName: p.name,
    pack: p.pack,
    status: a.status,
    reason: a.code,
    reasonWeek: a.week === null ? null : c.grid.weeks[a.week]!,
    daysIntoPeak: a.week === null || peak === null || a.week < peak ? null : (a.week - peak) * 7,
    onHand: count.onHand,
    countDate: count.date,
    inTransit: count.inTransit,
    atPeakWithoutPlan: a.atPeakWithoutPlan,
    atPeak: a.atPeak,
    required: a.required.required,
    safety: Math.round(a.required.safety),
    serviceLevel: a.serviceLevel,
    coverDaysWithoutPlan: a.coverDaysWithoutPlan === null ? null : Math.round(a.coverDaysWithoutPlan),
    coverDays: a.coverDays === null ? null : Math.round(a.coverDays),
    stockoutWithoutPlan: a.stockoutWithoutPlan === null ? null : c.grid.weeks[a.stockoutWithoutPlan]!,
    plannedCases: planned ? planned.reduce((s, x) => s + x, 0) : 0,
    shortCases: c.shortByCell[i]!,
    shortfalls: cellShortfalls(c, i),
  };
}

/** The reason of a cell in English words, for the command line and exports. */
export function reasonText(c: ReadinessComputation, f: ReadinessCellFacts): string {
  return reasonInWords(f.reason, {
    atPeak: f.atPeak,
    required: f.required,
    coverDays: f.coverDays,
    requiredCoverDays: c.settings.requiredCoverDays,
    weekOf: f.reasonWeek,
    daysIntoPeak: f.daysIntoPeak,
  });
}

export function readinessDistributor(db: Db, distributorId: number, today = now()): ReadinessDistributorDetail {
  const c = readinessToday(db, today);
  const d = c.distById.get(distributorId);
  if (!d) throw new DomainError('not_found', 'That distributor is not in the readiness board (ended, or removed).');
  const input = c.inputs.get(d.id)!;
  const weeks = c.grid.weeks.length;
  const occupancyCases = new Array<number>(weeks).fill(0);
  const occupancyPallets = new Array<number>(weeks).fill(0);
  const indices = c.cellsOf.get(d.id) ?? [];
  for (const i of indices) {
    const cell = c.cells[i]!;
    const planned = c.assessment.plan.plannedArrivals[i];
    const arrivals = Array.from({ length: weeks }, (_, w) => cell.arrivals[w]! + (planned?.[w] ?? 0));
    const stock = project(cell.onHand, arrivals, cell.demand, weeks);
    for (let w = 0; w < weeks; w++) {
      occupancyCases[w]! += stock[w]! + arrivals[w]!;
      occupancyPallets[w]! += (stock[w]! + arrivals[w]!) / cell.casesPerPallet;
    }
  }
  const facts = indices.map((i) => cellFacts(c, i));
  const rank = { red: 0, amber: 1, green: 2 };
  facts.sort((a, b) => rank[a.status] - rank[b.status] || b.shortCases - a.shortCases || a.sku.localeCompare(b.sku));
  return {
    distributorId: d.id,
    code: d.code,
    name: d.name,
    areaName: d.areaName,
    keyAccount: input.key,
    relationshipLevel: d.relationshipLevel,
    volumeShare: input.volumeShare,
    leadTimeDays: d.leadTimeDays,
    warehouseCases: d.warehouseCases,
    warehousePallets: d.warehousePallets,
    peakStart: peakDay(c, input),
    requiredCoverDays: c.settings.requiredCoverDays,
    occupancyCases: occupancyCases.map(Math.round),
    occupancyPallets: occupancyPallets.map((x) => Math.round(x * 10) / 10),
    weeks: c.grid.weeks,
    cells: facts,
  };
}

export function readinessCell(db: Db, distributorId: number, productId: number, today = now()): ReadinessCellDetail {
  const c = readinessToday(db, today);
  const i = c.cellIndex.get(`${distributorId}:${productId}`);
  if (i === undefined || !c.distById.has(distributorId))
    throw new DomainError('not_found', 'No forecast demand for this distributor and SKU: nothing to project.');
  const cell = c.cells[i]!;
  const weeks = c.grid.weeks.length;
  const planned = c.assessment.plan.plannedArrivals[i];
  const arrivals = Array.from({ length: weeks }, (_, w) => cell.arrivals[w]!);
  const plannedArr = Array.from({ length: weeks }, (_, w) => planned?.[w] ?? 0);
  return {
    ...cellFacts(c, i),
    distributorName: c.distById.get(distributorId)!.name,
    weeks: c.grid.weeks,
    projected: project(cell.onHand, arrivals, cell.demand, weeks).slice(0, weeks),
    withPlan: project(
      cell.onHand,
      arrivals.map((x, w) => x + plannedArr[w]!),
      cell.demand,
      weeks,
    ).slice(0, weeks),
    demand: Array.from(cell.demand),
    arrivals,
    planned: plannedArr,
    peakStartWeek: c.inputs.get(distributorId)!.peakStartWeek,
    requiredCoverDays: c.settings.requiredCoverDays,
  };
}

/**
 * Turns the proposed plan into planned shipments for the warehouse, replacing the plan accepted
 * before (its shipments not yet sent), and remembers every cell's colour for "what changed".
 */
export function acceptPlan(db: Db, today = now()): { shipments: number; cases: number } {
  const c = readinessToday(db, today);
  return db.transaction(() => {
    prepared(db, "DELETE FROM shipments WHERE source = 'plan' AND status = 'planned'").run();
    const insert = prepared(
      db,
      "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', 'plan', ?)",
    );
    const now = nowIso();
    let cases = 0;
    for (const s of c.assessment.plan.shipments) {
      insert.run(
        nextId('shipments'),
        s.distributorId,
        s.productId,
        s.cases,
        isoDay(c.grid.start + s.shipWeek * WEEK_MS),
        isoDay(c.grid.start + s.arrivalWeek * WEEK_MS),
        now,
      );
      cases += s.cases;
    }
    const statuses = Object.fromEntries(c.cells.map((x, i) => [`${x.distributorId}:${x.productId}`, c.assessment.cells[i]!.status]));
    const shortCases = c.assessment.plan.shortfalls.reduce((s, x) => s + x.cases, 0);
    prepared(db, 'INSERT INTO readiness_runs (id, created_at, statuses, shipments, cases, short_cases) VALUES (?, ?, ?, ?, ?, ?)').run(
      nextId('readiness_runs'),
      now,
      JSON.stringify(statuses),
      c.assessment.plan.shipments.length,
      cases,
      shortCases,
    );
    return { shipments: c.assessment.plan.shipments.length, cases };
  })();
}

import type { ReadinessBoard, ReadinessCellDetail, ReadinessRow, ReadinessSettings, ReadinessStatus } from '../../shared/contract/readiness.js';
import { DomainError } from '../../shared/contract/result.js';
import { monthOf } from '../../shared/domain/months.js';
import { nextPeakStart } from '../../shared/domain/season.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { forecastDemand } from '../forecast/demand.js';
import { readSetting, writeSetting } from '../system/preferences.js';
import { memo } from '../db/memo.js';
import { planReadiness, type CellInput, type DistributorInput, type PlanResult } from './plan.js';

export const DEFAULT_SETTINGS: ReadinessSettings = { requiredCoverDays: 21, serviceLevelKey: 0.98, serviceLevelOther: 0.95, priorityRule: 'key_accounts_then_volume' };
const SETTINGS_KEY = 'readiness.settings';
const DAY = 86_400_000;
const Z80 = 1.2815515655446004;

export function readinessSettings(db: Db): ReadinessSettings {
  return { ...DEFAULT_SETTINGS, ...(readSetting<Partial<ReadinessSettings>>(db, SETTINGS_KEY) ?? {}) };
}

export function saveReadinessSettings(db: Db, settings: ReadinessSettings): ReadinessSettings {
  writeSetting(db, SETTINGS_KEY, settings);
  return readinessSettings(db);
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const mondayOf = (d: Date) => {
  const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
};
const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

interface DistributorRow {
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
  capacity: number;
}

export interface ReadinessComputation {
  weeks: string[];
  plan: PlanResult;
  cells: CellInput[];
  dists: DistributorRow[];
  distInputs: Map<number, DistributorInput>;
  products: Map<number, { id: number; sku: string; name: string; brand: string; casesPerPallet: number }>;
  onHand: Map<string, number>;
  settings: ReadinessSettings;
  computeMs: number;
  missingForecast: boolean;
}

/**
 * Everything the board needs, computed for the whole network at once (shipping capacity is shared
 * by a region, so no distributor can be planned alone): weekly demand from the agreed forecast,
 * latest stock counts, shipments on the way, then the projection and plan.
 */
export function computeReadiness(db: Db, today = new Date()): ReadinessComputation {
  const t0 = performance.now();
  const settings = readinessSettings(db);
  const start = mondayOf(today);
  const regions = prepared(db, 'SELECT r.id, (SELECT group_concat(month) FROM region_peak_months WHERE region_id = r.id) AS months FROM regions r').all() as Array<{ id: number; months: string | null }>;
  const peakStartWeekOf = new Map<number, number>();
  let horizonEnd = start + 8 * 7 * DAY;
  for (const r of regions) {
    const months = (r.months ?? '').split(',').filter(Boolean).map(Number);
    const peak = nextPeakStart(months, new Date(start));
    if (!peak) continue;
    const week = Math.max(1, Math.floor((peak.getTime() - start) / (7 * DAY)));
    peakStartWeekOf.set(r.id, week);
    // through the peak's first weeks: the required cover plus a month
    horizonEnd = Math.max(horizonEnd, peak.getTime() + (settings.requiredCoverDays + 35) * DAY);
  }
  const weeksCount = Math.min(60, Math.ceil((horizonEnd - start) / (7 * DAY)));
  const weeks = Array.from({ length: weeksCount }, (_, i) => iso(start + i * 7 * DAY));
  // days of each month in each week, to spread monthly demand over weeks
  const weekMonths = weeks.map((_, i) => {
    const counts = new Map<string, number>();
    for (let d = 0; d < 7; d++) {
      const m = iso(start + (i * 7 + d) * DAY).slice(0, 7);
      counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    return [...counts.entries()];
  });

  const dists = prepared(
    db,
    `SELECT d.id, d.code, d.name, d.area_id AS areaId, a.name AS areaName, a.region_id AS regionId, d.salesperson_id AS salespersonId,
       sp.name AS salespersonName, d.relationship_level AS relationshipLevel, d.lead_time_days AS leadTimeDays, d.warehouse_capacity_cases AS capacity
     FROM distributors d JOIN areas a ON a.id = d.area_id LEFT JOIN staff sp ON sp.id = d.salesperson_id WHERE d.status != 'ended' ORDER BY d.name`,
  ).all() as DistributorRow[];
  const products = new Map(
    (prepared(db, 'SELECT id, sku, name, brand, cases_per_pallet AS casesPerPallet FROM products').all() as Array<{ id: number; sku: string; name: string; brand: string; casesPerPallet: number }>).map((p) => [p.id, p]),
  );
  const fromMonth = monthOf(new Date(start));
  const toMonth = weeks[weeks.length - 1]!.slice(0, 7);
  const demandCells = forecastDemand(db, { fromMonth, toMonth });
  const monthly = new Map<string, Map<string, { agreed: number; sd: number }>>();
  for (const c of demandCells) {
    const key = `${c.distributorId}:${c.productId}`;
    let m = monthly.get(key);
    if (!m) monthly.set(key, (m = new Map()));
    m.set(c.month, { agreed: c.agreed, sd: (c.hi80 - c.lo80) / (2 * Z80) });
  }
  const onHand = new Map(
    (prepared(db, 'SELECT distributor_id, product_id, cases, max(snapshot_date) FROM stock_snapshots WHERE snapshot_date <= ? GROUP BY distributor_id, product_id').raw().all(iso(today.getTime())) as Array<[number, number, number, string]>).map(
      ([d, p, c]) => [`${d}:${p}`, c],
    ),
  );
  const arrivals = new Map<string, number[]>();
  for (const [d, p, cases, date] of prepared(db, 'SELECT distributor_id, product_id, cases, arrival_date FROM shipments WHERE arrival_date >= ?').raw().all(iso(start)) as Array<[number, number, number, string]>) {
    const w = Math.floor((Date.parse(date) - start) / (7 * DAY));
    if (w < 0 || w >= weeksCount) continue;
    const key = `${d}:${p}`;
    const a = arrivals.get(key) ?? new Array<number>(weeksCount).fill(0);
    a[w] = a[w]! + cases;
    arrivals.set(key, a);
  }

  const distById = new Map(dists.map((d) => [d.id, d]));
  const cells: CellInput[] = [];
  const volumeByDist = new Map<number, number>();
  for (const [key, months] of monthly) {
    const [d, p] = key.split(':').map(Number) as [number, number];
    if (!distById.has(d)) continue;
    const demand = weekMonths.map((parts) => parts.reduce((s, [m, days]) => s + ((months.get(m)?.agreed ?? 0) * days) / daysInMonth(m), 0));
    // weekly sd from the monthly one, assuming independent days within the month
    const sds = [...months.entries()].map(([m, v]) => v.sd * Math.sqrt(7 / daysInMonth(m)));
    const weeklySd = sds.length ? sds.reduce((a, b) => a + b, 0) / sds.length : 0;
    cells.push({ distributorId: d, productId: p, onHand: onHand.get(key) ?? 0, arrivals: arrivals.get(key) ?? [], demand, weeklySd });
    volumeByDist.set(d, (volumeByDist.get(d) ?? 0) + demand.reduce((a, b) => a + b, 0));
  }
  const regionVolume = new Map<number, number>();
  for (const [d, v] of volumeByDist) {
    const r = distById.get(d)!.regionId;
    regionVolume.set(r, (regionVolume.get(r) ?? 0) + v);
  }
  const distInputs = new Map<number, DistributorInput>(
    dists.map((d) => [
      d.id,
      {
        distributorId: d.id,
        regionId: d.regionId,
        leadTimeWeeks: Math.ceil(d.leadTimeDays / 7),
        warehouseCapacity: d.capacity,
        keyAccount: d.relationshipLevel === 3,
        volumeShare: (volumeByDist.get(d.id) ?? 0) / Math.max(1, regionVolume.get(d.regionId) ?? 1),
        peakStartWeek: Math.min(peakStartWeekOf.get(d.regionId) ?? weeksCount - 1, weeksCount - 1),
        serviceLevel: d.relationshipLevel === 3 ? settings.serviceLevelKey : settings.serviceLevelOther,
      },
    ]),
  );
  const shippingCapacity = new Map(
    (prepared(db, 'SELECT region_id, cases_per_week FROM region_shipping_capacity').raw().all() as Array<[number, number]>).map(([r, c]) => [r, c]),
  );
  const plan = planReadiness(cells, [...distInputs.values()].filter((d) => volumeByDist.has(d.distributorId)), { requiredCoverDays: settings.requiredCoverDays, shippingCapacity, priorityRule: settings.priorityRule }, weeksCount);
  return { weeks, plan, cells, dists, distInputs, products, onHand, settings, computeMs: Math.round(performance.now() - t0), missingForecast: demandCells.length === 0 };
}

/** The computation for today, reused until the data changes (every screen of the board shares it). */
function readinessToday(db: Db, today: Date): ReadinessComputation {
  return memo(db, `readiness:${today.toISOString().slice(0, 10)}`, () => computeReadiness(db, today));
}

export function readinessBoard(db: Db, filter: { areaId?: number; salespersonId?: number; status?: ReadinessStatus; brand?: string }, today = new Date()): ReadinessBoard {
  const c = readinessToday(db, today);
  const byDist = new Map<number, typeof c.plan.cells>();
  for (const r of c.plan.cells) {
    if (filter.brand && c.products.get(r.productId)?.brand !== filter.brand) continue;
    const list = byDist.get(r.distributorId) ?? [];
    list.push(r);
    byDist.set(r.distributorId, list);
  }
  const rows: ReadinessRow[] = [];
  const totals: Record<ReadinessStatus, number> = { green: 0, amber: 0, red: 0 };
  for (const d of c.dists) {
    if (filter.areaId && d.areaId !== filter.areaId) continue;
    if (filter.salespersonId && d.salespersonId !== filter.salespersonId) continue;
    const cells = byDist.get(d.id) ?? [];
    if (cells.length === 0) continue;
    const counts: Record<ReadinessStatus, number> = { green: 0, amber: 0, red: 0 };
    for (const x of cells) counts[x.status]++;
    if (filter.status && counts[filter.status] === 0) continue;
    for (const k of ['green', 'amber', 'red'] as const) totals[k] += counts[k];
    const input = c.distInputs.get(d.id)!;
    rows.push({
      distributorId: d.id,
      code: d.code,
      name: d.name,
      areaName: d.areaName,
      salespersonName: d.salespersonName,
      keyAccount: input.keyAccount,
      peakStart: c.weeks[input.peakStartWeek] ?? c.weeks[c.weeks.length - 1]!,
      counts,
      cells: cells.map((x) => ({
        productId: x.productId,
        status: x.status,
        reason: c.onHand.has(`${x.distributorId}:${x.productId}`) ? x.reason : `${x.reason} (no stock count recorded: assumed empty)`,
        coverDays: x.coverDaysAtPeak === null ? null : Math.round(x.coverDaysAtPeak),
        required: x.required,
        atPeak: Math.round(x.projected[input.peakStartWeek] ?? 0),
        onHand: c.onHand.get(`${x.distributorId}:${x.productId}`) ?? null,
      })),
    });
  }
  rows.sort((a, b) => b.counts.red - a.counts.red || b.counts.amber - a.counts.amber || a.name.localeCompare(b.name));
  const visible = new Set(rows.map((r) => r.distributorId));
  const name = (id: number) => c.dists.find((d) => d.id === id)?.name ?? `#${id}`;
  const plan = c.plan.shipments
    .filter((s) => visible.has(s.distributorId))
    .map((s) => {
      const p = c.products.get(s.productId)!;
      return {
        distributorId: s.distributorId,
        distributorName: name(s.distributorId),
        productId: s.productId,
        sku: p.sku,
        shipWeek: c.weeks[s.shipWeek]!,
        arrivalWeek: c.weeks[Math.min(s.arrivalWeek, c.weeks.length - 1)]!,
        cases: s.cases,
        pallets: Math.ceil(s.cases / p.casesPerPallet),
      };
    })
    .sort((a, b) => a.shipWeek.localeCompare(b.shipWeek) || a.distributorName.localeCompare(b.distributorName));
  const shortfalls = c.plan.shortfalls
    .filter((s) => visible.has(s.distributorId))
    .map((s) => ({ distributorId: s.distributorId, distributorName: name(s.distributorId), productId: s.productId, sku: c.products.get(s.productId)!.sku, dueWeek: c.weeks[s.dueWeek]!, cases: s.cases, reason: s.reason }))
    // the biggest gaps first: those are the calls to make today
    .sort((a, b) => b.cases - a.cases || a.dueWeek.localeCompare(b.dueWeek));
  const regions = prepared(db, 'SELECT r.id, r.name, c.cases_per_week AS cap FROM regions r LEFT JOIN region_shipping_capacity c ON c.region_id = r.id ORDER BY r.name').all() as Array<{ id: number; name: string; cap: number | null }>;
  const last = prepared(db, 'SELECT created_at AS at, statuses FROM readiness_runs ORDER BY id DESC LIMIT 1').get() as { at: string; statuses: string } | undefined;
  const changes: ReadinessBoard['changes'] = [];
  if (last) {
    const before = JSON.parse(last.statuses) as Record<string, ReadinessStatus>;
    for (const x of c.plan.cells) {
      const was = before[`${x.distributorId}:${x.productId}`];
      if (was && was !== x.status && visible.has(x.distributorId)) changes.push({ distributorName: name(x.distributorId), sku: c.products.get(x.productId)!.sku, from: was, to: x.status });
    }
  }
  const skuIds = new Set(c.plan.cells.map((x) => x.productId));
  return {
    today: c.weeks[0]!,
    weeks: c.weeks,
    settings: c.settings,
    skus: [...skuIds].map((id) => c.products.get(id)!).filter((p) => !filter.brand || p.brand === filter.brand).map(({ id, sku, name: n, brand }) => ({ id, sku, name: n, brand })),
    rows,
    totals,
    plan,
    shortfalls,
    capacity: regions.map((r) => ({ regionId: r.id, regionName: r.name, casesPerWeek: r.cap, used: c.plan.shippingUse.get(r.id) ?? [] })),
    changes: changes.slice(0, 200),
    lastAccepted: last?.at ?? null,
    computeMs: c.computeMs,
    missing: { forecast: c.missingForecast, stock: c.cells.filter((x) => !c.onHand.has(`${x.distributorId}:${x.productId}`)).length },
  };
}

export function readinessCell(db: Db, distributorId: number, productId: number, today = new Date()): ReadinessCellDetail {
  const c = readinessToday(db, today);
  const r = c.plan.cells.find((x) => x.distributorId === distributorId && x.productId === productId);
  const cell = c.cells.find((x) => x.distributorId === distributorId && x.productId === productId);
  if (!r || !cell) throw new DomainError('not_found', 'No forecast demand for this distributor and SKU: nothing to project.');
  const input = c.distInputs.get(distributorId)!;
  return {
    distributorName: c.dists.find((d) => d.id === distributorId)!.name,
    sku: c.products.get(productId)!.sku,
    weeks: c.weeks,
    projected: r.projected.slice(0, c.weeks.length).map(Math.round),
    withPlan: r.withPlan.slice(0, c.weeks.length).map(Math.round),
    demand: cell.demand.map(Math.round),
    arrivals: Array.from({ length: c.weeks.length }, (_, w) => cell.arrivals[w] ?? 0),
    required: r.required,
    peakStartWeek: input.peakStartWeek,
    status: r.status,
    reason: r.reason,
  };
}

/** Turns the proposed plan into planned shipments (replacing an earlier accepted plan) and remembers the statuses. */
export function acceptPlan(db: Db, today = new Date()): { shipments: number } {
  const c = computeReadiness(db, today);
  const DAY_MS = DAY;
  return db.transaction(() => {
    prepared(db, "DELETE FROM shipments WHERE source = 'plan' AND status = 'planned'").run();
    const insert = prepared(db, "INSERT INTO shipments (distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, 'planned', 'plan', ?)");
    const now = nowIso();
    const start = Date.parse(c.weeks[0]!);
    for (const s of c.plan.shipments) insert.run(s.distributorId, s.productId, s.cases, iso(start + s.shipWeek * 7 * DAY_MS), iso(start + s.arrivalWeek * 7 * DAY_MS), now);
    const statuses = Object.fromEntries(c.plan.cells.map((x) => [`${x.distributorId}:${x.productId}`, x.status]));
    prepared(db, 'INSERT INTO readiness_runs (created_at, statuses) VALUES (?, ?)').run(now, JSON.stringify(statuses));
    return { shipments: c.plan.shipments.length };
  })();
}

export function setStock(db: Db, input: { distributorId: number; productId: number; date: string; cases: number }): { saved: true } {
  prepared(
    db,
    'INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
  ).run(input.distributorId, input.productId, input.date, input.cases);
  return { saved: true };
}

export function setCapacity(db: Db, regionId: number, casesPerWeek: number | null): { saved: true } {
  if (casesPerWeek === null) prepared(db, 'DELETE FROM region_shipping_capacity WHERE region_id = ?').run(regionId);
  else prepared(db, 'INSERT INTO region_shipping_capacity (region_id, cases_per_week) VALUES (?, ?) ON CONFLICT DO UPDATE SET cases_per_week = excluded.cases_per_week').run(regionId, casesPerWeek);
  return { saved: true };
}

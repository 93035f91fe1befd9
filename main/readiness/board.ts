import type { PackGroup, ReadinessBoard, ReadinessRow, ReadinessStatus } from '../../shared/contract/readiness.js';
import { now } from '../../shared/domain/clock.js';
import { prepared, type Db } from '../db/open.js';
import { readinessToday, type ReadinessComputation } from './computation.js';
import type { RegionScope } from '../people/readScope.js';
import { brandOk, inScope, peakDay, view, visibleDistributors, type ScopedFilter } from './views.js';
import { figuresOver } from './runs.js';

/** The board: every distributor's traffic lights, the plan's totals by week, capacity use and what changed since the last accepted plan. */
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
  // Sums of the plan lines, whatever their order: read region by region, where the plan keeps them
  // (the one merged list of about a million lines is made only for the screens that list them).
  const lineParts = [...c.parts.values()].map((part) => part.shipments);
  // Per cell once, not per plan line: shown or not, cases a pallet.
  const shown = new Uint8Array(c.cells.length);
  const casesPerPallet = new Float64Array(c.cells.length);
  for (let i = 0; i < c.cells.length; i++) {
    const cell = c.cells[i]!;
    shown[i] = visible.has(cell.distributorId) && brandOk(c, filter, cell.productId) ? 1 : 0;
    casesPerPallet[i] = cell.casesPerPallet;
  }
  for (const lines of lineParts)
    for (let i = 0; i < lines.length; i++) {
      const cell = lines.cell[i]!;
      if (shown[cell] === 0) continue;
      const cases = lines.cases[i]!;
      const pallets = Math.ceil(cases / casesPerPallet[cell]!);
      const w = byWeek[lines.shipWeek[i]!]!;
      w.shipments++;
      w.cases += cases;
      w.pallets += pallets;
      plan.shipments++;
      plan.cases += cases;
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
  // Each cell's region and SKU group as the index of its use series, found once per cell.
  const regionSeries: number[][] = [];
  const groupSeries: number[][] = [];
  const regionOf = new Int32Array(c.cells.length);
  const groupOf = new Int32Array(c.cells.length);
  const seriesIndex = new Map<string, number>();
  const indexOf = <K>(m: Map<K, number[]>, list: number[][], k: K, key: string) => {
    let at = seriesIndex.get(key);
    if (at === undefined) {
      let a = m.get(k);
      if (!a) m.set(k, (a = empty()));
      seriesIndex.set(key, (at = list.push(a) - 1));
    }
    return at;
  };
  for (let i = 0; i < c.cells.length; i++) {
    const cell = c.cells[i]!;
    const r = c.distById.get(cell.distributorId)!.regionId;
    regionOf[i] = indexOf(regionUsed, regionSeries, r, `r${r}`);
    const g = `${r}:${c.products.get(cell.productId)!.pack}`;
    groupOf[i] = indexOf(groupUsed, groupSeries, g, `g${g}`);
  }
  for (const planned of lineParts)
    for (let i = 0; i < planned.length; i++) {
      const cell = planned.cell[i]!;
      const w = planned.shipWeek[i]!;
      regionSeries[regionOf[cell]!]![w]! += planned.cases[i]!;
      groupSeries[groupOf[cell]!]![w]! += planned.cases[i]!;
    }

  const changes: ReadinessBoard['changes'] = [];
  let changesTotal = 0;
  if (c.runs.size) {
    for (let i = 0; i < c.cells.length; i++) {
      const cell = c.cells[i]!;
      const was = c.runs.get(c.distById.get(cell.distributorId)!.regionId)?.statuses[`${cell.distributorId}:${cell.productId}`];
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

  const keyOf = new Map<number, number>();
  for (const d of c.inputs.values()) if (d.key) keyOf.set(d.regionId, (keyOf.get(d.regionId) ?? 0) + 1);
  return {
    today: c.grid.weeks[0]!,
    weeks: c.grid.weeks,
    weekLabels: c.labels,
    rules: regions
      .filter((r) => inScope(filter, r.id))
      .map((r) => ({ regionId: r.id, regionName: r.name, settings: c.settingsOf(r.id), keyAccounts: keyOf.get(r.id) ?? 0 })),
    keyAccounts: [...c.inputs].filter(([id, d]) => d.key && inScope(filter, c.distById.get(id)!.regionId)).length,
    skus: [...skuIds]
      .map((id) => c.products.get(id)!)
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map(({ id, sku, name, brand }) => ({ id, sku, name, brand })),
    rows,
    totals,
    plan,
    short,
    acceptance: planToAccept(c, filter.regions ?? null),
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
    lastRun: lastRunShown(c, filter),
    computeMs: c.computeMs,
    missing: {
      forecast: c.missingForecast,
      stock: uncounted(c, filter),
    },
  };
}

/** Cells in the filter's regions whose stock nobody counted. */
function uncounted(c: ReadinessComputation, filter: ScopedFilter): number {
  let n = 0;
  c.counts.counted.forEach((counted, i) => {
    if (counted === 0 && inScope(filter, c.distById.get(c.cells[i]!.distributorId)!.regionId)) n++;
  });
  return n;
}

const plansToAccept = new WeakMap<ReadinessComputation, Map<string, { shipments: number; cases: number }>>();

/**
 * Lines and cases of the plan the person would accept: their regions' (every region's for an
 * administrator), whatever the board's filter shows; counted once per computation and scope.
 */
function planToAccept(c: ReadinessComputation, scope: RegionScope): { shipments: number; cases: number } {
  let byScope = plansToAccept.get(c);
  if (!byScope) plansToAccept.set(c, (byScope = new Map()));
  const key = scope === null ? '*' : scope.join(',');
  let total = byScope.get(key);
  if (!total) {
    total = { shipments: 0, cases: 0 };
    for (const [regionId, part] of c.parts) {
      if (scope !== null && !scope.includes(regionId)) continue;
      const lines = part.shipments;
      total.shipments += lines.length;
      for (let i = 0; i < lines.length; i++) total.cases += lines.cases[i]!;
    }
    byScope.set(key, total);
  }
  return total;
}

/**
 * The accepted plan the board speaks of, among those in force in the person's regions: one still
 * accepted (it is what stands in the way of accepting another), the newest such; else the newest.
 */
function lastRunShown(c: ReadinessComputation, filter: ScopedFilter): ReadinessBoard['lastRun'] {
  const inForce = [...c.runs].filter(([regionId]) => inScope(filter, regionId));
  const plans = inForce.map(([, plan]) => plan);
  const newest = (list: typeof plans) => list.sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)[0];
  const shown = newest(plans.filter((p) => p.reopenedAt === null)) ?? newest(plans);
  if (!shown) return null;
  // a plan of more regions than the person's (the whole network's) counts the person's part of it
  const figures =
    filter.regions && shown.byRegion
      ? figuresOver(
          shown.byRegion,
          inForce.filter(([, plan]) => plan === shown).map(([regionId]) => regionId),
        )
      : shown;
  return { at: shown.at, shipments: figures.shipments, cases: figures.cases, shortCases: figures.shortCases, reopenedAt: shown.reopenedAt };
}

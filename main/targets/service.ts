import { type AchievementRow, type TargetComparisonRow, type TargetPlanSummary, type TargetView } from '../../shared/contract/targets.js';
import { DomainError } from '../../shared/contract/result.js';
import { addMonths } from '../../shared/domain/months.js';
import { memo } from '../db/memo.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { notFound, requireRow } from '../db/sql.js';
import { markTyped } from './typed.js';
import { checkJump, type JumpBasis } from './jump.js';
import { cascadeLine, CascadeError, editNode, growthSplit, largestRemainder, setLineTotal, sum, type Cell, type Level } from './cascade.js';
import { inRegions, type RegionScope } from '../people/readScope.js';

interface PlanRow {
  id: number;
  name: string;
  status: 'draft' | 'agreed';
  regionId: number;
  regionName: string;
  seasonYear: number;
  basis: 'forecast' | 'last_year';
  months: string;
  newOutlets: number;
  updatedAt: string;
}

const PLAN_SELECT = `SELECT p.id, p.name, p.status, p.region_id AS regionId, r.name AS regionName, p.season_year AS seasonYear, p.basis, p.months,
  p.new_outlets AS newOutlets, p.updated_at AS updatedAt,
  (SELECT coalesce(sum(target), 0) FROM target_cells c WHERE c.plan_id = p.id) AS target,
  (SELECT coalesce(sum(natural), 0) FROM target_cells c WHERE c.plan_id = p.id) AS natural
  FROM target_plans p JOIN regions r ON r.id = p.region_id`;

const summary = (row: PlanRow & { target: number; natural: number }): TargetPlanSummary => ({ ...row, months: row.months.split(',') });

export function listPlans(db: Db, scope: RegionScope = null): TargetPlanSummary[] {
  return (
    prepared(db, `${PLAN_SELECT} WHERE ${inRegions('p.region_id', scope)} ORDER BY p.season_year DESC, p.updated_at DESC`).all() as Array<
      PlanRow & { target: number; natural: number }
    >
  ).map(summary);
}

export function getPlan(db: Db, id: number): TargetPlanSummary {
  const row = prepared(db, `${PLAN_SELECT} WHERE p.id = ?`).get(id) as (PlanRow & { target: number; natural: number }) | undefined;
  if (!row) throw notFound('Target plan', id);
  return summary(row);
}

/** The season's peak months for a region, as 'YYYY-MM' in the season year. */
export function seasonMonths(db: Db, regionId: number, seasonYear: number): string[] {
  const months = prepared(db, 'SELECT month FROM region_peak_months WHERE region_id = ? ORDER BY month').pluck().all(regionId) as number[];
  if (months.length === 0)
    throw new DomainError('validation', 'This region has no peak months in its season calendar.', [
      { path: 'regionId', message: 'No peak months' },
    ]);
  return months.map((m) => `${seasonYear}-${String(m).padStart(2, '0')}`);
}

interface Basis {
  natural: Map<string, number>;
  lastYear: Map<string, number>;
}

/** Natural volume per distributor x SKU x month: the forecast where there is one, else last year's actual. */
export function basisFor(db: Db, regionId: number, months: string[]): Basis & { cells: Array<{ d: number; p: number; brand: string }> } {
  const from = months[0]!;
  const to = months[months.length - 1]!;
  const inRegion = 'SELECT d.id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = ?';
  const natural = new Map<string, number>();
  for (const [d, p, m, v] of prepared(
    db,
    `SELECT distributor_id, product_id, month, point FROM forecast_values WHERE month BETWEEN ? AND ? AND distributor_id IN (${inRegion})`,
  )
    .raw()
    .all(from, to, regionId) as Array<[number, number, string, number]>) {
    natural.set(`${d}:${p}:${m}`, Math.round(v));
  }
  const lastYear = new Map<string, number>();
  for (const [d, p, m, v] of prepared(
    db,
    `SELECT distributor_id, product_id, month, cases FROM sales_history WHERE month BETWEEN ? AND ? AND distributor_id IN (${inRegion})`,
  )
    .raw()
    .all(addMonths(from, -12), addMonths(to, -12), regionId) as Array<[number, number, string, number]>) {
    lastYear.set(`${d}:${p}:${addMonths(m, 12)}`, v);
  }
  const pairs = new Map<string, { d: number; p: number; brand: string }>();
  const brands = new Map((prepared(db, 'SELECT id, brand FROM products').raw().all() as Array<[number, string]>).map(([i, b]) => [i, b]));
  for (const key of [...natural.keys(), ...lastYear.keys()]) {
    const [d, p] = key.split(':').map(Number) as [number, number];
    pairs.set(`${d}:${p}`, { d, p, brand: brands.get(p) ?? '' });
  }
  return { natural, lastYear, cells: [...pairs.values()] };
}

export function suggest(db: Db, regionId: number, seasonYear: number) {
  const months = seasonMonths(db, regionId, seasonYear);
  const b = basisFor(db, regionId, months);
  const byBrand = new Map<string, { natural: number; lastYear: number }>();
  for (const c of b.cells) {
    const t = byBrand.get(c.brand) ?? { natural: 0, lastYear: 0 };
    for (const m of months) {
      const key = `${c.d}:${c.p}:${m}`;
      t.natural += b.natural.get(key) ?? b.lastYear.get(key) ?? 0;
      t.lastYear += b.lastYear.get(key) ?? 0;
    }
    byBrand.set(c.brand, t);
  }
  return { months, brands: [...byBrand.entries()].map(([brand, v]) => ({ brand, ...v })).sort((a, b2) => b2.natural - a.natural) };
}

export function loadCells(db: Db, planId: number, distributorId?: number): Cell[] {
  const sql = `SELECT c.distributor_id AS distributorId, c.product_id AS productId, p.brand, c.month, c.target, c.natural, c.basis, c.locked
     FROM target_cells c JOIN products p ON p.id = c.product_id WHERE c.plan_id = ?${distributorId === undefined ? '' : ' AND c.distributor_id = ?'}
     ORDER BY c.distributor_id, c.product_id, c.month`;
  const params = distributorId === undefined ? [planId] : [planId, distributorId];
  return (prepared(db, sql).all(...params) as Array<Omit<Cell, 'locked'> & { locked: number }>).map((c) => ({
    ...c,
    locked: c.locked === 1,
  }));
}

/**
 * The cells an edit can move: the edited node and its parent (the siblings absorb the change), never
 * the rest of the plan. At national scale a plan holds millions of cells; an edit of one distributor's
 * SKU reads a few dozen. `brand` alone is a line (every distributor's cells of it).
 */
export interface CellScope {
  brand?: string | undefined;
  distributorId?: number | undefined;
  productId?: number | undefined;
}

export function scopeOf(db: Db, at: Level): CellScope {
  switch (at.level) {
    case 'distributor':
      return { brand: at.brand };
    case 'sku': {
      const brand = prepared(db, 'SELECT brand FROM products WHERE id = ?').pluck().get(at.productId) as string | undefined;
      // An unknown SKU: nothing of the plan is its parent (editNode says so).
      return { distributorId: at.distributorId, brand: brand ?? '' };
    }
    case 'cell':
      return { distributorId: at.distributorId, productId: at.productId };
  }
}

/** The scope's cells in the order loadCells gives the whole plan's, so that every split is the same. */
export function loadScopedCells(db: Db, planId: number, scope: CellScope): Cell[] {
  const where = ['c.plan_id = ?'];
  const params: Array<string | number> = [planId];
  if (scope.distributorId !== undefined) {
    where.push('c.distributor_id = ?');
    params.push(scope.distributorId);
  }
  if (scope.productId !== undefined) {
    where.push('c.product_id = ?');
    params.push(scope.productId);
  }
  if (scope.brand !== undefined) {
    where.push('p.brand = ?');
    params.push(scope.brand);
  }
  const sql = `SELECT c.distributor_id AS distributorId, c.product_id AS productId, p.brand, c.month, c.target, c.natural, c.basis, c.locked
     FROM target_cells c JOIN products p ON p.id = c.product_id WHERE ${where.join(' AND ')}
     ORDER BY c.distributor_id, c.product_id, c.month`;
  return (prepared(db, sql).all(...params) as Array<Omit<Cell, 'locked'> & { locked: number }>).map((c) => ({
    ...c,
    locked: c.locked === 1,
  }));
}

function saveCells(db: Db, planId: number, cells: Cell[], before: number[]): void {
  const update = prepared(
    db,
    'UPDATE target_cells SET target = ? WHERE plan_id = ? AND distributor_id = ? AND product_id = ? AND month = ?',
  );
  cells.forEach((c, i) => {
    if (c.target !== before[i]) update.run(c.target, planId, c.distributorId, c.productId, c.month);
  });
  prepared(db, 'UPDATE target_plans SET updated_at = ? WHERE id = ?').run(nowIso(), planId);
}

/**
 * Runs an edit over the cells it can move (`scope`; the whole plan when null) in memory and writes
 * only what moved, in one transaction.
 */
function withCells(db: Db, planId: number, scope: CellScope | null, change: (cells: Cell[]) => void): { saved: true } {
  getPlan(db, planId);
  db.transaction(() => {
    const cells = scope ? loadScopedCells(db, planId, scope) : loadCells(db, planId);
    const before = cells.map((c) => c.target);
    try {
      change(cells);
    } catch (error) {
      if (error instanceof CascadeError) throw new DomainError('validation', error.message, [{ path: 'value', message: error.message }]);
      throw error;
    }
    saveCells(db, planId, cells, before);
  })();
  return { saved: true };
}

export function createPlan(
  db: Db,
  input: {
    regionId: number;
    seasonYear: number;
    name: string;
    basis: 'forecast' | 'last_year';
    lines: Array<{ brand: string; productId?: number | undefined; volume: number }>;
    newOutlets: number;
    confirm?: boolean | undefined;
  },
): TargetPlanSummary {
  requireRow(db, 'regions', input.regionId, 'regionId', 'Region');
  const months = seasonMonths(db, input.regionId, input.seasonYear);
  const b = basisFor(db, input.regionId, months);
  // each line against the plan's own basis, the figure the cells keep as `basis` below
  const jumpBasis: JumpBasis = input.basis === 'last_year' ? 'last_year' : 'natural';
  for (const line of input.lines) {
    let reference = 0;
    for (const c of b.cells)
      if (c.brand === line.brand && (!line.productId || c.p === line.productId))
        for (const m of months) {
          const key = `${c.d}:${c.p}:${m}`;
          const natural = b.natural.get(key) ?? b.lastYear.get(key) ?? 0;
          reference += input.basis === 'last_year' ? (b.lastYear.get(key) ?? natural) : natural;
        }
    checkJump(db, line.brand, reference, line.volume, input.confirm, jumpBasis);
  }
  const id = db.transaction(() => {
    const now = nowIso();
    const newId = nextId('target_plans');
    const inserted = Number(
      prepared(
        db,
        'INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, new_outlets, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(newId, input.regionId, input.seasonYear, input.name, 'draft', input.basis, months.join(','), input.newOutlets, now, now)
        .lastInsertRowid,
    );
    const planId = newId ?? inserted;
    const insertCell = prepared(
      db,
      'INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis, locked) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
    );
    const insertLine = prepared(db, 'INSERT INTO target_lines (plan_id, brand, product_id, volume) VALUES (?, ?, ?, ?)');
    const all: Cell[] = [];
    for (const line of input.lines) {
      const pairs = b.cells.filter((c) => c.brand === line.brand && (!line.productId || c.p === line.productId));
      if (pairs.length === 0 && line.volume > 0) {
        throw new DomainError('validation', `No distributor in this region sells ${line.brand}: nothing to spread its target over.`, [
          { path: 'lines', message: line.brand },
        ]);
      }
      insertLine.run(planId, line.brand, line.productId ?? null, line.volume);
      const cells: Cell[] = pairs.flatMap((pair) =>
        months.map((m) => {
          const key = `${pair.d}:${pair.p}:${m}`;
          const natural = b.natural.get(key) ?? b.lastYear.get(key) ?? 0;
          return {
            distributorId: pair.d,
            productId: pair.p,
            brand: pair.brand,
            month: m,
            target: 0,
            natural,
            basis: input.basis === 'last_year' ? (b.lastYear.get(key) ?? natural) : natural,
            locked: false,
          };
        }),
      );
      cascadeLine(cells, line.volume);
      all.push(...cells);
    }
    const seen = new Set<string>();
    for (const c of all) {
      const key = `${c.distributorId}:${c.productId}:${c.month}`;
      if (seen.has(key))
        throw new DomainError('validation', 'A SKU appears in two target lines (its brand and itself); keep one.', [
          { path: 'lines', message: 'Duplicate' },
        ]);
      seen.add(key);
      insertCell.run(planId, c.distributorId, c.productId, c.month, c.target, c.natural, c.basis);
    }
    distributeOutlets(db, planId, all, input.newOutlets);
    return planId;
  })();
  return getPlan(db, id);
}

/** The region's new-outlet target goes to distributors in proportion to their volume targets. */
function distributeOutlets(db: Db, planId: number, cells: Cell[], total: number): void {
  const byDist = new Map<number, number>();
  for (const c of cells) byDist.set(c.distributorId, (byDist.get(c.distributorId) ?? 0) + c.target);
  const ids = [...byDist.keys()];
  const parts = largestRemainder(
    total,
    ids.map((d) => byDist.get(d)!),
  );
  prepared(db, 'DELETE FROM target_outlets WHERE plan_id = ?').run(planId);
  const insert = prepared(db, 'INSERT INTO target_outlets (plan_id, distributor_id, new_outlets) VALUES (?, ?, ?)');
  ids.forEach((d, i) => insert.run(planId, d, parts[i]!));
}

/** A typed number is kept: its cells are marked typed and locked, so later edits re-spread around them. */
export function editTarget(
  db: Db,
  planId: number,
  at: Level,
  value: number,
  confirm?: boolean,
  /** 'whole' reads every cell of the plan: the full recomputation, for tests that compare the two. */
  read: 'affected' | 'whole' = 'affected',
) {
  return db.transaction(() => {
    const saved = withCells(db, planId, read === 'whole' ? null : scopeOf(db, at), (cells) => {
      // a distributor's brand total is a number agreed with people; month cells move in small steps and are not questioned
      if (at.level === 'distributor') {
        const node = cells.filter((c) => c.distributorId === at.distributorId && c.brand === at.brand);
        checkJump(
          db,
          at.brand,
          sum(node, (c) => c.basis),
          value,
          confirm,
          planJumpBasis(db, planId),
        );
      }
      editNode(cells, at, value);
    });
    markTyped(db, planId, at);
    return saved;
  })();
}

/** What a plan's targets are measured against when a jump is asked about: its own basis. */
function planJumpBasis(db: Db, planId: number): JumpBasis {
  return prepared(db, 'SELECT basis FROM target_plans WHERE id = ?').pluck().get(planId) === 'last_year' ? 'last_year' : 'natural';
}

export function setLine(
  db: Db,
  planId: number,
  brand: string,
  productId: number | undefined,
  value: number,
  confirm?: boolean,
  read: 'affected' | 'whole' = 'affected',
) {
  return withCells(db, planId, read === 'whole' ? null : { brand, productId: productId || undefined }, (cells) => {
    const line = cells.filter((c) => c.brand === brand && (!productId || c.productId === productId));
    if (line.length === 0) throw new CascadeError(`No cells for ${brand}`);
    checkJump(
      db,
      brand,
      sum(line, (c) => c.basis),
      value,
      confirm,
      planJumpBasis(db, planId),
    );
    setLineTotal(line, value);
    prepared(db, 'UPDATE target_lines SET volume = ? WHERE plan_id = ? AND brand = ? AND coalesce(product_id, 0) = ?').run(
      value,
      planId,
      brand,
      productId ?? 0,
    );
  });
}

export function lockCells(db: Db, planId: number, distributorId: number, productId: number, month: string | undefined, locked: boolean) {
  getPlan(db, planId);
  prepared(
    db,
    'UPDATE target_cells SET locked = ? WHERE plan_id = ? AND distributor_id = ? AND product_id = ? AND (? IS NULL OR month = ?)',
  ).run(locked ? 1 : 0, planId, distributorId, productId, month ?? null, month ?? null);
  return { saved: true as const };
}

export function setAgreed(db: Db, planId: number, distributorId: number, brand: string, cases: number | null) {
  getPlan(db, planId);
  if (cases === null)
    prepared(db, 'DELETE FROM target_agreed WHERE plan_id = ? AND distributor_id = ? AND brand = ?').run(planId, distributorId, brand);
  else
    prepared(
      db,
      'INSERT INTO target_agreed (plan_id, distributor_id, brand, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
    ).run(planId, distributorId, brand, cases);
  return { saved: true as const };
}

/** Every table computeTargetView reads: its cached result is kept until one of them changes. */
export const TARGET_VIEW_READS: readonly string[] = [
  'distributors',
  'products',
  'regions',
  'staff',
  'sub_dealers',
  'target_agreed',
  'target_cells',
  'target_lines',
  'target_outlets',
  'target_plans',
  'terminals',
];

/** The plan's screen data; reused until the data changes, like the other whole-region screens. */
export function viewPlan(db: Db, planId: number, distributorId?: number, brand?: string): TargetView {
  return memo(db, `targets.view:${planId}:${distributorId ?? ''}:${brand ?? ''}`, TARGET_VIEW_READS, () =>
    computeTargetView(db, planId, distributorId, brand),
  );
}

interface SkuSum {
  productId: number;
  brand: string;
  target: number;
  natural: number;
  locked: number;
}

export function computeTargetView(db: Db, planId: number, distributorId?: number, brand?: string): TargetView {
  const plan = getPlan(db, planId);
  // Distributor x SKU totals summed by SQLite: a fifth of the rows the month cells would be.
  const sums = (
    prepared(
      db,
      `SELECT c.distributor_id, c.product_id, p.brand, sum(c.target), sum(c.natural), sum(c.locked)
       FROM target_cells c JOIN products p ON p.id = c.product_id WHERE c.plan_id = ? GROUP BY c.distributor_id, c.product_id`,
    )
      .raw()
      .all(planId) as Array<[number, number, string, number, number, number]>
  ).map(([d, productId, b, target, natural, locked]) => ({ d, productId, brand: b, target, natural, locked }));
  const dists = new Map(
    (
      prepared(db, 'SELECT d.id, d.code, d.name, sp.name AS sp FROM distributors d LEFT JOIN staff sp ON sp.id = d.salesperson_id')
        .raw()
        .all() as Array<[number, string, string, string | null]>
    ).map(([i, code, n, sp]) => [i, { code, name: n, sp }]),
  );
  const outlets = new Map(
    (
      prepared(db, 'SELECT distributor_id, new_outlets FROM target_outlets WHERE plan_id = ?').raw().all(planId) as Array<[number, number]>
    ).map(([d, n]) => [d, n]),
  );
  const activeOutlets = new Map(
    (
      prepared(
        db,
        `SELECT d.id, (SELECT count(*) FROM terminals t WHERE t.distributor_id = d.id AND t.status = 'active')
         + (SELECT count(*) FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id WHERE s.distributor_id = d.id AND t.status = 'active') FROM distributors d`,
      )
        .raw()
        .all() as Array<[number, number]>
    ).map(([d, n]) => [d, n]),
  );
  const agreed = prepared(db, 'SELECT distributor_id AS d, brand, cases FROM target_agreed WHERE plan_id = ?').all(planId) as Array<{
    d: number;
    brand: string;
    cases: number;
  }>;
  const byDist = new Map<number, SkuSum[]>();
  for (const r of sums) {
    if (brand && r.brand !== brand) continue;
    const list = byDist.get(r.d);
    if (list) list.push(r);
    else byDist.set(r.d, [r]);
  }
  const distributors = [...byDist.entries()]
    .map(([d, list]) => {
      const target = list.reduce((a, r) => a + r.target, 0);
      const natural = list.reduce((a, r) => a + r.natural, 0);
      const newOutlets = outlets.get(d) ?? 0;
      const perOutlet = natural / Math.max(1, activeOutlets.get(d) ?? 1);
      const split = growthSplit(target, natural, list, newOutlets, perOutlet);
      // A brand agreed says nothing about the distributor's other brands: they are not agreed, not zero.
      const brandsHere = new Set(list.map((r) => r.brand));
      const agreedRows = agreed.filter((a) => a.d === d && brandsHere.has(a.brand));
      const agreedBrands = new Set(agreedRows.map((a) => a.brand));
      const info = dists.get(d)!;
      return {
        distributorId: d,
        code: info.code,
        name: info.name,
        salespersonName: info.sp,
        natural,
        target,
        agreed: agreedRows.length ? agreedRows.reduce((a, r) => a + r.cases, 0) : null,
        agreedTarget: list.filter((r) => agreedBrands.has(r.brand)).reduce((a, r) => a + r.target, 0),
        agreedBrands: agreedBrands.size,
        brands: brandsHere.size,
        newOutlets,
        growth: split.growth,
        fromNewOutlets: split.fromNewOutlets,
        fromMix: split.fromMix,
        fromExisting: split.fromExisting,
        locked: list.reduce((a, r) => a + r.locked, 0),
      };
    })
    .sort((a, b) => b.target - a.target);
  const products = new Map(
    (
      prepared(db, 'SELECT id, sku, name, brand FROM products').all() as Array<{ id: number; sku: string; name: string; brand: string }>
    ).map((p) => [p.id, p]),
  );
  let skus: TargetView['skus'] = null;
  if (distributorId) {
    // Month cells only for the distributor opened.
    const cells = loadCells(db, planId, distributorId).filter((c) => !brand || c.brand === brand);
    const typed = new Set(
      prepared(db, "SELECT product_id || ':' || month FROM target_cells WHERE plan_id = ? AND distributor_id = ? AND typed = 1")
        .pluck()
        .all(planId, distributorId) as string[],
    );
    const grouped = new Map<number, Cell[]>();
    for (const c of cells) {
      const g = grouped.get(c.productId);
      if (g) g.push(c);
      else grouped.set(c.productId, [c]);
    }
    skus = [...grouped.entries()]
      .map(([p, cs]) => ({
        productId: p,
        sku: products.get(p)!.sku,
        name: products.get(p)!.name,
        brand: products.get(p)!.brand,
        months: cs.map((c) => ({
          month: c.month,
          natural: c.natural,
          target: c.target,
          locked: c.locked,
          typed: typed.has(`${c.productId}:${c.month}`),
        })),
      }))
      .sort((a, b) => b.months.reduce((t, m) => t + m.target, 0) - a.months.reduce((t, m) => t + m.target, 0));
  }
  const lines = (
    prepared(db, 'SELECT brand, product_id AS productId, volume FROM target_lines WHERE plan_id = ? ORDER BY volume DESC').all(
      planId,
    ) as Array<{ brand: string; productId: number | null; volume: number }>
  ).map((l) => {
    const lc = sums.filter((r) => r.brand === l.brand && (!l.productId || r.productId === l.productId));
    return {
      ...l,
      label: l.productId ? `${l.brand} · ${products.get(l.productId)?.sku}` : l.brand,
      natural: lc.reduce((a, r) => a + r.natural, 0),
      target: lc.reduce((a, r) => a + r.target, 0),
    };
  });
  const agreedPairs = distributors.reduce((a, d) => a + d.agreedBrands, 0);
  const typedByDist = new Map(
    prepared(db, 'SELECT distributor_id, count(*) FROM target_cells WHERE plan_id = ? AND typed = 1 GROUP BY distributor_id')
      .raw()
      .all(planId) as Array<[number, number]>,
  );
  return {
    plan,
    lines,
    distributors: distributors.map((d) => ({ ...d, typed: typedByDist.get(d.distributorId) ?? 0 })),
    skus,
    agreedTotal: agreedPairs === 0 ? null : distributors.reduce((a, d) => a + (d.agreed ?? 0), 0),
    agreedTarget: distributors.reduce((a, d) => a + d.agreedTarget, 0),
    agreedPairs,
    pairs: distributors.reduce((a, d) => a + d.brands, 0),
  };
}

export function saveVersion(db: Db, planId: number, name: string, status: 'draft' | 'agreed'): TargetPlanSummary {
  const plan = getPlan(db, planId);
  if (plan.name === name) throw new DomainError('conflict', 'Give the version another name.');
  const id = db.transaction(() => {
    const now = nowIso();
    const newId = nextId('target_plans');
    const inserted = Number(
      prepared(
        db,
        'INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, new_outlets, created_at, updated_at) SELECT ?, region_id, season_year, ?, ?, basis, months, new_outlets, ?, ? FROM target_plans WHERE id = ?',
      ).run(newId, name, status, now, now, planId).lastInsertRowid,
    );
    const copy = newId ?? inserted;
    for (const table of ['target_lines', 'target_cells', 'target_agreed', 'target_outlets']) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => c !== 'plan_id');
      db.prepare(`INSERT INTO ${table} (plan_id, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM ${table} WHERE plan_id = ?`).run(
        copy,
        planId,
      );
    }
    return copy;
  })();
  return getPlan(db, id);
}

/** Two versions side by side, by distributor, brand or SKU: the biggest differences first. */
export function comparePlans(db: Db, a: number, b: number, by: 'distributor' | 'brand' | 'sku' = 'distributor'): TargetComparisonRow[] {
  getPlan(db, a);
  getPlan(db, b);
  const group = {
    distributor: { key: 'd.id', name: 'd.name', join: 'JOIN distributors d ON d.id = c.distributor_id' },
    brand: { key: 'p.brand', name: 'p.brand', join: 'JOIN products p ON p.id = c.product_id' },
    sku: { key: 'p.id', name: "p.sku || ' ' || p.name", join: 'JOIN products p ON p.id = c.product_id' },
  }[by];
  return prepared(
    db,
    `SELECT CAST(${group.key} AS TEXT) AS key, ${group.name} AS name,
       sum(CASE WHEN c.plan_id = ? THEN c.target ELSE 0 END) AS a, sum(CASE WHEN c.plan_id = ? THEN c.target ELSE 0 END) AS b
     FROM target_cells c ${group.join} WHERE c.plan_id IN (?, ?)
     GROUP BY ${group.key} ORDER BY abs(a - b) DESC, name`,
  ).all(a, b, a, b) as TargetComparisonRow[];
}

/** Target against actual shipments, month by month, grouped as asked. */
export function achievement(
  db: Db,
  planId: number,
  by: 'region' | 'distributor' | 'salesperson' | 'sku',
): { months: string[]; rows: AchievementRow[] } {
  const plan = getPlan(db, planId);
  const group =
    by === 'region'
      ? "'region'"
      : by === 'distributor'
        ? 'd.name'
        : by === 'salesperson'
          ? "coalesce(sp.name, '(no salesperson)')"
          : "p.sku || ' ' || p.name";
  const rows = prepared(
    db,
    `SELECT ${group} AS label, c.month, sum(c.target) AS target,
       sum((SELECT cases FROM sales_history h WHERE h.distributor_id = c.distributor_id AND h.product_id = c.product_id AND h.month = c.month)) AS actual,
       max((SELECT 1 FROM sales_history h WHERE h.month = c.month LIMIT 1)) AS hasActuals
     FROM target_cells c JOIN distributors d ON d.id = c.distributor_id LEFT JOIN staff sp ON sp.id = d.salesperson_id JOIN products p ON p.id = c.product_id
     WHERE c.plan_id = ? GROUP BY label, c.month ORDER BY label, c.month`,
  ).all(planId) as Array<{ label: string; month: string; target: number; actual: number | null; hasActuals: number | null }>;
  const byLabel = new Map<string, AchievementRow>();
  for (const r of rows) {
    const row = byLabel.get(r.label) ?? {
      key: r.label,
      label: by === 'region' ? plan.regionName : r.label,
      months: [],
      target: 0,
      actual: 0,
    };
    const actual = r.hasActuals ? (r.actual ?? 0) : null;
    row.months.push({ month: r.month, target: r.target, actual });
    row.target += r.target;
    row.actual += actual ?? 0;
    byLabel.set(r.label, row);
  }
  return { months: plan.months, rows: [...byLabel.values()].sort((a, b) => b.target - a.target) };
}

export function deletePlan(db: Db, planId: number) {
  getPlan(db, planId);
  prepared(db, 'DELETE FROM target_plans WHERE id = ?').run(planId);
  return { deleted: true as const };
}

/**
 * Target plans and their versions: list, open, create (the first cascade from the lines), save a
 * version (a copy of every number), delete.
 */
import { type TargetPlanSummary } from '../../shared/contract/targets.js';
import { ruleRefusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { notFound, requireRow } from '../db/sql.js';
import { checkJump, type JumpBasis } from './jump.js';
import { cascadeLine, largestRemainder, type Cell } from './cascade.js';
import { inRegions, type RegionScope } from '../people/readScope.js';
import { basisFor, cellBasis, seasonMonths } from './basis.js';

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
  naturalDrawnAt: string | null;
  lastForecastAt: string | null;
}

const PLAN_SELECT = `SELECT p.id, p.name, p.status, p.region_id AS regionId, r.name AS regionName, p.season_year AS seasonYear, p.basis, p.months,
  p.new_outlets AS newOutlets, p.updated_at AS updatedAt, p.natural_drawn_at AS naturalDrawnAt,
  (SELECT max(finished_at) FROM forecast_runs) AS lastForecastAt,
  (SELECT coalesce(sum(target), 0) FROM target_cells c WHERE c.plan_id = p.id) AS target,
  (SELECT coalesce(sum(natural), 0) FROM target_cells c WHERE c.plan_id = p.id) AS natural,
  (SELECT json_group_array(DISTINCT brand) FROM target_lines l WHERE l.plan_id = p.id) AS brands
  FROM target_plans p JOIN regions r ON r.id = p.region_id`;

type PlanQueryRow = PlanRow & { target: number; natural: number; brands: string };

const summary = ({ lastForecastAt, brands, ...row }: PlanQueryRow): TargetPlanSummary => ({
  ...row,
  months: row.months.split(','),
  brands: (JSON.parse(brands) as string[]).sort((a, b) => a.localeCompare(b)),
  forecastSince:
    row.status === 'draft' && row.basis === 'forecast' && lastForecastAt !== null && (row.naturalDrawnAt ?? '') < lastForecastAt
      ? lastForecastAt
      : null,
});

export function listPlans(db: Db, scope: RegionScope = null): TargetPlanSummary[] {
  return (
    prepared(
      db,
      `${PLAN_SELECT} WHERE ${inRegions('p.region_id', scope)} ORDER BY p.season_year DESC, p.updated_at DESC`,
    ).all() as PlanQueryRow[]
  ).map(summary);
}

export function getPlan(db: Db, id: number): TargetPlanSummary {
  const row = prepared(db, `${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanQueryRow | undefined;
  if (!row) throw notFound('Target plan', id);
  return summary(row);
}

/** Inserts a plan row with the id this desktop's id block gives it (main/db/ids.ts), else SQLite's; returns the id. */
function insertPlanRow(db: Db, sql: string, values: (id: number | null, now: string) => unknown[]): number {
  const newId = nextId('target_plans');
  const inserted = Number(prepared(db, sql).run(...values(newId, nowIso())).lastInsertRowid);
  return newId ?? inserted;
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
          reference += cellBasis(b, `${c.d}:${c.p}:${m}`, input.basis).reference;
        }
    checkJump(db, input.regionId, line.brand, reference, line.volume, input.confirm, jumpBasis);
  }
  const id = db.transaction(() => {
    const planId = insertPlanRow(
      db,
      'INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, new_outlets, created_at, updated_at, natural_drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      (id, now) => [
        id,
        input.regionId,
        input.seasonYear,
        input.name,
        'draft',
        input.basis,
        months.join(','),
        input.newOutlets,
        now,
        now,
        now,
      ],
    );
    const insertCell = prepared(
      db,
      'INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis, locked) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
    );
    const insertLine = prepared(db, 'INSERT INTO target_lines (plan_id, brand, product_id, volume) VALUES (?, ?, ?, ?)');
    const all: Cell[] = [];
    for (const line of input.lines) {
      const pairs = b.cells.filter((c) => c.brand === line.brand && (!line.productId || c.p === line.productId));
      if (pairs.length === 0 && line.volume > 0) {
        throw ruleRefusal(
          'targetBrandNotSold',
          `No distributor in this region sells ${line.brand}: nothing to spread its target over.`,
          { brand: line.brand },
          { path: 'lines', message: line.brand },
        );
      }
      insertLine.run(planId, line.brand, line.productId ?? null, line.volume);
      const cells: Cell[] = pairs.flatMap((pair) =>
        months.map((m) => {
          const { natural, reference } = cellBasis(b, `${pair.d}:${pair.p}:${m}`, input.basis);
          return {
            distributorId: pair.d,
            productId: pair.p,
            brand: pair.brand,
            month: m,
            target: 0,
            natural,
            basis: reference,
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
        throw ruleRefusal(
          'targetSkuInTwoLines',
          'A SKU appears in two target lines (its brand and itself); keep one.',
          {},
          { path: 'lines', message: 'Duplicate' },
        );
      seen.add(key);
      insertCell.run(planId, c.distributorId, c.productId, c.month, c.target, c.natural, c.basis);
    }
    distributeOutlets(db, planId, all, input.newOutlets);
    return planId;
  })();
  return getPlan(db, id);
}

/**
 * A draft plan's natural volume drawn again, cell by cell, as `createPlan` draws it: the latest
 * forecast, or last season's sales where there is none (and the cells' `basis`, what the targets
 * were split by and jumps are measured against, with it). Drawn when the plan was made, it does not
 * follow a forecast run after it, so "growth needed" would be measured against an old forecast.
 * The targets stay as they are; an agreed version is refused before this runs (frozen.ts).
 */
export function refreshNatural(db: Db, planId: number): { cells: number; before: number; after: number } {
  const plan = getPlan(db, planId);
  const b = basisFor(db, plan.regionId, plan.months);
  return db.transaction(() => {
    const cells = prepared(db, 'SELECT distributor_id, product_id, month, natural, basis FROM target_cells WHERE plan_id = ?')
      .raw()
      .all(planId) as Array<[number, number, string, number, number]>;
    const update = prepared(
      db,
      'UPDATE target_cells SET natural = ?, basis = ? WHERE plan_id = ? AND distributor_id = ? AND product_id = ? AND month = ?',
    );
    let changed = 0;
    let before = 0;
    let after = 0;
    for (const [d, p, month, natural, basis] of cells) {
      const { natural: fresh, reference } = cellBasis(b, `${d}:${p}:${month}`, plan.basis);
      before += natural;
      after += fresh;
      if (fresh === natural && reference === basis) continue;
      update.run(fresh, reference, planId, d, p, month);
      changed++;
    }
    // drawn now, whether or not a cell moved: the screen stops saying the forecast has run since
    prepared(
      db,
      'UPDATE target_plans SET natural_drawn_at = @at, updated_at = CASE WHEN @changed > 0 THEN @at ELSE updated_at END WHERE id = @id',
    ).run({ at: nowIso(), changed, id: planId });
    return { cells: changed, before, after };
  })();
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

export function saveVersion(db: Db, planId: number, name: string, status: 'draft' | 'agreed'): TargetPlanSummary {
  const plan = getPlan(db, planId);
  if (plan.name === name)
    throw ruleRefusal('targetVersionNameTaken', 'Give the version another name.', {}, { path: 'name', message: 'Same name' });
  const id = db.transaction(() => {
    const copy = insertPlanRow(
      db,
      'INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, new_outlets, created_at, updated_at, natural_drawn_at) SELECT ?, region_id, season_year, ?, ?, basis, months, new_outlets, ?, ?, natural_drawn_at FROM target_plans WHERE id = ?',
      (id, now) => [id, name, status, now, now, planId],
    );
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
export function deletePlan(db: Db, planId: number) {
  getPlan(db, planId);
  prepared(db, 'DELETE FROM target_plans WHERE id = ?').run(planId);
  return { deleted: true as const };
}

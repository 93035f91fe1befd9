/** Reading a plan's cells (all, or only those an edit can move) and writing back what moved. */
import { ruleRefusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { CascadeError, type Cell, type Level } from './cascade.js';
import { allCells, ColumnsBuilder, type CellColumns } from './columns.js';
import { getPlan } from './plans.js';

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
  const { sql, params } = scopedQuery(planId, scope);
  return (prepared(db, sql).all(...params) as Array<Omit<Cell, 'locked'> & { locked: number }>).map((c) => ({
    ...c,
    locked: c.locked === 1,
  }));
}

/** The same cells as loadScopedCells (the whole plan when `scope` is null), streamed into columns. */
export function loadScopedColumns(db: Db, planId: number, scope: CellScope | null): CellColumns {
  const { sql, params } = scopedQuery(planId, scope ?? {}, true);
  const builder = new ColumnsBuilder(256);
  for (const [d, p, brand, month, target, natural, basis, locked] of prepared(db, sql)
    .raw(true)
    .iterate(...params) as IterableIterator<[number, number, string, string, number, number, number, number]>)
    builder.add(d, p, brand, month, target, natural, basis, locked === 1);
  return builder.finish();
}

/** The scope's query; `raw` names the columns without aliases, so its cached statement (kept in raw mode) is its own. */
function scopedQuery(planId: number, scope: CellScope, raw = false): { sql: string; params: Array<string | number> } {
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
  const columns = raw
    ? 'c.distributor_id, c.product_id, p.brand, c.month, c.target, c.natural, c.basis, c.locked'
    : 'c.distributor_id AS distributorId, c.product_id AS productId, p.brand, c.month, c.target, c.natural, c.basis, c.locked';
  const sql = `SELECT ${columns} FROM target_cells c JOIN products p ON p.id = c.product_id WHERE ${where.join(' AND ')}
     ORDER BY c.distributor_id, c.product_id, c.month`;
  return { sql, params };
}

function saveCells(db: Db, planId: number, cols: CellColumns, before: Float64Array): void {
  const update = prepared(
    db,
    'UPDATE target_cells SET target = ? WHERE plan_id = ? AND distributor_id = ? AND product_id = ? AND month = ?',
  );
  for (let i = 0; i < cols.length; i++)
    if (cols.target[i] !== before[i])
      update.run(
        cols.target[i],
        planId,
        cols.distributorIds[cols.distributor[i]!],
        cols.productIds[cols.product[i]!],
        cols.months[cols.month[i]!],
      );
  prepared(db, 'UPDATE target_plans SET updated_at = ? WHERE id = ?').run(nowIso(), planId);
}

/**
 * Runs an edit over the cells it can move (`scope`; the whole plan when null), held as columns, and
 * writes only what moved, in one transaction. `cells` lists every cell read, in the plan's order.
 */
export function withCells(
  db: Db,
  planId: number,
  scope: CellScope | null,
  change: (cols: CellColumns, cells: Int32Array) => void,
): { saved: true } {
  getPlan(db, planId);
  db.transaction(() => {
    const cols = loadScopedColumns(db, planId, scope);
    const before = cols.target.slice();
    try {
      change(cols, allCells(cols));
    } catch (error) {
      if (error instanceof CascadeError)
        throw ruleRefusal(error.rule, error.message, error.params, { path: 'value', message: error.message });
      throw error;
    }
    saveCells(db, planId, cols, before);
  })();
  return { saved: true };
}

/** Edits of a plan's numbers: a node at any level, a line's total, locks. */
import { prepared, type Db } from '../db/open.js';
import { markTyped } from './typed.js';
import { checkJump, type JumpBasis } from './jump.js';
import { CascadeError, type Level } from './cascade.js';
import { editNodeColumns, setGroupTotalColumns } from './columns.js';
import { getPlan } from './plans.js';
import { scopeOf, withCells } from './cells.js';

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
    const saved = withCells(db, planId, read === 'whole' ? null : scopeOf(db, at), (cols, cells) => {
      // a distributor's brand total is a number agreed with people; month cells move in small steps and are not questioned
      if (at.level === 'distributor') {
        const d = cols.distributorIds.indexOf(at.distributorId);
        const b = cols.brands.indexOf(at.brand);
        let basis = 0;
        for (const i of cells) if (cols.distributor[i] === d && cols.brand[i] === b) basis += cols.basis[i]!;
        const plan = planJump(db, planId);
        checkJump(db, plan.regionId, at.brand, basis, value, confirm, plan.basis);
      }
      editNodeColumns(cols, cells, at, value);
    });
    markTyped(db, planId, at);
    return saved;
  })();
}

/** What a plan's targets are measured against when a jump is asked about (its own basis), and whose line asks (its region's). */
function planJump(db: Db, planId: number): { regionId: number; basis: JumpBasis } {
  const row = prepared(db, 'SELECT region_id AS regionId, basis FROM target_plans WHERE id = ?').get(planId) as
    { regionId: number; basis: string } | undefined;
  return { regionId: row?.regionId ?? 0, basis: row?.basis === 'last_year' ? 'last_year' : 'natural' };
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
  return withCells(db, planId, read === 'whole' ? null : { brand, productId: productId || undefined }, (cols, cells) => {
    const b = cols.brands.indexOf(brand);
    const p = productId ? cols.productIds.indexOf(productId) : -1;
    const line = cells.filter((i) => cols.brand[i] === b && (!productId || cols.product[i] === p));
    if (line.length === 0) throw new CascadeError('targetNoCells', `No cells for ${brand}`, { brand });
    let basis = 0;
    for (const i of line) basis += cols.basis[i]!;
    const plan = planJump(db, planId);
    checkJump(db, plan.regionId, brand, basis, value, confirm, plan.basis);
    setGroupTotalColumns(cols, line, value, 'line');
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

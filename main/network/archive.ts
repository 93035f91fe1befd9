import { refusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { notFound } from '../db/sql.js';

/** What a distributor carries that must outlive it: any of it means archive, not delete. */
export interface DistributorHistory {
  salesHistoryRows: number;
  targetCells: number;
  agreedNumbers: number;
  visits: number;
  complaints: number;
  shipments: number;
}

const count = (db: Db, sql: string, id: number) => (prepared(db, sql).get(id) as { n: number }).n;

export function distributorHistory(db: Db, id: number): DistributorHistory {
  return {
    salesHistoryRows: count(db, 'SELECT count(*) AS n FROM sales_history WHERE distributor_id = ?', id),
    targetCells: count(db, 'SELECT count(*) AS n FROM target_cells WHERE distributor_id = ?', id),
    agreedNumbers: count(db, 'SELECT count(*) AS n FROM target_agreed WHERE distributor_id = ?', id),
    visits: count(db, "SELECT count(*) AS n FROM visits WHERE outlet_type = 'distributor' AND outlet_id = ?", id),
    complaints: count(db, 'SELECT count(*) AS n FROM complaints WHERE distributor_id = ?', id),
    shipments: count(db, 'SELECT count(*) AS n FROM shipments WHERE distributor_id = ?', id),
  };
}

export const hasHistory = (h: DistributorHistory): boolean => Object.values(h).some((n) => n > 0);

/** Hidden from lists and pickers; every row that refers to it stays, so reports and agreed versions do not move. */
export function archiveDistributor(db: Db, id: number): void {
  prepared(db, 'UPDATE distributors SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(nowIso(), nowIso(), id);
}

/** What a sub-dealer or terminal carries that must outlive it: its visits and its steps through the pipeline. */
export interface OutletHistory {
  visits: number;
  prospectSteps: number;
}

export function outletHistory(db: Db, type: 'sub_dealer' | 'terminal', id: number): OutletHistory {
  return {
    visits: count(db, `SELECT count(*) AS n FROM visits WHERE outlet_type = '${type}' AND outlet_id = ?`, id),
    prospectSteps: count(db, `SELECT count(*) AS n FROM pipeline_events WHERE outlet_type = '${type}' AND outlet_id = ?`, id),
  };
}

/** What a product carries: sales history, targets (agreed versions included), stock counts and shipments. */
export interface ProductHistory {
  salesHistoryRows: number;
  targetCells: number;
  stockCounts: number;
  shipments: number;
}

export function productHistory(db: Db, id: number): ProductHistory {
  return {
    salesHistoryRows: count(db, 'SELECT count(*) AS n FROM sales_history WHERE product_id = ?', id),
    targetCells: count(db, 'SELECT count(*) AS n FROM target_cells WHERE product_id = ?', id),
    stockCounts: count(db, 'SELECT count(*) AS n FROM stock_snapshots WHERE product_id = ?', id),
    shipments: count(db, 'SELECT count(*) AS n FROM shipments WHERE product_id = ?', id),
  };
}

/** Hidden from lists and pickers; visits, pipeline steps, history and targets that refer to it stay. */
export function archiveRecord(db: Db, table: 'sub_dealers' | 'terminals' | 'products', id: number): void {
  prepared(db, `UPDATE ${table} SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL`).run(nowIso(), nowIso(), id);
}

/**
 * Two records of one customer become one: everything of the duplicate moves to the survivor (outlets,
 * contacts, sales history, targets and agreed numbers, stock, shipments, complaints, invitations,
 * visits), numbers of the same cell are added, so every total (an agreed version's included) is the
 * same to the case; then the empty duplicate is deleted. Derived data (its forecasts) goes with it
 * and is recomputed for the survivor by the next forecast run.
 */
export function mergeDistributors(db: Db, fromId: number, intoId: number): { merged: true; into: number } {
  if (fromId === intoId)
    throw refusal('validation', 'mergeSameDistributor', 'Choose two different distributors.', {}, [
      { path: 'intoId', message: 'Must be another distributor' },
    ]);
  return db.transaction(() => {
    for (const id of [fromId, intoId])
      if (!prepared(db, 'SELECT 1 FROM distributors WHERE id = ?').get(id)) throw notFound('Distributor', id);
    const run = (sql: string) => prepared(db, sql).run({ from: fromId, into: intoId });
    run('UPDATE sub_dealers SET distributor_id = :into WHERE distributor_id = :from');
    run('UPDATE terminals SET distributor_id = :into WHERE distributor_id = :from');
    run('UPDATE contacts SET distributor_id = :into WHERE distributor_id = :from');
    run('UPDATE complaints SET distributor_id = :into WHERE distributor_id = :from');
    run('UPDATE shipments SET distributor_id = :into WHERE distributor_id = :from');
    run('UPDATE followups SET distributor_id = :into WHERE distributor_id = :from');
    run("UPDATE visits SET outlet_id = :into WHERE outlet_type = 'distributor' AND outlet_id = :from");
    // Cells both records have are added together; the rest move as they are.
    run(`INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents)
         SELECT :into, product_id, month, cases, revenue_cents FROM sales_history WHERE distributor_id = :from
         ON CONFLICT (distributor_id, product_id, month) DO UPDATE SET cases = cases + excluded.cases,
           revenue_cents = CASE WHEN revenue_cents IS NULL AND excluded.revenue_cents IS NULL THEN NULL ELSE coalesce(revenue_cents, 0) + coalesce(excluded.revenue_cents, 0) END`);
    run(`INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis, locked)
         SELECT plan_id, :into, product_id, month, target, natural, basis, locked FROM target_cells WHERE distributor_id = :from
         ON CONFLICT (plan_id, distributor_id, product_id, month) DO UPDATE SET target = target + excluded.target,
           natural = natural + excluded.natural, basis = basis + excluded.basis, locked = max(locked, excluded.locked)`);
    run(`INSERT INTO target_agreed (plan_id, distributor_id, brand, cases) SELECT plan_id, :into, brand, cases FROM target_agreed WHERE distributor_id = :from
         ON CONFLICT (plan_id, distributor_id, brand) DO UPDATE SET cases = cases + excluded.cases`);
    run(`INSERT INTO target_outlets (plan_id, distributor_id, new_outlets) SELECT plan_id, :into, new_outlets FROM target_outlets WHERE distributor_id = :from
         ON CONFLICT (plan_id, distributor_id) DO UPDATE SET new_outlets = new_outlets + excluded.new_outlets`);
    run(`INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) SELECT :into, product_id, snapshot_date, cases FROM stock_snapshots WHERE distributor_id = :from
         ON CONFLICT (distributor_id, product_id, snapshot_date) DO UPDATE SET cases = cases + excluded.cases`);
    run(`INSERT OR IGNORE INTO event_invitees (event_id, distributor_id, contact_id, rsvp, attended, feedback_score, feedback_comment)
         SELECT event_id, :into, contact_id, rsvp, attended, feedback_score, feedback_comment FROM event_invitees WHERE distributor_id = :from`);
    run(`INSERT OR IGNORE INTO account_profiles (distributor_id, fit, total_purchases_cases, updated_at)
         SELECT :into, fit, total_purchases_cases, updated_at FROM account_profiles WHERE distributor_id = :from`);
    run(
      `INSERT OR IGNORE INTO distributor_pallet_capacity (distributor_id, pallets) SELECT :into, pallets FROM distributor_pallet_capacity WHERE distributor_id = :from`,
    );
    // What is left of the duplicate is its own derived data; deleting it cascades those rows away.
    for (const table of ['sales_history', 'target_cells', 'target_agreed', 'target_outlets', 'stock_snapshots', 'event_invitees']) {
      prepared(db, `DELETE FROM ${table} WHERE distributor_id = ?`).run(fromId);
    }
    prepared(db, 'DELETE FROM distributors WHERE id = ?').run(fromId);
    return { merged: true as const, into: intoId };
  })();
}

/**
 * A person with plans, visits, reviews, decisions or prospects is archived instead of deleted: they no
 * longer sign in or appear in pickers, and everything they did keeps their name.
 */
export function archivePersonIfWorked(db: Db, id: number): boolean {
  const worked = prepared(
    db,
    `SELECT EXISTS (SELECT 1 FROM dev_plans WHERE salesperson_id = @id OR decided_by = @id)
        OR EXISTS (SELECT 1 FROM visits WHERE salesperson_id = @id)
        OR EXISTS (SELECT 1 FROM weekly_reviews WHERE salesperson_id = @id)
        OR EXISTS (SELECT 1 FROM evaluations WHERE salesperson_id = @id OR decided_by = @id)
        OR EXISTS (SELECT 1 FROM pipeline WHERE owner_id = @id) AS worked`,
  ).get({ id }) as { worked: number };
  if (!worked.worked) return false;
  prepared(db, 'UPDATE staff SET archived_at = ?, active = 0, updated_at = ? WHERE id = ?').run(nowIso(), nowIso(), id);
  return true;
}

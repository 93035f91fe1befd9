import { prepared, type Db } from '../db/open.js';
import { cellsForMonth, listOverrides } from './overrides.js';

export interface DemandCell {
  distributorId: number;
  productId: number;
  month: string;
  /** Statistical forecast: the natural volume with no extra effort. */
  natural: number;
  /** The consensus number where one was agreed, else the natural volume. */
  agreed: number;
  lo80: number;
  hi80: number;
}

/**
 * Forecast demand per distributor x SKU x month, for targets and stock readiness. Stable interface:
 * other features read demand only through here.
 */
export function forecastDemand(db: Db, q: { distributorIds?: number[]; productIds?: number[]; fromMonth: string; toMonth: string }): DemandCell[] {
  const rows = prepared(
    db,
    `SELECT distributor_id AS distributorId, product_id AS productId, month, point AS natural, point AS agreed, lo80, hi80
     FROM forecast_values WHERE month BETWEEN ? AND ? ORDER BY distributor_id, product_id, month`,
  ).all(q.fromMonth, q.toMonth) as DemandCell[];
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  const selected = rows.filter((r) => (!dSet || dSet.has(r.distributorId)) && (!pSet || pSet.has(r.productId)));
  const overrides = listOverrides(db, { from: q.fromMonth, to: q.toMonth });
  for (const month of new Set(overrides.map((o) => o.month))) {
    const agreed = new Map(cellsForMonth(db, month, overrides).map((c) => [`${c.distributorId}:${c.productId}`, c.agreed]));
    for (const r of selected) if (r.month === month) r.agreed = agreed.get(`${r.distributorId}:${r.productId}`) ?? r.agreed;
  }
  return selected;
}

/** Monthly shipments per distributor x SKU between two months. */
export function salesHistory(db: Db, q: { distributorIds?: number[]; productIds?: number[]; fromMonth: string; toMonth: string }) {
  const rows = prepared(
    db,
    `SELECT distributor_id AS distributorId, product_id AS productId, month, cases, revenue_cents AS revenueCents
     FROM sales_history WHERE month BETWEEN ? AND ? ORDER BY distributor_id, product_id, month`,
  ).all(q.fromMonth, q.toMonth) as Array<{ distributorId: number; productId: number; month: string; cases: number; revenueCents: number | null }>;
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  return rows.filter((r) => (!dSet || dSet.has(r.distributorId)) && (!pSet || pSet.has(r.productId)));
}

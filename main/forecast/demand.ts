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
export function forecastDemand(
  db: Db,
  q: { distributorIds?: number[]; productIds?: number[]; fromMonth: string; toMonth: string },
): DemandCell[] {
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

export interface DemandSeries {
  distributorId: number;
  productId: number;
  /** The series' forecast months in order, with the numbers of each month at the same index. */
  months: string[];
  natural: number[];
  agreed: number[];
  lo80: number[];
  hi80: number[];
}

/**
 * The same numbers as forecastDemand (to a thousandth of a case), one entry per distributor x SKU:
 * whole-network readers (stock readiness plans every cell at once) get ~12,000 series instead of
 * ~150,000 row objects, which is most of the cost of reading them.
 */
export function forecastDemandSeries(
  db: Db,
  q: { distributorIds?: number[]; productIds?: number[]; fromMonth: string; toMonth: string },
): DemandSeries[] {
  // The scan runs in primary-key order, so every aggregate of a group sees its months in the same
  // order: the lists line up index by index (and are sorted below should they ever not be). Numbers
  // travel as thousandths of a case: SQLite writes integers far faster than floating-point text.
  const rows = prepared(
    db,
    `SELECT distributor_id, product_id, group_concat(month), group_concat(CAST(round(point * 1000) AS INTEGER)),
       group_concat(CAST(round(lo80 * 1000) AS INTEGER)), group_concat(CAST(round(hi80 * 1000) AS INTEGER))
     FROM forecast_values WHERE +month BETWEEN ? AND ? GROUP BY distributor_id, product_id`,
  )
    .raw()
    // One pass: the grouped rows' text lists are read one at a time and dropped, never held all at once.
    .iterate(q.fromMonth, q.toMonth) as Iterable<[number, number, string, string, string, string]>;
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  const numbers = (list: string): number[] => {
    const values = JSON.parse(`[${list}]`) as number[];
    for (let i = 0; i < values.length; i++) values[i]! /= 1000;
    return values;
  };
  const out: DemandSeries[] = [];
  for (const [distributorId, productId, m, p, lo, hi] of rows) {
    if ((dSet && !dSet.has(distributorId)) || (pSet && !pSet.has(productId))) continue;
    const s: DemandSeries = {
      distributorId,
      productId,
      months: m.split(','),
      natural: numbers(p),
      agreed: [],
      lo80: numbers(lo),
      hi80: numbers(hi),
    };
    if (s.months.some((x, i) => i > 0 && x < s.months[i - 1]!)) {
      const order = s.months.map((_, i) => i).sort((a, b) => s.months[a]!.localeCompare(s.months[b]!));
      const pick = <T>(list: T[]) => order.map((i) => list[i]!);
      Object.assign(s, { months: pick(s.months), natural: pick(s.natural), lo80: pick(s.lo80), hi80: pick(s.hi80) });
    }
    s.agreed = s.natural;
    out.push(s);
  }
  const overrides = listOverrides(db, { from: q.fromMonth, to: q.toMonth });
  if (overrides.length > 0) {
    const byKey = new Map(out.map((s) => [`${s.distributorId}:${s.productId}`, s]));
    for (const month of new Set(overrides.map((o) => o.month))) {
      for (const c of cellsForMonth(db, month, overrides)) {
        const s = byKey.get(`${c.distributorId}:${c.productId}`);
        const i = s ? s.months.indexOf(month) : -1;
        if (!s || i < 0) continue;
        // agreed shares the natural list until a consensus number differs from it
        if (s.agreed === s.natural) s.agreed = s.natural.slice();
        s.agreed[i] = c.agreed;
      }
    }
  }
  return out;
}

/** Monthly shipments per distributor x SKU between two months. */
export function salesHistory(db: Db, q: { distributorIds?: number[]; productIds?: number[]; fromMonth: string; toMonth: string }) {
  const rows = prepared(
    db,
    `SELECT distributor_id AS distributorId, product_id AS productId, month, cases, revenue_cents AS revenueCents
     FROM sales_history WHERE month BETWEEN ? AND ? ORDER BY distributor_id, product_id, month`,
  ).all(q.fromMonth, q.toMonth) as Array<{
    distributorId: number;
    productId: number;
    month: string;
    cases: number;
    revenueCents: number | null;
  }>;
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  return rows.filter((r) => (!dSet || dSet.has(r.distributorId)) && (!pSet || pSet.has(r.productId)));
}

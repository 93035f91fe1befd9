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
  const out: DemandSeries[] = [];
  eachDemandSeries(db, q, (s) => out.push(s));
  return out;
}

/**
 * forecastDemandSeries one series at a time, in (distributor, SKU) order: a reader that uses each
 * series at once and keeps none (stock readiness at national scale: 120,000 series) lets them die
 * young instead of holding all of them, their lists and month strings, until the last is read.
 */
export function eachDemandSeries(
  db: Db,
  q: {
    distributorIds?: number[];
    productIds?: number[];
    fromMonth: string;
    toMonth: string;
    /** Only distributors with ids in [from, to] (a range of the table's key: a thread reads its own part). */
    distributorRange?: readonly [number, number];
  },
  visit: (series: DemandSeries) => void,
): void {
  // Consensus numbers first (a few months, looked up per series during the scan).
  const overrides = listOverrides(db, { from: q.fromMonth, to: q.toMonth });
  const agreedIn = new Map<string, Map<string, number>>();
  for (const month of new Set(overrides.map((o) => o.month))) {
    agreedIn.set(month, new Map(cellsForMonth(db, month, overrides).map((c) => [`${c.distributorId}:${c.productId}`, c.agreed])));
  }
  // The scan runs in primary-key order, so every aggregate of a group sees its months in the same
  // order: the lists line up index by index (and are sorted below should they ever not be). Numbers
  // travel as thousandths of a case: SQLite writes integers far faster than floating-point text.
  const range = q.distributorRange ?? [-Number.MAX_VALUE, Number.MAX_VALUE];
  const rows = prepared(
    db,
    `SELECT distributor_id, product_id, group_concat(month), group_concat(CAST(round(point * 1000) AS INTEGER)),
       group_concat(CAST(round(lo80 * 1000) AS INTEGER)), group_concat(CAST(round(hi80 * 1000) AS INTEGER))
     FROM forecast_values WHERE distributor_id BETWEEN ? AND ? AND +month BETWEEN ? AND ? GROUP BY distributor_id, product_id`,
  )
    .raw()
    // One pass: the grouped rows' text lists are read one at a time and dropped, never held all at once.
    .iterate(range[0], range[1], q.fromMonth, q.toMonth) as Iterable<[number, number, string, string, string, string]>;
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  const numbers = (list: string): number[] => {
    const values = JSON.parse(`[${list}]`) as number[];
    for (let i = 0; i < values.length; i++) values[i]! /= 1000;
    return values;
  };
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
    // agreed shares the natural list unless a consensus number differs from it
    s.agreed = s.natural;
    if (agreedIn.size > 0) {
      const key = `${distributorId}:${productId}`;
      for (let i = 0; i < s.months.length; i++) {
        const agreed = agreedIn.get(s.months[i]!)?.get(key);
        if (agreed === undefined) continue;
        if (s.agreed === s.natural) s.agreed = s.natural.slice();
        s.agreed[i] = agreed;
      }
    }
    visit(s);
  }
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

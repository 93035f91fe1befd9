import { prepared, type Db } from '../db/open.js';
import { eachPackedSeries, monthOfPackNumber, packMonthNumber } from './demand-packs.js';
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
 * The consensus numbers agreed for the months between two months, by month (its pack number,
 * demand-packs.ts) and then 'distributor:SKU': a few months, looked up per series during a scan.
 */
export function agreedByMonth(db: Db, fromMonth: string, toMonth: string): Map<number, Map<string, number>> {
  const overrides = listOverrides(db, { from: fromMonth, to: toMonth });
  const agreedIn = new Map<number, Map<string, number>>();
  for (const month of new Set(overrides.map((o) => o.month))) {
    agreedIn.set(
      packMonthNumber(month),
      new Map(cellsForMonth(db, month, overrides).map((c) => [`${c.distributorId}:${c.productId}`, c.agreed])),
    );
  }
  return agreedIn;
}

/**
 * forecastDemandSeries one series at a time, in (distributor, SKU) order: a reader that uses each
 * series at once and keeps none lets them die young instead of holding all of them, their lists and
 * month strings, until the last is read. Read from the distributors' packs (demand-packs.ts), to a
 * thousandth of a case.
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
  const agreedIn = agreedByMonth(db, q.fromMonth, q.toMonth);
  const dSet = q.distributorIds ? new Set(q.distributorIds) : null;
  const pSet = q.productIds ? new Set(q.productIds) : null;
  const window = {
    fromMonth: packMonthNumber(q.fromMonth),
    toMonth: packMonthNumber(q.toMonth),
    ...(q.distributorRange ? { distributorRange: q.distributorRange } : {}),
  };
  eachPackedSeries(db, window, (p) => {
    if ((dSet && !dSet.has(p.distributorId)) || (pSet && !pSet.has(p.productId))) return;
    const natural = Array.from(p.point.subarray(0, p.count));
    const s: DemandSeries = {
      distributorId: p.distributorId,
      productId: p.productId,
      months: Array.from(p.months.subarray(0, p.count), monthOfPackNumber),
      natural,
      // agreed shares the natural list unless a consensus number differs from it
      agreed: natural,
      lo80: Array.from(p.lo80.subarray(0, p.count)),
      hi80: Array.from(p.hi80.subarray(0, p.count)),
    };
    if (agreedIn.size > 0) {
      const key = `${p.distributorId}:${p.productId}`;
      for (let i = 0; i < p.count; i++) {
        const agreed = agreedIn.get(p.months[i]!)?.get(key);
        if (agreed === undefined) continue;
        if (s.agreed === natural) s.agreed = natural.slice();
        s.agreed[i] = agreed;
      }
    }
    visit(s);
  });
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

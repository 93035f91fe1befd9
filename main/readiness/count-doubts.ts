/**
 * Why a stock count looks wrong, if it does: more than the distributor's warehouse holds (with its
 * other SKUs as last counted), or far above anything it ever sold of the SKU in a month. One mistyped
 * count (1,000,000,000 cases for a 9,900-case warehouse) otherwise turns the whole board red, so the
 * form asks before saving it and an import lists it as a warning. Doubts are codes with numbers: the
 * screens word them in the user's language, the command line reads the English.
 */
import { prepared, type Db } from '../db/open.js';

/** A count more than this many times the largest month sold in the history is questioned. */
export const COUNT_HISTORY_FACTOR = 3;

export type StockDoubt =
  | { code: 'beyond_warehouse'; params: { cases: number; others: number; warehouse: number } }
  | { code: 'far_from_history'; params: { cases: number; largestMonth: number; factor: number } };

export interface CountFacts {
  cases: number;
  /** Cases of the distributor's other SKUs counted at the same time (their latest counts). */
  others: number;
  /** The warehouse in cases; 0 is a warehouse nobody measured. */
  warehouse: number;
  /** The largest month the distributor ever sold of the SKU; null without history. */
  largestMonth: number | null;
}

/** Pure: the doubts about one count, warehouse first. */
export function judgeCount(f: CountFacts): StockDoubt[] {
  const doubts: StockDoubt[] = [];
  if (f.warehouse > 0 && f.cases + f.others > f.warehouse)
    doubts.push({ code: 'beyond_warehouse', params: { cases: f.cases, others: f.others, warehouse: f.warehouse } });
  if (f.largestMonth !== null && f.largestMonth > 0 && f.cases > COUNT_HISTORY_FACTOR * f.largestMonth)
    doubts.push({ code: 'far_from_history', params: { cases: f.cases, largestMonth: f.largestMonth, factor: COUNT_HISTORY_FACTOR } });
  return doubts;
}

export function doubtInWords(d: StockDoubt): string {
  return d.code === 'beyond_warehouse'
    ? d.params.others > 0
      ? `${d.params.cases} cases with ${d.params.others} of other SKUs is more than the warehouse holds (${d.params.warehouse} cases)`
      : `${d.params.cases} cases is more than the warehouse holds (${d.params.warehouse} cases)`
    : `${d.params.cases} cases is more than ${d.params.factor} times the largest month it ever sold (${d.params.largestMonth} cases)`;
}

/**
 * The refusal's rule (rules:refusal.<code> on screen): one code per combination, so each language
 * words it whole; the parameters are every doubt's numbers.
 */
export function doubtRule(doubts: readonly StockDoubt[]): { code: string; params: Record<string, number> } {
  const warehouse = doubts.find((d) => d.code === 'beyond_warehouse');
  const history = doubts.some((d) => d.code === 'far_from_history');
  const others = warehouse !== undefined && warehouse.params.others > 0;
  const code = warehouse
    ? `stockCountBeyondWarehouse${others ? 'WithOthers' : ''}${history ? 'AndHistory' : ''}`
    : 'stockCountFarFromHistory';
  return { code, params: Object.assign({}, ...doubts.map((d) => d.params)) as Record<string, number> };
}

/**
 * The facts a count is judged by, read once per distributor and SKU (an import asks for thousands).
 * `excluding` leaves out SKUs whose counts the caller supplies itself (the other rows of a file).
 */
export function countFactsReader(db: Db) {
  const warehouse = prepared(db, 'SELECT warehouse_capacity_cases FROM distributors WHERE id = ?').pluck();
  const latest = prepared(
    db,
    `SELECT product_id, cases, max(snapshot_date) FROM stock_snapshots WHERE distributor_id = ? AND snapshot_date <= ? GROUP BY product_id`,
  ).raw();
  const largest = prepared(db, 'SELECT max(cases) FROM sales_history WHERE distributor_id = ? AND product_id = ?').pluck();
  return {
    warehouse: (distributorId: number) => (warehouse.get(distributorId) as number | undefined) ?? 0,
    /** Latest count on or before `date` of each SKU of the distributor. */
    latestCounts: (distributorId: number, date: string) =>
      new Map((latest.all(distributorId, date) as Array<[number, number, string]>).map(([p, cases]) => [p, cases])),
    largestMonth: (distributorId: number, productId: number) => (largest.get(distributorId, productId) as number | null) ?? null,
  };
}

/** The doubts about one count typed into the form. */
export function stockCountDoubts(db: Db, input: { distributorId: number; productId: number; date: string; cases: number }): StockDoubt[] {
  const read = countFactsReader(db);
  let others = 0;
  for (const [p, cases] of read.latestCounts(input.distributorId, input.date)) if (p !== input.productId) others += cases;
  return judgeCount({
    cases: input.cases,
    others,
    warehouse: read.warehouse(input.distributorId),
    largestMonth: read.largestMonth(input.distributorId, input.productId),
  });
}

/** An import's warning about a count in English words, for the command line (the screens word the code). */
export function importWarningInWords(code: string, p: Record<string, string | number | string[]>): string {
  return code === 'stock_beyond_warehouse'
    ? `the counts of ${String(p.date)} add up to ${String(p.total)} cases (this row ${String(p.cases)}), more than the warehouse holds (${String(p.warehouse)} cases)`
    : code === 'stock_far_from_history'
      ? `${String(p.cases)} cases is more than ${String(p.factor)} times the largest month it ever sold (${String(p.largestMonth)} cases)`
      : code;
}

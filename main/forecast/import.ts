import { z } from 'zod';
import { id, yearMonth } from '../../shared/contract/fields.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import type { EntityDef } from '../importing/entities.js';
import { A, field } from '../importing/fields.js';
import { parseMonth, stripFormulaGuard } from '../importing/convert.js';
import type { RowIssue } from '../importing/issues.js';
import type { References } from '../importing/references.js';
import { readNumber } from '../importing/numbers.js';
import { monthFromIndex, monthIndex } from '../../shared/domain/months.js';
import { writeSetting } from '../system/preferences.js';
import { withHistoryTotalsDeferred } from './month-totals.js';
import { areaInRegions } from '../people/readScope.js';

const HISTORY_CHANGED_KEY = 'forecast.historyChangedAt';

const salesRow = z.strictObject({
  distributorId: id,
  productId: id,
  month: yearMonth,
  cases: z.int('Whole cases').min(0, 'Cannot be negative').max(100_000_000),
  revenueCents: z.int().min(0, 'Cannot be negative').max(1e15).nullable(),
});
type SalesRow = z.output<typeof salesRow>;

// 21 + 17 + 15 bits: exact in a double. Ids beyond these bounds (or negative: a desktop's own) fall back to a text key.
const MAX_ID = 2 ** 21;
const MAX_PRODUCT = 2 ** 17;
const MAX_MONTH = 2 ** 15;
const historyKey = (d: number, p: number, month: number): number | string =>
  d > 0 && d < MAX_ID && p > 0 && p < MAX_PRODUCT ? (d * MAX_PRODUCT + p) * MAX_MONTH + month : `${d}:${p}:${month}`;

// Packed rows carry the month as its running index; its text is rebuilt once per month, not once per row.
const monthTexts = new Map<number, string>();
function monthText(index: number): string {
  let text = monthTexts.get(index);
  if (text === undefined) {
    text = monthFromIndex(index);
    monthTexts.set(index, text);
  }
  return text;
}

/** A stored month as the file writes it: cases, and revenue in money units (not cents). */
const salesValue = (cases: number, revenueCents: number | null) => JSON.stringify([cases, revenueCents === null ? '' : revenueCents / 100]);

/**
 * Monthly shipments per distributor x SKU, as distributors and the ERP export them. A row for a
 * month already recorded replaces it (a correction); revenue is optional.
 */
export const salesHistoryEntity: EntityDef = {
  name: 'salesHistory',
  fields: [
    field('distributor', 'reference', true, A.distributor, { ref: 'distributors' }),
    field(
      'sku',
      'reference',
      true,
      ['sku', 'product', 'product code', '产品编码', '货号', 'código de producto', 'producto', 'артикул', 'код товара'],
      { ref: 'products' },
    ),
    field('month', 'month', true, ['month', 'period', '月份', '期间', 'mes', 'periodo', 'месяц', 'период'], { hint: 'YYYY-MM' }),
    field('cases', 'integer', true, ['cases', 'volume', 'quantity', '箱数', '销量', 'cajas', 'volumen', 'коробки', 'объём', 'количество']),
    field('revenue', 'decimal', false, ['revenue', 'amount', 'sales value', '金额', '销售额', 'importe', 'ingresos', 'выручка', 'сумма']),
  ],
  key: null,
  schema: salesRow,
  toDraft: (v, ref) => ({
    distributorId: ref('distributor', 'distributors', 'distributor'),
    productId: ref('sku', 'products', 'product'),
    month: v.month,
    cases: v.cases,
    // money in cents: integers, never floating amounts in the database
    revenueCents: typeof v.revenue === 'number' ? Math.round(v.revenue * 100) : null,
  }),
  // Numeric keys: a million string keys in a Map cost seconds of hashing and garbage collection.
  keyOf: (d: SalesRow) => historyKey(d.distributorId, d.productId, monthIndex(d.month) + 1),
  existingKeys: (db: Db) => {
    const keys = prepared(
      db,
      `SELECT CASE WHEN distributor_id < ${MAX_ID} AND product_id < ${MAX_PRODUCT} THEN (distributor_id * ${MAX_PRODUCT} + product_id) * ${MAX_MONTH} + CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)
              ELSE distributor_id || ':' || product_id || ':' || (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)) END
       FROM sales_history`,
    )
      .pluck()
      .all() as Array<number | string>;
    return new Set(keys);
  },
  existingValues: (db: Db) => {
    const map = new Map<number | string, string>();
    const rows = prepared(
      db,
      `SELECT CASE WHEN distributor_id < ${MAX_ID} AND product_id < ${MAX_PRODUCT} THEN (distributor_id * ${MAX_PRODUCT} + product_id) * ${MAX_MONTH} + CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)
              ELSE distributor_id || ':' || product_id || ':' || (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)) END,
              cases, revenue_cents
       FROM sales_history`,
    ).raw();
    for (const [key, cases, revenueCents] of rows.iterate() as Iterable<[number | string, number, number | null]>)
      map.set(key, salesValue(cases, revenueCents));
    return map;
  },
  valueText: (d: SalesRow) => salesValue(d.cases, d.revenueCents),
  packedWidth: 5,
  pack(draft, out, at) {
    const d = draft as SalesRow;
    out[at] = d.distributorId;
    out[at + 1] = d.productId;
    out[at + 2] = monthIndex(d.month);
    out[at + 3] = d.cases;
    out[at + 4] = d.revenueCents ?? Number.NaN;
  },
  unpack: (rows, at): SalesRow => ({
    distributorId: rows[at]!,
    productId: rows[at + 1]!,
    month: monthText(rows[at + 2]!),
    cases: rows[at + 3]!,
    revenueCents: Number.isNaN(rows[at + 4]) ? null : rows[at + 4]!,
  }),
  valueFields: ['cases', 'revenue'],
  save(db, _existing, d: SalesRow) {
    prepared(
      db,
      `INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (distributor_id, product_id, month) DO UPDATE SET cases = excluded.cases, revenue_cents = excluded.revenue_cents`,
    ).run(d.distributorId, d.productId, d.month, d.cases, d.revenueCents);
    return 0;
  },
  afterCommit: (db) => writeSetting(db, HISTORY_CHANGED_KEY, nowIso()),
  // The same rules as salesRow, written out: a million rows through zod cost seconds.
  fastRow: (cells, mapping, refs, decimalOf) => historyRowChecker(mapping, refs, decimalOf)(cells),
  rowChecker: historyRowChecker,
  // A stored month is looked up only when the file's month lies within the months already stored, for
  // the whole history (one query, before anything is written) and then for its distributor x SKU (one
  // range query per pair): a file of new months, the usual monthly import, costs no look-ups at all.
  storedValue(db) {
    const [first, last] = db
      .prepare('SELECT (SELECT min(month) FROM sales_history), (SELECT max(month) FROM sales_history)')
      .raw()
      .get() as [string | null, string | null];
    const range = db.prepare('SELECT min(month), max(month) FROM sales_history WHERE distributor_id = ? AND product_id = ?').raw();
    const one = db
      .prepare('SELECT cases, revenue_cents FROM sales_history WHERE distributor_id = ? AND product_id = ? AND month = ?')
      .raw();
    const ranges = new Map<number | string, [string, string] | null>();
    return (draft) => {
      const d = draft as SalesRow;
      if (first === null || last === null || d.month < first || d.month > last) return undefined;
      const pair =
        d.distributorId < MAX_ID && d.productId < MAX_PRODUCT
          ? d.distributorId * MAX_PRODUCT + d.productId
          : `${d.distributorId}:${d.productId}`;
      let months = ranges.get(pair);
      if (months === undefined) {
        const [low, high] = range.get(d.distributorId, d.productId) as [string | null, string | null];
        months = low === null || high === null ? null : [low, high];
        ranges.set(pair, months);
      }
      if (!months || d.month < months[0] || d.month > months[1]) return undefined;
      const row = one.get(d.distributorId, d.productId, d.month) as [number, number | null] | undefined;
      return row ? salesValue(row[0], row[1]) : undefined;
    };
  },
  // One row a statement: a million rows took 3.9-4.4 s against 5.1-5.5 s in statements of 200
  // rows (a statement of many rows is a multi-row write to SQLite, with its own bookkeeping), once the
  // per-row change marks are out of the way (withHistoryTotalsDeferred).
  writeStream(db, rows) {
    const upsert = db.prepare(
      `INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (distributor_id, product_id, month) DO UPDATE SET cases = excluded.cases, revenue_cents = excluded.revenue_cents`,
    );
    return withHistoryTotalsDeferred(db, (touched) => {
      let lastMonth = '';
      return rows((draft) => {
        const d = draft as SalesRow;
        upsert.run(d.distributorId, d.productId, d.month, d.cases, d.revenueCents);
        if (d.month !== lastMonth) touched.add((lastMonth = d.month));
      });
    });
  },
  saveMany(db, drafts) {
    const upsert = db.prepare(
      `INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (distributor_id, product_id, month) DO UPDATE SET cases = excluded.cases, revenue_cents = excluded.revenue_cents`,
    );
    withHistoryTotalsDeferred(db, (touched) => {
      for (const d of drafts as SalesRow[]) {
        upsert.run(d.distributorId, d.productId, d.month, d.cases, d.revenueCents);
        touched.add(d.month);
      }
    });
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT d.code AS distributor, p.sku, h.month, h.cases, CASE WHEN h.revenue_cents IS NULL THEN NULL ELSE h.revenue_cents / 100.0 END AS revenue
       FROM sales_history h JOIN distributors d ON d.id = h.distributor_id JOIN products p ON p.id = h.product_id
       WHERE ${areaInRegions('d.area_id', scope)} ORDER BY d.code, p.sku, h.month`,
    ).all() as Array<Record<string, string | number | null>>,
};

/**
 * One history row checked with the same rules as salesRow, from its cells. Made once per import: the
 * columns are looked up once, and each distinct distributor or SKU text is resolved once.
 */
function historyRowChecker(
  mapping: Record<string, number | null>,
  refs: References,
  decimalOf: (fieldKey: string) => ',' | '.' | null,
): (cells: string[]) => { draft: SalesRow } | { errors: RowIssue[] } {
  const column = (key: string) => mapping[key] ?? -1;
  const at = {
    distributor: column('distributor'),
    sku: column('sku'),
    month: column('month'),
    cases: column('cases'),
    revenue: column('revenue'),
  };
  const distributors = new Map<string, number | null>();
  const products = new Map<string, number | null>();
  const resolve = (cache: Map<string, number | null>, table: 'distributors' | 'products', text: string) => {
    let id = cache.get(text);
    if (id === undefined) cache.set(text, (id = refs.resolve(table, text)));
    return id;
  };
  const cell = (cells: string[], i: number) => {
    if (i < 0) return '';
    const raw = cells[i] ?? '';
    return stripFormulaGuard(raw.length && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw);
  };
  return (cells) => {
    const errors: RowIssue[] = [];
    const fail = (issue: RowIssue) => errors.push(issue);
    const distributorText = cell(cells, at.distributor);
    const skuText = cell(cells, at.sku);
    const distributorId = distributorText ? resolve(distributors, 'distributors', distributorText) : null;
    const productId = skuText ? resolve(products, 'products', skuText) : null;
    if (!distributorText) fail({ field: 'distributor', code: 'required', params: {} });
    else if (distributorId === null)
      fail({ field: 'distributor', code: 'unknown_reference', params: { table: 'distributors', text: distributorText } });
    if (!skuText) fail({ field: 'sku', code: 'required', params: {} });
    else if (productId === null) fail({ field: 'sku', code: 'unknown_reference', params: { table: 'products', text: skuText } });
    const monthText = cell(cells, at.month);
    const month = monthText ? parseMonth(monthText) : null;
    if (!monthText) fail({ field: 'month', code: 'required', params: {} });
    else if (!month) fail({ field: 'month', code: 'not_a_month', params: { example: '2026-03' } });
    const casesText = cell(cells, at.cases);
    const casesRead = casesText ? readNumber(casesText, decimalOf('cases')) : null;
    const cases = casesRead?.ok ? casesRead.value : null;
    if (!casesRead) fail({ field: 'cases', code: 'required', params: {} });
    else if (!casesRead.ok) fail({ field: 'cases', code: casesRead.code, params: casesRead.decimal ? { decimal: casesRead.decimal } : {} });
    else if (!Number.isInteger(cases)) fail({ field: 'cases', code: 'not_whole', params: { read: cases! } });
    else if (cases! < 0) fail({ field: 'cases', code: 'too_small', params: { min: 0 } });
    else if (cases! > 100_000_000) fail({ field: 'cases', code: 'too_big', params: { max: 100_000_000 } });
    const revenueText = cell(cells, at.revenue);
    const revenueRead = revenueText ? readNumber(revenueText, decimalOf('revenue')) : null;
    const revenue = revenueRead?.ok ? revenueRead.value : null;
    if (revenueRead && !revenueRead.ok)
      fail({ field: 'revenue', code: revenueRead.code, params: revenueRead.decimal ? { decimal: revenueRead.decimal } : {} });
    else if (revenue !== null && revenue < 0) fail({ field: 'revenue', code: 'too_small', params: { min: 0 } });
    if (errors.length) return { errors };
    return {
      draft: {
        distributorId: distributorId!,
        productId: productId!,
        month: month!,
        cases: cases!,
        revenueCents: revenue === null ? null : Math.round(revenue * 100),
      },
    };
  };
}

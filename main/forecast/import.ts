import { z } from 'zod';
import { id, yearMonth } from '../../shared/contract/fields.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import type { EntityDef } from '../importing/entities.js';
import { A, field } from '../importing/fields.js';
import { parseMonth, stripFormulaGuard } from '../importing/convert.js';
import type { RowIssue } from '../importing/issues.js';
import { readNumber } from '../importing/numbers.js';
import { writeSetting } from '../system/preferences.js';
import { withHistoryTotalsDeferred } from './month-totals.js';

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
const historyKey = (d: number, p: number, monthIndex: number): number | string =>
  d > 0 && d < MAX_ID && p > 0 && p < MAX_PRODUCT ? (d * MAX_PRODUCT + p) * MAX_MONTH + monthIndex : `${d}:${p}:${monthIndex}`;

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
  keyOf: (d: SalesRow) => historyKey(d.distributorId, d.productId, Number(d.month.slice(0, 4)) * 12 + Number(d.month.slice(5, 7))),
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
  fastRow(cells, mapping, refs, decimalOf) {
    const errors: RowIssue[] = [];
    const cell = (key: string) => {
      const i = mapping[key];
      return i === null || i === undefined ? '' : stripFormulaGuard((cells[i] ?? '').trim());
    };
    const distributorText = cell('distributor');
    const skuText = cell('sku');
    const distributorId = distributorText ? refs.resolve('distributors', distributorText) : null;
    const productId = skuText ? refs.resolve('products', skuText) : null;
    if (!distributorText) errors.push({ field: 'distributor', code: 'required', params: {} });
    else if (distributorId === null)
      errors.push({ field: 'distributor', code: 'unknown_reference', params: { table: 'distributors', text: distributorText } });
    if (!skuText) errors.push({ field: 'sku', code: 'required', params: {} });
    else if (productId === null) errors.push({ field: 'sku', code: 'unknown_reference', params: { table: 'products', text: skuText } });
    const monthText = cell('month');
    const month = monthText ? parseMonth(monthText) : null;
    if (!monthText) errors.push({ field: 'month', code: 'required', params: {} });
    else if (!month) errors.push({ field: 'month', code: 'not_a_month', params: { example: '2026-03' } });
    const casesText = cell('cases');
    const casesRead = casesText ? readNumber(casesText, decimalOf('cases')) : null;
    const cases = casesRead?.ok ? casesRead.value : null;
    if (!casesRead) errors.push({ field: 'cases', code: 'required', params: {} });
    else if (!casesRead.ok)
      errors.push({ field: 'cases', code: casesRead.code, params: casesRead.decimal ? { decimal: casesRead.decimal } : {} });
    else if (!Number.isInteger(cases)) errors.push({ field: 'cases', code: 'not_whole', params: { read: cases! } });
    else if (cases! < 0) errors.push({ field: 'cases', code: 'too_small', params: { min: 0 } });
    else if (cases! > 100_000_000) errors.push({ field: 'cases', code: 'too_big', params: { max: 100_000_000 } });
    const revenueText = cell('revenue');
    const revenueRead = revenueText ? readNumber(revenueText, decimalOf('revenue')) : null;
    const revenue = revenueRead?.ok ? revenueRead.value : null;
    if (revenueRead && !revenueRead.ok)
      errors.push({ field: 'revenue', code: revenueRead.code, params: revenueRead.decimal ? { decimal: revenueRead.decimal } : {} });
    else if (revenue !== null && revenue < 0) errors.push({ field: 'revenue', code: 'too_small', params: { min: 0 } });
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
  exportRows: (db) =>
    prepared(
      db,
      `SELECT d.code AS distributor, p.sku, h.month, h.cases, CASE WHEN h.revenue_cents IS NULL THEN NULL ELSE h.revenue_cents / 100.0 END AS revenue
       FROM sales_history h JOIN distributors d ON d.id = h.distributor_id JOIN products p ON p.id = h.product_id ORDER BY d.code, p.sku, h.month`,
    ).all() as Array<Record<string, string | number | null>>,
};

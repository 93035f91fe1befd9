import { z } from 'zod';
import { id, isoDate } from '../../shared/contract/fields.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import type { EntityDef } from '../importing/entities.js';
import { A, field } from '../importing/fields.js';
import type { ImportRowWarning } from '../../shared/contract/importing.js';
import { countFactsReader, judgeCount } from './count-doubts.js';
import { areaInRegions } from '../people/readScope.js';

const stockRow = z.strictObject({
  distributorId: id,
  productId: id,
  date: isoDate,
  cases: z.int('Whole cases').min(0, 'Cannot be negative').max(1e9),
});
type StockRow = z.output<typeof stockRow>;

/** Stock counts per distributor x SKU and day, as distributors report them; a recount of a day replaces it. */
export const stockSnapshotsEntity: EntityDef = {
  name: 'stockSnapshots',
  fields: [
    field('distributor', 'reference', true, A.distributor, { ref: 'distributors' }),
    field(
      'sku',
      'reference',
      true,
      ['sku', 'product', 'product code', '产品编码', '货号', 'código de producto', 'producto', 'артикул', 'код товара'],
      { ref: 'products' },
    ),
    field('date', 'date', true, ['date', 'count date', 'snapshot date', '日期', '盘点日期', 'fecha', 'дата', 'дата остатка']),
    field('cases', 'integer', true, ['cases', 'stock', 'on hand', '库存', '库存箱数', 'existencias', 'stock cajas', 'остаток', 'коробки']),
  ],
  key: null,
  schema: stockRow,
  toDraft: (v, ref) => ({
    distributorId: ref('distributor', 'distributors', 'distributor'),
    productId: ref('sku', 'products', 'product'),
    date: v.date,
    cases: v.cases,
  }),
  keyOf: (d: StockRow) => `${d.distributorId}:${d.productId}:${d.date}`,
  existingKeys: (db: Db) =>
    new Set(
      (
        prepared(db, 'SELECT distributor_id, product_id, snapshot_date FROM stock_snapshots').raw().all() as Array<[number, number, string]>
      ).map(([d, p, s]) => `${d}:${p}:${s}`),
    ),
  existingValues: (db: Db) =>
    new Map(
      (
        prepared(db, 'SELECT distributor_id, product_id, snapshot_date, cases FROM stock_snapshots').raw().all() as Array<
          [number, number, string, number]
        >
      ).map(([d, p, s, cases]) => [`${d}:${p}:${s}`, JSON.stringify([cases])]),
    ),
  rowWarnings: stockCountWarnings,
  valueText: (d: StockRow) => JSON.stringify([d.cases]),
  valueFields: ['cases'],
  save(db, _existing, d: StockRow) {
    prepared(
      db,
      'INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
    ).run(d.distributorId, d.productId, d.date, d.cases);
    return 0;
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT d.code AS distributor, p.sku, s.snapshot_date AS date, s.cases FROM stock_snapshots s JOIN distributors d ON d.id = s.distributor_id
       JOIN products p ON p.id = s.product_id WHERE ${areaInRegions('d.area_id', scope)} ORDER BY d.code, p.sku, s.snapshot_date`,
    ).all() as Array<Record<string, string | number | null>>,
};

/**
 * The counts of a file that look wrong, judged as the count form judges one (count-doubts.ts): a
 * distributor's counts of one day, with its other SKUs as last counted, beyond its warehouse (said
 * on its largest row), and each count far above the largest month it ever sold.
 */
function stockCountWarnings(db: Db, rows: ReadonlyArray<{ line: number; draft: unknown }>): ImportRowWarning[] {
  const read = countFactsReader(db);
  const codeOf = prepared(db, 'SELECT code FROM distributors WHERE id = ?').pluck();
  const skuOf = prepared(db, 'SELECT sku FROM products WHERE id = ?').pluck();
  const keyOf = (d: StockRow) => `${codeOf.get(d.distributorId) as string} · ${skuOf.get(d.productId) as string} · ${d.date}`;
  const days = new Map<string, Array<{ line: number; draft: StockRow }>>();
  for (const r of rows) {
    const d = r.draft as StockRow;
    const group = `${d.distributorId}:${d.date}`;
    const list = days.get(group);
    if (list) list.push({ line: r.line, draft: d });
    else days.set(group, [{ line: r.line, draft: d }]);
  }
  const out: ImportRowWarning[] = [];
  for (const list of days.values()) {
    const { distributorId, date } = list[0]!.draft;
    const inFile = new Map(list.map((r) => [r.draft.productId, r.draft.cases]));
    let stored = 0;
    for (const [p, cases] of read.latestCounts(distributorId, date)) if (!inFile.has(p)) stored += cases;
    const total = stored + [...inFile.values()].reduce((s, c) => s + c, 0);
    const largest = list.reduce((a, b) => (b.draft.cases > a.draft.cases ? b : a));
    const warehouse = read.warehouse(distributorId);
    if (judgeCount({ cases: total, others: 0, warehouse, largestMonth: null }).length)
      out.push({
        line: largest.line,
        key: keyOf(largest.draft),
        code: 'stock_beyond_warehouse',
        params: { cases: largest.draft.cases, total, warehouse, date },
      });
    for (const r of list) {
      const doubt = judgeCount({
        cases: r.draft.cases,
        others: 0,
        warehouse: 0,
        largestMonth: read.largestMonth(distributorId, r.draft.productId),
      });
      for (const d of doubt)
        if (d.code === 'far_from_history')
          out.push({ line: r.line, key: keyOf(r.draft), code: 'stock_far_from_history', params: { ...d.params } });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

const shipmentRow = z
  .strictObject({
    /** The planner's shipment number, as its exports write it: blank for a shipment new to the planner. */
    number: z.int().nullish(),
    distributorId: id,
    productId: id,
    cases: z.int('Whole cases').min(1, 'At least one case').max(1e9),
    shipDate: isoDate,
    arrivalDate: isoDate,
    status: z.enum(['in_transit', 'planned']),
  })
  .refine((s) => s.arrivalDate >= s.shipDate, { path: ['arrivalDate'], message: 'Arrives before it ships' });
type ShipmentRowDraft = z.output<typeof shipmentRow>;

/** Rows without a shipment number: each is new, so each gets a key of its own. */
let unnumbered = 0;

/** Shipments on the way or booked, as the warehouse or the ERP lists them; every row is a shipment of its own. */
export const shipmentsEntity: EntityDef = {
  name: 'shipments',
  fields: [
    field('number', 'integer', false, [
      'shipment number',
      'shipment no',
      'shipment id',
      '发货单号',
      '发运单号',
      'número de envío',
      'номер отгрузки',
    ]),
    field('distributor', 'reference', true, A.distributor, { ref: 'distributors' }),
    field(
      'sku',
      'reference',
      true,
      ['sku', 'product', 'product code', '产品编码', '货号', 'código de producto', 'producto', 'артикул', 'код товара'],
      { ref: 'products' },
    ),
    field('cases', 'integer', true, ['cases', 'quantity', 'qty', '箱数', '数量', 'cajas', 'cantidad', 'коробки', 'количество']),
    field('shipDate', 'date', true, [
      'ship date',
      'shipped',
      'dispatch date',
      '发货日期',
      'fecha de envío',
      'fecha envio',
      'дата отгрузки',
    ]),
    field('arrivalDate', 'date', true, [
      'arrival date',
      'expected arrival',
      'eta',
      '到货日期',
      '预计到货',
      'fecha de llegada',
      'llegada',
      'дата прибытия',
      'прибытие',
    ]),
    field('status', 'enum', true, A.status, {
      values: {
        in_transit: [
          'in transit',
          'in_transit',
          'shipped',
          'on the way',
          '在途',
          '已发货',
          'en tránsito',
          'en transito',
          'в пути',
          'отгружено',
        ],
        planned: ['planned', 'booked', '计划', '已计划', 'planificado', 'previsto', 'запланировано', 'план'],
      },
    }),
  ],
  key: null,
  schema: shipmentRow,
  // A shipment is known by the planner's number, which exports write in their first column: the same
  // line again is unchanged, a new quantity, date or status is an update of that shipment. A row without
  // a number (an ERP's or the warehouse's list) is a shipment of its own, as two trucks on one day are.
  keyOf: (d: ShipmentRowDraft) => (d.number !== null && d.number !== undefined ? `#${d.number}` : `new:${++unnumbered}`),
  existingValues: (db: Db) =>
    new Map(
      (
        prepared(db, 'SELECT id, distributor_id, product_id, cases, ship_date, arrival_date, status FROM shipments').raw().all() as Array<
          [number, number, number, number, string, string, string]
        >
      ).map(([number, ...values]) => [`#${number}`, JSON.stringify(values)]),
    ),
  valueText: (d: ShipmentRowDraft) => JSON.stringify([d.distributorId, d.productId, d.cases, d.shipDate, d.arrivalDate, d.status]),
  valueFields: ['distributor', 'sku', 'cases', 'shipDate', 'arrivalDate', 'status'],
  toDraft: (v, ref) => ({
    number: v.number,
    distributorId: ref('distributor', 'distributors', 'distributor'),
    productId: ref('sku', 'products', 'product'),
    cases: v.cases,
    shipDate: v.shipDate,
    arrivalDate: v.arrivalDate,
    status: v.status,
  }),
  save(db, _existing, d: ShipmentRowDraft) {
    const existing =
      d.number !== null && d.number !== undefined
        ? (prepared(db, 'SELECT id FROM shipments WHERE id = ?').pluck().get(d.number) as number | undefined)
        : undefined;
    if (existing !== undefined) {
      prepared(
        db,
        'UPDATE shipments SET distributor_id = ?, product_id = ?, cases = ?, ship_date = ?, arrival_date = ?, status = ? WHERE id = ?',
      ).run(d.distributorId, d.productId, d.cases, d.shipDate, d.arrivalDate, d.status, existing);
      return existing;
    }
    const id = nextId('shipments');
    const { lastInsertRowid } = prepared(
      db,
      "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', ?)",
    ).run(id, d.distributorId, d.productId, d.cases, d.shipDate, d.arrivalDate, d.status, nowIso());
    return id ?? Number(lastInsertRowid);
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.id AS number, d.code AS distributor, p.sku, s.cases, s.ship_date AS shipDate, s.arrival_date AS arrivalDate, s.status FROM shipments s
       JOIN distributors d ON d.id = s.distributor_id JOIN products p ON p.id = s.product_id
       WHERE ${areaInRegions('d.area_id', scope)} ORDER BY s.arrival_date, d.code, p.sku`,
    ).all() as Array<Record<string, string | number | null>>,
};

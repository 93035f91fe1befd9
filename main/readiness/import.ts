import { z } from 'zod';
import { id, isoDate } from '../../shared/contract/fields.js';
import { prepared, type Db } from '../db/open.js';
import type { EntityDef } from '../importing/entities.js';
import { A, field } from '../importing/fields.js';

const stockRow = z.strictObject({ distributorId: id, productId: id, date: isoDate, cases: z.int('Whole cases').min(0, 'Cannot be negative').max(1e9) });
type StockRow = z.output<typeof stockRow>;

/** Stock counts per distributor x SKU and day, as distributors report them; a recount of a day replaces it. */
export const stockSnapshotsEntity: EntityDef = {
  name: 'stockSnapshots',
  fields: [
    field('distributor', 'reference', true, A.distributor, { ref: 'distributors' }),
    field('sku', 'reference', true, ['sku', 'product', 'product code', '产品编码', '货号', 'código de producto', 'producto', 'артикул', 'код товара'], { ref: 'products' }),
    field('date', 'date', true, ['date', 'count date', 'snapshot date', '日期', '盘点日期', 'fecha', 'дата', 'дата остатка']),
    field('cases', 'integer', true, ['cases', 'stock', 'on hand', '库存', '库存箱数', 'existencias', 'stock cajas', 'остаток', 'коробки']),
  ],
  key: null,
  schema: stockRow,
  toDraft: (v, ref) => ({ distributorId: ref('distributor', 'distributors', 'distributor'), productId: ref('sku', 'products', 'product'), date: v.date, cases: v.cases }),
  keyOf: (d: StockRow) => `${d.distributorId}:${d.productId}:${d.date}`,
  existingKeys: (db: Db) =>
    new Set((prepared(db, 'SELECT distributor_id, product_id, snapshot_date FROM stock_snapshots').raw().all() as Array<[number, number, string]>).map(([d, p, s]) => `${d}:${p}:${s}`)),
  save(db, _existing, d: StockRow) {
    prepared(db, 'INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases').run(
      d.distributorId,
      d.productId,
      d.date,
      d.cases,
    );
    return 0;
  },
  exportRows: (db) =>
    prepared(
      db,
      `SELECT d.code AS distributor, p.sku, s.snapshot_date AS date, s.cases FROM stock_snapshots s JOIN distributors d ON d.id = s.distributor_id
       JOIN products p ON p.id = s.product_id ORDER BY d.code, p.sku, s.snapshot_date`,
    ).all() as Array<Record<string, string | number | null>>,
};

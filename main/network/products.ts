import type { Product } from '../../shared/contract/network.js';
import type { ProductPack, ProductStatus } from '../../shared/domain/network.js';
import { prepared, type Db } from '../db/open.js';
import { Conditions, insertRow, notFound, updateRow } from '../db/sql.js';
import { archiveRecord, productHistory, type ProductHistory } from './archive.js';

export interface ProductInput {
  sku: string;
  name: string;
  brand: string;
  pack: ProductPack;
  sizeMl: number;
  unitsPerCase: number;
  status: ProductStatus;
  launchDate: string | null;
}

const SELECT = `SELECT id, sku, name, brand, pack, size_ml AS sizeMl, units_per_case AS unitsPerCase, status,
  launch_date AS launchDate FROM products`;

export function listProducts(db: Db, filter: { search?: string; status?: ProductStatus } = {}): Product[] {
  const where = new Conditions()
    .search(filter.search, ['sku', 'name', 'brand'])
    .when(filter.status, 'status = ?', filter.status)
    // Archived products keep their history and targets but leave the lists and pickers.
    .add('archived_at IS NULL');
  return prepared(db, `${SELECT} ${where.toSql()} ORDER BY brand, sku`).all(...where.params) as Product[];
}

export function getProduct(db: Db, id: number): Product {
  const row = prepared(db, `${SELECT} WHERE id = ?`).get(id) as Product | undefined;
  if (!row) throw notFound('Product', id);
  return row;
}

const columns = (d: ProductInput) => ({
  sku: d.sku,
  name: d.name,
  brand: d.brand,
  pack: d.pack,
  size_ml: d.sizeMl,
  units_per_case: d.unitsPerCase,
  status: d.status,
  launch_date: d.launchDate,
});

export function createProduct(db: Db, draft: ProductInput): Product {
  return getProduct(db, insertRow(db, 'products', columns(draft)));
}

export function updateProduct(db: Db, id: number, draft: ProductInput): Product {
  if (!updateRow(db, 'products', id, columns(draft))) throw notFound('Product', id);
  return getProduct(db, id);
}

export function productDeleteImpact(db: Db, id: number): { history: ProductHistory; archives: boolean } {
  getProduct(db, id);
  const history = productHistory(db, id);
  return { history, archives: Object.values(history).some((n) => n > 0) };
}

/** A product with sales history, targets, stock counts or shipments is archived: every total that counts it stays. */
export function deleteProduct(db: Db, id: number): { deleted: true; archived?: true } {
  return db.transaction(() => {
    if (productDeleteImpact(db, id).archives) {
      archiveRecord(db, 'products', id);
      return { deleted: true as const, archived: true as const };
    }
    prepared(db, 'DELETE FROM products WHERE id = ?').run(id);
    return { deleted: true as const };
  })();
}

import type { Db } from '../db/open.js';
import { cascadeLine, editNode, type Cell } from './cascade.js';

/**
 * The cascade at region scale, in memory as the service runs it: every brand's peak target spread
 * over every distributor x SKU x peak month with forecasts, then one distributor edit per brand.
 */
export function benchmarkCascade(db: Db): { cells: number } {
  const rows = db
    .prepare(
      `SELECT v.distributor_id AS distributorId, v.product_id AS productId, p.brand, v.month, round(v.point) AS natural
       FROM forecast_values v JOIN products p ON p.id = v.product_id
       WHERE CAST(substr(v.month, 6, 2) AS INTEGER) IN (SELECT month FROM region_peak_months WHERE region_id = (SELECT min(id) FROM regions))`,
    )
    .all() as Array<{ distributorId: number; productId: number; brand: string; month: string; natural: number }>;
  const cells: Cell[] = rows.map((r) => ({ ...r, target: 0, basis: r.natural, locked: false }));
  const byBrand = new Map<string, Cell[]>();
  for (const c of cells) {
    const list = byBrand.get(c.brand);
    if (list) list.push(c);
    else byBrand.set(c.brand, [c]);
  }
  for (const [brand, list] of byBrand) {
    const natural = list.reduce((a, c) => a + c.natural, 0);
    cascadeLine(list, Math.round(natural * 1.1));
    const first = list[0]!;
    const distTotal = list.filter((c) => c.distributorId === first.distributorId).reduce((a, c) => a + c.target, 0);
    editNode(list, { level: 'distributor', distributorId: first.distributorId, brand }, distTotal + 100);
  }
  return { cells: cells.length };
}

import type { ServiceContext } from '../../main/api/context.js';
import { call } from './call.js';

export interface SmallRegionOptions {
  peakMonths: number[];
  product: { sku: string; name: string; brand: string };
  distributor: { code: string; name: string; relationshipLevel: number };
  /** Shipments of the one product by the one distributor: [month, cases]. */
  history: Array<[string, number]>;
}

/**
 * The smallest network a rule can be tried on: region North (N) with one area (Riverside), one
 * product and one distributor, and the distributor's sales history. Created through the contract, as
 * a user would, except the history (written straight to its table, as an import would leave it).
 */
export async function smallRegion(ctx: ServiceContext, options: SmallRegionOptions) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: options.peakMonths } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
  const product = await call(ctx, 'product.create', {
    draft: { ...options.product, pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' },
  });
  const distributor = await call(ctx, 'distributor.create', {
    draft: { ...options.distributor, areaId: area.id, leadTimeDays: 7, warehouseCapacityCases: 1000, status: 'active' },
  });
  const insert = ctx.db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)');
  for (const [month, cases] of options.history) insert.run(distributor.id, product.id, month, cases);
  return { regionId: region.id, areaId: area.id, productId: product.id, distributorId: distributor.id };
}

/** One distributor (D1) selling Alpha: 400 cases in each of last year's two peak months, May and June 2026 (800 in all). */
export const alphaRegion = (ctx: ServiceContext) =>
  smallRegion(ctx, {
    peakMonths: [5, 6],
    product: { sku: 'A-1', name: 'A-1', brand: 'Alpha' },
    distributor: { code: 'D1', name: 'D1', relationshipLevel: 2 },
    history: [
      ['2026-05', 400],
      ['2026-06', 400],
    ],
  });

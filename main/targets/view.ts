/** The plan's screen: distributors' totals, growth split, agreed numbers, and one distributor's month cells. */
import { type TargetView } from '../../shared/contract/targets.js';
import { memo } from '../db/memo.js';
import { prepared, type Db } from '../db/open.js';
import { growthSplit, type Cell } from './cascade.js';
import { getPlan } from './plans.js';
import { loadCells } from './cells.js';

/** Every table computeTargetView reads: its cached result is kept until one of them changes. */
export const TARGET_VIEW_READS: readonly string[] = [
  'distributors',
  // when the forecast last ran: the plan says if that was after its natural volume was drawn
  'forecast_runs',
  'products',
  'regions',
  'staff',
  'sub_dealers',
  'target_agreed',
  'target_cells',
  'target_lines',
  'target_outlets',
  'target_plans',
  'terminals',
];

/** The plan's screen data; reused until the data changes, like the other whole-region screens. */
export function viewPlan(db: Db, planId: number, distributorId?: number, brand?: string): TargetView {
  return memo(db, `targets.view:${planId}:${distributorId ?? ''}:${brand ?? ''}`, TARGET_VIEW_READS, () =>
    computeTargetView(db, planId, distributorId, brand),
  );
}

interface SkuSum {
  productId: number;
  brand: string;
  target: number;
  natural: number;
  locked: number;
}

export function computeTargetView(db: Db, planId: number, distributorId?: number, brand?: string): TargetView {
  const plan = getPlan(db, planId);
  // Distributor x SKU totals summed by SQLite: a fifth of the rows the month cells would be.
  const sums = (
    prepared(
      db,
      `SELECT c.distributor_id, c.product_id, p.brand, sum(c.target), sum(c.natural), sum(c.locked)
       FROM target_cells c JOIN products p ON p.id = c.product_id WHERE c.plan_id = ? GROUP BY c.distributor_id, c.product_id`,
    )
      .raw()
      .all(planId) as Array<[number, number, string, number, number, number]>
  ).map(([d, productId, b, target, natural, locked]) => ({ d, productId, brand: b, target, natural, locked }));
  const dists = new Map(
    (
      prepared(db, 'SELECT d.id, d.code, d.name, sp.name AS sp FROM distributors d LEFT JOIN staff sp ON sp.id = d.salesperson_id')
        .raw()
        .all() as Array<[number, string, string, string | null]>
    ).map(([i, code, n, sp]) => [i, { code, name: n, sp }]),
  );
  const outlets = new Map(
    (
      prepared(db, 'SELECT distributor_id, new_outlets FROM target_outlets WHERE plan_id = ?').raw().all(planId) as Array<[number, number]>
    ).map(([d, n]) => [d, n]),
  );
  // Only the plan's distributors (one region's): counting every distributor's outlets was most of the first look at XL.
  const activeOutlets = new Map(
    (
      prepared(
        db,
        `SELECT d.id, (SELECT count(*) FROM terminals t WHERE t.distributor_id = d.id AND t.status = 'active')
         + (SELECT count(*) FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id WHERE s.distributor_id = d.id AND t.status = 'active') FROM distributors d
         WHERE d.id IN (SELECT DISTINCT distributor_id FROM target_cells WHERE plan_id = ?)`,
      )
        .raw()
        .all(planId) as Array<[number, number]>
    ).map(([d, n]) => [d, n]),
  );
  const agreed = prepared(db, 'SELECT distributor_id AS d, brand, cases FROM target_agreed WHERE plan_id = ?').all(planId) as Array<{
    d: number;
    brand: string;
    cases: number;
  }>;
  const byDist = new Map<number, SkuSum[]>();
  for (const r of sums) {
    if (brand && r.brand !== brand) continue;
    const list = byDist.get(r.d);
    if (list) list.push(r);
    else byDist.set(r.d, [r]);
  }
  const distributors = [...byDist.entries()]
    .map(([d, list]) => {
      const target = list.reduce((a, r) => a + r.target, 0);
      const natural = list.reduce((a, r) => a + r.natural, 0);
      const newOutlets = outlets.get(d) ?? 0;
      const perOutlet = natural / Math.max(1, activeOutlets.get(d) ?? 1);
      const split = growthSplit(target, natural, list, newOutlets, perOutlet);
      // A brand agreed says nothing about the distributor's other brands: they are not agreed, not zero.
      const brandsHere = new Set(list.map((r) => r.brand));
      const agreedRows = agreed.filter((a) => a.d === d && brandsHere.has(a.brand));
      const agreedBrands = new Set(agreedRows.map((a) => a.brand));
      const info = dists.get(d)!;
      return {
        distributorId: d,
        code: info.code,
        name: info.name,
        salespersonName: info.sp,
        natural,
        target,
        agreed: agreedRows.length ? agreedRows.reduce((a, r) => a + r.cases, 0) : null,
        agreedTarget: list.filter((r) => agreedBrands.has(r.brand)).reduce((a, r) => a + r.target, 0),
        agreedBrands: agreedBrands.size,
        brands: brandsHere.size,
        newOutlets,
        growth: split.growth,
        fromNewOutlets: split.fromNewOutlets,
        fromMix: split.fromMix,
        fromExisting: split.fromExisting,
        locked: list.reduce((a, r) => a + r.locked, 0),
      };
    })
    .sort((a, b) => b.target - a.target);
  const products = new Map(
    (
      prepared(db, 'SELECT id, sku, name, brand FROM products').all() as Array<{ id: number; sku: string; name: string; brand: string }>
    ).map((p) => [p.id, p]),
  );
  let skus: TargetView['skus'] = null;
  if (distributorId) {
    // Month cells only for the distributor opened.
    const cells = loadCells(db, planId, distributorId).filter((c) => !brand || c.brand === brand);
    const typed = new Set(
      prepared(db, "SELECT product_id || ':' || month FROM target_cells WHERE plan_id = ? AND distributor_id = ? AND typed = 1")
        .pluck()
        .all(planId, distributorId) as string[],
    );
    const grouped = new Map<number, Cell[]>();
    for (const c of cells) {
      const g = grouped.get(c.productId);
      if (g) g.push(c);
      else grouped.set(c.productId, [c]);
    }
    skus = [...grouped.entries()]
      .map(([p, cs]) => ({
        productId: p,
        sku: products.get(p)!.sku,
        name: products.get(p)!.name,
        brand: products.get(p)!.brand,
        months: cs.map((c) => ({
          month: c.month,
          natural: c.natural,
          target: c.target,
          locked: c.locked,
          typed: typed.has(`${c.productId}:${c.month}`),
        })),
      }))
      .sort((a, b) => b.months.reduce((t, m) => t + m.target, 0) - a.months.reduce((t, m) => t + m.target, 0));
  }
  const lines = (
    prepared(db, 'SELECT brand, product_id AS productId, volume FROM target_lines WHERE plan_id = ? ORDER BY volume DESC').all(
      planId,
    ) as Array<{ brand: string; productId: number | null; volume: number }>
  ).map((l) => {
    const lc = sums.filter((r) => r.brand === l.brand && (!l.productId || r.productId === l.productId));
    return {
      ...l,
      label: l.productId ? `${l.brand} · ${products.get(l.productId)?.sku}` : l.brand,
      natural: lc.reduce((a, r) => a + r.natural, 0),
      target: lc.reduce((a, r) => a + r.target, 0),
    };
  });
  const agreedPairs = distributors.reduce((a, d) => a + d.agreedBrands, 0);
  const typedByDist = new Map(
    prepared(db, 'SELECT distributor_id, count(*) FROM target_cells WHERE plan_id = ? AND typed = 1 GROUP BY distributor_id')
      .raw()
      .all(planId) as Array<[number, number]>,
  );
  return {
    plan,
    lines,
    distributors: distributors.map((d) => ({ ...d, typed: typedByDist.get(d.distributorId) ?? 0 })),
    skus,
    agreedTotal: agreedPairs === 0 ? null : distributors.reduce((a, d) => a + (d.agreed ?? 0), 0),
    agreedTarget: distributors.reduce((a, d) => a + d.agreedTarget, 0),
    agreedPairs,
    pairs: distributors.reduce((a, d) => a + d.brands, 0),
  };
}

import { addDays, dayOf } from '../../shared/domain/calendar.js';
import { addMonths, monthOf } from '../../shared/domain/months.js';
import type { DemoContext, DemoStep } from './context.js';

/**
 * Stock counts from the last days, shipments on the way, pallet sizes, each region's weekly shipping
 * capacity with a keg limit of its own, and pallet limits for some warehouses.
 */
function seedReadiness(ctx: DemoContext): void {
  const { db, rng, today } = ctx;
  const from = addMonths(monthOf(today), -3);
  const recent = db
    .prepare(
      `SELECT distributor_id AS d, product_id AS p, avg(cases) AS monthly FROM sales_history WHERE month >= ? GROUP BY distributor_id, product_id`,
    )
    .all(from) as Array<{ d: number; p: number; monthly: number }>;
  const snapshot = db.prepare('INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?)');
  const shipment = db.prepare(
    "INSERT INTO shipments (distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, 'in_transit', 'manual', ?)",
  );
  const now = today.toISOString();
  recent.forEach((r, i) => {
    if (i % 500 === 0) ctx.progress(i / recent.length, 'Stock and shipments');
    // a few weeks of current sales on hand; some distributors run lean
    const weeks = rng.chance(0.15) ? rng.next() * 1.5 : 2 + rng.next() * 5;
    snapshot.run(r.d, r.p, addDays(dayOf(today), -rng.int(0, 6)), Math.round((r.monthly / 4.3) * weeks));
    if (rng.chance(0.15) && r.monthly > 20) {
      const arrival = addDays(dayOf(today), rng.int(3, 20));
      shipment.run(r.d, r.p, Math.round(r.monthly * (0.5 + rng.next())), addDays(arrival, -7), arrival, now);
    }
  });
  db.prepare("UPDATE products SET cases_per_pallet = CASE pack WHEN 'keg' THEN 8 WHEN 'can' THEN 84 ELSE 60 END").run();
  // Weekly shipping capacity sized about a third above an average peak week: enough for the peak's
  // own flow, tight for the build-up before it; kegs go on their own trucks with a limit of their own.
  const peakWeekly = (packFilter: string) =>
    db
      .prepare(
        `SELECT a.region_id AS r, sum(h.cases) / (SELECT count(*) FROM region_peak_months m WHERE m.region_id = a.region_id) / 4.35 AS weekly
         FROM sales_history h JOIN products p ON p.id = h.product_id ${packFilter}
         JOIN distributors d ON d.id = h.distributor_id JOIN areas a ON a.id = d.area_id
         WHERE h.month >= ? AND CAST(substr(h.month, 6, 2) AS INTEGER) IN (SELECT month FROM region_peak_months m WHERE m.region_id = a.region_id)
         GROUP BY a.region_id`,
      )
      .all(addMonths(monthOf(today), -12)) as Array<{ r: number; weekly: number }>;
  const capacity = db.prepare('INSERT INTO region_shipping_capacity (region_id, cases_per_week) VALUES (?, ?)');
  for (const r of peakWeekly('')) capacity.run(r.r, Math.max(100, Math.round((r.weekly * 1.3) / 100) * 100));
  const group = db.prepare("INSERT INTO group_shipping_capacity (region_id, pack, cases_per_week) VALUES (?, 'keg', ?)");
  for (const k of peakWeekly("AND p.pack = 'keg'"))
    if (k.weekly >= 10) group.run(k.r, Math.max(10, Math.round((k.weekly * 1.2) / 10) * 10));
  // Some warehouses are counted in pallet places rather than cases: about as much room as their case
  // limit for their own mix of packs (kegs take far more pallet places per case than cans). Chosen
  // from the id, not the shared random stream, so the steps after this one generate the same data.
  db.prepare(
    `INSERT INTO distributor_pallet_capacity (distributor_id, pallets)
     SELECT d.id, max(4, CAST(d.warehouse_capacity_cases * 1.2 * sum(h.cases * 1.0 / p.cases_per_pallet) / sum(h.cases) AS INTEGER))
     FROM distributors d JOIN sales_history h ON h.distributor_id = d.id AND h.month >= ? JOIN products p ON p.id = h.product_id
     WHERE d.warehouse_capacity_cases > 0 AND d.id % 10 < 3 GROUP BY d.id HAVING sum(h.cases) > 0`,
  ).run(addMonths(monthOf(today), -12));
}

export const readinessDemoStep: DemoStep = { name: 'stock and shipments', weight: 1, run: seedReadiness };

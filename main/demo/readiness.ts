import { addMonths, monthOf } from '../../shared/domain/months.js';
import type { DemoContext, DemoStep } from './context.js';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Stock counts from the last days, shipments on the way, pallet sizes and each region's weekly
 * shipping capacity, set a little above its average week so the pre-peak build-up is tight.
 */
function seedReadiness(ctx: DemoContext): void {
  const { db, rng, today } = ctx;
  const from = addMonths(monthOf(today), -3);
  const recent = db
    .prepare(`SELECT distributor_id AS d, product_id AS p, avg(cases) AS monthly FROM sales_history WHERE month >= ? GROUP BY distributor_id, product_id`)
    .all(from) as Array<{ d: number; p: number; monthly: number }>;
  const snapshot = db.prepare('INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?)');
  const shipment = db.prepare("INSERT INTO shipments (distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, 'in_transit', 'manual', ?)");
  const now = today.toISOString();
  recent.forEach((r, i) => {
    if (i % 500 === 0) ctx.progress(i / recent.length, 'Stock and shipments');
    // a few weeks of current sales on hand; some distributors run lean
    const weeks = rng.chance(0.15) ? rng.next() * 1.5 : 2 + rng.next() * 5;
    snapshot.run(r.d, r.p, iso(today.getTime() - rng.int(0, 6) * DAY), Math.round((r.monthly / 4.3) * weeks));
    if (rng.chance(0.15) && r.monthly > 20) {
      const arrival = today.getTime() + rng.int(3, 20) * DAY;
      shipment.run(r.d, r.p, Math.round(r.monthly * (0.5 + rng.next())), iso(arrival - 7 * DAY), iso(arrival), now);
    }
  });
  db.prepare("UPDATE products SET cases_per_pallet = CASE pack WHEN 'keg' THEN 8 WHEN 'can' THEN 84 ELSE 60 END").run();
  const regional = db
    .prepare(
      `SELECT a.region_id AS r, sum(h.cases) / 12.0 / 4.35 AS weekly FROM sales_history h JOIN distributors d ON d.id = h.distributor_id JOIN areas a ON a.id = d.area_id
       WHERE h.month >= ? GROUP BY a.region_id`,
    )
    .all(addMonths(monthOf(today), -12)) as Array<{ r: number; weekly: number }>;
  const capacity = db.prepare('INSERT INTO region_shipping_capacity (region_id, cases_per_week) VALUES (?, ?)');
  for (const r of regional) capacity.run(r.r, Math.round((r.weekly * 1.25) / 100) * 100);
}

export const readinessDemoStep: DemoStep = { name: 'stock and shipments', weight: 1, run: seedReadiness };

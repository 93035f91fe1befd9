import { addDays, dayOf } from '../../shared/domain/calendar.js';
import type { DemoContext, DemoStep } from './context.js';

const COMPLAINTS = {
  quality: ['Cloudy beer in two pallets of cans', 'Bottles with broken caps in the last delivery', 'Customers report a flat taste'],
  service: ['Salesperson did not call back about the promotion', 'Display material promised in spring never arrived'],
  logistics: [
    'Delivery three days late before the holiday',
    'Wrong SKU delivered, 40 cases short',
    'Urgent order refused during peak week',
  ],
  price: ['Competitor offers a higher year-end rebate', 'Price list changed without notice'],
  other: ['Invoice does not match the delivery note'],
} as const;

/** Complaints (some still open, some closed after days or weeks), purchase-standard fit and known totals. */
function seedAccounts(ctx: DemoContext): void {
  const { db, rng, today } = ctx;
  const distributors = db
    .prepare("SELECT id, warehouse_capacity_cases AS capacity FROM distributors WHERE status != 'ended'")
    .all() as Array<{ id: number; capacity: number }>;
  const owners = db.prepare("SELECT id FROM staff WHERE role IN ('regional_manager', 'logistics_coordinator')").pluck().all() as number[];
  const complaint = db.prepare(
    'INSERT INTO complaints (distributor_id, category, opened_on, owner_id, description, closed_on, resolution, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const profile = db.prepare('INSERT INTO account_profiles (distributor_id, fit, total_purchases_cases, updated_at) VALUES (?, ?, ?, ?)');
  // What they bought from us in the last twelve months of history: their total purchases include it.
  const boughtFromUs = db
    .prepare(
      `SELECT coalesce(sum(cases), 0) FROM sales_history WHERE distributor_id = ?
     AND month > (SELECT substr(date(max(month) || '-01', '-12 months'), 1, 7) FROM sales_history)`,
    )
    .pluck();
  const day = (offset: number) => addDays(dayOf(today), -offset);
  const categories = Object.keys(COMPLAINTS) as Array<keyof typeof COMPLAINTS>;
  for (const d of distributors) {
    const count = rng.chance(0.45) ? rng.int(1, 3) : 0;
    for (let i = 0; i < count; i++) {
      const category = rng.pick(categories);
      const openedAgo = rng.int(2, 200);
      const closed = rng.chance(0.75) && openedAgo > 3;
      const closeAfter = category === 'logistics' ? rng.int(1, 10) : rng.int(2, 40);
      complaint.run(
        d.id,
        category,
        day(openedAgo),
        owners.length ? rng.pick(owners) : null,
        rng.pick(COMPLAINTS[category]),
        closed ? day(Math.max(0, openedAgo - closeAfter)) : null,
        closed ? 'Replaced the goods and explained the cause to the owner' : null,
        today.toISOString(),
      );
    }
    const fit = rng.chance(0.7) ? 'safe' : rng.chance(0.7) ? 'watch' : 'alarm';
    const ours = boughtFromUs.get(d.id) as number;
    // Our share of their purchases: from a quarter (a multi-brand house) to nearly all of it.
    const total = ours > 0 ? Math.round(ours / (0.25 + rng.next() * 0.7)) : Math.round(d.capacity * (4 + rng.next() * 6));
    profile.run(d.id, fit, rng.chance(0.6) ? total : null, today.toISOString());
  }
}

export const accountsDemoStep: DemoStep = { name: 'complaints and account profiles', weight: 1, run: seedAccounts };

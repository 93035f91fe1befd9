import { addMonths, calendarMonth, monthOf } from '../../shared/domain/months.js';
import { festivalFactor, springFestivalDeviation } from '../forecast/engine/spring-festival.js';
import type { DemoContext, DemoStep } from './context.js';

/**
 * Shipments before the Spring Festival move with it: a year whose festival is early ships its
 * stock-up in January, a late one in February (see engine/spring-festival.ts). The demo region's
 * effect, as the forecast should find it again.
 */
export const DEMO_SPRING_FESTIVAL_EFFECT = 0.8;

const YEARS = 5;

/**
 * Five years of monthly shipments per distributor x SKU: each region's own peak months, trends,
 * distributors that grow or decline, SKUs launched and phased out, low-volume SKUs with many zero
 * months, and a few promotion spikes.
 */
function seedHistory(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const last = addMonths(monthOf(ctx.today), -1);
  const first = addMonths(last, -(YEARS * 12 - 1));
  const distributors = db
    .prepare(
      `SELECT d.id, d.warehouse_capacity_cases AS capacity, d.status, a.region_id AS regionId FROM distributors d JOIN areas a ON a.id = d.area_id ORDER BY d.id`,
    )
    .all() as Array<{ id: number; capacity: number; status: string; regionId: number }>;
  const products = db
    .prepare('SELECT id, brand, status, launch_date AS launch, units_per_case AS units FROM products ORDER BY id')
    .all() as Array<{
    id: number;
    brand: string;
    status: string;
    launch: string | null;
    units: number;
  }>;
  const peaks = new Map<number, Set<number>>();
  for (const r of db.prepare('SELECT region_id AS r, month AS m FROM region_peak_months').all() as Array<{ r: number; m: number }>) {
    if (!peaks.has(r.r)) peaks.set(r.r, new Set());
    peaks.get(r.r)!.add(r.m);
  }
  // Popularity follows a long tail: a few SKUs carry most of the volume.
  const popularity = products.map((_, i) => 1 / Math.pow(i + 1, 0.8) + rng.next() * 0.05);
  const insert = db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents) VALUES (?, ?, ?, ?, ?)');
  const months = Array.from({ length: YEARS * 12 }, (_, i) => addMonths(first, i));
  distributors.forEach((d, di) => {
    if (di % 10 === 0) {
      ctx.checkCancelled();
      ctx.progress(di / distributors.length, 'Sales history');
    }
    const peak = peaks.get(d.regionId) ?? new Set([5, 6, 7, 8, 9]);
    const size = d.capacity / 15000;
    // yearly growth from -12% (slipping away) to +18% (growing with us)
    const growth = d.status === 'ended' ? -0.45 : rng.normal(0.03, 0.07);
    // Some distributors order erratically (skipping months, swinging): the wavering accounts of the domain.
    const erratic = rng.chance(0.15);
    const shape = Array.from({ length: 12 }, (_, m) => {
      const month = m + 1;
      if (peak.has(month)) return 1.7 + rng.next() * 0.5;
      if (peak.has((month % 12) + 1) || peak.has(((month + 10) % 12) + 1)) return 1.05;
      return 0.45 + rng.next() * 0.15;
    });
    const carried = products.filter((_, pi) => rng.chance(Math.min(0.95, 0.18 + popularity[pi]! * 1.1)));
    for (const p of carried) {
      const pi = products.indexOf(p);
      const base = 6 + 900 * size * popularity[pi]! * (0.5 + rng.next());
      const lowVolume = base < 25 || rng.chance(0.06);
      const mean = lowVolume ? 0.6 + rng.next() * 2 : base;
      const launch = p.launch && p.launch.slice(0, 7) > first ? p.launch.slice(0, 7) : first;
      const phaseOutFrom = p.status === 'phase_out' ? addMonths(last, -(6 + rng.int(0, 12))) : null;
      const price = 3600 + (p.brand.length % 5) * 900 + p.units * 40;
      months.forEach((month, t) => {
        if (month < launch) return;
        const years = t / 12;
        let level =
          mean *
          Math.pow(1 + growth, years) *
          shape[calendarMonth(month) - 1]! *
          festivalFactor(DEMO_SPRING_FESTIVAL_EFFECT, springFestivalDeviation(month));
        if (month.slice(0, 7) < addMonths(launch, 4)) level *= 0.4 + 0.15 * (t % 4); // ramp-up after launch
        if (phaseOutFrom && month >= phaseOutFrom) level *= Math.max(0, 1 - (12 * (years - (YEARS - 1.5))) / 12);
        if (erratic && years > YEARS - 1.5) level = rng.chance(0.3) ? 0 : level * (0.3 + rng.next() * 1.6);
        let cases = lowVolume ? poisson(rng.next, level) : Math.max(0, Math.round(level * (1 + rng.normal(0, 0.12))));
        if (!lowVolume && rng.chance(0.005)) cases = Math.round(cases * (2.5 + rng.next())); // a promotion or a stock-up order
        // Exports list only months with shipments: a missing month is a month without sales.
        if (cases > 0) insert.run(d.id, p.id, month, cases, cases * price);
      });
    }
  });
}

/** Knuth's method: fine for the small means of low-volume SKUs. */
function poisson(uniform: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= uniform();
  } while (p > limit && k < 1000);
  return k - 1;
}

export const forecastDemoStep: DemoStep = { name: 'sales history', weight: 4, run: seedHistory };

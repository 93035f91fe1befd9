/** What a plan is measured against: the region's peak months and each cell's natural volume and last year's. */
import { ruleRefusal } from '../../shared/contract/result.js';
import { addMonths } from '../../shared/domain/months.js';
import { prepared, type Db } from '../db/open.js';

/** The season's peak months for a region, as 'YYYY-MM' in the season year. */
export function seasonMonths(db: Db, regionId: number, seasonYear: number): string[] {
  const months = prepared(db, 'SELECT month FROM region_peak_months WHERE region_id = ? ORDER BY month').pluck().all(regionId) as number[];
  if (months.length === 0)
    throw ruleRefusal(
      'targetNoPeakMonths',
      'This region has no peak months in its season calendar.',
      {},
      { path: 'regionId', message: 'No peak months' },
    );
  return months.map((m) => `${seasonYear}-${String(m).padStart(2, '0')}`);
}

interface Basis {
  natural: Map<string, number>;
  lastYear: Map<string, number>;
}

/** Natural volume per distributor x SKU x month: the forecast where there is one, else last year's actual. */
export function basisFor(db: Db, regionId: number, months: string[]): Basis & { cells: Array<{ d: number; p: number; brand: string }> } {
  const from = months[0]!;
  const to = months[months.length - 1]!;
  const inRegion = 'SELECT d.id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = ?';
  const natural = new Map<string, number>();
  for (const [d, p, m, v] of prepared(
    db,
    `SELECT distributor_id, product_id, month, point FROM forecast_values WHERE month BETWEEN ? AND ? AND distributor_id IN (${inRegion})`,
  )
    .raw()
    .all(from, to, regionId) as Array<[number, number, string, number]>) {
    natural.set(`${d}:${p}:${m}`, Math.round(v));
  }
  const lastYear = new Map<string, number>();
  for (const [d, p, m, v] of prepared(
    db,
    `SELECT distributor_id, product_id, month, cases FROM sales_history WHERE month BETWEEN ? AND ? AND distributor_id IN (${inRegion})`,
  )
    .raw()
    .all(addMonths(from, -12), addMonths(to, -12), regionId) as Array<[number, number, string, number]>) {
    lastYear.set(`${d}:${p}:${addMonths(m, 12)}`, v);
  }
  const pairs = new Map<string, { d: number; p: number; brand: string }>();
  const brands = new Map((prepared(db, 'SELECT id, brand FROM products').raw().all() as Array<[number, string]>).map(([i, b]) => [i, b]));
  for (const key of [...natural.keys(), ...lastYear.keys()]) {
    const [d, p] = key.split(':').map(Number) as [number, number];
    pairs.set(`${d}:${p}`, { d, p, brand: brands.get(p) ?? '' });
  }
  return { natural, lastYear, cells: [...pairs.values()] };
}

/**
 * One cell's figures as a plan keeps them: its natural volume (the forecast, else last season's
 * sales) and the reference its targets are split by and jumps measured against (the natural volume,
 * or last season's sales for a plan on that basis). Making a plan and updating it draw them alike.
 */
export function cellBasis(b: Basis, key: string, basis: 'forecast' | 'last_year' = 'forecast'): { natural: number; reference: number } {
  const natural = b.natural.get(key) ?? b.lastYear.get(key) ?? 0;
  return { natural, reference: basis === 'last_year' ? (b.lastYear.get(key) ?? natural) : natural };
}

export function suggest(db: Db, regionId: number, seasonYear: number) {
  const months = seasonMonths(db, regionId, seasonYear);
  const b = basisFor(db, regionId, months);
  const byBrand = new Map<string, { natural: number; lastYear: number }>();
  for (const c of b.cells) {
    const t = byBrand.get(c.brand) ?? { natural: 0, lastYear: 0 };
    for (const m of months) {
      const key = `${c.d}:${c.p}:${m}`;
      t.natural += cellBasis(b, key).natural;
      t.lastYear += b.lastYear.get(key) ?? 0;
    }
    byBrand.set(c.brand, t);
  }
  return { months, brands: [...byBrand.entries()].map(([brand, v]) => ({ brand, ...v })).sort((a, b2) => b2.natural - a.natural) };
}

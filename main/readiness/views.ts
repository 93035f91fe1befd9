import type { ReadinessFilter } from '../../shared/contract/readiness.js';
import type { RegionScope } from '../people/readScope.js';
import type { NetworkDistributor } from './assess.js';
import type { ReadinessComputation } from './computation.js';
import type { Shortfall } from './plan.js';
import { DAY_MS, isoDay, WEEK_MS } from './weeks.js';

/**
 * What every screen of the board derives from the computation: the filter a person sees it through,
 * and results kept per filter for as long as the computation.
 */

/** The peak's first day (the date the dashboard's calendar shows too), not the Monday of its week. */
export function peakDay(c: ReadinessComputation, input: NetworkDistributor): string | null {
  if (input.peakStartWeek === null) return null;
  return isoDay(c.grid.start + input.peakStartWeek * WEEK_MS + (input.peakDayOffset ?? 0) * DAY_MS);
}

/** For a shortfall of the peak's own requirement, the peak's first day (the date said everywhere); null for a weekly need. */
export function shortfallPeakStart(c: ReadinessComputation, s: Shortfall): string | null {
  const input = c.inputs.get(s.distributorId)!;
  return s.dueWeek === input.peakStartWeek ? peakDay(c, input) : null;
}

/** A result derived from the computation for one filter, computed once per computation. */
export function view<T>(c: ReadinessComputation, name: string, filter: object, make: () => T): T {
  const key = `${name}:${JSON.stringify(filter)}`;
  if (c.views.has(key)) return c.views.get(key) as T;
  const value = make();
  if (c.views.size > 100) c.views.clear();
  c.views.set(key, value);
  return value;
}

/**
 * The screen's filter and the regions the person reads (null: every region). The computation is the
 * whole network's, shared by everyone; a person's regions only filter what it shows.
 */
export type ScopedFilter = ReadinessFilter & { regions?: RegionScope | undefined };

export const inScope = (f: ScopedFilter, regionId: number) => !f.regions || f.regions.includes(regionId);

/** Distributors a filter shows (regions, area, salesperson; status and brand apply to their cells). */
export function visibleDistributors(c: ReadinessComputation, f: ScopedFilter): Set<number> {
  const out = new Set<number>();
  for (const d of c.dists) {
    if (!inScope(f, d.regionId)) continue;
    if (f.areaId && d.areaId !== f.areaId) continue;
    if (f.salespersonId && d.salespersonId !== f.salespersonId) continue;
    const cells = (c.cellsOf.get(d.id) ?? []).filter((i) => !f.brand || c.products.get(c.cells[i]!.productId)!.brand === f.brand);
    if (cells.length === 0) continue;
    if (f.status && !cells.some((i) => c.assessment.cells[i]!.status === f.status)) continue;
    out.add(d.id);
  }
  return out;
}

export const brandOk = (c: ReadinessComputation, f: ReadinessFilter, productId: number) =>
  !f.brand || c.products.get(productId)!.brand === f.brand;
export const palletsOf = (c: ReadinessComputation, productId: number, cases: number) =>
  Math.ceil(cases / c.products.get(productId)!.casesPerPallet);

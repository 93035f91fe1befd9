import type { PlanLine, ShortfallLine } from '../../shared/contract/readiness.js';
import type { Page } from '../../shared/contract/fields.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import { readinessToday, type ReadinessComputation } from './computation.js';
import { brandOk, palletsOf, shortfallPeakStart, view, visibleDistributors, type ScopedFilter } from './views.js';
import { shipmentAt } from './plan.js';
import { isoDay, WEEK_MS, weekIndexOf } from './weeks.js';

/** Every plan line a filter shows, in the order the warehouse works: ship week, distributor, SKU. */
function planIndices(
  c: ReadinessComputation,
  filter: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined },
): number[] {
  const { areaId, salespersonId, status, brand, week, distributorId, regions } = filter;
  return view(c, 'plan', { areaId, salespersonId, status, brand, week, distributorId, regions }, () => {
    const visible = visibleDistributors(c, filter);
    const w = week ? weekIndexOf(c.grid, week) : null;
    const lines = c.assessment.plan.shipments;
    const out: number[] = [];
    // the lines are kept in this order (main/readiness/computation.ts)
    for (let i = 0; i < lines.length; i++) {
      const d = lines.distributorId[i]!;
      if (
        visible.has(d) &&
        brandOk(c, filter, lines.productId[i]!) &&
        (w === null || lines.shipWeek[i] === w) &&
        (!distributorId || d === distributorId)
      )
        out.push(i);
    }
    return out;
  });
}

function planLine(c: ReadinessComputation, i: number): PlanLine {
  const s = shipmentAt(c.assessment.plan.shipments, i);
  const d = c.distById.get(s.distributorId)!;
  const p = c.products.get(s.productId)!;
  return {
    distributorId: d.id,
    distributorCode: d.code,
    distributorName: d.name,
    keyAccount: c.inputs.get(d.id)!.key,
    productId: p.id,
    sku: p.sku,
    productName: p.name,
    shipWeek: c.grid.weeks[s.shipWeek]!,
    shipWeekLabel: c.labels[s.shipWeek]!,
    arrivalWeek: c.grid.weeks[s.arrivalWeek] ?? isoDay(c.grid.start + s.arrivalWeek * WEEK_MS),
    cases: s.cases,
    pallets: palletsOf(c, p.id, s.cases),
  };
}

export function planLines(
  c: ReadinessComputation,
  filter: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined },
): PlanLine[] {
  return planIndices(c, filter).map((i) => planLine(c, i));
}

export function readinessPlan(
  db: Db,
  input: ScopedFilter & { week?: string | undefined; distributorId?: number | undefined; offset: number; limit: number },
  today = now(),
): Page<PlanLine> {
  const c = readinessToday(db, today);
  const indices = planIndices(c, input);
  return { rows: indices.slice(input.offset, input.offset + input.limit).map((i) => planLine(c, i)), total: indices.length };
}

/** Who is short of what and when: the biggest gaps first, key accounts before others of the same size. */
export function shortfallLines(c: ReadinessComputation, filter: ScopedFilter & { distributorId?: number | undefined }): ShortfallLine[] {
  const { areaId, salespersonId, status, brand, distributorId, regions } = filter;
  return view(c, 'short', { areaId, salespersonId, status, brand, distributorId, regions }, () => buildShortfalls(c, filter));
}

function buildShortfalls(c: ReadinessComputation, filter: ScopedFilter & { distributorId?: number | undefined }): ShortfallLine[] {
  const visible = visibleDistributors(c, filter);
  return c.assessment.plan.shortfalls
    .filter(
      (s) =>
        visible.has(s.distributorId) &&
        brandOk(c, filter, s.productId) &&
        (!filter.distributorId || s.distributorId === filter.distributorId),
    )
    .map((s) => ({
      distributorId: s.distributorId,
      distributorName: c.distById.get(s.distributorId)!.name,
      keyAccount: c.inputs.get(s.distributorId)!.key,
      productId: s.productId,
      sku: c.products.get(s.productId)!.sku,
      dueWeek: c.grid.weeks[s.dueWeek]!,
      peakStart: shortfallPeakStart(c, s),
      cases: s.cases,
      reason: s.reason,
      also: s.also,
    }))
    .sort(
      (a, b) =>
        b.cases - a.cases ||
        Number(b.keyAccount) - Number(a.keyAccount) ||
        a.dueWeek.localeCompare(b.dueWeek) ||
        a.distributorName.localeCompare(b.distributorName),
    );
}

export function readinessShortfalls(
  db: Db,
  input: ScopedFilter & { distributorId?: number | undefined; offset: number; limit: number },
  today = now(),
): Page<ShortfallLine> {
  const lines = shortfallLines(readinessToday(db, today), input);
  return { rows: lines.slice(input.offset, input.offset + input.limit), total: lines.length };
}

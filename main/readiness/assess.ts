/**
 * The whole network at once (shipping capacity is shared by a region, so no distributor can be
 * planned alone): required stock per distributor x SKU, the pre-build plan, then each cell's
 * projection with and without the plan and its traffic light. Pure.
 */
import { planReadinessColumns, type PlanColumns, type PlanDistributor, type ShippingCapacity } from './plan.js';
import { coverDemand, daysOfCover } from './projection.js';
import { PHASE_OUT, priorityOf, requiredStock, verdict, type PriorityRule, type RequiredStock, type Verdict } from './status.js';

export interface NetworkCell {
  distributorId: number;
  productId: number;
  onHand: number;
  arrivals: ArrayLike<number>;
  /** Whole cases by week. */
  demand: ArrayLike<number>;
  /** Variance of each week's forecast, cases². */
  weeklyVariance: ArrayLike<number>;
  group: string | null;
  casesPerPallet: number;
  /** False when the stock was never counted (onHand is an assumed 0). */
  counted?: boolean;
  /** False for a phase-out SKU that is not pre-built: judged 'phase_out', nothing planned. */
  prebuild?: boolean;
}

/** A distributor as the plan sees it, before its priority is derived from these facts. */
export interface NetworkDistributor extends Omit<PlanDistributor, 'priority'> {
  /**
   * Days from the Monday of the peak week to the peak's first day (0-6): the cover is counted from
   * that day (May 1, not the Monday before it), so stock at the start of the peak week must also
   * carry those first days. 0 when absent.
   */
  peakDayOffset?: number;
  key: boolean;
  /** Share of the region's forecast volume, 0-1. */
  volumeShare: number;
}

export interface ReadinessRules {
  requiredCoverDays: number;
  serviceLevelKey: number;
  serviceLevelOther: number;
  priorityRule: PriorityRule;
}

export interface CellAssessment extends Verdict {
  required: RequiredStock;
  serviceLevel: number;
  /** Stock at the start of the peak week with nothing more shipped, and with the plan. */
  atPeakWithoutPlan: number;
  atPeak: number;
  coverDaysWithoutPlan: number | null;
  coverDays: number | null;
  /** First week stock runs out (through the horizon) with nothing more shipped, and with the plan. */
  stockoutWithoutPlan: number | null;
  stockoutWithPlan: number | null;
}

export interface NetworkAssessment {
  cells: CellAssessment[];
  plan: PlanColumns;
}

interface Walk {
  atPeak: number;
  before: number | null;
  inPeak: number | null;
  any: number | null;
}

/** One pass over the weeks: stock at peak start and the first stock-outs before it, in its cover period, anywhere. Written into `out` (two records serve the whole network). */
function walk(
  out: Walk,
  onHand: number,
  arrivals: ArrayLike<number>,
  planned: ArrayLike<number> | null,
  demand: ArrayLike<number>,
  weeks: number,
  peak: number | null,
  coverEnd: number,
): Walk {
  let stock = onHand;
  out.atPeak = 0;
  out.before = null;
  out.inPeak = null;
  out.any = null;
  for (let w = 0; w < weeks; w++) {
    if (w === peak) out.atPeak = stock;
    const available = stock + (arrivals[w] ?? 0) + (planned ? planned[w]! : 0);
    const need = demand[w] ?? 0;
    if (need > available) {
      if (out.any === null) out.any = w;
      if (peak !== null && w < peak && out.before === null) out.before = w;
      if (peak !== null && w >= peak && w < coverEnd && out.inPeak === null) out.inPeak = w;
    }
    stock = Math.max(0, available - need);
  }
  if (peak !== null && peak >= weeks) out.atPeak = stock;
  return out;
}

/** Days of cover at the peak's first day for a stock at the start of the peak week (`before`, `daily`: see assessNetwork). */
function coverAt(
  stock: number,
  demand: ArrayLike<number>,
  peak: number | null,
  offset: number,
  coverDays: number,
  before: number,
  daily: number,
): number | null {
  if (peak === null) return null;
  if (offset === 0) return daysOfCover(stock, demand, peak, coverDays);
  return daily > 0 ? Math.max(0, stock - before) / daily : null;
}

export function assessNetwork(
  cells: readonly NetworkCell[],
  distributors: readonly NetworkDistributor[],
  rules: ReadinessRules,
  capacity: ShippingCapacity,
  weeks: number,
): NetworkAssessment {
  const dists = new Map(distributors.map((d) => [d.distributorId, d]));
  const levels = new Float64Array(cells.length);
  const stockRequired = new Float64Array(cells.length);
  const required = cells.map((c, i) => {
    const d = dists.get(c.distributorId)!;
    levels[i] = d.key ? rules.serviceLevelKey : rules.serviceLevelOther;
    // stock at the start of the peak week covers the days before the peak's first day and then the required cover from it
    return d.peakStartWeek === null
      ? { cover: 0, safety: 0, required: 0 }
      : requiredStock(c.demand, c.weeklyVariance, d.peakStartWeek, rules.requiredCoverDays + (d.peakDayOffset ?? 0), levels[i]!);
  });
  required.forEach((r, i) => (stockRequired[i] = r.required));
  // the cells are the plan's own input (counted and prebuild mean the same there: true unless false)
  const plan = planReadinessColumns(
    cells,
    stockRequired,
    distributors.map((d) => ({
      distributorId: d.distributorId,
      regionId: d.regionId,
      leadTimeWeeks: d.leadTimeWeeks,
      peakStartWeek: d.peakStartWeek,
      warehouseCases: d.warehouseCases,
      warehousePallets: d.warehousePallets,
      priority: priorityOf(rules.priorityRule, d.key, d.volumeShare),
    })),
    capacity,
    weeks,
  );
  const assessed = new Array<CellAssessment>(cells.length);
  const withoutPlanWalk: Walk = { atPeak: 0, before: null, inPeak: null, any: null };
  const withPlanWalk: Walk = { atPeak: 0, before: null, inPeak: null, any: null };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const dist = dists.get(c.distributorId)!;
    const peak = dist.peakStartWeek;
    const offset = dist.peakDayOffset ?? 0;
    // the weeks of the peak that the required cover is meant for, counted from the peak's first day
    const coverEnd = peak === null ? 0 : peak + Math.max(1, Math.ceil((rules.requiredCoverDays + offset) / 7));
    // days of cover at the peak's first day: the stock left after the days before it, over the cover period's daily demand
    const before = peak === null || offset === 0 ? 0 : coverDemand(c.demand, peak, offset);
    const daily =
      peak === null || offset === 0
        ? 0
        : (coverDemand(c.demand, peak, offset + rules.requiredCoverDays) - before) / rules.requiredCoverDays;
    const without = walk(withoutPlanWalk, c.onHand, c.arrivals, null, c.demand, weeks, peak, coverEnd);
    const planned = plan.plannedArrivals[i] ?? null;
    const withPlan = planned ? walk(withPlanWalk, c.onHand, c.arrivals, planned, c.demand, weeks, peak, coverEnd) : without;
    const stock = required[i]!;
    const v: Readonly<Verdict> =
      c.prebuild === false
        ? PHASE_OUT
        : verdict({
            hasPeak: peak !== null,
            atPeak: withPlan.atPeak,
            required: stock.required,
            peakStartWeek: peak ?? 0,
            stockoutBeforePeak: withPlan.before,
            stockoutInPeak: withPlan.inPeak,
          });
    assessed[i] = {
      status: v.status,
      code: v.code,
      week: v.week,
      required: stock,
      serviceLevel: levels[i]!,
      atPeakWithoutPlan: without.atPeak,
      atPeak: withPlan.atPeak,
      coverDaysWithoutPlan: coverAt(without.atPeak, c.demand, peak, offset, rules.requiredCoverDays, before, daily),
      coverDays: coverAt(withPlan.atPeak, c.demand, peak, offset, rules.requiredCoverDays, before, daily),
      stockoutWithoutPlan: without.any,
      stockoutWithPlan: withPlan.any,
    };
  }
  return { cells: assessed, plan };
}

/**
 * Readiness rules: the stock required at peak start (cover plus safety stock), which distributors are
 * key accounts, who is served first when capacity is short, and the traffic light with its reason in
 * words. Pure.
 */
import { coverDemand } from './projection.js';

export type Status = 'green' | 'amber' | 'red';

// Acklam's coefficients, made once (a national pass asks for a quantile per distributor x SKU).
const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628274631];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const q = Math.min(Math.max(p, 1e-10), 1 - 1e-10);
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
      ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1)
    );
  }
  if (q > 1 - 0.02425) return -normalQuantile(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return (
    ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) /
    (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1)
  );
}

/** z of the normal distribution for a service level; a forecast's 80% range spans +-z(0.9). */
export const Z80 = normalQuantile(0.9);

/** A monthly standard deviation from the forecast's 80% range (normal errors assumed). */
export const sdFromRange80 = (lo80: number, hi80: number): number => Math.max(0, hi80 - lo80) / (2 * Z80);

export interface RequiredStock {
  /** Forecast demand of the required cover period from peak start, cases. */
  cover: number;
  /** z(service level) x the forecast's standard deviation over the cover period, cases. */
  safety: number;
  /** Whole cases that must be in stock at the start of the peak week. */
  required: number;
}

/**
 * Required stock at peak start = the demand of the required cover period + safety stock, where
 * safety stock = z(service level) x sqrt(sum of the weekly forecast variances over that period):
 * the stock that covers the period's demand with the chosen probability.
 */
export function requiredStock(
  demand: ArrayLike<number>,
  weeklyVariance: ArrayLike<number>,
  peakStartWeek: number,
  coverDays: number,
  serviceLevel: number,
): RequiredStock {
  const cover = coverDemand(demand, peakStartWeek, coverDays);
  const variance = coverDemand(weeklyVariance, peakStartWeek, coverDays);
  const safety = Math.max(0, normalQuantile(serviceLevel)) * Math.sqrt(variance);
  // the epsilon keeps 200.0000000001 from asking for a 201st case
  return { cover, safety, required: Math.max(0, Math.ceil(cover + safety - 1e-9)) };
}

export type KeyAccountRule = 'relationship' | 'volume' | 'relationship_or_volume' | 'relationship_and_volume';
export type PriorityRule = 'key_accounts_then_volume' | 'volume';

export interface AccountFacts {
  distributorId: number;
  regionId: number;
  relationshipLevel: number;
  /** Forecast volume over the horizon, cases. */
  volume: number;
}

/**
 * Key accounts under the chosen rule. "Relationship": strategic partners (relationship level 3).
 * "Volume": the largest distributors of each region that together carry `topShare` of its volume
 * (the 20/80 rule: a few accounts carry most of the volume); the one that crosses the line counts.
 */
export function keyAccounts(accounts: readonly AccountFacts[], rule: KeyAccountRule, topShare: number): Set<number> {
  const byVolume = new Set<number>();
  const regions = new Map<number, AccountFacts[]>();
  for (const a of accounts) regions.set(a.regionId, [...(regions.get(a.regionId) ?? []), a]);
  for (const list of regions.values()) {
    const total = list.reduce((s, a) => s + Math.max(0, a.volume), 0);
    if (total <= 0) continue;
    let before = 0;
    for (const a of [...list].sort((x, y) => y.volume - x.volume || x.distributorId - y.distributorId)) {
      if (a.volume <= 0 || before / total >= topShare) break;
      byVolume.add(a.distributorId);
      before += a.volume;
    }
  }
  const key = new Set<number>();
  for (const a of accounts) {
    const partner = a.relationshipLevel === 3;
    const big = byVolume.has(a.distributorId);
    const isKey =
      rule === 'relationship' ? partner : rule === 'volume' ? big : rule === 'relationship_or_volume' ? partner || big : partner && big;
    if (isKey) key.add(a.distributorId);
  }
  return key;
}

/**
 * Who is served first when shipping capacity is short: a larger number first. Key accounts first
 * (guaranteed supply in peak season is one of the four guarantees they expect), then by share of the
 * region's volume; under 'volume' by volume share alone.
 */
export function priorityOf(rule: PriorityRule, key: boolean, volumeShare: number): number {
  return (rule === 'key_accounts_then_volume' && key ? 2 : 0) + Math.min(1, Math.max(0, volumeShare));
}

export type ReasonCode = 'no_peak' | 'no_demand' | 'runs_out_in_peak' | 'below_required' | 'runs_out_before_peak' | 'covered' | 'phase_out';

export interface Verdict {
  status: Status;
  code: ReasonCode;
  /** Week index the reason is about (the stock-out week), if any. */
  week: number | null;
}

export interface VerdictInput {
  hasPeak: boolean;
  /** Stock at the start of the peak week, with the plan. */
  atPeak: number;
  required: number;
  peakStartWeek: number;
  /** First stock-out week (with the plan) before the peak, and from the peak through its required cover period. */
  stockoutBeforePeak: number | null;
  stockoutInPeak: number | null;
}

/**
 * Judged with the proposed plan: replenishment within capacity is expected, so red means even the
 * best plan leaves the distributor without beer in the first weeks of the peak.
 * - red: runs out within the required cover period after the peak starts;
 * - amber: less than the required stock (cover + safety) at peak start, or a stock-out before the
 *   peak (typically before anything shipped now can arrive);
 * - green: the required stock is there at peak start and nothing runs out before.
 */
export function verdict(v: VerdictInput): Readonly<Verdict> {
  if (!v.hasPeak) return NO_PEAK;
  if (v.required <= 0) return NO_DEMAND;
  if (v.stockoutInPeak !== null) return { status: 'red', code: 'runs_out_in_peak', week: v.stockoutInPeak };
  if (v.atPeak < v.required) return BELOW_REQUIRED;
  if (v.stockoutBeforePeak !== null) return { status: 'amber', code: 'runs_out_before_peak', week: v.stockoutBeforePeak };
  return COVERED;
}

// The verdicts without a week, shared: a national pass judges a hundred thousand cells.
const NO_PEAK: Readonly<Verdict> = Object.freeze({ status: 'green', code: 'no_peak', week: null });
const NO_DEMAND: Readonly<Verdict> = Object.freeze({ status: 'green', code: 'no_demand', week: null });
const BELOW_REQUIRED: Readonly<Verdict> = Object.freeze({ status: 'amber', code: 'below_required', week: null });
const COVERED: Readonly<Verdict> = Object.freeze({ status: 'green', code: 'covered', week: null });
/** A phase-out SKU that is not pre-built. */
export const PHASE_OUT: Readonly<Verdict> = Object.freeze({ status: 'green', code: 'phase_out', week: null });

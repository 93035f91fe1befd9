import type { ForecastResult } from './types.js';

/** The parts of a backtest score a break is read from (see OriginScore in select.ts). */
export interface BacktestErrors {
  errors: number[];
  /** Months ahead (0-based) of each error; 0 starts a new origin. */
  aheads: number[];
  /** MASE scale of each error's slot. */
  scales: number[];
}

/**
 * A break: over the latest backtest origin (the months just before the forecast starts) the chosen
 * model missed every month on the same side, by at least twice its typical (median) error over the
 * earlier origins. A distributor that lost or won a large customer, a market that turned, a
 * recession: the years before no longer describe the present, and neither the model chosen on them
 * nor the ranges calibrated on them can be trusted as they are. Every month, not most: looser rules
 * also fired on erratic ordering and on a season that surged and fell back (see the README's
 * "A break in the latest months").
 */
export const BREAK_RATIO = 2;
/** Ranges are widened at most this much, as the calibration on the backtest is. */
export const BREAK_MAX_WIDENING = 3;

/** Mean scaled absolute error of each backtest origin, oldest first. */
export function originLosses(score: BacktestErrors): number[] {
  const sums: number[] = [];
  const counts: number[] = [];
  for (let j = 0; j < score.errors.length; j++) {
    if (score.aheads[j] === 0 || !sums.length) {
      sums.push(0);
      counts.push(0);
    }
    const s = score.scales[j]!;
    const last = sums.length - 1;
    sums[last] = sums[last]! + (s > 0 ? Math.abs(score.errors[j]!) / s : 0);
    counts[last] = counts[last]! + 1;
  }
  return sums.map((v, i) => v / counts[i]!);
}

/**
 * The latest origin's error relative to the median of the earlier ones: how many times its usual
 * error the model made just before the forecast starts (0 with fewer than three origins, or when
 * the earlier errors are nil: no basis for a comparison).
 */
export function latestErrorRatio(score: BacktestErrors): number {
  const losses = originLosses(score);
  if (losses.length < 3) return 0;
  const earlier = losses.slice(0, -1).sort((a, b) => a - b);
  const mid = earlier.length / 2;
  const median = earlier.length % 2 ? earlier[Math.floor(mid)]! : (earlier[mid - 1]! + earlier[mid]!) / 2;
  return median > 0 ? losses[losses.length - 1]! / median : 0;
}

/**
 * Every month of the latest origin missed on the same side: a level that moved, not a noisy month
 * or a one-off order (erratic ordering misses both ways).
 */
export function latestOneSided(score: BacktestErrors): boolean {
  let above = 0;
  let below = 0;
  for (let j = score.errors.length - 1; j >= 0; j--) {
    const e = score.errors[j]!;
    if (e > 0) above++;
    else if (e < 0) below++;
    if (score.aheads[j] === 0) break;
  }
  return above + below > 0 && (above === 0 || below === 0);
}

/** A break as defined above. */
export function isBreak(score: BacktestErrors): boolean {
  return latestOneSided(score) && latestErrorRatio(score) >= BREAK_RATIO;
}

/**
 * After a break the errors run at a new scale: the ranges are widened around the point by the
 * ratio of the latest origin's error to the earlier ones' (a local scale), between 1 and
 * BREAK_MAX_WIDENING. Returns the factor used.
 */
export function widenAfterBreak(r: ForecastResult, ratio: number): number {
  const k = Math.min(BREAK_MAX_WIDENING, Math.max(1, ratio));
  if (k === 1) return k;
  for (let h = 0; h < r.point.length; h++) {
    const p = r.point[h]!;
    r.lo80[h] = p - k * (p - r.lo80[h]!);
    r.hi80[h] = p + k * (r.hi80[h]! - p);
    r.lo95[h] = p - k * (p - r.lo95[h]!);
    r.hi95[h] = p + k * (r.hi95[h]! - p);
  }
  return k;
}

import type { BacktestErrors } from './break.js';

/**
 * A common shock: most of the series forecast together (one region's, or any set sharing the same
 * months) missed the months just before the forecast on the same side, by more than a typical
 * seasonal change. A recession, a lockdown, a tax or a law that moved a whole market at once (the
 * 2008-2009 recession in the US unemployment series; the UK's seat-belt law of 1983 moved its road
 * deaths less). One series that jumps is a customer won or lost and is left to its own break rule
 * (break.ts); when most move together the market itself changed, and each series' ranking, earned
 * on the years before, says little about the year ahead.
 */

/** Fewer series than this cannot say whether a move is shared. */
export const SHOCK_MIN_SERIES = 5;
/** The share of the series whose latest months missed on the shock's side. */
export const SHOCK_SHARE = 0.8;
/** The median latest bias on that side, in MASE units (one typical seasonal change). */
export const SHOCK_BIAS = 1;

/**
 * The mean signed error (actual - forecast) over the latest backtest origin, scaled as MASE: how far
 * and which way the model missed the months just before the forecast starts (null without scale).
 */
export function latestBias(score: BacktestErrors): number | null {
  let sum = 0;
  let count = 0;
  for (let j = score.errors.length - 1; j >= 0; j--) {
    const s = score.scales[j]!;
    if (s > 0) {
      sum += score.errors[j]! / s;
      count++;
    }
    if (score.aheads[j] === 0) break;
  }
  return count ? sum / count : null;
}

/** A common shock, as the series of its group are told of it. */
export interface CommonShock {
  /** The group's median latest-to-usual error ratio (break.ts): the shock's scale. */
  ratio: number;
}

/** The median of finite values (0 when none). */
export function median(values: ReadonlyArray<number>): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whether the latest biases of series forecast together show a common shock (see above). */
export function isCommonShock(biases: ReadonlyArray<number | null>): boolean {
  const known = biases.filter((b): b is number => b !== null && Number.isFinite(b));
  if (known.length < SHOCK_MIN_SERIES) return false;
  for (const side of [1, -1]) {
    const onSide = known.filter((b) => b * side > 0).length;
    if (onSide >= SHOCK_SHARE * known.length && median(known.map((b) => b * side)) >= SHOCK_BIAS) return true;
  }
  return false;
}

/** The backtest origins a shock's floor is judged on: the latest year (origins 12 and 6 months before the end). */
export const SHOCK_RECENT_ORIGINS = 2;

/**
 * Mean scaled absolute error over the latest backtest origins only. After a common shock the years
 * before belong to another market: a form is held to beat seasonal naive on the months since.
 */
export function recentLoss(score: BacktestErrors, origins = SHOCK_RECENT_ORIGINS): number {
  let sum = 0;
  let count = 0;
  let seen = 0;
  for (let j = score.errors.length - 1; j >= 0 && seen < origins; j--) {
    const s = score.scales[j]!;
    sum += s > 0 ? Math.abs(score.errors[j]!) / s : Math.abs(score.errors[j]!);
    count++;
    if (score.aheads[j] === 0) seen++;
  }
  return count ? sum / count : Infinity;
}

/** What a first pass tells of each series: its chosen model's latest bias and latest-to-usual ratio. */
export interface LatestMiss {
  latestBias: number | null;
  latestRatio: number;
}

/**
 * The groups (regions, or series sharing their months) showing a common shock, each with its scale:
 * the median latest-to-usual error ratio of its series.
 */
export function commonShocks<K>(groups: Map<K, LatestMiss[]>): Map<K, CommonShock> {
  const out = new Map<K, CommonShock>();
  for (const [key, members] of groups)
    if (isCommonShock(members.map((m) => m.latestBias))) out.set(key, { ratio: median(members.map((m) => m.latestRatio)) });
  return out;
}

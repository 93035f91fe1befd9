import { selectForecast, tidyRanges } from './engine/select.js';
import type { ForecastResult } from './engine/types.js';
import type { ComputeResult } from './compute.js';
import type { CommonShock } from './engine/shock.js';

export interface LevelGroup {
  /** Region (or any grouping) the series add up to. */
  key: number;
  /** Indices into the run's series and results. */
  members: number[];
  /** The group's series showed a common shock (engine/shock.ts): its total is forecast knowing it, as they were. */
  shock?: CommonShock;
}

export interface LevelCorrection {
  key: number;
  /** Mean absolute backtest error of the group's total: summed from its series, and forecast as one series. */
  bottomUpError: number;
  totalError: number;
  /** Factor applied to the series' forecasts per future month (1: left as they were). */
  factors: number[];
}

const MIN_FACTOR = 0.75;
const MAX_FACTOR = 1.33;

/**
 * Level reconciliation: each series' model is fitted on its own, and small biases that do not show
 * in one series add up in the region's total (a few percent too high in every off-season month).
 * The region's total is also forecast as one series; where that forecast backtests better on the
 * total than the sum of the series' forecasts (same origins and months), the series' forecasts are
 * scaled month by month so that they add up to it: the region's level comes from the region, the
 * split between distributors and SKUs from the series. Only series with a full backtest take part;
 * the factor is bounded so that one odd month cannot rewrite every series.
 */
export function reconcileLevels(
  groups: LevelGroup[],
  values: Array<{ values: number[]; start: string }>,
  results: ComputeResult[],
  horizon: number,
): LevelCorrection[] {
  const out: LevelCorrection[] = [];
  for (const group of groups) {
    const members = group.members.filter((i) => results[i]!.errors);
    if (members.length < 2) continue;
    const length = Math.max(...members.map((i) => values[i]!.values.length));
    const total = new Float64Array(length);
    let start = '9999-12';
    for (const i of members) {
      const v = values[i]!.values;
      const offset = length - v.length;
      for (let t = 0; t < v.length; t++) total[offset + t] = total[offset + t]! + v[t]!;
      if (values[i]!.start < start) start = values[i]!.start;
    }
    const whole = selectForecast(total, { horizon, firstPeriod: start, ...(group.shock ? { commonShock: group.shock } : {}) });
    if (!whole.errors) continue;
    const slots = whole.errors.length;
    let bottomUp = 0;
    let direct = 0;
    for (let j = 0; j < slots; j++) {
      let sum = 0;
      for (const i of members) sum += results[i]!.errors![j]!;
      bottomUp += Math.abs(sum) / slots;
      direct += Math.abs(whole.errors[j]!) / slots;
    }
    const factors = Array.from({ length: horizon }, () => 1);
    if (direct < bottomUp * 0.95) {
      for (let h = 0; h < horizon; h++) {
        let sum = 0;
        for (const i of members) sum += results[i]!.point[h]!;
        factors[h] = sum > 0 ? Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, whole.result.point[h]! / sum)) : 1;
      }
      for (const i of members) {
        const r = results[i]!;
        for (let h = 0; h < horizon; h++) {
          const f = factors[h]!;
          r.point[h] = r.point[h]! * f;
          r.lo80[h] = r.lo80[h]! * f;
          r.hi80[h] = r.hi80[h]! * f;
          r.lo95[h] = r.lo95[h]! * f;
          r.hi95[h] = r.hi95[h]! * f;
        }
        tidyRanges(r as unknown as ForecastResult);
      }
    }
    out.push({ key: group.key, bottomUpError: bottomUp, totalError: direct, factors });
  }
  return out;
}

import { INDICATORS, type Decision, type Indicator, type IndicatorNumbers } from '../../shared/domain/development.js';

/**
 * The month-end evaluation: fulfilment of each plan indicator, a weighted total, a ranking across
 * the team and a reward or penalty suggestion, all from rigid numbers.
 */
export interface ScoringSettings {
  weights: Record<Indicator, number>;
  /** Total fulfilment (1 = 100%) at or above `reward` suggests a reward, below `penalty` a penalty. */
  thresholds: { reward: number; penalty: number };
  /** Over-fulfilment of one indicator counts up to this, so it cannot make up for ignoring the others. */
  cap: number;
}

export const DEFAULT_SCORING: ScoringSettings = {
  // Signing outlets is what distributors judge us by; visits are the means, so they weigh less.
  weights: { visits: 1, newSubDealers: 2, newTerminals: 2, competitorWins: 1 },
  thresholds: { reward: 1.0, penalty: 0.7 },
  cap: 1.5,
};

export interface ScoreRow {
  salespersonId: number;
  fulfilment: Record<Indicator, number | null>;
  /** Weighted mean fulfilment over the indicators that had a target; null when none had. */
  total: number | null;
  /** 1 = best; equal totals share a rank ("1, 2, 2, 4"); null when there is nothing to rank. */
  rank: number | null;
  suggestion: Decision;
}

export function fulfilmentOf(plan: IndicatorNumbers | null, actual: IndicatorNumbers, cap: number): Record<Indicator, number | null> {
  // An indicator with no target is not scored: neither a free 100% nor a 0%.
  return Object.fromEntries(INDICATORS.map((k) => [k, plan && plan[k] > 0 ? Math.min(cap, actual[k] / plan[k]) : null])) as Record<
    Indicator,
    number | null
  >;
}

export function scorecard(
  rows: ReadonlyArray<{ salespersonId: number; plan: IndicatorNumbers | null; actual: IndicatorNumbers }>,
  settings: ScoringSettings = DEFAULT_SCORING,
): ScoreRow[] {
  const scored = rows.map((r) => {
    const fulfilment = fulfilmentOf(r.plan, r.actual, settings.cap);
    const counted = INDICATORS.filter((k) => fulfilment[k] !== null && settings.weights[k] > 0);
    const weightSum = counted.reduce((a, k) => a + settings.weights[k], 0);
    // Rounded before ranking so that equal performances tie instead of differing in the 15th digit.
    const total =
      weightSum > 0 ? Math.round((counted.reduce((a, k) => a + settings.weights[k] * fulfilment[k]!, 0) / weightSum) * 1000) / 1000 : null;
    return { salespersonId: r.salespersonId, fulfilment, total };
  });
  const sorted = [...scored].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.salespersonId - b.salespersonId);
  let rank = 0;
  return sorted.map((s, i) => {
    if (s.total !== null && (i === 0 || s.total !== sorted[i - 1]!.total)) rank = i + 1;
    return {
      ...s,
      rank: s.total === null ? null : rank,
      suggestion:
        s.total === null
          ? 'none'
          : s.total >= settings.thresholds.reward
            ? 'reward'
            : s.total < settings.thresholds.penalty
              ? 'penalty'
              : 'none',
    };
  });
}

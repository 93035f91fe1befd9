/**
 * The month-end evaluation: fulfilment of each plan indicator, a weighted total, a ranking across the
 * team and a reward or penalty suggestion, all from rigid numbers.
 */
export const INDICATORS = ['visits', 'newSubDealers', 'newTerminals', 'competitorWins'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface PlanNumbers {
  visits: number;
  newSubDealers: number;
  newTerminals: number;
  competitorWins: number;
}

export interface ScoreRow {
  salespersonId: number;
  fulfilment: Record<Indicator, number | null>;
  total: number;
  rank: number;
  suggestion: 'reward' | 'none' | 'penalty';
}

/** Over-fulfilment counts up to 150%: one indicator cannot make up for ignoring the others. */
export const FULFILMENT_CAP = 1.5;

export function scorecard(
  rows: Array<{ salespersonId: number; plan: PlanNumbers; actual: PlanNumbers }>,
  weights: Record<Indicator, number>,
  thresholds: { reward: number; penalty: number } = { reward: 1.0, penalty: 0.7 },
): ScoreRow[] {
  const scored = rows.map((r) => {
    const fulfilment = Object.fromEntries(INDICATORS.map((k) => [k, r.plan[k] > 0 ? Math.min(FULFILMENT_CAP, r.actual[k] / r.plan[k]) : null])) as Record<Indicator, number | null>;
    const counted = INDICATORS.filter((k) => fulfilment[k] !== null && weights[k] > 0);
    const weightSum = counted.reduce((a, k) => a + weights[k], 0);
    const total = weightSum > 0 ? counted.reduce((a, k) => a + weights[k] * fulfilment[k]!, 0) / weightSum : 0;
    return { salespersonId: r.salespersonId, fulfilment, total: Math.round(total * 1000) / 1000 };
  });
  const sorted = [...scored].sort((a, b) => b.total - a.total || a.salespersonId - b.salespersonId);
  // Equal totals share a rank ("1, 2, 2, 4").
  return sorted.map((s, i) => ({
    ...s,
    rank: i > 0 && s.total === sorted[i - 1]!.total ? sorted.findIndex((x) => x.total === s.total) + 1 : i + 1,
    suggestion: s.total >= thresholds.reward ? 'reward' : s.total < thresholds.penalty ? 'penalty' : 'none',
  }));
}

/** Working days (Monday to Friday) of a month and how many have passed by a date: the pro-rata base. */
export function workingDays(month: string, upTo?: string): { total: number; elapsed: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let total = 0;
  let elapsed = 0;
  for (let d = 1; d <= days; d++) {
    const date = new Date(Date.UTC(y, m - 1, d));
    const dow = date.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    total++;
    if (upTo && date.toISOString().slice(0, 10) <= upTo) elapsed++;
  }
  return { total, elapsed };
}

import { weekdayIndex } from '../../shared/domain/calendar.js';
import type { IndicatorNumbers, OutletType, Stage, VisitPurpose } from '../../shared/domain/development.js';
import { addDays } from '../../shared/domain/development.js';

/**
 * The numbers of a weekly review, from the visit log and the pipeline's stage changes, beside the
 * month plan taken pro rata by working days: a week with 5 of the month's 21 working days owes
 * 5/21 of the month's visits and new outlets. A week across two months owes a share of each.
 */
export interface WeekVisit {
  day: string;
  purpose: VisitPurpose;
  outletType: OutletType | 'distributor';
  outletId: number;
}

export interface WeekStageChange {
  day: string;
  outletType: OutletType;
  fromStage: Stage | null;
  toStage: Stage;
  competitorHeld: boolean;
}

export interface WeekNumbers extends IndicatorNumbers {
  developVisits: number;
  outletsVisited: number;
  /** Prospects that moved forward (not counting refusals). */
  pipelineMoves: number;
  rejected: number;
}

const isWorkingDay = (day: string) => weekdayIndex(day) < 5;

/** Working days (Monday to Friday) of a month and how many have passed by a day (inclusive): the pro-rata base. */
export function workingDays(month: string, upTo?: string): { total: number; elapsed: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let total = 0;
  let elapsed = 0;
  for (let d = 1; d <= days; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    if (!isWorkingDay(day)) continue;
    total++;
    if (upTo !== undefined && day <= upTo) elapsed++;
  }
  return { total, elapsed };
}

const FORWARD: Record<Stage, number> = { prospect: 0, contacted: 1, negotiating: 2, signed: 3, rejected: -1 };

/** Counts what happened between two days (inclusive). */
export function periodNumbers(visits: readonly WeekVisit[], changes: readonly WeekStageChange[], from: string, to: string): WeekNumbers {
  const inPeriod = <T extends { day: string }>(list: readonly T[]) => list.filter((x) => x.day >= from && x.day <= to);
  const v = inPeriod(visits);
  const c = inPeriod(changes);
  const signed = c.filter((x) => x.toStage === 'signed');
  return {
    visits: v.length,
    developVisits: v.filter((x) => x.purpose === 'develop').length,
    outletsVisited: new Set(v.map((x) => `${x.outletType}:${x.outletId}`)).size,
    newSubDealers: signed.filter((x) => x.outletType === 'sub_dealer').length,
    newTerminals: signed.filter((x) => x.outletType === 'terminal').length,
    competitorWins: signed.filter((x) => x.competitorHeld).length,
    // A prospect added straight into a later stage moved from `prospect`; a reopened one from nowhere.
    pipelineMoves: c.filter((x) => x.toStage !== 'rejected' && FORWARD[x.toStage] > (x.fromStage === null ? 0 : FORWARD[x.fromStage]))
      .length,
    rejected: c.filter((x) => x.toStage === 'rejected').length,
  };
}

/**
 * What the plans owe between two days (inclusive): each month's plan times the share of that
 * month's working days that fall in the period. Months without a plan owe nothing.
 */
export function proRata(plans: ReadonlyMap<string, IndicatorNumbers>, from: string, to: string): IndicatorNumbers {
  const out: IndicatorNumbers = { visits: 0, newSubDealers: 0, newTerminals: 0, competitorWins: 0 };
  const perMonth = new Map<string, number>();
  for (let day = from; day <= to; day = addDays(day, 1))
    if (isWorkingDay(day)) perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1);
  for (const [month, days] of perMonth) {
    const plan = plans.get(month);
    if (!plan) continue;
    const share = days / workingDays(month).total;
    for (const k of Object.keys(out) as Array<keyof IndicatorNumbers>) out[k] += plan[k] * share;
  }
  for (const k of Object.keys(out) as Array<keyof IndicatorNumbers>) out[k] = Math.round(out[k] * 10) / 10;
  return out;
}

/**
 * The readiness calendar: ISO weeks (Monday to Sunday, UTC) from the week of "today", and the spread
 * of monthly forecast numbers onto them by days. Pure: no database, no Node imports.
 */

import { dayOfUtcMidnight, utcMidnightOf, weekStartOf } from '../../shared/domain/calendar.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** The day of a grid timestamp (a UTC midnight). */
export const isoDay = dayOfUtcMidnight;

/**
 * The Monday (UTC midnight) of the ISO week containing `date`'s day. The grid counts days as UTC
 * midnights; which day is "today" (the user's local one) is decided before, in readinessToday.
 */
export function mondayOf(date: Date): number {
  return utcMidnightOf(weekStartOf(dayOfUtcMidnight(date.getTime())));
}

/** ISO-8601 week label, e.g. 2027-W19: what a warehouse schedules by. */
export function isoWeekLabel(t: number): string {
  const monday = mondayOf(new Date(t));
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export interface WeekGrid {
  /** UTC ms of the first Monday. */
  start: number;
  /** Each week's Monday as an ISO date. */
  weeks: string[];
  /** The calendar months the weeks touch, in order ('YYYY-MM'). */
  months: string[];
  /**
   * For each week, the months it overlaps (a week lies in one month or two) and the share of each
   * month's volume that falls in it (days of the month in the week / days in the month): as numbers,
   * since a national pass spreads 240,000 series through them. A week in one month has a second
   * share of 0 (and its first month again).
   */
  shares: { firstMonth: Int32Array; firstShare: Float64Array; secondMonth: Int32Array; secondShare: Float64Array };
}

export function weekGrid(today: Date, weekCount: number): WeekGrid {
  const start = mondayOf(today);
  const months: string[] = [];
  const monthIndex = new Map<string, number>();
  const weeks: string[] = [];
  const shares: WeekGrid['shares'] = {
    firstMonth: new Int32Array(weekCount),
    firstShare: new Float64Array(weekCount),
    secondMonth: new Int32Array(weekCount),
    secondShare: new Float64Array(weekCount),
  };
  for (let w = 0; w < weekCount; w++) {
    weeks.push(isoDay(start + w * WEEK_MS));
    const parts = new Map<number, number>();
    for (let d = 0; d < 7; d++) {
      const month = isoDay(start + (w * 7 + d) * DAY_MS).slice(0, 7);
      let i = monthIndex.get(month);
      if (i === undefined) {
        i = months.length;
        months.push(month);
        monthIndex.set(month, i);
      }
      parts.set(i, (parts.get(i) ?? 0) + 1);
    }
    const [first, second] = [...parts].map(([month, days]) => ({ month, share: days / daysInMonth(months[month]!) }));
    shares.firstMonth[w] = first!.month;
    shares.firstShare[w] = first!.share;
    shares.secondMonth[w] = second?.month ?? first!.month;
    shares.secondShare[w] = second?.share ?? 0;
  }
  return { start, weeks, months, shares };
}

/**
 * Monthly volume (or variance: days are taken as independent, so a month's variance spreads the same
 * way) spread over the grid's weeks by days: a week gets each month's volume x its days in that month
 * / the month's days. `monthly[i]` belongs to `grid.months[i]`. `out` lets a caller reuse memory,
 * and `at` write into a block of many series (the weeks go to out[at], out[at + 1] ...).
 */
export function spreadToWeeks(
  grid: WeekGrid,
  monthly: ArrayLike<number>,
  out: Float64Array = new Float64Array(grid.weeks.length),
  at = 0,
): Float64Array {
  const { firstMonth, firstShare, secondMonth, secondShare } = grid.shares;
  const weeks = grid.weeks.length;
  for (let w = 0; w < weeks; w++) {
    out[at + w] = (monthly[firstMonth[w]!] ?? 0) * firstShare[w]! + (monthly[secondMonth[w]!] ?? 0) * secondShare[w]!;
  }
  return out;
}

/**
 * Whole cases per week from fractional ones, rounding the running total so no case is gained or
 * lost over the horizon (a week of 2.4 and one of 2.4 become 2 and 3, not 2 and 2). `at`: where in
 * `out` the first goes (a block of many series).
 */
export function wholeCases(values: ArrayLike<number>, out = new Int32Array(values.length), at = 0): Int32Array {
  let cumulative = 0;
  let rounded = 0;
  for (let i = 0; i < values.length; i++) {
    cumulative += Math.max(0, values[i] ?? 0);
    const next = Math.round(cumulative);
    out[at + i] = next - rounded;
    rounded = next;
  }
  return out;
}

/** Index of the week containing an ISO date (negative before the grid, >= length after it). */
export function weekIndexOf(grid: WeekGrid, isoDate: string): number {
  return Math.floor((Date.parse(isoDate) - grid.start) / WEEK_MS);
}

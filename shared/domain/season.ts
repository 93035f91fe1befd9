import { today } from './clock.js';

/**
 * Season arithmetic shared by the dashboard, targets and readiness: which months are peak in a
 * region and when the next peak starts. Months are 1-12; peaks may wrap the year end (Nov-Feb).
 */

/** The first month of each peak run, e.g. [5,6,7,8,9] -> [5]; [11,12,1,2] -> [11]. */
export function peakStartMonths(peakMonths: readonly number[]): number[] {
  const set = new Set(peakMonths);
  return [...set].filter((m) => !set.has(m === 1 ? 12 : m - 1)).sort((a, b) => a - b);
}

/** The first day (UTC) of the next peak season on or after `today`; null for a region with no peak. */
export function nextPeakStart(peakMonths: readonly number[], today: Date): Date | null {
  const starts = peakStartMonths(peakMonths);
  if (starts.length === 0) return null;
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const candidates = starts.flatMap((m) => [Date.UTC(year, m - 1, 1), Date.UTC(year + 1, m - 1, 1)]);
  const todayStart = Date.UTC(year, month - 1, today.getUTCDate());
  const next = candidates.filter((c) => c > todayStart).sort((a, b) => a - b)[0]!;
  return new Date(next);
}

export function isPeakMonth(peakMonths: readonly number[], month: number): boolean {
  return peakMonths.includes(month);
}

/** Whole days from `today` to `date`. */
export function daysUntil(date: Date, today: Date): number {
  const a = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((date.getTime() - a) / 86_400_000);
}

/**
 * The user's local day as the UTC midnight these functions count from: at 01:00 on May 1 in Shanghai
 * (still April 30 in UTC) the season calendar says May, as readiness does.
 */
export function calendarToday(): Date {
  return new Date(`${today()}T00:00:00Z`);
}

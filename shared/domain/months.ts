/** Months as 'YYYY-MM' text and as a running index (year * 12 + month - 1): never floating dates. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const monthFromIndex = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: string, n: number): string => monthFromIndex(monthIndex(month) + n);

/** Calendar month 1-12 of a 'YYYY-MM'. */
export const calendarMonth = (month: string): number => Number(month.slice(5, 7));

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

// The month of an instant is the user's local month (the calendar module decides).
export { monthOf } from './calendar.js';

/** The last calendar day of a 'YYYY-MM', as 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

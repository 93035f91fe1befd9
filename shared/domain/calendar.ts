import { addDays as addDaysToDate, differenceInCalendarDays, format, getISODay, parseISO, startOfWeek } from 'date-fns';

/**
 * The app's one calendar. Days are 'yyyy-MM-dd', months 'yyyy-MM', weeks run Monday to Sunday (ISO).
 * A day is the user's local calendar day: at 07:00 in UTC+8 "today" is already the new date, although
 * UTC is still on yesterday. Day strings are parsed as local midnight and formatted back locally, so the
 * arithmetic below gives the same answer in every time zone.
 */

/** The local calendar day of an instant. */
export const dayOf = (instant: Date): string => format(instant, 'yyyy-MM-dd');

/** The local calendar month of an instant. */
export const monthOf = (instant: Date): string => format(instant, 'yyyy-MM');

export const addDays = (day: string, n: number): string => dayOf(addDaysToDate(parseISO(day), n));

/** Monday of the week the day falls in: weekly reviews and readiness weeks run Monday to Sunday. */
export const weekStartOf = (day: string): string => dayOf(startOfWeek(parseISO(day), { weekStartsOn: 1 }));

export const isMonday = (day: string): boolean => getISODay(parseISO(day)) === 1;

/** 0 for Monday ... 6 for Sunday. */
export const weekdayIndex = (day: string): number => getISODay(parseISO(day)) - 1;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/** UTC midnight of a day, for calendars counted in milliseconds (the readiness week grid). */
export const utcMidnightOf = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The day of a UTC-midnight timestamp made by utcMidnightOf. */
export const dayOfUtcMidnight = (t: number): string => new Date(t).toISOString().slice(0, 10);

import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysBetween, isMonday, monthOf, weekdayIndex, weekStartOf } from '../../shared/domain/calendar.js';
import { fixedClock, setClock, systemClock, thisMonth, today } from '../../shared/domain/clock.js';
import { calendarToday, nextPeakStart } from '../../shared/domain/season.js';

/**
 * The calendar gives the same days, weeks and months in every time zone, and "today" is the user's
 * local day. tests/unit/timezones.test.ts runs this file under Asia/Shanghai and America/Los_Angeles.
 */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('the calendar', () => {
  it('finds the Monday of a week, across month and year ends', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week before
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
    expect(weekStartOf('2026-03-01')).toBe('2026-02-23');
    expect(isMonday('2026-11-23')).toBe(true);
    expect(isMonday('2026-11-22')).toBe(false);
    expect(weekdayIndex('2026-11-23')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
  });

  it('counts whole days across daylight-saving changes', () => {
    // Los Angeles springs forward on 2026-03-08 and falls back on 2026-11-01; Europe on 03-29 and 10-25.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-15', '2026-11-15')).toBe(31);
    expect(daysBetween('2026-11-20', '2026-11-19')).toBe(-1);
    let day = '2026-01-01';
    for (let i = 0; i < 365; i++) day = addDays(day, 1);
    expect(day).toBe('2027-01-01');
  });

  it('reads today as the local day: 23:00 UTC is already tomorrow in Shanghai, still today in Los Angeles', () => {
    const instant = new Date('2026-11-20T23:00:00Z');
    const expected: Record<string, [day: string, month: string]> = {
      'Asia/Shanghai': ['2026-11-21', '2026-11'],
      'America/Los_Angeles': ['2026-11-20', '2026-11'],
      UTC: ['2026-11-20', '2026-11'],
    };
    const [day, month] = expected[zone] ?? [instant.toLocaleDateString('sv-SE'), instant.toLocaleDateString('sv-SE').slice(0, 7)];
    expect(dayOf(instant)).toBe(day);
    expect(monthOf(instant)).toBe(month);
    // at the turn of the month the local month differs from UTC's in Shanghai
    const monthTurn = new Date('2026-11-30T20:00:00Z');
    expect(monthOf(monthTurn)).toBe(
      zone === 'Asia/Shanghai' ? '2026-12' : zone === 'America/Los_Angeles' || zone === 'UTC' ? '2026-11' : monthOf(monthTurn),
    );
  });

  it('takes today from the one clock', () => {
    try {
      setClock(fixedClock('2026-11-20T23:00:00Z'));
      expect(today()).toBe(dayOf(new Date('2026-11-20T23:00:00Z')));
      expect(thisMonth()).toBe(monthOf(new Date('2026-11-20T23:00:00Z')));
      expect(() => fixedClock('not a date')).toThrow();
    } finally {
      setClock(systemClock);
    }
  });
  it('counts the season calendar from the user’s local day, not UTC’s', () => {
    // 17:00 UTC on April 30: May 1 in Shanghai, still April 30 in Los Angeles and in UTC.
    const instant = new Date('2026-04-30T17:00:00Z');
    setClock(fixedClock(instant.toISOString()));
    try {
      const day = calendarToday();
      expect([day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()]).toEqual([
        instant.getFullYear(),
        instant.getMonth(),
        instant.getDate(),
      ]);
      // The next peak of a May–September region, counted from that day.
      const next = nextPeakStart([5, 6, 7, 8, 9], day)!;
      expect(next.toISOString().slice(0, 10)).toBe(instant.getDate() === 1 ? '2027-05-01' : '2026-05-01');
    } finally {
      setClock(systemClock);
    }
  });
});

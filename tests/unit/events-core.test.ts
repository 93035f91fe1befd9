import { describe, expect, it } from 'vitest';
import { parseWithIcalJs } from '../support/ical.js';
import { findConflicts, eligible, type EventForCheck } from '../../main/events/conflicts.js';
import { buildIcs } from '../../main/events/ics.js';

/** RFC 5545 reading: unfold continuation lines, split properties; enough to check what we write. */
function parseIcs(text: string) {
  expect(text).toMatch(/\r\n/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n').filter(Boolean);
  const props = lines.map((l) => {
    const i = l.indexOf(':');
    return { name: l.slice(0, i).split(';')[0]!, params: l.slice(0, i), value: l.slice(i + 1) };
  });
  return { lines, props, get: (n: string) => props.filter((p) => p.name === n) };
}

const base = (over: Partial<EventForCheck>): EventForCheck => ({
  id: 1,
  title: 'Sales policy training',
  kind: 'training',
  start: '2026-12-03T09:00',
  end: '2026-12-03T17:00',
  regionId: 1,
  capacity: 30,
  budgetTotalCents: null,
  budgetPerPersonCents: null,
  actualCostCents: 0,
  distributorIds: [],
  participants: 0,
  staffIds: [],
  ...over,
});
const names = { distributor: (id: number) => `D${id}`, staff: (id: number) => `S${id}` };

describe('scheduling conflicts', () => {
  it('flags a per-person cost times the places above the total budget, before anyone is invited', () => {
    const over = base({ id: 1, capacity: 30, budgetPerPersonCents: 50_000, budgetTotalCents: 1_000_000 });
    expect(findConflicts([over], new Map(), names)).toEqual([
      {
        eventId: 1,
        kind: 'places_over_budget',
        message: '500.00 per person × 30 places = 15000.00, above the budget of 10000.00',
        params: { perPerson: '500.00', places: 30, planned: '15000.00', budget: '10000.00' },
      },
    ]);
    const fits = base({ id: 2, capacity: 20, budgetPerPersonCents: 50_000, budgetTotalCents: 1_000_000 });
    expect(findConflicts([fits], new Map(), names)).toEqual([]);
  });

  it('flags a distributor and a staff member double-booked, on both events', () => {
    const a = base({ id: 1, distributorIds: [7, 8], staffIds: [3] });
    const b = base({
      id: 2,
      title: 'Trip',
      kind: 'trip',
      start: '2026-12-03T15:00',
      end: '2026-12-05T12:00',
      distributorIds: [8],
      staffIds: [3],
    });
    const c = base({ id: 3, start: '2026-12-04T09:00', end: '2026-12-04T10:00', distributorIds: [7] });
    const conflicts = findConflicts([a, b, c], new Map(), names);
    expect(
      conflicts
        .filter((x) => x.kind === 'distributor_double_booked')
        .map((x) => `${x.eventId}-${x.otherEventId}`)
        .sort(),
    ).toEqual(['1-2', '2-1']);
    expect(conflicts.filter((x) => x.kind === 'staff_double_booked')).toHaveLength(2);
    expect(conflicts.find((x) => x.eventId === 1)!.message).toBe('D8 is also invited to “Trip” at the same time');
  });

  it('flags an event that reaches into the peak season, even when it starts and ends outside its months', () => {
    const across = base({ id: 3, regionId: 1, start: '2027-04-28T08:00', end: '2027-07-02T18:00' });
    expect(findConflicts([across], new Map([[1, [5, 6]]]), names).map((c) => c.kind)).toEqual(['in_peak_season']);
    const before = base({ id: 4, regionId: 1, start: '2027-03-28T08:00', end: '2027-04-30T18:00' });
    expect(findConflicts([before], new Map([[1, [5, 6]]]), names)).toEqual([]);
  });

  it('flags capacity, budget and the peak season', () => {
    const conflicts = findConflicts(
      [
        base({
          capacity: 2,
          participants: 3,
          budgetPerPersonCents: 10_000,
          actualCostCents: 40_000,
          start: '2026-06-10T09:00',
          end: '2026-06-10T12:00',
        }),
      ],
      new Map([[1, [5, 6, 7, 8, 9]]]),
      names,
    );
    expect(conflicts.map((c) => c.kind).sort()).toEqual(['in_peak_season', 'over_budget', 'over_capacity']);
  });

  it('checks trip eligibility against a threshold', () => {
    expect(eligible(0.95, 0.9)).toBe(true);
    expect(eligible(0.5, 0.9)).toBe(false);
    expect(eligible(null, 0.9)).toBe(false);
    expect(eligible(null, null)).toBe(true);
  });
});

describe('calendar files', () => {
  it('writes a valid RFC 5545 invitation that parses back', () => {
    const text = buildIcs({
      uid: 'event-12-distributor-7@offseason-planner',
      title: 'Distributor training: the coming strategic plan — 中文 — Русский',
      description: 'Agenda: 09:00 welcome; 10:00 sales policy; 14:00 discussion. '.repeat(4),
      location: 'Riverside Hotel, conference room 2',
      start: '2026-12-03T09:00',
      end: '2026-12-03T17:00',
      timeZone: 'Asia/Shanghai',
      organizer: { name: 'Li Wei', email: 'li.wei@example.com' },
      attendees: [
        { name: 'Wang Fang', email: 'wang@example.com', partstat: 'ACCEPTED' },
        { name: 'Olga Petrova', email: 'olga@example.com', partstat: 'NEEDS-ACTION' },
      ],
    });
    const ics = parseIcs(text);
    expect(parseWithIcalJs(text).event.summary).toContain('中文');
    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.lines.at(-1)).toBe('END:VCALENDAR');
    expect(ics.get('VERSION')[0]!.value).toBe('2.0');
    expect(ics.get('METHOD')[0]!.value).toBe('REQUEST');
    expect(ics.get('UID')[0]!.value).toBe('event-12-distributor-7@offseason-planner');
    // the event's times carry the region's zone (the VTIMEZONE's own DTSTARTs come first)
    expect(ics.get('DTSTART').at(-1)).toMatchObject({ params: 'DTSTART;TZID=Asia/Shanghai', value: '20261203T090000' });
    expect(ics.get('DTEND')[0]).toMatchObject({ params: 'DTEND;TZID=Asia/Shanghai', value: '20261203T170000' });
    expect(ics.get('DTSTAMP')).toHaveLength(1);
    expect(ics.get('SUMMARY')[0]!.value).toContain('中文');
    expect(ics.get('ATTENDEE')).toHaveLength(2);
    expect(ics.get('ORGANIZER')[0]!.value.toLowerCase()).toBe('mailto:li.wei@example.com');
    expect(ics.props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'VEVENT']);
  });
});

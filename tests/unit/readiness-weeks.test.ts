import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekLabel, mondayOf, spreadToWeeks, weekGrid, weekIndexOf, wholeCases } from '../../main/readiness/weeks.js';

describe('readiness calendar', () => {
  it('starts on the Monday of the ISO week', () => {
    // 2026-11-22 is a Sunday: its ISO week began on Monday 16 November
    expect(new Date(mondayOf(new Date('2026-11-22T15:00:00Z'))).toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(new Date(mondayOf(new Date('2026-11-23T00:00:00Z'))).toISOString().slice(0, 10)).toBe('2026-11-23');
  });

  it('labels ISO weeks the way a warehouse does', () => {
    expect(isoWeekLabel(Date.parse('2026-12-28'))).toBe('2026-W53');
    // Friday 1 January 2027 still belongs to 2026's last week
    expect(isoWeekLabel(Date.parse('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekLabel(Date.parse('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekLabel(Date.parse('2027-05-03'))).toBe('2027-W18');
  });

  it('spreads each month over the weeks by its days', () => {
    // Monday 26 April 2027: 5 days of April (30 days) and 2 of May (31 days)
    const grid = weekGrid(new Date('2027-04-28T00:00:00Z'), 2);
    expect(grid.weeks).toEqual(['2027-04-26', '2027-05-03']);
    expect(grid.months).toEqual(['2027-04', '2027-05']);
    const weekly = spreadToWeeks(grid, [300, 620]);
    expect(weekly[0]).toBeCloseTo((300 * 5) / 30 + (620 * 2) / 31, 9);
    expect(weekly[1]).toBeCloseTo((620 * 7) / 31, 9);
    expect(weekIndexOf(grid, '2027-05-09')).toBe(1);
    expect(weekIndexOf(grid, '2027-04-25')).toBe(-1);
  });

  it('gives every day of a month to exactly one week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 10, max: 70 }), (offset, weeks) => {
        const grid = weekGrid(new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000), weeks);
        const ones = grid.months.map(() => 1);
        const spread = spreadToWeeks(grid, ones);
        // months wholly inside the grid are spread in full
        const share = new Map<number, number>();
        const add = (month: number, part: number) => share.set(month, (share.get(month) ?? 0) + part);
        const { firstMonth, firstShare, secondMonth, secondShare } = grid.shares;
        firstMonth.forEach((month, w) => (add(month, firstShare[w]!), add(secondMonth[w]!, secondShare[w]!)));
        for (let m = 1; m < grid.months.length - 1; m++) expect(share.get(m)).toBeCloseTo(1, 9);
        expect(spread.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(grid.months.length + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('rounds weekly demand to whole cases without losing any', () => {
    expect([...wholeCases([2.4, 2.4, 2.4, 2.4, 2.4])]).toEqual([2, 3, 2, 3, 2]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 60 }), (values) => {
        const whole = wholeCases(values);
        const total = values.reduce((a, b) => a + b, 0);
        expect(Math.abs(whole.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(0.5 + 1e-6);
        let cumulative = 0;
        let rounded = 0;
        whole.forEach((v, i) => {
          cumulative += values[i]!;
          rounded += v;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(Math.abs(rounded - cumulative)).toBeLessThanOrEqual(0.5 + 1e-6);
        });
      }),
    );
  });
});

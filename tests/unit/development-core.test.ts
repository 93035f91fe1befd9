import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm, orderRoute, pathLength, type Point } from '../../main/development/route.js';
import { DEFAULT_SCORING, scorecard } from '../../main/development/scorecard.js';
import { capCompetitors } from '../../shared/domain/development.js';
import { proRata, workingDays } from '../../main/development/weekly.js';

function bruteForce(points: Point[], start: { lat: number; lng: number }): number {
  let best = Infinity;
  const permute = (rest: Point[], done: Point[]) => {
    if (rest.length === 0) best = Math.min(best, pathLength(done, start));
    rest.forEach((p, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...done, p]));
  };
  permute(points, []);
  return best;
}

describe('day routes', () => {
  it('measures distances on the globe', () => {
    // one degree of latitude is about 111 km
    expect(distanceKm({ lat: 45, lng: 126 }, { lat: 46, lng: 126 })).toBeCloseTo(111.2, 0);
  });

  it('stays within 10% of the optimal route on small cases (property, against brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ lat: fc.double({ min: 45, max: 45.3, noNaN: true }), lng: fc.double({ min: 126, max: 126.4, noNaN: true }) }),
          { minLength: 2, maxLength: 7 },
        ),
        (coords) => {
          const points = coords.map((c, i) => ({ id: i + 1, ...c }));
          const start = { lat: 45.15, lng: 126.2 };
          const { order, km } = orderRoute(points, start);
          expect(order.map((p) => p.id).sort()).toEqual(points.map((p) => p.id).sort());
          expect(km).toBeLessThanOrEqual(bruteForce(points, start) * 1.1 + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('monthly scorecard', () => {
  const plan = { visits: 100, newSubDealers: 4, newTerminals: 20, competitorWins: 5 };
  const weights = { visits: 1, newSubDealers: 2, newTerminals: 2, competitorWins: 1 };

  it('weights fulfilment, caps over-fulfilment, ranks with ties and suggests reward or penalty', () => {
    const rows = scorecard(
      [
        { salespersonId: 1, plan, actual: { visits: 100, newSubDealers: 4, newTerminals: 20, competitorWins: 5 } },
        { salespersonId: 2, plan, actual: { visits: 300, newSubDealers: 0, newTerminals: 0, competitorWins: 0 } },
        { salespersonId: 3, plan, actual: { visits: 100, newSubDealers: 4, newTerminals: 20, competitorWins: 5 } },
        { salespersonId: 4, plan, actual: { visits: 80, newSubDealers: 3, newTerminals: 15, competitorWins: 4 } },
      ],
      { ...DEFAULT_SCORING, weights },
    );
    expect(rows.map((r) => [r.salespersonId, r.total, r.rank, r.suggestion])).toEqual([
      [1, 1, 1, 'reward'],
      [3, 1, 1, 'reward'],
      [4, 0.767, 3, 'none'],
      [2, 0.25, 4, 'penalty'],
    ]);
    expect(rows.find((r) => r.salespersonId === 2)!.fulfilment.visits).toBe(1.5);
  });

  it('counts working days for the pro-rata plan', () => {
    expect(workingDays('2026-11')).toEqual({ total: 21, elapsed: 0 });
    expect(workingDays('2026-11', '2026-11-13').elapsed).toBe(10);
  });
});

describe('weekly pro rata', () => {
  it("owes each month's plan by the share of its working days that fall in the week", () => {
    const plans = new Map([
      ['2026-11', { visits: 105, newSubDealers: 0, newTerminals: 21, competitorWins: 0 }],
      ['2026-12', { visits: 230, newSubDealers: 23, newTerminals: 0, competitorWins: 0 }],
    ]);
    // Mon 30 Nov is November's last working day (1 of 21); Tue 1 to Fri 4 Dec are 4 of December's 23.
    expect(proRata(plans, '2026-11-30', '2026-12-06')).toEqual({ visits: 5 + 40, newSubDealers: 4, newTerminals: 1, competitorWins: 0 });
    expect(proRata(new Map(), '2026-11-30', '2026-12-06')).toEqual({ visits: 0, newSubDealers: 0, newTerminals: 0, competitorWins: 0 });
  });
});

describe('competitor targets within the new outlets', () => {
  it('keeps the first brands whole and trims the rest', () => {
    const list = [
      { brand: 'A', outlets: 2 },
      { brand: 'B', outlets: 2 },
      { brand: 'C', outlets: 1 },
    ];
    expect(capCompetitors(list, 3)).toEqual([
      { brand: 'A', outlets: 2 },
      { brand: 'B', outlets: 1 },
    ]);
    expect(capCompetitors(list, 0)).toEqual([]);
    expect(capCompetitors(list, 10)).toEqual(list);
  });
});

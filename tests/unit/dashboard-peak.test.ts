import { describe, expect, it } from 'vitest';
import { peakForecast } from '../../renderer/dashboard/peakForecast.js';

const month = (m: string, agreed: number, lastYear: number | null) => ({ month: m, agreed, lastYear });
const view = (forecast: Array<{ month: string; agreed: number; lastYear: number | null }>) => ({
  status: 'ok' as const,
  forecast: forecast as never,
});

describe("the dashboard's peak forecast", () => {
  it("adds each region's own peak months only: North's October is off-season there", () => {
    const south = view([month('2027-04', 50, 40), month('2027-05', 100, 90), month('2027-10', 70, 60)]);
    const north = view([month('2027-05', 10, 9), month('2027-06', 200, 150), month('2027-10', 30, 30)]);
    const total = peakForecast([
      { peakMonths: [5, 10], view: south },
      { peakMonths: [6, 7, 8], view: north },
    ]);
    // south: May + October = 170 (last year 150); north: June only = 200 (150)
    expect(total).toEqual({ agreed: 370, lastYear: 300 });
  });

  it("counts one peak per region: a year's horizon from July holds the end of this peak and the start of the next", () => {
    const months = [
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
    ];
    const south = view(months.map((m, i) => month(m, 100 + i, 90)));
    // May-September: August and September of this peak (100 + 101), not May-July of the next
    expect(peakForecast([{ peakMonths: [5, 6, 7, 8, 9], view: south }])).toEqual({ agreed: 201, lastYear: 180 });
    // a peak across the year end (November-February) counts as one run
    expect(peakForecast([{ peakMonths: [11, 12, 1, 2], view: south }])).toEqual({ agreed: 103 + 104 + 105 + 106, lastYear: 360 });
  });

  it('is null, not zero, when no region has a forecast', () => {
    expect(peakForecast([{ peakMonths: [5], view: { status: 'not_run', forecast: [] } }])).toBeNull();
    expect(peakForecast([{ peakMonths: [5], view: undefined }])).toBeNull();
  });
});

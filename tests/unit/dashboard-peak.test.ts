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

  it('is null, not zero, when no region has a forecast', () => {
    expect(peakForecast([{ peakMonths: [5], view: { status: 'not_run', forecast: [] } }])).toBeNull();
    expect(peakForecast([{ peakMonths: [5], view: undefined }])).toBeNull();
  });
});

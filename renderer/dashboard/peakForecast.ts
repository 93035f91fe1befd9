import type { ForecastView } from '../../shared/contract/forecast.js';
import { calendarMonth } from '../../shared/domain/months.js';

/**
 * The coming peak in one number across regions whose peaks differ: each region's forecast counted
 * over its own peak months only (North's October is off-season there, whatever other regions do),
 * with last year's same months beside it. Null when no region has a forecast for a peak month.
 */
export function peakForecast(
  regions: ReadonlyArray<{ peakMonths: readonly number[]; view: Pick<ForecastView, 'status' | 'forecast'> | undefined }>,
): { agreed: number; lastYear: number } | null {
  let agreed = 0;
  let lastYear = 0;
  let months = 0;
  for (const r of regions) {
    if (!r.view || r.view.status !== 'ok') continue;
    const peak = new Set(r.peakMonths);
    for (const f of r.view.forecast) {
      if (!peak.has(calendarMonth(f.month))) continue;
      agreed += f.agreed;
      lastYear += f.lastYear ?? 0;
      months++;
    }
  }
  return months === 0 ? null : { agreed, lastYear };
}

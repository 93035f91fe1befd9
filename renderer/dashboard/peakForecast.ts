import type { ForecastView } from '../../shared/contract/forecast.js';
import { calendarMonth } from '../../shared/domain/months.js';

/**
 * The coming peak in one number across regions whose peaks differ: each region's forecast counted
 * over its own coming peak's months only (the first run of its peak months in the forecast) (North's October is off-season there, whatever other regions do),
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
    // the first run of peak months in the forecast only: a year's horizon can hold the end of one
    // peak and the start of the next, and the tile speaks of one peak
    let started = false;
    for (const f of [...r.view.forecast].sort((a, b) => a.month.localeCompare(b.month))) {
      const inPeak = peak.has(calendarMonth(f.month));
      if (!inPeak) {
        if (started) break;
        continue;
      }
      started = true;
      agreed += f.agreed;
      lastYear += f.lastYear ?? 0;
      months++;
    }
  }
  return months === 0 ? null : { agreed, lastYear };
}

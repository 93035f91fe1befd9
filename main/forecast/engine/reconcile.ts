import { Z80, Z95 } from './types.js';

export interface SeriesForecast {
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/**
 * Bottom-up reconciliation: a total's forecast is the sum of its series' forecasts, so distributor,
 * brand and region totals always add up. Ranges of a total combine the series' variances (each read
 * back from its 95% range) as if the series were independent: simple, and a known understatement when
 * series move together.
 */
export function sumForecasts(parts: SeriesForecast[], horizon: number): SeriesForecast {
  const out: SeriesForecast = { point: [], lo80: [], hi80: [], lo95: [], hi95: [] };
  for (let h = 0; h < horizon; h++) {
    let point = 0;
    let variance = 0;
    for (const p of parts) {
      point += p.point[h] ?? 0;
      const sd = ((p.hi95[h] ?? 0) - (p.lo95[h] ?? 0)) / (2 * Z95);
      variance += sd * sd;
    }
    const sd = Math.sqrt(variance);
    out.point.push(point);
    out.lo80.push(Math.max(0, point - Z80 * sd));
    out.hi80.push(point + Z80 * sd);
    out.lo95.push(Math.max(0, point - Z95 * sd));
    out.hi95.push(point + Z95 * sd);
  }
  return out;
}

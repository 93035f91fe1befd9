import { Z80, Z95, type ForecastResult } from './types.js';

/**
 * For series too short to learn their own season (a SKU launched this year): the brand's or
 * region's seasonal profile scaled to the series' own recent level.
 */
export function profileForecast(y: ArrayLike<number>, horizon: number, profile: number[], firstMonth: number): ForecastResult {
  const n = y.length;
  const index = (t: number) => {
    const v = profile[(firstMonth - 1 + t) % 12]!;
    return v > 0 ? v : 1e-6;
  };
  const recent = Math.min(n, 12);
  let level = 0;
  for (let t = n - recent; t < n; t++) level += y[t]! / index(t) / recent;
  // relative spread of the deseasonalised months around the level
  let sq = 0;
  for (let t = n - recent; t < n; t++) {
    const r = level > 0 ? y[t]! / index(t) / level - 1 : 0;
    sq += r * r;
  }
  const relSigma = recent > 1 ? Math.sqrt(sq / (recent - 1)) : 0.5;
  const out = { point: [] as number[], lo80: [] as number[], hi80: [] as number[], lo95: [] as number[], hi95: [] as number[] };
  for (let h = 1; h <= horizon; h++) {
    const p = level * index(n - 1 + h);
    // The level itself is uncertain and drifts: the spread widens with the horizon.
    const s = relSigma * Math.sqrt(1 + (h - 1) / 6) * p;
    out.point.push(Math.max(0, p));
    out.lo80.push(Math.max(0, p - Z80 * s));
    out.hi80.push(p + Z80 * s);
    out.lo95.push(Math.max(0, p - Z95 * s));
    out.hi95.push(p + Z95 * s);
  }
  return { method: 'profile', model: 'Seasonal profile × level', params: { level, relSigma }, ...out, aicc: null };
}

/** Calendar-month indices (mean 1) from aggregated history, e.g. a brand's total by month. */
export function seasonalProfile(values: ArrayLike<number>, firstMonth: number): number[] {
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  for (let t = 0; t < values.length; t++) {
    const month = (firstMonth - 1 + t) % 12;
    sums[month] = sums[month]! + values[t]!;
    counts[month] = counts[month]! + 1;
  }
  const means = sums.map((s, i) => (counts[i] ? s / counts[i]! : 0));
  const overall = means.reduce((a, b) => a + b, 0) / 12;
  return means.map((v) => (overall > 0 && v > 0 ? v / overall : 1));
}

import { Z80 } from './types.js';

/**
 * Series that move together (one weather, one festival, one economy) make a total swing more than
 * independent parts would. The average pairwise correlation rho of the series' backtest errors,
 * each standardised by its own root mean square, is read from the spread of their sum: with N
 * standardised series, E[(sum z)^2] = N + N (N - 1) rho.
 */
export function averageCorrelation(errors: ArrayLike<number>[]): number | null {
  const usable = errors.filter((e) => e.length > 0);
  const n = usable.length;
  if (n < 2) return null;
  const slots = usable[0]!.length;
  const sums = new Float64Array(slots);
  let series = 0;
  for (const e of usable) {
    if (e.length !== slots) continue;
    let sq = 0;
    for (let j = 0; j < slots; j++) sq += e[j]! * e[j]!;
    const rms = Math.sqrt(sq / slots);
    if (!(rms > 0)) continue;
    for (let j = 0; j < slots; j++) sums[j] = sums[j]! + e[j]! / rms;
    series++;
  }
  if (series < 2) return null;
  let mean = 0;
  for (let j = 0; j < slots; j++) mean += (sums[j]! * sums[j]!) / slots;
  const rho = (mean - series) / (series * (series - 1));
  return Math.max(0, Math.min(1, rho));
}

/** Standard deviation of a total from its parts' standard deviations under an average correlation rho. */
export function totalSd(sumOfVariances: number, sumOfSds: number, rho: number): number {
  return Math.sqrt(Math.max(0, (1 - rho) * sumOfVariances + rho * sumOfSds * sumOfSds));
}

/**
 * Backtest coverage of a total's 80% range: at every backtest slot (origin, months ahead) the
 * total's error is the sum of the series' errors, and its range is built from the series' spreads
 * at that many months ahead, with and without the correlation.
 */
export function totalCoverage80(
  parts: Array<{ errors: ArrayLike<number>; sdAhead: ArrayLike<number> }>,
  slotAhead: ArrayLike<number>,
  rho: number,
): { correlated: number; independent: number } | null {
  if (parts.length === 0) return null;
  let inCorrelated = 0;
  let inIndependent = 0;
  for (let j = 0; j < slotAhead.length; j++) {
    const h = slotAhead[j]!;
    let error = 0;
    let variance = 0;
    let sds = 0;
    for (const p of parts) {
      error += p.errors[j]!;
      const sd = p.sdAhead[h] ?? 0;
      variance += sd * sd;
      sds += sd;
    }
    if (Math.abs(error) <= Z80 * totalSd(variance, sds, rho)) inCorrelated++;
    if (Math.abs(error) <= Z80 * Math.sqrt(variance)) inIndependent++;
  }
  return { correlated: inCorrelated / slotAhead.length, independent: inIndependent / slotAhead.length };
}

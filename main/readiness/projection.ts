/**
 * Week-by-week stock projection of one distributor x SKU. Pure.
 *
 * Stock is counted at the start of each week; during week w the arrivals of w come in and the demand
 * of w goes out: stock[w+1] = stock[w] + arrivals[w] - demand[w]. Beer that is not on the shelf is a
 * sale lost, not a backorder, so stock never goes below zero.
 */

export function project(onHand: number, arrivals: ArrayLike<number>, demand: ArrayLike<number>, weeks: number): number[] {
  const out = new Array<number>(weeks + 1);
  let stock = onHand;
  for (let w = 0; w < weeks; w++) {
    out[w] = stock;
    stock = Math.max(0, stock + (arrivals[w] ?? 0) - (demand[w] ?? 0));
  }
  out[weeks] = stock;
  return out;
}

/** The same projection written into `out` (length >= weeks + 1), for loops over many cells. */
export function projectInto(
  out: Float64Array,
  onHand: number,
  arrivals: ArrayLike<number>,
  demand: ArrayLike<number>,
  weeks: number,
): Float64Array {
  let stock = onHand;
  for (let w = 0; w < weeks; w++) {
    out[w] = stock;
    stock = Math.max(0, stock + (arrivals[w] ?? 0) - (demand[w] ?? 0));
  }
  out[weeks] = stock;
  return out;
}

/** First week in [from, to) whose demand exceeds the stock and that week's arrivals; null if none. */
export function firstStockout(onHand: number, arrivals: ArrayLike<number>, demand: ArrayLike<number>, to: number, from = 0): number | null {
  let stock = onHand;
  for (let w = 0; w < to; w++) {
    const available = stock + (arrivals[w] ?? 0);
    const need = demand[w] ?? 0;
    if (need > available && w >= from) return w;
    stock = Math.max(0, available - need);
  }
  return null;
}

/** Demand of `days` days starting with week `from` (a partial last week counts pro rata). */
export function coverDemand(demand: ArrayLike<number>, from: number, days: number): number {
  const whole = Math.floor(days / 7);
  let sum = 0;
  for (let w = from; w < from + whole; w++) sum += demand[w] ?? 0;
  const rest = days - whole * 7;
  if (rest > 0) sum += ((demand[from + whole] ?? 0) * rest) / 7;
  return sum;
}

/**
 * Days of cover = stock / average daily forecast demand, the average taken over the `days` days from
 * week `from` (at peak start: the first weeks of the peak, the period the cover is meant for).
 * Null when nothing is forecast to sell then.
 */
export function daysOfCover(stock: number, demand: ArrayLike<number>, from: number, days: number): number | null {
  const daily = coverDemand(demand, from, days) / days;
  return daily > 0 ? stock / daily : null;
}

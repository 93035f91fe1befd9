/**
 * The Spring Festival (Chinese New Year) moves between late January and mid February, and beer
 * shipments in the weeks before it move with it. A fixed monthly season cannot see that: a year
 * whose festival falls on 22 January ships its stock-up in January, one on 17 February in February.
 *
 * The regressor of a month is the share of the pre-festival stock-up window (the WINDOW_DAYS days
 * before the festival) that falls in it, minus that calendar month's average share over the years
 * of the table: the average is what the seasonal model already learns, the deviation is what moves.
 * A series' effect beta scales volume as level x season x (1 + beta x deviation).
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-18',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Days before the festival in which distributors stock up. */
export const WINDOW_DAYS = 28;
const DAY = 86_400_000;
const years = Object.keys(SPRING_FESTIVAL).map(Number);
export const FIRST_YEAR = Math.min(...years);
export const LAST_YEAR = Math.max(...years);

/** Share of a year's stock-up window in each month: key "YYYY-MM" (December of the year before, January, February). */
function windowShares(year: number): Map<string, number> {
  const festival = Date.parse(`${SPRING_FESTIVAL[year]!}T00:00:00Z`);
  const out = new Map<string, number>();
  for (let d = 1; d <= WINDOW_DAYS; d++) {
    const day = new Date(festival - d * DAY);
    const key = `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
    out.set(key, (out.get(key) ?? 0) + 1 / WINDOW_DAYS);
  }
  return out;
}

const shares = new Map<string, number>();
for (const y of years) for (const [k, v] of windowShares(y)) shares.set(k, (shares.get(k) ?? 0) + v);
/** Average share per calendar month (index 0 = January) over the table's years. */
const averageShare = new Array<number>(12).fill(0);
for (const [k, v] of shares) {
  const year = Number(k.slice(0, 4));
  if (year >= FIRST_YEAR && year <= LAST_YEAR - 1) averageShare[Number(k.slice(5, 7)) - 1]! += v / (LAST_YEAR - FIRST_YEAR);
}

/** The regressor for a month "YYYY-MM": 0 outside December-February and outside the table. */
export function springFestivalDeviation(month: string): number {
  const year = Number(month.slice(0, 4));
  const cal = Number(month.slice(5, 7));
  const festivalYear = cal === 12 ? year + 1 : year;
  if (festivalYear < FIRST_YEAR || festivalYear > LAST_YEAR) return 0;
  if (cal !== 12 && cal > 3) return 0;
  return (shares.get(month) ?? 0) - averageShare[cal - 1]!;
}

function monthAt(firstPeriod: string, t: number): string {
  const index = Number(firstPeriod.slice(0, 4)) * 12 + Number(firstPeriod.slice(5, 7)) - 1 + t;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The regressor for `length` months from `firstPeriod` ("YYYY-MM"). */
export function deviations(firstPeriod: string, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let t = 0; t < length; t++) out[t] = springFestivalDeviation(monthAt(firstPeriod, t));
  return out;
}

export interface FestivalEstimate {
  beta: number;
  /** Standard error of beta; Infinity when the history cannot tell. */
  se: number;
  /** Festival seasons that entered the estimate. */
  seasons: number;
}

/**
 * Least-squares estimate of beta from a series: each month's ratio to its centred 12-month moving
 * average, divided by its calendar month's mean ratio, minus one, regressed (through the origin) on
 * the month's deviation. Only December-February months with a moving average take part.
 */
export function estimateFestivalEffect(values: ArrayLike<number>, firstPeriod: string): FestivalEstimate {
  const n = values.length;
  const m = 12;
  const none = { beta: 0, se: Infinity, seasons: 0 };
  if (n < 2 * m + 1) return none;
  const dev = deviations(firstPeriod, n);
  const firstCal = Number(firstPeriod.slice(5, 7)) - 1;
  const ratio = new Float64Array(n).fill(NaN);
  const half = m / 2;
  for (let t = half; t < n - half; t++) {
    let acc = 0.5 * (values[t - half]! + values[t + half]!);
    for (let k = t - half + 1; k < t + half; k++) acc += values[k]!;
    const trend = acc / m;
    if (trend > 0) ratio[t] = values[t]! / trend;
  }
  // A calendar month's mean ratio, with the festival's part taken out: ratio / (1 + beta dev) for the
  // current beta; two passes are enough for the estimate to settle.
  let beta = 0;
  let se = Infinity;
  let seasons = 0;
  for (let pass = 0; pass < 3; pass++) {
    const sums = new Float64Array(m);
    const counts = new Float64Array(m);
    for (let t = 0; t < n; t++) {
      if (!Number.isFinite(ratio[t]!)) continue;
      const c = (firstCal + t) % m;
      sums[c] = sums[c]! + ratio[t]! / Math.max(0.2, 1 + beta * dev[t]!);
      counts[c] = counts[c]! + 1;
    }
    let sxy = 0;
    let sxx = 0;
    const points: Array<[number, number]> = [];
    const festivalYears = new Set<number>();
    for (let t = 0; t < n; t++) {
      const c = (firstCal + t) % m;
      if (!Number.isFinite(ratio[t]!) || dev[t] === 0 || !(sums[c]! > 0)) continue;
      const r = ratio[t]! / (sums[c]! / counts[c]!) - 1;
      points.push([dev[t]!, r]);
      const month = monthAt(firstPeriod, t);
      festivalYears.add(Number(month.slice(0, 4)) + (month.endsWith('-12') ? 1 : 0));
      sxy += dev[t]! * r;
      sxx += dev[t]! * dev[t]!;
    }
    if (sxx <= 0 || points.length < 3) return none;
    beta = sxy / sxx;
    let sse = 0;
    for (const [x, r] of points) sse += (r - beta * x) ** 2;
    se = Math.sqrt(sse / (points.length - 1) / sxx);
    seasons = festivalYears.size;
  }
  return { beta, se, seasons };
}

/**
 * The effect to use for one series: its own where the history supports it (at least three festival
 * seasons and an estimate at least twice its standard error), else the pooled one (brand or region).
 */
export function chooseFestivalEffect(own: FestivalEstimate, pooled: number | undefined): number {
  if (own.seasons >= 3 && Number.isFinite(own.se) && Math.abs(own.beta) >= 2 * own.se) return clampBeta(own.beta);
  return clampBeta(pooled ?? 0);
}

const clampBeta = (b: number) => Math.max(-1.5, Math.min(1.5, b));

/** Multiplier of month t: 1 + beta x deviation, kept positive. */
export function festivalFactor(beta: number, dev: number): number {
  return Math.max(0.2, 1 + beta * dev);
}

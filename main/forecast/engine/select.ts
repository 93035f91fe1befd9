import { autoArima } from './arima-auto.js';
import { arimaForecast, arimaPoint, fitArima, type ArimaOrder } from './arima.js';
import { seasonalNaive, zeroForecast } from './baseline.js';
import { isBreak, latestErrorRatio, widenAfterBreak } from './break.js';
import { latestBias, type CommonShock } from './shock.js';
import { etsPoint } from './ets.js';
import { etsForecast as etsForecastFromFit } from './ets-forecast.js';
import { ADMISSIBLE, fitEts, selectEts } from './fit.js';
import { crostonSba, isIntermittent } from './intermittent.js';
import { profileForecast, seasonalProfile } from './profile.js';
import { quantileSorted } from './random.js';
import { chooseFestivalEffect, deviations, estimateFestivalEffect, festivalFactor } from './spring-festival.js';
import { thetaFit, thetaForecast } from './theta.js';
import type { ForecastOptions, ForecastResult } from './types.js';

/** Below two seasons a series cannot show its own seasonality. */
export const MIN_SEASONAL_LENGTH = 24;
/**
 * Rolling origins of the backtest: 36, 30, ..., 6 months before the end (those leaving two seasons to
 * train on), up to 12 months ahead each. Six origins over three years judge a form on more than one
 * season's luck; fewer, all in the last year, picked seasonal naive too often on the public series.
 */
export const BACKTEST_ORIGINS = 6;
export const BACKTEST_STEP = 6;
/** Backtest error slots per series with every origin: 5 x 12 + 6 (origin, months ahead) pairs. */
export const BACKTEST_SLOTS = 66;

export interface Accuracy {
  /** Mean absolute scaled error against the in-sample seasonal naive method (Hyndman & Koehler 2006). */
  mase: number | null;
  /** Weighted absolute percentage error: sum |error| / sum |actual|. */
  wape: number | null;
  origins: number;
}

export interface SelectedForecast {
  result: ForecastResult;
  /** The chosen method's backtest. */
  accuracy: Accuracy;
  /** Seasonal naive's backtest on the same origins and months. */
  naive: Accuracy;
  /** Backtest errors (actual - forecast) of the chosen method, slot by slot, for the full set of origins; null when incomplete. */
  errors: number[] | null;
  /** Spring Festival effect used (0: none). */
  festival: number;
  /** Backtest MASE of every candidate tried, for the record. */
  candidates: Record<string, number | null>;
  /** The chosen model's mean signed scaled error over the latest backtest origin (shock.ts); null without one. */
  latestBias: number | null;
  /** The chosen model's latest-to-usual backtest error ratio (break.ts); 0 without a basis. */
  latestRatio: number;
}

export type ForecastSelectOptions = ForecastOptions & {
  /** "YYYY-MM" of values[0]: needed for the Spring Festival regressor (omitted: no festival effect). */
  firstPeriod?: string;
  /** Pooled (brand or region) Spring Festival effect, used when the series' own history cannot tell. */
  festivalEffect?: number;
  /** Restricts the candidates (benchmarks and tests); seasonal naive always stays as the floor. */
  methods?: string[];
  /**
   * The series forecast together show a common shock (shock.ts): this one is treated as at a break,
   * hedged with the airline model, and its ranges widened to at least the group's scale.
   */
  commonShock?: CommonShock;
};

interface Candidate {
  /** Point forecasts from a training prefix, on the series' own (festival-adjusted) scale. */
  points(train: Float64Array, horizon: number): number[] | null;
  /** The full forecast with ranges. */
  full(): ForecastResult | null;
}

/**
 * The combination: the mean of the members' forecasts; its range spans every member's range (the
 * lowest lower bound, the highest upper bound). The mean of the bounds, the usual shortcut, is
 * narrower than the members' pooled spread whenever they disagree, and disagreement is itself a
 * sign of uncertainty: on the public sets the mean of bounds covered 58.5% (80% ranges) against
 * 60.5% this way, with the same points.
 */
function combine(parts: ForecastResult[], model: string): ForecastResult {
  const mean = (key: 'point') => parts[0]![key].map((_, h) => parts.reduce((s, p) => s + p[key][h]!, 0) / parts.length);
  const low = (key: 'lo80' | 'lo95') => parts[0]![key].map((_, h) => Math.min(...parts.map((p) => p[key][h]!)));
  const high = (key: 'hi80' | 'hi95') => parts[0]![key].map((_, h) => Math.max(...parts.map((p) => p[key][h]!)));
  return {
    method: 'combination',
    model,
    params: {},
    point: mean('point'),
    lo80: low('lo80'),
    hi80: high('hi80'),
    lo95: low('lo95'),
    hi95: high('hi95'),
    aicc: null,
  };
}

/** Seasonal indices for the profile candidate: the series' own last three years, pooled with the brand's. */
function pooledProfile(y: Float64Array, firstMonth: number, pooled: number[] | undefined): number[] {
  const from = Math.max(0, y.length - 36);
  const own = seasonalProfile(y.subarray(from), ((firstMonth - 1 + from) % 12) + 1);
  if (!pooled) return own;
  // Years of own history weigh against one year's worth of the brand's pattern: a short or noisy
  // series leans on the brand, a long steady one on itself.
  const years = Math.min(3, (y.length - from) / 12);
  const w = years / (years + 1);
  return own.map((v, i) => w * v + (1 - w) * pooled[i]!);
}

/**
 * Keeps a forecast's ranges well formed after arithmetic on them: ordered around the point, never
 * below zero, never narrowing with the horizon.
 */
export function tidyRanges(r: ForecastResult): ForecastResult {
  let w80 = 0;
  let w95 = 0;
  for (let h = 0; h < r.point.length; h++) {
    const p = Math.max(0, r.point[h]!);
    r.point[h] = p;
    const l80 = Math.max(0, Math.min(r.lo80[h]!, p));
    let u80 = Math.max(r.hi80[h]!, p, l80 + w80);
    const l95 = Math.max(0, Math.min(r.lo95[h]!, l80));
    let u95 = Math.max(r.hi95[h]!, u80, l95 + w95);
    if (u80 - l80 < w80) u80 = l80 + w80;
    if (u95 - l95 < w95) u95 = l95 + w95;
    w80 = u80 - l80;
    w95 = u95 - l95;
    r.lo80[h] = l80;
    r.hi80[h] = u80;
    r.lo95[h] = l95;
    r.hi95[h] = u95;
  }
  return r;
}

/**
 * Months ahead grouped for calibrating ranges: errors grow with the horizon at a rate the model's
 * own spread may not share, so each group is widened by its own backtest errors. Three groups keep
 * 18-30 backtest errors each (6 origins x 3 months, then 5-6 origins x 6 months).
 */
export const CALIBRATION_GROUPS: ReadonlyArray<readonly [number, number]> = [
  [0, 2],
  [3, 5],
  [6, 11],
];

/**
 * The model's own ranges assume it is the true model; the backtest says how far off it really was.
 * An empirical prediction interval (Williams & Goodman 1971; Lee & Scholtes 2014), per group of
 * months ahead: where the backtest errors of those months exceed the 80% half-width more often than
 * one time in five, the ranges of those months are widened around the point until they would have
 * held four times in five (never narrowed: a few backtest months are too few to trust a narrower
 * range; at most threefold). The 95% range is widened by the same factor.
 */
export function calibrateRanges(r: ForecastResult, score: Pick<OriginScore, 'errors' | 'aheads'>, q: number): void {
  if (q <= 0 || score.errors.length < 12 || r.method === 'zero' || r.method === 'croston_sba') return;
  const last = r.point.length - 1;
  for (const [from, to] of CALIBRATION_GROUPS) {
    if (from > last) break;
    const ratios: number[] = [];
    for (let j = 0; j < score.errors.length; j++) {
      const ahead = score.aheads[j]!;
      if (ahead < from || ahead > to) continue;
      const h = Math.min(ahead, last);
      const half = (r.hi80[h]! - r.lo80[h]!) / 2;
      const e = Math.abs(score.errors[j]!);
      ratios.push(half > 0 ? e / half : e > 0 ? Infinity : 0);
    }
    // A group with fewer errors than one per origin cannot say much on its own: leave it as it is.
    if (ratios.length < 6) continue;
    const k = Math.min(3, quantileSorted(Float64Array.from(ratios).sort(), q));
    if (!(k > 1)) continue;
    for (let h = from; h <= Math.min(to, last); h++) {
      const p = r.point[h]!;
      r.lo80[h] = p - k * (p - r.lo80[h]!);
      r.hi80[h] = p + k * (r.hi80[h]! - p);
      r.lo95[h] = p - k * (p - r.lo95[h]!);
      r.hi95[h] = p + k * (r.hi95[h]! - p);
    }
  }
}

/** Scores point forecasts from rolling origins against the actuals, as MASE and WAPE. */
export class OriginScore {
  absError = 0;
  absActual = 0;
  scaled = 0;
  count = 0;
  origins = 0;
  errors: number[] = [];
  /** Months ahead (0-based) of each error. */
  aheads: number[] = [];
  /** The actual value and the MASE scale of each error's slot (to score a weighted mean of candidates). */
  actuals: number[] = [];
  scales: number[] = [];
  add(actual: ArrayLike<number>, points: number[], scale: number): void {
    for (let i = 0; i < points.length; i++) {
      const e = actual[i]! - points[i]!;
      this.errors.push(e);
      this.aheads.push(i);
      this.actuals.push(actual[i]!);
      this.scales.push(scale);
      this.absError += Math.abs(e);
      this.absActual += Math.abs(actual[i]!);
      if (scale > 0) {
        this.scaled += Math.abs(e) / scale;
        this.count++;
      }
    }
    this.origins++;
  }
  accuracy(): Accuracy {
    return {
      mase: this.count ? this.scaled / this.count : null,
      wape: this.absActual > 0 ? this.absError / this.absActual : null,
      origins: this.origins,
    };
  }
  /** For choosing: MASE where it exists, else the absolute error (a series of zeros in training). */
  loss(): number {
    return this.count ? this.scaled / this.count : this.absError;
  }
}

/**
 * The automatic forecast of one monthly volume series, chosen on the rolling-origin backtest:
 * every candidate form (seasonal naive, the seasonal profile pooled with the brand's, ETS selected
 * by AICc, Theta, a seasonal ARIMA, and combinations such as the mean of ETS, Theta and ARIMA;
 * Croston-SBA for intermittent demand) is
 * refitted before each origin and scored on the months that followed; the lowest error wins, and a
 * model that backtests worse than seasonal naive is never kept. A Spring Festival effect is taken
 * out before fitting and put back into the forecast when the series' months are known.
 */
export function selectForecast(values: ArrayLike<number>, options: ForecastSelectOptions): SelectedForecast {
  const m = options.period ?? 12;
  const horizon = options.horizon;
  const raw = Float64Array.from(values as ArrayLike<number>);
  const n = raw.length;
  const firstMonth = options.firstMonth ?? (options.firstPeriod ? Number(options.firstPeriod.slice(5, 7)) : 1);
  let total = 0;
  for (let t = 0; t < n; t++) total += raw[t]!;
  const emptyAccuracy: Accuracy = { mase: null, wape: null, origins: 0 };
  if (n === 0 || total === 0)
    return {
      result: zeroForecast(horizon),
      accuracy: emptyAccuracy,
      naive: emptyAccuracy,
      errors: null,
      festival: 0,
      candidates: {},
      latestBias: null,
      latestRatio: 0,
    };

  // Spring Festival: own effect where the history shows it, else the pooled one.
  let festival = 0;
  let dev: Float64Array | null = null;
  if (options.firstPeriod) {
    dev = deviations(options.firstPeriod, n + horizon);
    festival =
      n >= MIN_SEASONAL_LENGTH ? chooseFestivalEffect(estimateFestivalEffect(raw, options.firstPeriod), options.festivalEffect) : 0;
    if (n < MIN_SEASONAL_LENGTH) festival = options.festivalEffect ?? 0;
  }
  const factor = (t: number) => (festival !== 0 && dev ? festivalFactor(festival, dev[t]!) : 1);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) y[t] = raw[t]! / factor(t);

  // Members' points for the current origin, shared by the combinations that use them.
  let memoOrigin = -1;
  const memo = new Map<string, number[] | null>();
  const memoPoints = (name: string, c: Candidate, train: Float64Array, h: number): number[] | null => {
    if (memoOrigin !== train.length) {
      memo.clear();
      memoOrigin = train.length;
    }
    if (!memo.has(name)) memo.set(name, c.points(train, h));
    return memo.get(name)!;
  };
  const intermittent = isIntermittent(raw);
  const candidates = new Map<string, Candidate>();
  /** Single forms that may be pooled into the backtest-weighted combination. */
  const pool = new Map<string, Candidate>();
  if (intermittent) {
    candidates.set('croston_sba', { points: (train, h) => crostonSba(train, h).point, full: () => crostonSba(y, horizon) });
  } else if (n < MIN_SEASONAL_LENGTH) {
    if (options.profile && n >= 3) {
      const profile = options.profile;
      candidates.set('profile', {
        points: (train, h) => profileForecast(train, h, profile, firstMonth).point,
        full: () => profileForecast(y, horizon, profile, firstMonth),
      });
    } else if (n >= 6) {
      const nonSeasonal = ADMISSIBLE.filter((s) => s.season === 'N');
      const fit = selectEts(y, m, nonSeasonal);
      if (fit)
        candidates.set('ets', {
          points: (train, h) => {
            const f = fitEts(train, fit.spec, m, new Float64Array(m));
            return f ? etsPoint(f.spec, f.params, f.final, h, m) : null;
          },
          full: () => etsForecastFromFit(fit, horizon, m, options.seed),
        });
    }
  } else {
    const fit = selectEts(y, m);
    const base = new Map<string, Candidate>();
    // ARIMA's order is chosen once on the whole series (as ETS's form is), then refitted at each
    // origin; it must be fittable from the shortest training prefix the backtest uses.
    const arima =
      options.methods && !options.methods.some((k) => k.includes('arima')) ? null : autoArima(y, m, { minLength: firstOrigin(n, m) });
    if (arima) {
      const order = arima.order;
      base.set('arima', {
        points: (train, h) => {
          const f = fitArima(train, order, m);
          return f ? arimaPoint(f, h).point : null;
        },
        full: () => arimaForecast(arima, horizon),
      });
    }
    if (fit) {
      const spec = fit.spec;
      base.set('ets', {
        points: (train, h) => {
          const f = fitEts(train, spec, m, new Float64Array(m));
          return f ? etsPoint(f.spec, f.params, f.final, h, m) : null;
        },
        full: () => etsForecastFromFit(fit, horizon, m, options.seed),
      });
    }
    base.set('theta', { points: (train, h) => thetaFit(train, h, m)?.point ?? null, full: () => thetaForecast(y, horizon, m) });
    base.set('profile', {
      points: (train, h) => profileForecast(train, h, pooledProfile(train, firstMonth, options.profile), firstMonth).point,
      full: () => {
        const r = profileForecast(y, horizon, pooledProfile(y, firstMonth, options.profile), firstMonth);
        return { ...r, model: options.profile ? 'Seasonal profile (own and brand) × level' : 'Seasonal profile × level' };
      },
    });
    if (options.commonShock)
      base.set('airline', {
        points: (train, h) => {
          const f = fitArima(train, AIRLINE, m);
          return f ? arimaPoint(f, h).point : null;
        },
        full: () => {
          const f = fitArima(y, AIRLINE, m);
          return f ? arimaForecast(f, horizon) : null;
        },
      });
    base.set('naive_member', { points: (train, h) => seasonalNaive(train, h, m).point, full: () => seasonalNaive(y, horizon, m) });
    for (const [name, c] of base) if (name !== 'naive_member' && name !== 'airline') candidates.set(name, c);
    for (const name of ['ets', 'theta', 'arima', 'profile']) if (base.has(name)) pool.set(name, base.get(name)!);
    // Combinations: the mean of the members' forecasts (and of their range bounds). Members' points
    // are computed once per origin and shared (see memo below).
    const combos: Array<[string, string[], string]> = [
      ['combination', ['ets', 'theta'], 'Mean of ETS and Theta'],
      ['combination_arima', ['ets', 'theta', 'arima'], 'Mean of ETS, Theta and ARIMA'],
      ['combination_naive', ['ets', 'theta', 'naive_member'], 'Mean of ETS, Theta and last season'],
      ['combination_profile', ['ets', 'theta', 'profile'], 'Mean of ETS, Theta and the seasonal profile'],
    ];
    // After a common shock (shock.ts), half the airline model (the level where the latest months
    // left it) and half the mean of ETS, Theta and ARIMA (the move carried on): nobody can tell
    // yet whether the market keeps moving, so the forecast hedges and its range spans both (the
    // airline model listed three times beside the three others once: half the weight).
    if (options.commonShock)
      combos.push([
        'combination_shock',
        ['airline', 'airline', 'airline', 'ets', 'theta', 'arima'],
        'After a common shock: the airline model and the mean of ETS, Theta and ARIMA',
      ]);
    for (const [name, members, label] of combos) {
      if (!members.every((k) => base.has(k))) continue;
      candidates.set(name, {
        points: (train, h) => {
          const parts = members.map((k) => memoPoints(k, base.get(k)!, train, h));
          if (parts.some((p) => !p)) return null;
          return parts[0]!.map((_, i) => parts.reduce((a, p) => a + p![i]!, 0) / parts.length);
        },
        full: () => {
          const parts = members.map((k) => base.get(k)!.full());
          return parts.every((p) => p) ? combine(parts as ForecastResult[], label) : null;
        },
      });
    }
  }
  if (options.methods) for (const name of [...candidates.keys()]) if (!options.methods.includes(name)) candidates.delete(name);
  // Rolling-origin backtest of seasonal naive and every candidate on the same origins.
  const naiveScore = new OriginScore();
  const scores = new Map<string, OriginScore | null>([...candidates.keys()].map((k) => [k, new OriginScore()]));
  for (let k = BACKTEST_ORIGINS; k >= 1; k--) {
    const origin = n - k * BACKTEST_STEP;
    if (origin < minimumOrigin(n, m)) continue;
    const h = Math.min(horizon, n - origin);
    const actual = raw.subarray(origin, origin + h);
    const lag = origin > m ? m : 1;
    let scale = 0;
    for (let t = lag; t < origin; t++) scale += Math.abs(raw[t]! - raw[t - lag]!);
    scale /= Math.max(1, origin - lag);
    naiveScore.add(actual, seasonalNaive(raw.subarray(0, origin), h, m).point, scale);
    const train = y.subarray(0, origin);
    for (const [name, c] of candidates) {
      const score = scores.get(name);
      if (!score) continue;
      const p = memoPoints(name, c, train, h);
      // A candidate that cannot forecast from every origin cannot be compared: it drops out.
      if (!p || p.some((v) => !Number.isFinite(v))) {
        scores.set(name, null);
        continue;
      }
      score.add(
        actual,
        p.map((v, i) => Math.max(0, v) * factor(origin + i)),
        scale,
      );
    }
  }

  // The mean of the single forms that beat seasonal naive on the backtest (a trimmed combination:
  // a form that cannot beat last season is left out rather than diluting the others). Its backtest
  // is the mean of its members' errors, so it needs no fits of its own, and it then competes with
  // the other candidates on the same origins.
  if (naiveScore.origins > 0 && (!options.methods || options.methods.includes('combination_trimmed'))) {
    const members = [...pool.keys()].filter((k) => {
      const score = scores.get(k);
      return score && score.loss() < naiveScore.loss();
    });
    if (members.length >= 2) {
      const parts = members.map((k) => scores.get(k)!);
      const label = `Mean of the forms that beat last season (${members.map((k) => FORM_LABEL[k]).join(', ')})`;
      candidates.set('combination_trimmed', {
        points: () => null,
        full: () => {
          const fulls = members.map((k) => pool.get(k)!.full());
          return fulls.every((f) => f) ? combine(fulls as ForecastResult[], label) : null;
        },
      });
      scores.set('combination_trimmed', meanScore(parts));
    }
  }
  let bestName = 'seasonal_naive';
  let bestLoss = naiveScore.origins > 0 ? naiveScore.loss() : Infinity;
  let bestScore = naiveScore;
  const record: Record<string, number | null> = { seasonal_naive: naiveScore.accuracy().mase };
  for (const [name, score] of scores) {
    record[name] = score ? score.accuracy().mase : null;
    if (!score) continue;
    // With no origin to test on (a very short series), the data-driven method stands as chosen.
    const loss = naiveScore.origins > 0 ? score.loss() : 0;
    if (loss < bestLoss) {
      bestName = name;
      bestLoss = loss;
      bestScore = score;
    }
  }
  // A break (break.ts): over the latest backtest origin the chosen model missed every month on
  // the same side, by at least twice its usual error. A ranking earned on the years before the
  // break says little about the months after it, so the choice falls back to the mean of ETS,
  // Theta and ARIMA, a combination that needs no ranking and holds up across kinds of series (the
  // M4 competition's lesson, Makridakis et al. 2020), unless it backtests worse than seasonal naive
  // (never kept, as every candidate). A common shock (shock.ts) is a break in every series of its
  // group, and the fallback then gives half its weight to the airline model: differenced in both
  // the level and the season, it follows a level that moved instead of pulling it back toward the
  // years before (a forecast robust to location shifts, in Castle, Clements & Hendry's sense).
  const chosenBias = naiveScore.origins > 0 ? latestBias(bestScore) : null;
  const chosenRatio = naiveScore.origins > 0 ? latestErrorRatio(bestScore) : 0;
  const broke = naiveScore.origins > 0 && (options.commonShock !== undefined || isBreak(bestScore));
  const fallback = scores.get('combination_arima');
  const shock = scores.get('combination_shock');
  if (broke && shock && shock.loss() < naiveScore.loss()) {
    bestName = 'combination_shock';
    bestScore = shock;
  } else if (broke && fallback && fallback.loss() < naiveScore.loss()) {
    bestName = 'combination_arima';
    bestScore = fallback;
  }
  let result: ForecastResult | null = bestName === 'seasonal_naive' ? null : candidates.get(bestName)!.full();
  if (!result) {
    bestScore = naiveScore;
    result = seasonalNaive(raw, horizon, m);
  } else if (festival !== 0) {
    for (let h = 0; h < horizon; h++) {
      const f = factor(n + h);
      result.point[h] = result.point[h]! * f;
      result.lo80[h] = result.lo80[h]! * f;
      result.hi80[h] = result.hi80[h]! * f;
      result.lo95[h] = result.lo95[h]! * f;
      result.hi95[h] = result.hi95[h]! * f;
    }
    result.params = { ...result.params, springFestival: festival };
  }
  calibrateRanges(result, bestScore, 0.8);
  // After a break the errors run at a new scale: widen by the kept model's latest-to-usual ratio.
  if (broke && result.method !== 'zero' && result.method !== 'croston_sba') {
    // At a common shock a series that has moved less so far is as exposed as the rest of its group.
    const ratio = Math.max(latestErrorRatio(bestScore), options.commonShock?.ratio ?? 0);
    if (widenAfterBreak(result, ratio) > 1) result.params = { ...result.params, breakRatio: Math.round(ratio * 100) / 100 };
    if (options.commonShock) result.params = { ...result.params, commonShock: 1 };
  }
  tidyRanges(result);
  const complete = bestScore.errors.length === BACKTEST_SLOTS;
  return {
    result,
    accuracy: bestScore.origins ? bestScore.accuracy() : emptyAccuracy,
    naive: naiveScore.origins ? naiveScore.accuracy() : emptyAccuracy,
    errors: complete ? bestScore.errors : null,
    festival,
    candidates: record,
    latestBias: chosenBias,
    latestRatio: chosenRatio,
  };
}

/** The airline model (Box & Jenkins): a level and a season that both follow the latest months. */
const AIRLINE: ArimaOrder = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, mean: false };

const FORM_LABEL: Record<string, string> = { ets: 'ETS', theta: 'Theta', arima: 'ARIMA', profile: 'the seasonal profile' };

/**
 * The backtest of the mean of several candidates scored on the same origins: the mean forecast's
 * error in each slot is the mean of their errors.
 */
export function meanScore(parts: OriginScore[]): OriginScore {
  const out = new OriginScore();
  const first = parts[0]!;
  for (let j = 0; j < first.errors.length; j++) {
    let e = 0;
    for (const p of parts) e += p.errors[j]! / parts.length;
    const a = first.actuals[j]!;
    const scale = first.scales[j]!;
    out.errors.push(e);
    out.aheads.push(first.aheads[j]!);
    out.actuals.push(a);
    out.scales.push(scale);
    out.absError += Math.abs(e);
    out.absActual += Math.abs(a);
    if (scale > 0) {
      out.scaled += Math.abs(e) / scale;
      out.count++;
    }
  }
  out.origins = first.origins;
  return out;
}

/** Seasonal forms need two seasons to train on: origins before that would judge them unfairly. */
const minimumOrigin = (n: number, m: number) => (n >= 3 * m ? 2 * m : Math.max(m + 1, 6));

/** The earliest origin the backtest uses (the shortest training prefix a candidate must fit). */
function firstOrigin(n: number, m: number): number {
  for (let k = BACKTEST_ORIGINS; k >= 1; k--) if (n - k * BACKTEST_STEP >= minimumOrigin(n, m)) return n - k * BACKTEST_STEP;
  return n;
}

/** Months ahead (0-based) of each backtest slot, in the order of SelectedForecast.errors. */
export function backtestSlotAhead(horizon = 12): number[] {
  const out: number[] = [];
  for (let k = BACKTEST_ORIGINS; k >= 1; k--) for (let i = 0; i < Math.min(horizon, k * BACKTEST_STEP); i++) out.push(i);
  return out;
}

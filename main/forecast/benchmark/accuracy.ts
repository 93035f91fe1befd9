import { readFileSync } from 'node:fs';
import { seasonalNaive } from '../engine/baseline.js';
import { selectForecast } from '../engine/select.js';
import { commonShocks } from '../engine/shock.js';
import type { ForecastResult } from '../engine/types.js';

interface Origin {
  origin: number;
  model: string;
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}
interface BenchSeries {
  name: string;
  start: string;
  values: number[];
  r_ets: Origin[];
  r_arima?: Origin[];
  r_theta?: Origin[];
}

export interface MethodScore {
  method: string;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
}

export interface AccuracyFigures {
  set: string;
  series: number;
  forecasts: number;
  horizon: number;
  methods: MethodScore[];
  /** (seasonal naive MASE - ours) / seasonal naive MASE */
  maseImprovementOverNaive: number;
  /** (R ets() MASE - ours) / R ets() MASE; goal at least 0.05 */
  maseImprovementOverEts: number;
  /** (mean of R's ets, auto.arima and thetaf forecasts' MASE - ours) / the same; goal above 0 */
  maseImprovementOverRCombination: number | null;
}

type Bounds = Pick<ForecastResult, 'point' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>;

class Scorer {
  private mase = 0;
  private smape = 0;
  private in80 = 0;
  private in95 = 0;
  private points = 0;
  private forecasts = 0;
  constructor(readonly method: string) {}
  add(actual: number[], f: Bounds, scale: number): void {
    let abs = 0;
    for (let i = 0; i < actual.length; i++) {
      const a = actual[i]!;
      const p = f.point[i]!;
      abs += Math.abs(a - p);
      this.smape += (2 * Math.abs(a - p)) / (Math.abs(a) + Math.abs(p) || 1);
      if (a >= f.lo80[i]! && a <= f.hi80[i]!) this.in80++;
      if (a >= f.lo95[i]! && a <= f.hi95[i]!) this.in95++;
      this.points++;
    }
    this.mase += abs / actual.length / scale;
    this.forecasts++;
  }
  get used(): boolean {
    return this.forecasts > 0;
  }
  score(): MethodScore {
    const r = (v: number) => Math.round(v * 1000) / 1000;
    return {
      method: this.method,
      mase: r(this.mase / this.forecasts),
      smape: r((this.smape / this.points) * 100),
      coverage80: r((this.in80 / this.points) * 100),
      coverage95: r((this.in95 / this.points) * 100),
    };
  }
}

/** The mean of forecasts and of their range bounds (the combination benchmark). */
function meanOf(parts: Bounds[]): Bounds {
  const mean = (key: keyof Bounds) => parts[0]![key].map((_, h) => parts.reduce((s, p) => s + p[key][h]!, 0) / parts.length);
  return { point: mean('point'), lo80: mean('lo80'), hi80: mean('hi80'), lo95: mean('lo95'), hi95: mean('hi95') };
}

/** The public sets shipped in resources/forecast-benchmark (see the README there). */
export const BENCHMARK_SETS = [
  { name: "R's datasets and forecast packages (15 series)", file: 'series.json' },
  { name: 'US unemployment by industry 2000-2010, BLS via vega-datasets (14 series)', file: 'us-unemployment.json' },
  // Added after the common-shock rule as a check it had not seen (the goals are on the two above).
  { name: 'US employment by sector 2006-2015, seasonally adjusted, BLS via vega-datasets (22 series)', file: 'us-employment.json' },
] as const;

/**
 * Accuracy on real public monthly series: our automatic method, the seasonal naive baseline, and R's
 * automatic ets(), auto.arima() and thetaf() (and the mean of the three) from the same three
 * forecast origins per series, 12 months ahead each.
 */
export function runForecastAccuracyBench(
  file: URL = new URL('../../../resources/forecast-benchmark/series.json', import.meta.url),
  set: string = BENCHMARK_SETS[0].name,
): AccuracyFigures {
  const data = JSON.parse(readFileSync(file, 'utf8')) as BenchSeries[];
  const ours = new Scorer('this planner (automatic)');
  const naive = new Scorer('seasonal naive');
  const ets = new Scorer('R forecast::ets()');
  const arima = new Scorer('R forecast::auto.arima()');
  const theta = new Scorer('R forecast::thetaf()');
  const combination = new Scorer('mean of R ets, auto.arima and thetaf');
  let horizon = 12;
  let forecasts = 0;
  // Series whose forecasts start in the same month are forecast together, as a region's are in the
  // app: a shock common to most of them (shock.ts) is read from their first forecasts, made from the
  // months before the origin only, and then the series of that month are forecast again knowing it.
  const firsts = new Map<string, ReturnType<typeof selectForecast>>();
  const byMonth = new Map<number, string[]>();
  const key = (s: BenchSeries, origin: number) => `${s.name}@${origin}`;
  const monthOf = (s: BenchSeries, origin: number) => {
    const [y, m] = s.start.split('-').map(Number);
    return y! * 12 + m! - 1 + origin;
  };
  for (const s of data)
    for (const o of s.r_ets) {
      const f = selectForecast(s.values.slice(0, o.origin), { horizon: o.point.length, seed: 7 });
      firsts.set(key(s, o.origin), f);
      const month = monthOf(s, o.origin);
      byMonth.set(month, [...(byMonth.get(month) ?? []), key(s, o.origin)]);
    }
  const shocked = commonShocks(new Map([...byMonth].map(([month, keys]) => [month, keys.map((k) => firsts.get(k)!)])));
  for (const s of data) {
    s.r_ets.forEach((o, k) => {
      const train = s.values.slice(0, o.origin);
      const actual = s.values.slice(o.origin, o.origin + o.point.length);
      horizon = actual.length;
      forecasts++;
      // MASE scale: in-sample mean absolute error of the seasonal naive method
      let scale = 0;
      for (let t = 12; t < train.length; t++) scale += Math.abs(train[t]! - train[t - 12]!);
      scale /= train.length - 12;
      const shock = shocked.get(monthOf(s, o.origin));
      const f = shock ? selectForecast(train, { horizon: actual.length, seed: 7, commonShock: shock }) : firsts.get(key(s, o.origin))!;
      ours.add(actual, f.result, scale);
      naive.add(actual, seasonalNaive(train, actual.length), scale);
      ets.add(actual, o, scale);
      const a = s.r_arima?.[k];
      const t = s.r_theta?.[k];
      if (a) arima.add(actual, a, scale);
      if (t) theta.add(actual, t, scale);
      if (a && t) combination.add(actual, meanOf([o, a, t]), scale);
    });
  }
  const methods = [ours, naive, ets, arima, theta, combination].filter((m) => m.used).map((m) => m.score());
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const mase = (name: string) => methods.find((m) => m.method === name)?.mase ?? null;
  const our = methods[0]!.mase;
  const comb = mase(combination.method);
  return {
    set,
    series: data.length,
    forecasts,
    horizon,
    methods,
    maseImprovementOverNaive: r((methods[1]!.mase - our) / methods[1]!.mase),
    maseImprovementOverEts: r((mase(ets.method)! - our) / mase(ets.method)!),
    maseImprovementOverRCombination: comb === null ? null : r((comb - our) / comb),
  };
}

export function printAccuracy(f: AccuracyFigures): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `Accuracy on ${f.set}: ${f.forecasts} forecasts of ${f.horizon} months (three origins each)`,
    '',
    '| method | mean MASE | sMAPE % | 80% coverage | 95% coverage |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...f.methods.map((m) => `| ${m.method} | ${m.mase} | ${m.smape} | ${m.coverage80}% | ${m.coverage95}% |`),
    '',
    `MASE ${pct(f.maseImprovementOverNaive)} lower than seasonal naive, ${pct(f.maseImprovementOverEts)} lower than R ets() (goal: at least 5%)` +
      (f.maseImprovementOverRCombination === null
        ? '.'
        : `, ${pct(f.maseImprovementOverRCombination)} lower than the mean of R's ets, auto.arima and thetaf (goal: above 0).`),
  ];
  return lines.join('\n');
}

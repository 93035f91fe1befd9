import { readFileSync } from 'node:fs';
import { seasonalNaive } from '../engine/baseline.js';
import { forecastSeries } from '../engine/forecast.js';
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
}

export interface MethodScore {
  method: string;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
}

export interface AccuracyFigures {
  series: number;
  forecasts: number;
  horizon: number;
  methods: MethodScore[];
  /** (seasonal naive MASE - ours) / seasonal naive MASE */
  maseImprovementOverNaive: number;
}

class Scorer {
  private mase = 0;
  private smape = 0;
  private in80 = 0;
  private in95 = 0;
  private points = 0;
  private forecasts = 0;
  constructor(readonly method: string) {}
  add(actual: number[], f: Pick<ForecastResult, 'point' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>, scale: number): void {
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

/**
 * Accuracy on real public monthly series (R's datasets and forecast packages; see the README beside
 * the data): our automatic method, the seasonal naive baseline, and R's automatic ets() from the
 * same three forecast origins per series, 12 months ahead each.
 */
export function runForecastAccuracyBench(
  file = new URL('../../../resources/forecast-benchmark/series.json', import.meta.url),
): AccuracyFigures {
  const data = JSON.parse(readFileSync(file, 'utf8')) as BenchSeries[];
  const ours = new Scorer('ours (automatic)');
  const naive = new Scorer('seasonal naive');
  const r = new Scorer('R forecast::ets()');
  let horizon = 12;
  for (const s of data) {
    for (const o of s.r_ets) {
      const train = s.values.slice(0, o.origin);
      const actual = s.values.slice(o.origin, o.origin + o.point.length);
      horizon = actual.length;
      // MASE scale: in-sample mean absolute error of the seasonal naive method
      let scale = 0;
      for (let t = 12; t < train.length; t++) scale += Math.abs(train[t]! - train[t - 12]!);
      scale /= train.length - 12;
      ours.add(actual, forecastSeries(train, { horizon: actual.length, seed: 7 }), scale);
      naive.add(actual, seasonalNaive(train, actual.length), scale);
      r.add(actual, o, scale);
    }
  }
  const methods = [ours.score(), naive.score(), r.score()];
  return {
    series: data.length,
    forecasts: data.length * 3,
    horizon,
    methods,
    maseImprovementOverNaive: Math.round(((methods[1]!.mase - methods[0]!.mase) / methods[1]!.mase) * 1000) / 1000,
  };
}

export function printAccuracy(f: AccuracyFigures): string {
  const lines = [
    `Accuracy on ${f.series} public monthly series, ${f.forecasts} forecasts of ${f.horizon} months (three origins each)`,
    '',
    '| method | mean MASE | sMAPE % | 80% coverage | 95% coverage |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...f.methods.map((m) => `| ${m.method} | ${m.mase} | ${m.smape} | ${m.coverage80}% | ${m.coverage95}% |`),
    '',
    `MASE ${(f.maseImprovementOverNaive * 100).toFixed(1)}% lower than seasonal naive.`,
  ];
  return lines.join('\n');
}

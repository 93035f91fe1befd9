import { describeForecast } from './engine/forecast.js';
import { selectForecast } from './engine/select.js';
import type { CommonShock } from './engine/shock.js';

export interface ComputeItem {
  values: number[];
  /** Calendar month (1-12) of values[0]. */
  firstMonth: number;
  /** "YYYY-MM" of values[0], for the Spring Festival regressor. */
  firstPeriod?: string;
  profile: number[] | null;
  /** The brand's (or region's) Spring Festival effect, for series whose own history cannot tell. */
  festivalEffect?: number;
  /** The series' region shows a common shock (engine/shock.ts), read from a first pass over its series. */
  commonShock?: CommonShock;
}

export interface ComputeRequest {
  items: ComputeItem[];
  horizon: number;
}

export interface ComputeResult {
  method: string;
  model: string;
  description: string;
  params: Record<string, number>;
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  mase: number | null;
  wape: number | null;
  /** Seasonal naive's backtest on the same origins. */
  naiveMase: number | null;
  naiveWape: number | null;
  /** Backtest errors slot by slot (for the correlation between series); null when incomplete. */
  errors: number[] | null;
  /** The chosen model's latest backtest bias and latest-to-usual error ratio, to find a common shock. */
  latestBias: number | null;
  latestRatio: number;
}

/** Forecast and backtest a batch of series; pure, so it runs the same in a thread or inline. */
export function computeBatch(request: ComputeRequest): ComputeResult[] {
  return request.items.map((item, i) => {
    const s = selectForecast(item.values, {
      horizon: request.horizon,
      firstMonth: item.firstMonth,
      ...(item.firstPeriod ? { firstPeriod: item.firstPeriod } : {}),
      ...(item.profile ? { profile: item.profile } : {}),
      ...(item.festivalEffect !== undefined ? { festivalEffect: item.festivalEffect } : {}),
      ...(item.commonShock ? { commonShock: item.commonShock } : {}),
      seed: 1000 + i,
    });
    const f = s.result;
    return {
      method: f.method,
      model: f.model,
      description: describeForecast(f),
      params: f.params,
      point: f.point,
      lo80: f.lo80,
      hi80: f.hi80,
      lo95: f.lo95,
      hi95: f.hi95,
      mase: s.accuracy.mase,
      wape: s.accuracy.wape,
      naiveMase: s.naive.mase,
      naiveWape: s.naive.wape,
      errors: s.errors,
      latestBias: s.latestBias,
      latestRatio: s.latestRatio,
    };
  });
}

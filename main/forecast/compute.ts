import { backtest } from './engine/backtest.js';
import { describeForecast, forecastSeries } from './engine/forecast.js';

export interface ComputeItem {
  values: number[];
  /** Calendar month (1-12) of values[0]. */
  firstMonth: number;
  profile: number[] | null;
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
}

/** Forecast and backtest a batch of series; pure, so it runs the same in a thread or inline. */
export function computeBatch(request: ComputeRequest): ComputeResult[] {
  return request.items.map((item, i) => {
    const options = {
      horizon: request.horizon,
      firstMonth: item.firstMonth,
      ...(item.profile ? { profile: item.profile } : {}),
      seed: 1000 + i,
    };
    const f = forecastSeries(item.values, options);
    const accuracy = backtest(item.values, f, options);
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
      mase: accuracy.mase,
      wape: accuracy.wape,
    };
  });
}

import type { ServiceContext } from '../api/context.js';

export interface ForecastFigures {
  series: number;
  seconds: number;
  seriesPerSec: number;
  workers: number;
}

/** The forecast of every distributor x SKU series of the scale, as the app runs it (worker threads). */
export const forecastBench: { run: ((ctx: ServiceContext) => Promise<ForecastFigures>) | null } = { run: null };

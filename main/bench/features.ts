import { availableParallelism } from 'node:os';
import type { ServiceContext } from '../api/context.js';
import { runForecast } from '../forecast/run.js';

export interface ForecastFigures {
  series: number;
  seconds: number;
  seriesPerSec: number;
  workers: number;
}

/** The forecast of every distributor x SKU series of the scale, as the app runs it (worker threads). */
export const forecastBench: { run: ((ctx: ServiceContext) => Promise<ForecastFigures>) | null } = {
  async run(ctx) {
    const summary = await runForecast(ctx.db, { force: true, workers: availableParallelism() }, { progress() {}, checkCancelled() {} });
    return {
      series: summary.seriesTotal,
      seconds: summary.seconds,
      seriesPerSec: Math.round(summary.seriesTotal / Math.max(summary.seconds, 1e-9)),
      workers: summary.workers,
    };
  },
};

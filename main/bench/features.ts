import type { ServiceContext } from '../api/context.js';
import type { ForecastRunSummary } from '../forecast/run.js';

export interface ForecastFigures {
  series: number;
  seconds: number;
  seriesPerSec: number;
  workers: number;
}

/**
 * The forecast of every distributor x SKU series of the scale, as the app runs it: a background job
 * on its own thread, which fans the series out to worker threads. Run on the bench's own thread
 * instead (as before 2026-12-03), the job's working set stayed in that thread's heap and the later
 * phases' process peak at XL was 1,342 MB against 949 MB this way, a state the app never reaches.
 */
export const forecastBench: { run: ((ctx: ServiceContext) => Promise<ForecastFigures>) | null } = {
  async run(ctx) {
    const status = await ctx.jobs.wait(ctx.jobs.start('forecast.run', { force: true }));
    if (status.state !== 'done') throw new Error(`The forecast job ended ${status.state}: ${status.error ?? ''}`);
    const summary = status.result as ForecastRunSummary;
    return {
      series: summary.seriesTotal,
      seconds: summary.seconds,
      seriesPerSec: Math.round(summary.seriesTotal / Math.max(summary.seconds, 1e-9)),
      workers: summary.workers,
    };
  },
};

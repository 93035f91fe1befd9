import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../app/core.js';
import { seedDemo } from '../../demo/generate.js';
import { runForecast } from '../run.js';
import { printAccuracy, runForecastAccuracyBench } from './accuracy.js';

/** `npm run bench:forecast`: accuracy on real public series, then speed on the L demo region. */
export async function benchForecastCommand(args: string[]): Promise<number> {
  console.log(printAccuracy(runForecastAccuracyBench()));
  if (args.includes('--accuracy-only')) return 0;
  const dbPath = join('bench-data', 'demo-L.sqlite');
  const fresh = !existsSync(dbPath);
  const core = openCore(dbPath, 'cli');
  try {
    if (fresh) {
      process.stderr.write('Generating the L demo region (once)…\n');
      seedDemo(core.db, { scale: 'L' });
    }
    const summary = await runForecast(core.db, { force: true, workers: availableParallelism() }, { progress() {}, checkCancelled() {} });
    console.log(
      `\nSpeed on the L demo region: ${summary.seriesTotal.toLocaleString('en')} distributor x SKU series in ${summary.seconds} s ` +
        `(${Math.round(summary.seriesTotal / summary.seconds).toLocaleString('en')} series/s, ${summary.workers} threads), fit, backtest and stored.`,
    );
  } finally {
    core.close();
  }
  return 0;
}

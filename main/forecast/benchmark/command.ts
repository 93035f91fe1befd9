import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore } from '../../app/core.js';
import { seedDemo } from '../../demo/generate.js';
import { runForecast } from '../run.js';
import { BENCHMARK_SETS, printAccuracy, runForecastAccuracyBench } from './accuracy.js';
import { accuracyByLevel, printLevels } from './levels.js';

/** `npm run bench:forecast`: accuracy on real public series, then speed and backtest accuracy on the L demo region. */
export async function benchForecastCommand(args: string[]): Promise<number> {
  for (const set of BENCHMARK_SETS) {
    // From the project folder (npm runs scripts there): the bundled out/main/cli.js sits at another
    // depth than this source file, so a path relative to the module missed the files.
    const file = pathToFileURL(join(process.cwd(), 'resources', 'forecast-benchmark', set.file));
    if (!existsSync(file)) {
      console.log(`${set.name}: ${set.file} is missing (make it with scripts/forecast-oracle.R).\n`);
      continue;
    }
    console.log(printAccuracy(runForecastAccuracyBench(file, set.name)));
    console.log('');
  }
  if (args.includes('--accuracy-only')) return 0;
  const scale = args.includes('--scale') ? args[args.indexOf('--scale') + 1]! : 'L';
  const dbPath = join('bench-data', `demo-${scale}.sqlite`);
  const fresh = !existsSync(dbPath);
  const core = openCore(dbPath, 'cli');
  try {
    if (fresh) {
      process.stderr.write(`Generating the ${scale} demo region (once)…\n`);
      seedDemo(core.db, { scale: scale as 'L' });
    }
    const summary = await runForecast(core.db, { force: true, workers: availableParallelism() }, { progress() {}, checkCancelled() {} });
    console.log(
      `Speed on the ${scale} demo region: ${summary.seriesTotal.toLocaleString('en')} distributor x SKU series in ${summary.seconds} s ` +
        `(${Math.round(summary.seriesTotal / summary.seconds).toLocaleString('en')} series/s, ${summary.workers} threads), fit, backtest and stored; ` +
        `${summary.regionsInShock} region(s) with a shock common to their series (forecast again knowing it).`,
    );
    const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
    console.log(
      `Residual correlation between series ${summary.residualCorrelation?.toFixed(3) ?? '–'}; backtest coverage of the total's 80% range ` +
        `${pct(summary.totalCoverage80)} with it, ${pct(summary.totalCoverage80Independent)} as if independent.\n`,
    );
    console.log(`Backtest accuracy on the ${scale} demo region, by the levels the forecast screen offers:\n`);
    console.log(printLevels(accuracyByLevel(core.db)));
  } finally {
    core.close();
  }
  return 0;
}

import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore } from '../../app/core.js';
import { closeDatabase, openDatabase, type Db } from '../../db/open.js';
import { addMonths } from '../../../shared/domain/months.js';
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
    if (args.includes('--shock')) await benchCommonShock(core.db, scale, summary.seconds);
  } finally {
    core.close();
  }
  return 0;
}

/**
 * `--shock`: the cost of a shock common to every region. A copy of the demo database whose latest six
 * months are raised for every distributor (by half, reached over four months), forecast as above:
 * each region in shock is forecast a second time.
 */
async function benchCommonShock(db: Db, scale: string, plainSeconds: number): Promise<void> {
  const copy = join('bench-data', `demo-${scale}-shock.sqlite`);
  rmSync(copy, { force: true });
  db.prepare('VACUUM INTO ?').run(copy);
  const shocked = openDatabase(copy);
  try {
    const last = shocked.prepare('SELECT max(month) FROM sales_history').pluck().get() as string;
    const raise = shocked.prepare('UPDATE sales_history SET cases = round(cases * ?) WHERE month = ?');
    shocked.transaction(() => {
      for (let k = 0; k < 6; k++) raise.run(1 + 0.5 * Math.min(1, (6 - k) / 4), addMonths(last, -k));
    })();
    const summary = await runForecast(shocked, { force: true, workers: availableParallelism() }, { progress() {}, checkCancelled() {} });
    console.log(
      `\nWith a shock common to every region (a copy whose latest six months are raised by up to half): ` +
        `${summary.regionsInShock} region(s) in shock, ${summary.seriesTotal.toLocaleString('en')} series in ${summary.seconds} s ` +
        `(${plainSeconds} s without the shock, just before).`,
    );
  } finally {
    closeDatabase(shocked);
    rmSync(copy, { force: true });
    rmSync(`${copy}-wal`, { force: true });
    rmSync(`${copy}-shm`, { force: true });
  }
}

import { parseArgs } from 'node:util';
import { demoSeedOptions } from '../../shared/contract/system.js';
import { openCore } from '../app/core.js';
import { resolveDatabasePath } from '../app/paths.js';
import { now } from '../../shared/domain/clock.js';
import { seedDemo } from '../demo/generate.js';
import { redrawDemoTargetPlans } from '../demo/targets.js';
import { runForecast } from '../forecast/run.js';

/** `npm run seed-demo -- --scale S|M|L|XL --db FILE` */
export async function seedDemoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'S' },
      db: { type: 'string' },
      seed: { type: 'string' },
      'no-forecast': { type: 'boolean', default: false },
    },
  });
  // Validated by the contract's schema, as every door validates its input.
  const parsed = demoSeedOptions.safeParse({
    scale: String(values.scale).toUpperCase(),
    seed: values.seed,
    forecast: !values['no-forecast'],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const { scale, seed, forecast } = parsed.data;
  const databasePath = resolveDatabasePath(values.db);
  const core = openCore(databasePath, 'cli');
  try {
    const started = performance.now();
    let lastShown = -1;
    const result = seedDemo(
      core.db,
      { scale, seed },
      {
        progress(fraction, message) {
          const pct = Math.floor(fraction * 100);
          if (pct >= lastShown + 10) {
            lastShown = pct;
            process.stderr.write(`  ${String(pct).padStart(3)}%  ${message}\n`);
          }
        },
        checkCancelled() {},
      },
    );
    console.log(`Demo region ${scale} written to ${databasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (forecast) {
      const run = await runForecast(core.db, {}, { progress() {}, checkCancelled() {} });
      console.log(`Forecast: ${run.seriesTotal.toLocaleString('en')} series in ${run.seconds} s (${run.workers} threads)`);
      redrawDemoTargetPlans(core.db, now());
    }
    for (const [table, n] of Object.entries(result.counts)) if (n) console.log(`  ${table.padEnd(28)} ${n.toLocaleString('en')}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    core.close();
  }
}

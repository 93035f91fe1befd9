import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SCALES, type DemoScale } from '../../shared/contract/system.js';
import { openCore } from '../app/core.js';
import { builtInAdministrator } from '../people/actor.js';
import { dispatch } from '../api/dispatch.js';
import { WARM_METHODS } from '../app/warm.js';
import { seedDemo, tableCounts } from '../demo/generate.js';
import { forecastBench, type ForecastFigures } from './features.js';
import { benchmarkImport, type ImportFigures } from './import-bench.js';
import { percentile, peakRssMb, round, timeOnce, timeRepeated, type QueryFigure } from './measure.js';
import { RECOMPUTES } from './recomputes.js';
import { threadMsOf } from './one-change.js';
import { MemorySampler } from './memory-sampler.js';
import { baselinePath, committedResults, renderChanges } from './compare.js';
import { SCREEN_QUERIES } from './screens.js';
import { syncBench, type SyncFigures } from './sync.js';
import { measureUi, type UiFigures } from './ui.js';

/** What bench-results.json holds; a figure is absent when its part was skipped. */
export interface BenchResults {
  date: string;
  scale: DemoScale;
  machine: { cores: number; cpu: string; memoryGB: number; node: string; platform: string };
  generateSeconds?: number;
  /** What the app computes in its query thread soon after it opens (main/app/warm.ts), timed inline. */
  warmUpSeconds?: number;
  tables?: Record<string, number>;
  import?: ImportFigures | { skipped: string };
  forecast?: ForecastFigures & { peakMB?: number };
  queries?: QueryFigure[];
  /** `ms`: the median of `runsMs` (one per `--recompute-runs`); `peakMB`: the highest of their peaks. */
  recompute?: Array<{ name: string; ms: number; peakMB: number; runsMs?: number[] }>;
  ui?: UiFigures | { skipped: string };
  memory?: { peakMB: number };
  /** The team server (main/bench/sync.ts). */
  sync?: SyncFigures;
}

/**
 * `npm run bench [-- --scale S|M|L|XL] [--fresh] [--runs N] [--recompute-runs N] [--skip import,forecast,queries,recompute,ui,sync] [--only sync|screens] [--screens TEXT,…] [--dir DIR]`
 * Generates (or reuses) a demo database of the scale, measures and prints one table, and writes
 * bench-results.json in the working directory. `--only sync` runs the team server's part alone
 * (`--desktops N --changes N --sync-period SECONDS --sync-rounds N`); `--only screens` the screens'
 * data alone (`--screens distributor` keeps those whose name contains one of the words), so the XL
 * file, generated once, can be measured again in seconds. Both keep the other figures already in
 * bench-results.json for the same scale. `--recompute-runs N` measures each recomputation N times
 * and keeps the median (a single pass at XL varies by a third from one run to the next); the default,
 * one, keeps the peak memory comparable with earlier runs: every further pass leaves the process's
 * resident memory higher (the allocator keeps freed memory) while the live data stays the same.
 */
export async function benchCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'L' },
      fresh: { type: 'boolean', default: false },
      runs: { type: 'string', default: '30' },
      'recompute-runs': { type: 'string', default: '1' },
      skip: { type: 'string', default: '' },
      dir: { type: 'string', default: 'bench-data' },
      only: { type: 'string', default: '' },
      screens: { type: 'string', default: '' },
      desktops: { type: 'string', default: '300' },
      changes: { type: 'string', default: '10000' },
      'sync-period': { type: 'string', default: '60' },
      'sync-rounds': { type: 'string', default: '2' },
    },
  });
  const scale = String(values.scale).toUpperCase() as DemoScale;
  if (!DEMO_SCALES.includes(scale)) {
    console.error(`--scale must be one of ${DEMO_SCALES.join(', ')}`);
    return 2;
  }
  const skip = new Set(String(values.skip).split(',').filter(Boolean));
  const only = String(values.only);
  if (only && only !== 'sync' && only !== 'screens') {
    console.error('--only takes: sync, screens');
    return 2;
  }
  const onlySync = only === 'sync';
  const onlyScreens = only === 'screens';
  // --only sync measures the team server alone, --only screens the screens' data alone.
  if (onlySync) for (const part of ['import', 'forecast', 'queries', 'recompute', 'ui']) skip.add(part);
  if (onlyScreens) for (const part of ['import', 'forecast', 'recompute', 'ui', 'sync']) skip.add(part);
  const screenWords = String(values.screens)
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const screens = SCREEN_QUERIES.filter((q) => !screenWords.length || screenWords.some((w) => q.name.toLowerCase().includes(w)));
  if (!screens.length) {
    console.error(`--screens matches none of: ${SCREEN_QUERIES.map((q) => q.name).join('; ')}`);
    return 2;
  }
  const runs = Math.max(5, Number(values.runs) || 30);
  const recomputeRuns = Math.max(1, Math.floor(Number(values['recompute-runs'])) || 1);
  const dir = resolve(String(values.dir));
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, `demo-${scale}.sqlite`);
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const fresh = values.fresh || !existsSync(dbPath);
  if (values.fresh)
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) (await import('node:fs')).rmSync(dbPath + suffix);
  const core = openCore(dbPath, 'cli');
  // The screens are measured as the administrator sees them (every region).
  core.ctx.actor = builtInAdministrator();
  const sampler = new MemorySampler();
  const results: BenchResults = {
    date: new Date().toISOString(),
    scale,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGB: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: process.platform,
    },
  };
  try {
    if (fresh) {
      log(`Generating the ${scale} demo region into ${dbPath}…`);
      const generated = await timeOnce(() => seedDemo(core.db, { scale }));
      results.generateSeconds = round(generated.ms / 1000);
    } else {
      log(`Reusing ${dbPath} (--fresh to regenerate)`);
    }
    results.tables = tableCounts(core.db);

    if (onlySync || onlyScreens) {
      // Nothing else is measured: the file is generated if needed, then the part asked for.
    } else if (!skip.has('import')) {
      log('Import: 1,000,000 sales-history rows…');
      const measured = await sampler.peakOf(() => benchmarkImport(core.db, dir));
      results.import = 'skipped' in measured.value ? measured.value : { ...measured.value, peakMB: measured.peakMB };
    }
    if (!onlySync && !skip.has('forecast') && forecastBench.run) {
      log('Forecast: every distributor x SKU series…');
      const measured = await sampler.peakOf(() => forecastBench.run!(core.ctx));
      results.forecast = { ...measured.value, peakMB: measured.peakMB };
    }
    if (!skip.has('queries')) {
      // The app computes these soon after it opens; the screens' first calls are then measured as a person meets them.
      log('Warm-up, as the app does after opening…');
      const warm = await timeOnce(async () => {
        for (const method of WARM_METHODS) {
          const result = await dispatch(core.ctx, method, {});
          if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        }
      });
      results.warmUpSeconds = round(warm.ms / 1000);
      log(`Queries: each screen's data, ${runs} runs…`);
      const queries: QueryFigure[] = [];
      for (const q of screens) queries.push(await timeRepeated(q.name, runs, () => q.run(core.ctx)));
      results.queries = queries;
    }
    if (!skip.has('recompute')) {
      const recompute: NonNullable<BenchResults['recompute']> = [];
      for (const r of RECOMPUTES) {
        log(`Recompute: ${r.name}…`);
        const runsMs: number[] = [];
        let peak = 0;
        for (let k = 0; k < recomputeRuns; k++) {
          // the change a recomputation follows is made (and undone) outside the time measured
          await r.prepare?.(core.ctx);
          const { value, peakMB } = await sampler.peakOf(() => timeOnce(() => r.run(core.ctx)));
          await r.after?.(core.ctx);
          runsMs.push(round(threadMsOf(value.value) ?? value.ms));
          peak = Math.max(peak, peakMB);
        }
        recompute.push({
          name: r.name,
          ms: round(
            percentile(
              [...runsMs].sort((a, b) => a - b),
              50,
            ),
          ),
          peakMB: peak,
          runsMs,
        });
      }
      results.recompute = recompute;
    }
    if (!skip.has('ui')) {
      log('UI: dashboard and scrolling the terminal list in Chromium…');
      results.ui = await measureUi(core.ctx);
    }
    results.memory = { peakMB: peakRssMb() };
  } finally {
    await sampler.stop();
    core.close();
  }
  if (onlySync || !skip.has('sync')) {
    results.sync = await syncBench({
      sourceDb: dbPath,
      dir: join(dir, 'sync'),
      changes: Math.max(1, Number(values.changes) || 10_000),
      desktops: Math.max(1, Number(values.desktops) || 300),
      periodMs: Math.max(1, Number(values['sync-period']) || 60) * 1000,
      rounds: Math.max(1, Number(values['sync-rounds']) || 2),
      changesPerSync: 3,
      // The product's own command, from the built CLI this bench runs in.
      serverCommand: [process.argv[1]!, 'team-server'],
      log,
    });
  }
  if (onlySync && existsSync('bench-results.json')) {
    // The other figures stay as the last full run measured them.
    const previous = JSON.parse(readFileSync('bench-results.json', 'utf8')) as BenchResults;
    Object.assign(results, { ...previous, sync: results.sync });
  }
  if (onlyScreens && existsSync('bench-results.json')) {
    // The screens measured now replace theirs; every other figure stays as the last run of this scale measured it.
    const previous = JSON.parse(readFileSync('bench-results.json', 'utf8')) as BenchResults;
    if (previous.scale === scale) {
      const measured = new Set((results.queries ?? []).map((q) => q.name));
      const queries = [...(previous.queries ?? []).filter((q) => !measured.has(q.name)), ...(results.queries ?? [])];
      Object.assign(results, {
        ...previous,
        date: results.date,
        machine: results.machine,
        tables: results.tables,
        warmUpSeconds: results.warmUpSeconds,
        queries,
      });
    }
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderTable(results));
  const committed = committedResults(scale);
  if (committed) console.log(`\n${renderChanges(committed, results)}`);
  else console.log(`\nNo committed figures for ${scale} to compare with (${baselinePath(scale)}).`);
  console.log('\nWritten to bench-results.json');
  return 0;
}

function renderTable(r: BenchResults): string {
  const lines: string[] = [];
  const row = (a: string, b: string) => lines.push(`| ${a} | ${b} |`);
  lines.push(
    `Benchmark, scale ${r.scale}, ${r.date.slice(0, 10)} — ${r.machine.cores} cores, ${r.machine.memoryGB} GB, Node ${r.machine.node}`,
    '',
  );
  lines.push('| figure | value |', '| --- | --- |');
  for (const [table, n] of Object.entries(r.tables ?? {})) if (n) row(`rows: ${table}`, n.toLocaleString('en'));
  if (r.generateSeconds !== undefined) row('demo generation', `${r.generateSeconds} s`);
  if (r.warmUpSeconds !== undefined) row('warm-up after opening (readiness projection, segmentation)', `${r.warmUpSeconds} s`);
  if (r.import && 'rowsPerSec' in r.import) {
    row('import: 1M sales-history rows', `${r.import.seconds} s, ${r.import.rowsPerSec.toLocaleString('en')} rows/s`);
    if (r.import.peakMB !== undefined) row('import: peak resident memory', `${r.import.peakMB} MB`);
    if (r.import.sqliteSeconds !== undefined)
      row(
        'import: sqlite3 .import of the same file into a bare table',
        `${r.import.sqliteSeconds} s (ours / sqlite3 = ${r.import.sqliteRatio})`,
      );
    if (r.import.sqliteIndexedSeconds !== undefined)
      row(
        'import: sqlite3 inserting the same file into the real indexed table',
        `${r.import.sqliteIndexedSeconds} s (ours / sqlite3 = ${r.import.sqliteIndexedRatio})`,
      );
    if (r.import.note) row('import: note', r.import.note);
  } else if (r.import) row('import', `skipped: ${r.import.skipped}`);
  if (r.forecast)
    row(
      'forecast: all series',
      `${r.forecast.series.toLocaleString('en')} series in ${r.forecast.seconds} s (${r.forecast.seriesPerSec.toLocaleString('en')}/s, ${r.forecast.workers} workers)${r.forecast.peakMB ? `, peak ${r.forecast.peakMB} MB` : ''}`,
    );
  for (const q of r.queries ?? [])
    row(`query: ${q.name}`, `p50 ${q.p50ms} ms, p95 ${q.p95ms} ms${q.firstMs === undefined ? '' : `, first call ${q.firstMs} ms`}`);
  for (const c of r.recompute ?? [])
    row(
      `recompute: ${c.name}`,
      `${c.ms} ms, peak ${c.peakMB} MB${c.runsMs && c.runsMs.length > 1 ? ` (median of ${c.runsMs.join(' / ')} ms)` : ''}`,
    );
  if (r.ui && 'dashboardMs' in r.ui) {
    row('UI: navigation to usable dashboard', `${r.ui.dashboardMs} ms`);
    row(
      `UI: longest task scrolling ${r.ui.scrolledRows.toLocaleString('en')} terminals`,
      r.ui.longestTaskMs ? `${r.ui.longestTaskMs} ms` : 'none of 50 ms or more (the browser reports no shorter ones)',
    );
    row('UI: longest gap between frames while scrolling', `${r.ui.longestFrameGapMs} ms`);
  } else if (r.ui) row('UI', `skipped: ${r.ui.skipped}`);
  if (r.memory) row('memory: peak resident', `${r.memory.peakMB} MB`);
  if (r.sync) for (const [figure, value] of syncRows(r.sync)) row(figure, value);
  return lines.join('\n');
}

const mb = (bytes: number | null) => (bytes === null ? 'bytes not measured' : `${round(bytes / 1024 ** 2, 1)} MB from the server`);

function syncRows(s: SyncFigures): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const f of s.firstSync)
    rows.push([
      `sync: first sync of a new desktop as ${f.person} (${f.role})`,
      `${f.seconds} s (CPU: server ${f.serverCpuSeconds} s, desktop ${f.desktopCpuSeconds} s), ${f.rows.toLocaleString('en')} rows, ${mb(f.bytesFromServer)}, replica ${f.replicaMB} MB`,
    ]);
  const c = s.changes;
  rows.push([`sync: ${c.count.toLocaleString('en')} changes queued on a desktop`, `${c.queueSeconds} s`]);
  rows.push([
    `sync: push of ${c.count.toLocaleString('en')} queued changes alone / the round that confirms them`,
    `${c.pushOnlySeconds} s / ${c.confirmSeconds} s`,
  ]);
  rows.push([
    `sync: push of ${c.count.toLocaleString('en')} queued changes, full queue to empty (both)`,
    `${c.pushSeconds} s (CPU: server ${c.pushServerCpuSeconds} s, desktop ${c.pushDesktopCpuSeconds} s), ${c.pushRefused} refused`,
  ]);
  rows.push([
    `sync: another desktop pulls them`,
    `${c.pullSeconds} s (CPU: server ${c.pullServerCpuSeconds} s, desktop ${c.pullDesktopCpuSeconds} s), ${c.pulledRows.toLocaleString('en')} rows, ${mb(c.bytesFromServerOnPull)}`,
  ]);
  const l = s.load;
  rows.push([
    `sync: load, ${l.desktops} desktops each syncing every ${l.periodSeconds} s (${l.changesPerSync} changes + pull), ${l.rounds} periods`,
    `push p50 ${l.push.p50ms} ms, p95 ${l.push.p95ms} ms; pull p50 ${l.pull.p50ms} ms, p95 ${l.pull.p95ms} ms; ${l.failures} failed`,
  ]);
  rows.push([
    'sync: server under that load',
    `CPU ${l.serverCpuPercentOfOneCore}% of one core (${l.requestsPerSecond} requests/s), peak RSS ${l.serverPeakRssMB ?? '?'} MB`,
  ]);
  rows.push(['sync: desktops syncing every minute at 70% of one server core (linear)', `${l.desktopsAt70PercentCpu.toLocaleString('en')}`]);
  rows.push(['sync: machine load average (1 min) at start / end', `${s.machineLoad.start} / ${s.machineLoad.end}`]);
  return rows;
}

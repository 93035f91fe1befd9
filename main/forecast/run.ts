import { addMonths, calendarMonth, monthIndex } from '../../shared/domain/months.js';
import { nowIso, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { JobCancelled, type TaskControl } from '../jobs/task.js';
import { averageCorrelation, totalCoverage80 } from './engine/correlation.js';
import { seasonalProfile } from './engine/profile.js';
import { backtestSlotAhead } from './engine/select.js';
import { chooseFestivalEffect, estimateFestivalEffect } from './engine/spring-festival.js';
import { Z80 } from './engine/types.js';
import { loadAllSeries, type HistorySeries } from './history.js';
import { computeForecasts, PoolCancelled } from './pool.js';
import { commonShocks } from './engine/shock.js';
import type { ComputeItem } from './compute.js';
import { reconcileLevels } from './reconcile-levels.js';
import { repackForecastDemand } from './demand-packs.js';

/** Twelve months from the first month after history: every calendar month once, so the next peak. */
export const FORECAST_HORIZON = 12;

export interface ForecastRunSummary {
  status: 'ok' | 'no_history';
  runId: number | null;
  seriesTotal: number;
  seriesRecomputed: number;
  seconds: number;
  workers: number;
  /** Average correlation of the series' backtest errors (null: too few complete series). */
  residualCorrelation: number | null;
  /** Backtest coverage of the whole total's 80% range, with the correlation and as if independent. */
  totalCoverage80: number | null;
  totalCoverage80Independent: number | null;
  /** Regions whose series were scaled to the region total's own forecast (level reconciliation). */
  regionsReconciled: number;
  /** Regions whose series showed a shock common to most of them (engine/shock.ts) and were forecast again knowing it. */
  regionsInShock: number;
}

/** Brand seasonal profiles (calendar months) from the last three years of the brand's total history. */
function brandProfiles(series: HistorySeries[], last: string): Map<string, number[]> {
  const from = monthIndex(addMonths(last, -35));
  const totals = new Map<string, Float64Array>();
  const all = new Float64Array(36);
  for (const s of series) {
    const start = monthIndex(s.start);
    const total = totals.get(s.brand) ?? new Float64Array(36);
    totals.set(s.brand, total);
    s.values.forEach((v, i) => {
      const k = start + i - from;
      if (k >= 0) {
        total[k] = total[k]! + v;
        all[k] = all[k]! + v;
      }
    });
  }
  const firstMonth = calendarMonth(addMonths(last, -35));
  const regionProfile = seasonalProfile(all, firstMonth);
  const out = new Map<string, number[]>();
  for (const [brand, total] of totals) {
    const sum = total.reduce((a, b) => a + b, 0);
    // A brand too young to have its own pattern borrows the whole region's.
    out.set(brand, sum > 0 && total.slice(0, 12).some((v) => v > 0) ? seasonalProfile(total, firstMonth) : regionProfile);
  }
  return out;
}

/**
 * Spring Festival effect per brand, from the brand's total history (pooled: a brand's total shows the
 * effect more clearly than any one distributor x SKU); a brand whose total cannot tell borrows the
 * whole region's.
 */
function festivalEffects(series: HistorySeries[], last: string): Map<string, number> {
  const first = series.reduce((a, s) => (s.start < a ? s.start : a), last);
  const from = monthIndex(first);
  const length = monthIndex(last) - from + 1;
  const totals = new Map<string, Float64Array>();
  const all = new Float64Array(length);
  for (const s of series) {
    const total = totals.get(s.brand) ?? new Float64Array(length);
    totals.set(s.brand, total);
    const start = monthIndex(s.start) - from;
    s.values.forEach((v, i) => {
      total[start + i] = total[start + i]! + v;
      all[start + i] = all[start + i]! + v;
    });
  }
  const region = chooseFestivalEffect(estimateFestivalEffect(all, first), 0);
  const out = new Map<string, number>();
  for (const [brand, total] of totals) {
    // a brand launched late: only its own months count
    let k = 0;
    while (k < total.length && total[k] === 0) k++;
    out.set(brand, chooseFestivalEffect(estimateFestivalEffect(total.subarray(k), addMonths(first, k)), region));
  }
  return out;
}

/**
 * Forecasts every distributor x SKU series whose history changed since the last run (or all, when
 * forced or when the forecast window moved), on every core, and stores models and values in one
 * transaction: a cancelled or crashed run leaves the previous forecasts untouched.
 */
export async function runForecast(
  db: Db,
  params: { force?: boolean; workers?: number },
  control: TaskControl,
): Promise<ForecastRunSummary> {
  const started = performance.now();
  const startedAt = nowIso();
  control.progress(0, 'Reading sales history');
  const { series, last } = loadAllSeries(db);
  if (!last)
    return {
      status: 'no_history',
      runId: null,
      seriesTotal: 0,
      seriesRecomputed: 0,
      seconds: 0,
      workers: 0,
      residualCorrelation: null,
      totalCoverage80: null,
      totalCoverage80Independent: null,
      regionsReconciled: 0,
      regionsInShock: 0,
    };
  const firstMonth = addMonths(last, 1);
  const previous = db
    .prepare('SELECT first_month FROM forecast_runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1')
    .pluck()
    .get() as string | undefined;
  const windowMoved = previous !== firstMonth;
  const known = new Map(
    (
      db.prepare('SELECT distributor_id AS d, product_id AS p, history_hash AS h FROM forecast_series').raw().all() as Array<
        [number, number, string]
      >
    ).map(([d, p, h]) => [`${d}:${p}`, h]),
  );
  const changed = series.filter((s) => params.force || windowMoved || known.get(`${s.distributorId}:${s.productId}`) !== s.hash);
  const profiles = brandProfiles(series, last);
  const festival = festivalEffects(series, last);
  const items: ComputeItem[] = changed.map((s) => ({
    values: s.values,
    firstMonth: calendarMonth(s.start),
    firstPeriod: s.start,
    profile: profiles.get(s.brand) ?? null,
    festivalEffect: festival.get(s.brand) ?? 0,
  }));
  control.progress(0.02, `Forecasting ${changed.length} series`);
  const isCancelled = () => {
    try {
      control.checkCancelled();
      return false;
    } catch {
      return true;
    }
  };
  let computed;
  try {
    computed = await computeForecasts(items, {
      horizon: FORECAST_HORIZON,
      ...(params.workers ? { workers: params.workers } : {}),
      onProgress: (done, total) => control.progress(0.02 + 0.9 * (done / total), `Forecasting series ${done} of ${total}`),
      isCancelled,
    });
  } catch (error) {
    if (error instanceof PoolCancelled) throw new JobCancelled();
    throw error;
  }
  control.checkCancelled();
  const regionOf = new Map(
    (
      db.prepare('SELECT d.id, a.region_id FROM distributors d JOIN areas a ON a.id = d.area_id').raw().all() as Array<[number, number]>
    ).map(([d, r]) => [d, r]),
  );
  const groups = new Map<number, number[]>();
  changed.forEach((s, i) => {
    const region = regionOf.get(s.distributorId) ?? 0;
    const members = groups.get(region) ?? [];
    members.push(i);
    groups.set(region, members);
  });
  // A shock common to a region's series (engine/shock.ts): read from this first pass, then the
  // region's series are forecast again knowing it. Only the series refitted in this run count.
  const shocks = commonShocks(new Map([...groups].map(([region, members]) => [region, members.map((i) => computed.results[i]!)])));
  const again = [...shocks.keys()].flatMap((region) => groups.get(region)!);
  if (again.length) {
    control.progress(0.92, `A shock common to ${shocks.size} region(s): forecasting ${again.length} series again`);
    try {
      const redo = await computeForecasts(
        again.map((i) => ({ ...items[i]!, commonShock: shocks.get(regionOf.get(changed[i]!.distributorId) ?? 0)! })),
        {
          horizon: FORECAST_HORIZON,
          ...(params.workers ? { workers: params.workers } : {}),
          onProgress: (done, total) => control.progress(0.92, `A shock common to the region: series ${done} of ${total} forecast again`),
          isCancelled,
        },
      );
      again.forEach((i, k) => (computed.results[i] = redo.results[k]!));
    } catch (error) {
      if (error instanceof PoolCancelled) throw new JobCancelled();
      throw error;
    }
    control.checkCancelled();
  }
  // Level reconciliation per region, when every series was refitted (a partial run keeps the levels).
  let regionsReconciled = 0;
  if (changed.length === series.length) {
    const corrections = reconcileLevels(
      [...groups].map(([key, members]) => ({ key, members, ...(shocks.has(key) ? { shock: shocks.get(key)! } : {}) })),
      changed,
      computed.results,
      FORECAST_HORIZON,
    );
    regionsReconciled = corrections.filter((c) => c.factors.some((f) => f !== 1)).length;
  }
  // Ranges of totals: the correlation of the series' backtest errors, and the coverage it gives the
  // total in the backtest (series recomputed in this run; all of them on a forced or moved run).
  const complete = computed.results.filter((r) => r.errors);
  const residualCorrelation = averageCorrelation(complete.map((r) => r.errors!));
  const coverage =
    residualCorrelation === null
      ? null
      : totalCoverage80(
          complete.map((r) => ({ errors: r.errors!, sdAhead: r.hi80.map((hi, h) => (hi - r.lo80[h]!) / (2 * Z80)) })),
          backtestSlotAhead(FORECAST_HORIZON),
          residualCorrelation,
        );
  control.progress(0.93, 'Saving forecasts');
  const months = Array.from({ length: FORECAST_HORIZON }, (_, i) => addMonths(firstMonth, i));
  const runId = db.transaction(() => {
    const newId = nextId('forecast_runs');
    const run = db
      .prepare(
        `INSERT INTO forecast_runs (id, started_at, first_month, horizon, series_total, series_recomputed, workers, residual_correlation,
           total_coverage80, total_coverage80_independent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newId,
        startedAt,
        firstMonth,
        FORECAST_HORIZON,
        series.length,
        changed.length,
        computed.workers,
        // a partial run keeps the correlation measured on the whole set last time
        residualCorrelation !== null && complete.length >= series.length / 2 ? residualCorrelation : previousCorrelation(db),
        coverage?.correlated ?? null,
        coverage?.independent ?? null,
      );
    const id = newId ?? Number(run.lastInsertRowid);
    // Series whose history is gone (distributor or SKU deleted, history removed) lose their forecast.
    const present = new Set(series.map((s) => `${s.distributorId}:${s.productId}`));
    const drop = db.prepare('DELETE FROM forecast_series WHERE distributor_id = ? AND product_id = ?');
    for (const key of known.keys()) if (!present.has(key)) drop.run(...key.split(':').map(Number));
    const upsert = db.prepare(
      `INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params, mase, wape, recent_volume, naive_mase, naive_wape)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (distributor_id, product_id) DO UPDATE SET run_id = excluded.run_id, history_hash = excluded.history_hash, method = excluded.method,
         model = excluded.model, params = excluded.params, mase = excluded.mase, wape = excluded.wape, recent_volume = excluded.recent_volume,
         naive_mase = excluded.naive_mase, naive_wape = excluded.naive_wape`,
    );
    const clear = db.prepare('DELETE FROM forecast_values WHERE distributor_id = ? AND product_id = ?');
    const insert = db.prepare(
      'INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const round = (v: number) => Math.round(v * 100) / 100;
    changed.forEach((s, i) => {
      const r = computed.results[i]!;
      const recent = s.values.slice(-12).reduce((a, v) => a + v, 0);
      upsert.run(
        s.distributorId,
        s.productId,
        id,
        s.hash,
        r.method,
        r.model,
        JSON.stringify(r.params),
        r.mase,
        r.wape,
        recent,
        r.naiveMase,
        r.naiveWape,
      );
      clear.run(s.distributorId, s.productId);
      months.forEach((month, h) =>
        insert.run(
          s.distributorId,
          s.productId,
          month,
          round(r.point[h]!),
          round(r.lo80[h]!),
          round(r.hi80[h]!),
          round(r.lo95[h]!),
          round(r.hi95[h]!),
        ),
      );
    });
    // the rows just written unpacked their distributors: whole-network readers read packs (demand-packs.ts)
    repackForecastDemand(db);
    const seconds = (performance.now() - started) / 1000;
    db.prepare('UPDATE forecast_runs SET finished_at = ?, seconds = ? WHERE id = ?').run(nowIso(), seconds, id);
    return id;
  })();
  control.progress(1, 'Done');
  return {
    status: 'ok',
    runId,
    seriesTotal: series.length,
    seriesRecomputed: changed.length,
    seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
    workers: computed.workers,
    residualCorrelation,
    totalCoverage80: coverage?.correlated ?? null,
    totalCoverage80Independent: coverage?.independent ?? null,
    regionsReconciled,
    regionsInShock: shocks.size,
  };
}

function previousCorrelation(db: Db): number | null {
  return (
    (db
      .prepare(
        'SELECT residual_correlation FROM forecast_runs WHERE finished_at IS NOT NULL AND residual_correlation IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1',
      )
      .pluck()
      .get() as number | undefined) ?? null
  );
}

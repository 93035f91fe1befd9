import type { ForecastRunInfo, ForecastScope, ForecastView } from '../../shared/contract/forecast.js';
import { addMonths } from '../../shared/domain/months.js';
import { prepared, type Db } from '../db/open.js';
import { totalSd } from './engine/correlation.js';
import { Z80, Z95 } from './engine/types.js';
import { describeModelName } from './describe.js';
import { historyBounds } from './history.js';
import { cellsForMonth, listOverrides, type Cell } from './overrides.js';
import { readSetting } from '../system/preferences.js';
import { memo } from '../db/memo.js';
import { distributorInRegions, inRegions, type RegionScope } from '../people/readScope.js';

export const HISTORY_CHANGED_KEY = 'forecast.historyChangedAt';

/** The screen's scope and the regions the person reads (null: every region, as for an administrator). */
type ViewScope = ForecastScope & { regions?: RegionScope | undefined };

function scopeWhere(scope: ViewScope, alias: { d: string; p: string }): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (scope.regions) parts.push(distributorInRegions(alias.d, scope.regions));
  if (scope.regionId) {
    parts.push(`${alias.d} IN (SELECT d.id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = ?)`);
    params.push(scope.regionId);
  }
  if (scope.distributorId) {
    parts.push(`${alias.d} = ?`);
    params.push(scope.distributorId);
  }
  if (scope.brand) {
    parts.push(`${alias.p} IN (SELECT id FROM products WHERE brand = ?)`);
    params.push(scope.brand);
  }
  if (scope.productId) {
    parts.push(`${alias.p} = ?`);
    params.push(scope.productId);
  }
  return { sql: parts.length ? `AND ${parts.join(' AND ')}` : '', params };
}

const inScope = (scope: ViewScope, regionOf: Map<number, number>, brandOf: Map<number, string>) => (c: Cell) =>
  (!scope.regions || scope.regions.includes(regionOf.get(c.distributorId)!)) &&
  (!scope.regionId || regionOf.get(c.distributorId) === scope.regionId) &&
  (!scope.distributorId || c.distributorId === scope.distributorId) &&
  (!scope.brand || brandOf.get(c.productId) === scope.brand) &&
  (!scope.productId || c.productId === scope.productId);

export function lastRun(db: Db): ForecastRunInfo | null {
  return (
    (prepared(
      db,
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, first_month AS firstMonth, horizon, series_total AS seriesTotal,
        series_recomputed AS seriesRecomputed, seconds, workers, residual_correlation AS residualCorrelation,
        total_coverage80 AS totalCoverage80 FROM forecast_runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1`,
    ).get() as ForecastRunInfo | undefined) ?? null
  );
}

/** Every table computeForecastView reads: its cached result is kept until one of them changes. */
export const FORECAST_VIEW_READS: readonly string[] = [
  'areas',
  'distributors',
  'forecast_month_totals',
  'forecast_overrides',
  'forecast_runs',
  'forecast_series',
  'forecast_values',
  'history_month_totals',
  'products',
  'region_peak_months',
  'regions',
  'sales_history',
  'settings',
];

/**
 * The forecast screen's data for a scope: 36 months of history, the forecast months with their range,
 * agreed numbers and last year's actuals, the model (for one series) or the mix of methods, accuracy.
 */
export function forecastView(db: Db, scope: ViewScope): ForecastView {
  return memo(db, `forecast.view:${JSON.stringify(scope)}`, FORECAST_VIEW_READS, () => computeForecastView(db, scope));
}

export function computeForecastView(db: Db, scope: ViewScope): ForecastView {
  const bounds = historyBounds(db);
  const run = lastRun(db);
  const peakMonths = peakMonthsFor(db, scope);
  const empty: ForecastView = {
    status: 'no_history',
    seriesCount: 0,
    seriesAfterShock: 0,
    peakMonths,
    history: [],
    forecast: [],
    model: null,
    methods: [],
    accuracy: { mase: null, wape: null, naiveMase: null, naiveWape: null },
    overrides: [],
    lastRun: run,
    stale: false,
  };
  if (!bounds.last) return empty;
  const h = scopeWhere(scope, { d: 'distributor_id', p: 'product_id' });
  // The whole region reads the month totals the database keeps (migration 0011); a scope sums its rows.
  const whole = h.sql === '';
  const historyFrom = addMonths(bounds.last, -35);
  const history = prepared(
    db,
    whole
      ? 'SELECT month, cases FROM history_month_totals WHERE month >= ? ORDER BY month'
      : `SELECT month, sum(cases) AS cases FROM sales_history WHERE month >= ? ${h.sql} GROUP BY month ORDER BY month`,
  ).all(historyFrom, ...h.params) as Array<{ month: string; cases: number }>;
  if (!run) return { ...empty, status: 'not_run', history };

  const first = run.firstMonth;
  const lastMonth = addMonths(first, run.horizon - 1);
  const sums = prepared(
    db,
    whole
      ? `SELECT month, point, width95_squared / ${(2 * Z95) ** 2} AS variance, width95_sum / ${2 * Z95} AS sds, cells AS n
         FROM forecast_month_totals WHERE month BETWEEN ? AND ? ORDER BY month`
      : `SELECT month, sum(point) AS point, sum(((hi95 - lo95) / ${2 * Z95}) * ((hi95 - lo95) / ${2 * Z95})) AS variance,
           sum((hi95 - lo95) / ${2 * Z95}) AS sds, count(*) AS n
         FROM forecast_values WHERE month BETWEEN ? AND ? ${h.sql} GROUP BY month ORDER BY month`,
  ).all(first, lastMonth, ...h.params) as Array<{ month: string; point: number; variance: number; sds: number; n: number }>;
  // Last year's months are usually inside the 36 months of history already summed: no second pass.
  const lastYearFrom = addMonths(first, -12);
  const lastYear = new Map(
    (lastYearFrom >= historyFrom
      ? history.filter((r) => r.month >= lastYearFrom && r.month <= addMonths(lastMonth, -12))
      : (prepared(db, `SELECT month, sum(cases) AS cases FROM sales_history WHERE month BETWEEN ? AND ? ${h.sql} GROUP BY month`).all(
          lastYearFrom,
          addMonths(lastMonth, -12),
          ...h.params,
        ) as Array<{ month: string; cases: number }>)
    ).map((r) => [r.month, r.cases]),
  );
  const overrides = listOverrides(db, { from: first, to: lastMonth });
  const agreedByMonth = new Map<string, number>();
  if (overrides.length) {
    const regionOf = new Map(
      (
        prepared(db, 'SELECT d.id, a.region_id FROM distributors d JOIN areas a ON a.id = d.area_id').raw().all() as Array<[number, number]>
      ).map(([d, r]) => [d, r]),
    );
    const brandOf = new Map(
      (prepared(db, 'SELECT id, brand FROM products').raw().all() as Array<[number, string]>).map(([p, b]) => [p, b]),
    );
    const keep = inScope(scope, regionOf, brandOf);
    for (const month of new Set(overrides.map((o) => o.month))) {
      agreedByMonth.set(
        month,
        cellsForMonth(db, month, overrides)
          .filter(keep)
          .reduce((s, c) => s + c.agreed, 0),
      );
    }
  }
  const forecast = sums.map((r) => {
    // Series move together: the total's spread grows with their residual correlation.
    const sd = totalSd(r.variance, r.sds, run.residualCorrelation ?? 0);
    const round = (v: number) => Math.round(v);
    return {
      month: r.month,
      point: round(r.point),
      agreed: round(agreedByMonth.get(r.month) ?? r.point),
      lo80: round(Math.max(0, r.point - Z80 * sd)),
      hi80: round(r.point + Z80 * sd),
      lo95: round(Math.max(0, r.point - Z95 * sd)),
      hi95: round(r.point + Z95 * sd),
      lastYear: lastYear.get(addMonths(r.month, -12)) ?? null,
    };
  });
  const s = scopeWhere(scope, { d: 'distributor_id', p: 'product_id' });
  const methodRows = prepared(
    db,
    `SELECT method, count(*) AS series, sum(instr(params, '"commonShock"') > 0) AS afterShock
     FROM forecast_series WHERE 1 = 1 ${s.sql} GROUP BY method ORDER BY series DESC`,
  ).all(...s.params) as Array<{ method: string; series: number; afterShock: number }>;
  const methods = methodRows.map(({ method, series }) => ({ method, series }));
  // Weighted by each series' recent volume: a 3-case SKU's error should not outweigh a 30,000-case one.
  const accuracy = prepared(
    db,
    `SELECT sum(mase * recent_volume) / nullif(sum(CASE WHEN mase IS NULL THEN 0 ELSE recent_volume END), 0) AS mase,
            sum(wape * recent_volume) / nullif(sum(CASE WHEN wape IS NULL THEN 0 ELSE recent_volume END), 0) AS wape,
            sum(CASE WHEN mase IS NOT NULL THEN naive_mase * recent_volume END)
              / nullif(sum(CASE WHEN mase IS NULL OR naive_mase IS NULL THEN 0 ELSE recent_volume END), 0) AS naiveMase,
            sum(CASE WHEN wape IS NOT NULL THEN naive_wape * recent_volume END)
              / nullif(sum(CASE WHEN wape IS NULL OR naive_wape IS NULL THEN 0 ELSE recent_volume END), 0) AS naiveWape
     FROM forecast_series WHERE 1 = 1 ${s.sql}`,
  ).get(...s.params) as ForecastView['accuracy'];
  let model: ForecastView['model'] = null;
  if (scope.distributorId && scope.productId) {
    const row = prepared(db, 'SELECT method, model, params FROM forecast_series WHERE distributor_id = ? AND product_id = ?').get(
      scope.distributorId,
      scope.productId,
    ) as { method: string; model: string; params: string } | undefined;
    if (row)
      model = {
        method: row.method,
        model: row.model,
        description: describeModelName(row.method, row.model),
        params: JSON.parse(row.params) as Record<string, number>,
      };
  }
  const changedAt = readSetting<string>(db, HISTORY_CHANGED_KEY);
  return {
    status: 'ok',
    seriesCount: methods.reduce((a, m) => a + m.series, 0),
    seriesAfterShock: methodRows.reduce((a, m) => a + m.afterShock, 0),
    peakMonths,
    history,
    forecast,
    model,
    methods,
    accuracy,
    overrides: overrides.filter(
      (o) =>
        (!scope.regions || !o.regionId || scope.regions.includes(o.regionId)) &&
        (!scope.regions || !o.distributorId || visibleDistributor(db, scope.regions, o.distributorId)) &&
        (!scope.regionId || !o.regionId || o.regionId === scope.regionId) &&
        (!scope.distributorId || !o.distributorId || o.distributorId === scope.distributorId),
    ),
    lastRun: run,
    stale: changedAt !== null && changedAt > run.startedAt,
  };
}

const visibleDistributor = (db: Db, regions: readonly number[], id: number) =>
  prepared(db, `SELECT 1 FROM distributors WHERE id = ? AND ${distributorInRegions('id', regions)}`).get(id) !== undefined;

function peakMonthsFor(db: Db, scope: ViewScope): number[] {
  const regionId =
    scope.regionId ??
    (scope.distributorId
      ? (prepared(db, 'SELECT a.region_id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE d.id = ?')
          .pluck()
          .get(scope.distributorId) as number | undefined)
      : undefined);
  const rows = regionId
    ? (prepared(db, 'SELECT month FROM region_peak_months WHERE region_id = ? ORDER BY month').pluck().all(regionId) as number[])
    : // all the person's regions: the months that are peak in most of them
      (prepared(
        db,
        `SELECT month FROM region_peak_months WHERE ${inRegions('region_id', scope.regions ?? null)} GROUP BY month
         HAVING count(*) * 2 >= (SELECT count(*) FROM regions WHERE ${inRegions('id', scope.regions ?? null)}) ORDER BY month`,
      )
        .pluck()
        .all() as number[]);
  return rows;
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { forecastDemand } from '../../main/forecast/demand.js';
import { runForecastCommand } from '../../main/forecast/csv-command.js';
import { runForecast } from '../../main/forecast/run.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const noControl = { progress() {}, checkCancelled() {} };
describe('forecasting on a real SQLite file', () => {
  it('forecasts every series in worker threads, stores it, and refits only what changed', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const series = db
      .prepare('SELECT count(*) FROM (SELECT DISTINCT distributor_id, product_id FROM sales_history)')
      .pluck()
      .get() as number;
    const { jobId } = await call(ctx, 'forecast.run', { force: false });
    const job = await ctx.jobs.wait(jobId);
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.result).toMatchObject({ status: 'ok', seriesTotal: series, seriesRecomputed: series });
    expect(db.prepare('SELECT count(*) FROM forecast_values').pluck().get()).toBe(series * 12);
    expect(db.prepare("SELECT min(month) || ' ' || max(month) FROM forecast_values").pluck().get()).toBe('2026-11 2027-10');

    const again = await runForecast(db, {}, noControl);
    expect(again.seriesRecomputed).toBe(0);
    const [d, p] = db.prepare('SELECT distributor_id, product_id FROM sales_history LIMIT 1').raw().get() as [number, number];
    await call(ctx, 'sales.set', { distributorId: d, productId: p, month: '2026-09', cases: 9999 });
    const view = await call(ctx, 'forecast.view', {});
    expect(view.stale).toBe(true);
    expect((await runForecast(db, {}, noControl)).seriesRecomputed).toBe(1);
  });

  it('keeps totals coherent and spreads agreed numbers down in proportion', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, noControl);
    const whole = await call(ctx, 'forecast.view', {});
    // the same month last year beside every forecast month, from the history itself
    const lastYearOf = db.prepare('SELECT sum(cases) FROM sales_history WHERE month = ?').pluck();
    for (const f of whole.forecast) {
      const [y, m] = f.month.split('-').map(Number) as [number, number];
      expect(f.lastYear, f.month).toBe(lastYearOf.get(`${y - 1}-${String(m).padStart(2, '0')}`) ?? null);
    }
    const oneDistributor = await call(ctx, 'forecast.view', {
      distributorId: db.prepare('SELECT min(distributor_id) FROM forecast_series').pluck().get(),
    });
    expect(oneDistributor.forecast[0]!.lastYear).toBe(
      db
        .prepare(
          'SELECT sum(cases) FROM sales_history WHERE distributor_id = (SELECT min(distributor_id) FROM forecast_series) AND month = ?',
        )
        .pluck()
        .get(`${Number(whole.forecast[0]!.month.slice(0, 4)) - 1}${whole.forecast[0]!.month.slice(4)}`),
    );
    const distributors = db.prepare('SELECT DISTINCT distributor_id FROM forecast_series').pluck().all() as number[];
    let sum = 0;
    for (const id of distributors) sum += (await call(ctx, 'forecast.view', { distributorId: id })).forecast[6]!.point;
    expect(Math.abs(sum - whole.forecast[6]!.point)).toBeLessThanOrEqual(distributors.length);

    const target = distributors[0]!;
    const before = await call(ctx, 'forecast.view', { distributorId: target });
    const month = before.forecast[6]!.month;
    await call(ctx, 'forecast.override', {
      level: 'distributor',
      distributorId: target,
      month,
      mode: 'absolute',
      value: 5000,
      note: 'Agreed at the October meeting',
    });
    const after = await call(ctx, 'forecast.view', { distributorId: target });
    expect(after.forecast[6]!.agreed).toBe(5000);
    expect(after.forecast[6]!.point).toBe(before.forecast[6]!.point);
    const cells = forecastDemand(db, { distributorIds: [target], fromMonth: month, toMonth: month });
    expect(cells.reduce((s, c) => s + c.agreed, 0)).toBeCloseTo(5000, 6);
    // proportional: each SKU keeps its share of the distributor's statistical total
    const natural = cells.reduce((s, c) => s + c.natural, 0);
    for (const c of cells) expect(c.agreed).toBeCloseTo((c.natural / natural) * 5000, 6);

    const bad = await dispatch(ctx, 'forecast.override', { level: 'sku', month, mode: 'absolute', value: 10, note: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['note', 'productId']);
  });

  it('handles empty and all-zero histories gracefully', async () => {
    const { ctx } = createTestDb();
    expect((await call(ctx, 'forecast.view', {})).status).toBe('no_history');
    const summary = await runForecast(ctx.db, {}, noControl);
    expect(summary.status).toBe('no_history');
  });
});

describe('the forecast command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-forecast-cli-'));
  it('writes one row per series and future month', async () => {
    const lines = ['series_id,period,value'];
    for (let t = 0; t < 36; t++)
      lines.push(`A,${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${100 + 50 * Math.sin((t * Math.PI) / 6)}`);
    lines.push('B,2025-01,5', 'B,2025-03,7'); // a gap in February: read as zero
    writeFileSync(join(dir, 'in.csv'), lines.join('\n'));
    expect(await runForecastCommand(['--in', join(dir, 'in.csv'), '--horizon', '6', '--out', join(dir, 'out.csv')])).toBe(0);
    const out = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('series_id,period,forecast,lo80,hi80,lo95,hi95,model');
    expect(out).toHaveLength(1 + 2 * 6);
    expect(out[1]).toMatch(/^A,2026-01,/);
    expect(out.filter((l) => l.startsWith('B,'))[0]).toMatch(/^B,2025-04,/);
  });

  it('names the line of bad input', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      for (const [content, message] of [
        ['series_id,period\nA,2020-01', 'missing column "value"'],
        ['series_id,period,value\nA,2020-01,5\nA,20-02,5', 'Line 3: period "20-02"'],
        ['series_id,period,value\nA,2020-01,-5', 'Line 2: value -5 is negative'],
        ['series_id,period,value\nA,2020-01,abc', 'Line 2: value "abc" is not a number'],
        ['series_id,period,value\nA,2020-01,5\nA,2020-01,6', 'Line 3: series A already has 2020-01 (line 2)'],
      ] as const) {
        writeFileSync(join(dir, 'bad.csv'), content);
        expect(await runForecastCommand(['--in', join(dir, 'bad.csv'), '--out', join(dir, 'x.csv')])).toBe(1);
        expect(errors.pop()).toContain(message);
      }
    } finally {
      console.error = original;
    }
  });

  it('keeps the month totals the whole-region screen and segmentation read equal to the sums of the rows, after every kind of write', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    await runForecast(db, { workers: 1 }, noControl);
    const same = () => {
      expect(db.prepare('SELECT month, cases, rows FROM history_month_totals ORDER BY month').raw().all()).toEqual(
        db.prepare('SELECT month, sum(cases), count(*) FROM sales_history GROUP BY month ORDER BY month').raw().all(),
      );
      // each distributor's (segmentation reads them)
      expect(
        db.prepare('SELECT month, distributor_id, cases, rows FROM history_distributor_month_totals ORDER BY 1, 2').raw().all(),
      ).toEqual(
        db.prepare('SELECT month, distributor_id, sum(cases), count(*) FROM sales_history GROUP BY 1, 2 ORDER BY 1, 2').raw().all(),
      );
      const kept = db
        .prepare('SELECT month, point, width95_squared, cells, width95_sum FROM forecast_month_totals ORDER BY month')
        .raw()
        .all() as Array<[string, number, number, number, number]>;
      const summed = db
        .prepare(
          'SELECT month, sum(point), sum((hi95 - lo95) * (hi95 - lo95)), count(*), sum(hi95 - lo95) FROM forecast_values GROUP BY month ORDER BY month',
        )
        .raw()
        .all() as Array<[string, number, number, number, number]>;
      expect(kept.map(([m, , , n]) => [m, n])).toEqual(summed.map(([m, , , n]) => [m, n]));
      kept.forEach(([, point, width, , widthSum], i) => {
        expect(point).toBeCloseTo(summed[i]![1], 3);
        expect(width).toBeCloseTo(summed[i]![2], 1);
        expect(widthSum).toBeCloseTo(summed[i]![4], 3);
      });
    };
    same();
    // a correction, a new month, a forecast refit, a deletion cascading from a distributor
    const [d, p] = db.prepare('SELECT distributor_id, product_id FROM sales_history LIMIT 1').raw().get() as [number, number];
    await call(ctx, 'sales.set', { distributorId: d, productId: p, month: '2026-09', cases: 9999 });
    await call(ctx, 'sales.set', { distributorId: d, productId: p, month: '2026-11', cases: 5 });
    // a bulk import: new months and corrections, counted once at the end instead of row by row
    const codes = db
      .prepare(
        'SELECT d.code, p.sku FROM sales_history h JOIN distributors d ON d.id = h.distributor_id JOIN products p ON p.id = h.product_id LIMIT 3',
      )
      .raw()
      .all() as Array<[string, string]>;
    const csv = [
      'distributor,sku,month,cases',
      ...codes.map(([dc, sku], i) => `${dc},${sku},2026-0${i + 1},${100 + i}`),
      ...codes.map(([dc, sku]) => `${dc},${sku},1998-12,7`),
    ].join('\n');
    const preview = await call(ctx, 'import.preview', {
      entity: 'salesHistory',
      fileName: 'h.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    await call(ctx, 'import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' });
    expect(db.prepare("SELECT cases FROM history_month_totals WHERE month = '1998-12'").pluck().get()).toBe(21);
    same();
    await runForecast(db, {}, noControl);
    db.prepare("UPDATE sales_history SET month = '1999-01' WHERE distributor_id = ? AND product_id = ? AND month = '2026-11'").run(d, p);
    same();
    // a row moved to another distributor leaves the first one's month and joins the other's
    const other = db.prepare('SELECT max(distributor_id) FROM sales_history').pluck().get() as number;
    db.prepare("UPDATE sales_history SET distributor_id = ? WHERE distributor_id = ? AND product_id = ? AND month = '1999-01'").run(
      other,
      d,
      p,
    );
    same();
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM sales_history WHERE distributor_id = ?').run(d);
    db.prepare('DELETE FROM forecast_series WHERE distributor_id = ?').run(d);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM forecast_series WHERE distributor_id = (SELECT max(distributor_id) FROM forecast_series)').run();
    same();
    // and the whole-region screen reads them: the same numbers as summing a scope that covers everything
    const whole = await call(ctx, 'forecast.view', {});
    const regions = db.prepare('SELECT id FROM regions').pluck().all() as number[];
    expect(regions).toHaveLength(1);
    const byRegion = await call(ctx, 'forecast.view', { regionId: regions[0] });
    expect(whole.history).toEqual(byRegion.history);
    expect(whole.forecast.map((f) => [f.month, f.point, f.lo80, f.hi95, f.lastYear])).toEqual(
      byRegion.forecast.map((f) => [f.month, f.point, f.lo80, f.hi95, f.lastYear]),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { addMonths } from '../../shared/domain/months.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const noControl = { progress() {}, checkCancelled() {} };

describe('a shock common to a region’s series, on a real SQLite file', () => {
  it('is found when the whole region turned in the latest months, and its series are forecast knowing it', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const calm = await runForecast(db, { force: true, workers: 1 }, noControl);
    expect(calm.regionsInShock).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM forecast_series WHERE params LIKE '%"commonShock"%'`).pluck().get()).toBe(0);
    expect((await call(ctx, 'forecast.view', {})).seriesAfterShock).toBe(0);
    const before = (await call(ctx, 'forecast.view', {})).forecast.slice(0, 6).reduce((s, f) => s + f.point, 0);

    // The whole market rose by half over the latest six months (a competitor left, a tax cut):
    // every distributor's shipments, month by month.
    const last = db.prepare('SELECT max(month) FROM sales_history').pluck().get() as string;
    const raise = db.prepare('UPDATE sales_history SET cases = round(cases * ?) WHERE month = ?');
    db.transaction(() => {
      for (let k = 0; k < 6; k++) raise.run(1 + 0.5 * Math.min(1, (6 - k) / 4), addMonths(last, -k));
    })();
    const turned = await runForecast(db, { force: true, workers: 1 }, noControl);
    expect(turned.regionsInShock).toBe(1);
    const series = db.prepare('SELECT count(*) FROM forecast_series').pluck().get() as number;
    const afterShock = db.prepare(`SELECT count(*) FROM forecast_series WHERE params LIKE '%"commonShock"%'`).pluck().get() as number;
    expect(afterShock).toBeGreaterThan(series / 2);
    expect(
      db.prepare(`SELECT count(*) FROM forecast_series WHERE model LIKE 'After a common shock%'`).pluck().get() as number,
    ).toBeGreaterThan(0);
    const view = await call(ctx, 'forecast.view', {});
    expect(view.seriesAfterShock).toBe(afterShock);
    // the next months follow the region where it now is, not where it was
    const after = view.forecast.slice(0, 6).reduce((s, f) => s + f.point, 0);
    expect(after).toBeGreaterThan(1.3 * before);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open.js';
import { LATEST_VERSION, migrate } from '../../main/db/migrations/index.js';
import { seedDemo } from '../../main/demo/generate.js';
import { eachDemandSeries } from '../../main/forecast/demand.js';
import { repackForecastDemand } from '../../main/forecast/demand-packs.js';
import { runForecast } from '../../main/forecast/run.js';
import { readDemand } from '../../main/readiness/demand-read.js';
import { weekGrid } from '../../main/readiness/weeks.js';
import { createTestDb } from '../support/db.js';

const WHOLE = { fromMonth: '2000-01', toMonth: '2999-12' };

/** Every forecast month as the rows hold it, to a thousandth of a case, by 'distributor:SKU:month'. */
function rowsAsRead(db: Db): Map<string, [number, number, number]> {
  const rows = db
    .prepare(
      `SELECT distributor_id || ':' || product_id || ':' || month, CAST(round(point * 1000) AS INTEGER), CAST(round(lo80 * 1000) AS INTEGER),
         CAST(round(hi80 * 1000) AS INTEGER) FROM forecast_values`,
    )
    .raw()
    .all() as Array<[string, number, number, number]>;
  return new Map(rows.map(([key, p, lo, hi]) => [key, [p / 1000, lo / 1000, hi / 1000]]));
}

/** What the whole-network reader gives, in the same shape, with the order it gave the series in. */
function seriesAsRead(db: Db): { values: Map<string, [number, number, number]>; order: string[] } {
  const values = new Map<string, [number, number, number]>();
  const order: string[] = [];
  eachDemandSeries(db, WHOLE, (s) => {
    order.push(`${s.distributorId}:${s.productId}`);
    s.months.forEach((m, i) => values.set(`${s.distributorId}:${s.productId}:${m}`, [s.natural[i]!, s.lo80[i]!, s.hi80[i]!]));
  });
  return { values, order };
}

const packCount = (db: Db) => db.prepare('SELECT count(*) FROM forecast_demand_packs').pluck().get() as number;
const forecastDistributors = (db: Db) => db.prepare('SELECT count(DISTINCT distributor_id) FROM forecast_series').pluck().get() as number;
const isPacked = (db: Db, distributorId: number) =>
  db.prepare('SELECT 1 FROM forecast_demand_packs WHERE distributor_id = ?').get(distributorId) !== undefined;

describe('the forecast packed per distributor for whole-network readers', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = createTestDb('file'));
    seedDemo(db, { scale: 'S' });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  }, 240_000);

  it('a forecast run leaves every distributor packed, and the packs read exactly as the rows, in key order', () => {
    expect(forecastDistributors(db)).toBeGreaterThan(10);
    expect(packCount(db)).toBe(forecastDistributors(db));
    const { values, order } = seriesAsRead(db);
    expect(values).toEqual(rowsAsRead(db));
    const sorted = [...order].sort((a, b) => {
      const [ad, ap] = a.split(':').map(Number);
      const [bd, bp] = b.split(':').map(Number);
      return ad! - bd! || ap! - bp!;
    });
    expect(order).toEqual(sorted);
  });

  it('an edit unpacks its own distributor only, which is read from its rows at once, and packed again by the next repack', () => {
    const cell = db
      .prepare('SELECT distributor_id AS d, product_id AS p, month AS m FROM forecast_values ORDER BY point DESC LIMIT 1')
      .get() as { d: number; p: number; m: string };
    const before = packCount(db);
    db.prepare('UPDATE forecast_values SET point = point + 7.25 WHERE distributor_id = ? AND product_id = ? AND month = ?').run(
      cell.d,
      cell.p,
      cell.m,
    );
    expect(isPacked(db, cell.d)).toBe(false);
    expect(packCount(db)).toBe(before - 1);
    const rows = rowsAsRead(db);
    expect(seriesAsRead(db).values).toEqual(rows);
    expect(repackForecastDemand(db)).toBe(1);
    expect(isPacked(db, cell.d)).toBe(true);
    expect(repackForecastDemand(db)).toBe(0);
    expect(seriesAsRead(db).values).toEqual(rows);

    // removing a series (its rows go with it) unpacks too
    db.prepare('DELETE FROM forecast_series WHERE distributor_id = ? AND product_id = ?').run(cell.d, cell.p);
    expect(isPacked(db, cell.d)).toBe(false);
    const { values } = seriesAsRead(db);
    expect([...values.keys()].some((k) => k.startsWith(`${cell.d}:${cell.p}:`))).toBe(false);
    expect(values).toEqual(rowsAsRead(db));
  });

  it('keeps numbers beyond 32 bits, negative ranges and thousandths as the rows round them', () => {
    const { d, p } = db
      .prepare('SELECT distributor_id AS d, product_id AS p FROM forecast_series ORDER BY distributor_id DESC LIMIT 1')
      .get() as { d: number; p: number };
    db.prepare('DELETE FROM forecast_values WHERE distributor_id = ? AND product_id = ?').run(d, p);
    const insert = db.prepare(
      'INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(d, p, '2027-05', 5_000_000.1234, -12.3456, 9_999_999.9995, -20, 12_000_000);
    insert.run(d, p, '2027-04', 0.0004, -0.0005, 0.0005, 0, 1);
    repackForecastDemand(db);
    expect(isPacked(db, d)).toBe(true);
    const { values } = seriesAsRead(db);
    expect(values.get(`${d}:${p}:2027-05`)).toEqual([5_000_000.123, -12.346, 10_000_000]);
    expect(values.get(`${d}:${p}:2027-04`)).toEqual([0, -0.001, 0.001]);
    expect(values).toEqual(rowsAsRead(db));
  });

  it("reads a SKU whose id comes from a connected desktop's range, beyond 32 bits", () => {
    const d = db.prepare('SELECT min(distributor_id) FROM forecast_series').pluck().get() as number;
    const p = -(3 * 2 ** 32) - 7;
    db.prepare(
      "INSERT INTO products (id, sku, name, brand, pack, size_ml, units_per_case, status, created_at, updated_at) VALUES (?, 'DESK-7', 'Desk lager', 'Desk', 'can', 330, 24, 'new', '2026-11-20', '2026-11-20')",
    ).run(p);
    const run = db.prepare('SELECT max(id) FROM forecast_runs').pluck().get() as number;
    db.prepare(
      "INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params) VALUES (?, ?, ?, 'h', 'ets', 'ETS(A,N,N)', '{}')",
    ).run(d, p, run);
    db.prepare(
      "INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (?, ?, '2027-05', 42.5, 30, 55, 25, 60)",
    ).run(d, p);
    repackForecastDemand(db);
    expect(isPacked(db, d)).toBe(true);
    const { values, order } = seriesAsRead(db);
    expect(values.get(`${d}:${p}:2027-05`)).toEqual([42.5, 30, 55]);
    // the desktop's SKU comes first in the distributor's (SKU) order, as the rows have it
    expect(order.find((k) => k.startsWith(`${d}:`))).toBe(`${d}:${p}`);
    expect(values).toEqual(rowsAsRead(db));
  });

  it("stock readiness reads the same demand from packs as from the rows alone, and reads a window's months only", () => {
    const request = {
      grid: weekGrid(new Date('2026-11-20T00:00:00Z'), 30),
      distributorIds: db.prepare('SELECT id FROM distributors').pluck().all() as number[],
      productIds: db.prepare('SELECT id FROM products').pluck().all() as number[],
      expected: 16,
    };
    repackForecastDemand(db);
    const packed = readDemand(db, request);
    db.exec('SAVEPOINT unpacked; DELETE FROM forecast_demand_packs');
    const fromRows = readDemand(db, request);
    db.exec('ROLLBACK TO unpacked; RELEASE unpacked');
    expect(packCount(db)).toBe(forecastDistributors(db));
    expect(packed.count).toBeGreaterThan(100);
    expect(fromRows.count).toBe(packed.count);
    const used = (b: typeof packed) => ({
      count: b.count,
      seriesRead: b.seriesRead,
      distributorId: Array.from(b.distributorId.subarray(0, b.count)),
      productId: Array.from(b.productId.subarray(0, b.count)),
      demand: Array.from(b.demand.subarray(0, b.count * request.grid.weeks.length)),
      variance: Array.from(b.variance.subarray(0, b.count * request.grid.weeks.length)),
    });
    expect(used(packed)).toEqual(used(fromRows));
    // a window of months outside the forecast reads nothing
    const empty = readDemand(db, { ...request, grid: weekGrid(new Date('2031-01-06T00:00:00Z'), 4) });
    expect(empty.seriesRead).toBe(0);
  });

  it('the migration packs a file that had its forecast before it', () => {
    const rows = rowsAsRead(db);
    db.exec(`
      DROP TRIGGER forecast_values_unpack_insert;
      DROP TRIGGER forecast_values_unpack_delete;
      DROP TRIGGER forecast_values_unpack_update;
      DROP TABLE forecast_demand_packs;
      PRAGMA user_version = 26;
    `);
    // 0027 and 0028 again; the later migrations are already in this file
    migrate(db, 28);
    db.pragma(`user_version = ${LATEST_VERSION}`);
    expect(packCount(db)).toBe(forecastDistributors(db));
    expect(seriesAsRead(db).values).toEqual(rows);
  });
});

import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../main/db/open.js';
import { eachDemandSeries } from '../../main/forecast/demand.js';
import { TEST_NOW } from '../support/db.js';
import { teamOnLoopback } from '../support/team-on-loopback.js';

/**
 * A connected desktop gets its forecast from the team server (a forecast runs there, not on the
 * desktop), and the readiness pass reads it from the distributors' packs: the first sync and every
 * pull that brings forecast rows must leave them packed, with the numbers the rows hold.
 */
const team = teamOnLoopback('sync-forecast-packs');

function onServer<T>(work: (db: Db) => T): T {
  const db = openDatabase(team.serverFile);
  try {
    return work(db);
  } finally {
    closeDatabase(db);
  }
}

/** What the whole-network reader gives on a file, by 'distributor:SKU:month'. */
function demand(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  eachDemandSeries(db, { fromMonth: '2000-01', toMonth: '2999-12' }, (s) =>
    s.months.forEach((m, i) => (out[`${s.distributorId}:${s.productId}:${m}`] = s.natural[i]!)),
  );
  return out;
}

const packed = (db: Db) => db.prepare('SELECT distributor_id FROM forecast_demand_packs ORDER BY 1').pluck().all() as number[];

describe('the forecast packed on a connected desktop', () => {
  it('is packed after the first sync and again after a pull that brings forecast rows', async () => {
    const { D1, D2, P1 } = team.ids;
    onServer((db) => {
      db.prepare("INSERT INTO forecast_runs (id, started_at, finished_at, first_month, horizon) VALUES (1, ?, ?, '2026-12', 12)").run(
        TEST_NOW,
        TEST_NOW,
      );
      const series = db.prepare(
        "INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params) VALUES (?, ?, 1, 'h', 'ets', 'ETS(A,N,N)', '{}')",
      );
      const value = db.prepare(
        'INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const d of [D1!, D2!]) {
        series.run(d, P1);
        for (const [k, month] of ['2026-12', '2027-01', '2027-02'].entries()) value.run(d, P1, month, 100 + k, 80, 120, 70, 130);
      }
    });

    // S1 sees the North region: D1 only
    const s1 = await team.connected('S1');
    await s1.engine.syncNow();
    const db = s1.ctx.db;
    expect(packed(db)).toEqual([D1]);
    expect(demand(db)).toEqual({ [`${D1}:${P1}:2026-12`]: 100, [`${D1}:${P1}:2027-01`]: 101, [`${D1}:${P1}:2027-02`]: 102 });

    // a new forecast number on the server arrives with the next pull, packed
    onServer((server) =>
      server.prepare("UPDATE forecast_values SET point = 250.125 WHERE distributor_id = ? AND month = '2027-01'").run(D1),
    );
    await s1.engine.syncNow();
    expect(packed(db)).toEqual([D1]);
    expect(demand(db)[`${D1}:${P1}:2027-01`]).toBe(250.125);
    expect(db.prepare("SELECT point FROM forecast_values WHERE month = '2027-01'").pluck().get()).toBe(250.125);
  });
});

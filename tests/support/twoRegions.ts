import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { call } from './call.js';
import { asPerson, createTestDb, TEST_NOW } from './db.js';

/**
 * Two regions on one real file: the S demo's North, and a West made through the contract, to which
 * one of North's distributors moves with its outlets (setup only: the contract moves a distributor,
 * not its history, in one call) so that West has sales, forecasts, stock, complaints and prospects.
 */
export async function twoRegions(options: { forecast?: boolean; scope?: 'test' | 'file' } = {}) {
  const t = createTestDb(options.scope);
  seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
  const { ctx, db } = t;
  const north = db.prepare('SELECT id FROM regions').pluck().get() as number;
  const west = (await call(ctx, 'region.create', { draft: { code: 'W', name: 'West', peakMonths: [5, 6, 7, 8] } })).id;
  const area = (await call(ctx, 'area.create', { draft: { code: 'W1', name: 'West coast', regionId: west } })).id;
  await call(ctx, 'person.create', { code: 'WM', name: 'West manager', role: 'regional_manager', regionIds: [west] });
  // The distributor with the most prospects moves, so West has a pipeline and prospects of its own.
  const moved = db
    .prepare(
      `SELECT d.id FROM distributors d JOIN complaints c ON c.distributor_id = d.id
       ORDER BY (SELECT count(*) FROM sub_dealers s WHERE s.distributor_id = d.id AND s.status = 'prospect')
         + (SELECT count(*) FROM terminals x WHERE x.distributor_id = d.id AND x.status = 'prospect') DESC, d.id LIMIT 1`,
    )
    .pluck()
    .get() as number;
  db.prepare('UPDATE distributors SET area_id = ? WHERE id = ?').run(area, moved);
  db.prepare('UPDATE sub_dealers SET area_id = ? WHERE distributor_id = ?').run(area, moved);
  db.prepare(
    'UPDATE terminals SET area_id = ? WHERE distributor_id = ? OR sub_dealer_id IN (SELECT id FROM sub_dealers WHERE distributor_id = ?)',
  ).run(area, moved, moved);
  const name = db.prepare('SELECT name FROM distributors WHERE id = ?').pluck().get(moved) as string;
  // The readiness board and the forecast's totals read a forecast run.
  if (options.forecast) await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  const northManager = db.prepare("SELECT code FROM staff WHERE role = 'regional_manager' AND region_id = ?").pluck().get(north) as string;
  return { ...t, north, west, area, moved, name, asWest: asPerson(ctx, 'WM'), asNorth: asPerson(ctx, northManager) };
}

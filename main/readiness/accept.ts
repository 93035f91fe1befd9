import { now } from '../../shared/domain/clock.js';
import { nextId } from '../db/ids.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { readinessToday } from './computation.js';
import { isoDay, WEEK_MS } from './weeks.js';

/**
 * Turns the proposed plan into planned shipments for the warehouse, replacing the plan accepted
 * before (its shipments not yet sent), and remembers every cell's colour for "what changed".
 */
export function acceptPlan(db: Db, today = now()): { shipments: number; cases: number } {
  const c = readinessToday(db, today);
  return db.transaction(() => {
    prepared(db, "DELETE FROM shipments WHERE source = 'plan' AND status = 'planned'").run();
    const insert = prepared(
      db,
      "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', 'plan', ?)",
    );
    const now = nowIso();
    let cases = 0;
    for (const s of c.assessment.plan.shipments) {
      insert.run(
        nextId('shipments'),
        s.distributorId,
        s.productId,
        s.cases,
        isoDay(c.grid.start + s.shipWeek * WEEK_MS),
        isoDay(c.grid.start + s.arrivalWeek * WEEK_MS),
        now,
      );
      cases += s.cases;
    }
    const statuses = Object.fromEntries(c.cells.map((x, i) => [`${x.distributorId}:${x.productId}`, c.assessment.cells[i]!.status]));
    const shortCases = c.assessment.plan.shortfalls.reduce((s, x) => s + x.cases, 0);
    prepared(db, 'INSERT INTO readiness_runs (id, created_at, statuses, shipments, cases, short_cases) VALUES (?, ?, ?, ?, ?, ?)').run(
      nextId('readiness_runs'),
      now,
      JSON.stringify(statuses),
      c.assessment.plan.shipments.length,
      cases,
      shortCases,
    );
    return { shipments: c.assessment.plan.shipments.length, cases };
  })();
}

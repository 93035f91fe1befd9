import { dayOf, utcMidnightOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import { computeReadiness } from './service.js';

/**
 * The whole network's projection and pre-build plan from the database, uncached: what the board's
 * first look after a change costs. Returns the time (with its two parts: reading the forecast, stock
 * and shipments; projecting, planning and judging) and the size of the problem.
 */
export function benchmarkReadiness(
  db: Db,
  instant = now(),
): { ms: number; loadMs: number; planMs: number; cells: number; weeks: number; shipments: number; shortfalls: number } {
  const t0 = performance.now();
  const c = computeReadiness(db, new Date(utcMidnightOf(dayOf(instant))));
  return {
    ms: Math.round((performance.now() - t0) * 10) / 10,
    loadMs: c.loadMs,
    planMs: c.planMs,
    cells: c.cells.length,
    weeks: c.grid.weeks.length,
    shipments: c.assessment.plan.shipments.length,
    shortfalls: c.assessment.plan.shortfalls.length,
  };
}

import type { DevelopmentDashboard } from '../../shared/contract/development.js';
import { PLAN_STATUSES, STAGES, weekStartOf, type IndicatorNumbers, type PlanStatus, type Stage } from '../../shared/domain/development.js';
import { prepared, type Db } from '../db/open.js';
import { localToday, zeroNumbers } from './common.js';
import { dueBy, listPlans } from './plans.js';
import { areaInRegions, staffInRegions, type RegionScope } from '../people/readScope.js';

/** The month's development progress for the dashboard tile and the screen's header. */
export function developmentDashboard(
  db: Db,
  q: { month: string; regionId?: number | undefined; salespersonId?: number | undefined },
  today = localToday(),
  scope: RegionScope = null,
): DevelopmentDashboard {
  const plans = listPlans(db, { month: q.month, regionId: q.regionId }, today, scope).filter(
    (p) => q.salespersonId === undefined || p.salespersonId === q.salespersonId,
  );
  const byStatus = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
  const plan = zeroNumbers();
  const actual = zeroNumbers();
  const due = zeroNumbers();
  for (const p of plans) {
    byStatus[p.status]++;
    const numbers: IndicatorNumbers = {
      visits: p.plannedVisits,
      newSubDealers: p.newSubDealers,
      newTerminals: p.newTerminals,
      competitorWins: p.competitorWins,
    };
    const owed = dueBy(numbers, q.month, today);
    for (const k of Object.keys(plan) as Array<keyof IndicatorNumbers>) {
      plan[k] += numbers[k];
      actual[k] += p.actual[k];
      due[k] = Math.round((due[k] + owed[k]) * 10) / 10;
    }
  }
  // Without a salesperson or region named, the person's own regions (every region for an administrator).
  const staffWhere =
    q.salespersonId !== undefined ? 's.id = ?' : q.regionId !== undefined ? 's.region_id = ?' : staffInRegions('s.id', scope);
  const staffParam = q.salespersonId ?? q.regionId;
  const params = staffParam === undefined ? [] : [staffParam];
  const salespeople = prepared(db, `SELECT count(*) FROM staff s WHERE s.role = 'salesperson' AND s.active = 1 AND ${staffWhere}`)
    .pluck()
    .get(...params) as number;
  const stageRows = prepared(
    db,
    // Archived outlets keep their pipeline history but are not counted in the live pipeline.
    `SELECT p.stage, count(*) FROM pipeline p LEFT JOIN staff s ON s.id = p.owner_id
       LEFT JOIN sub_dealers osd ON p.outlet_type = 'sub_dealer' AND osd.id = p.outlet_id
       LEFT JOIN terminals ot ON p.outlet_type = 'terminal' AND ot.id = p.outlet_id
     WHERE coalesce(osd.archived_at, ot.archived_at) IS NULL
       AND ${q.salespersonId === undefined && q.regionId === undefined ? areaInRegions('coalesce(osd.area_id, ot.area_id)', scope) : staffWhere}
     GROUP BY p.stage`,
  )
    .raw()
    .all(...params) as Array<[Stage, number]>;
  const pipeline = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const [s, n] of stageRows) pipeline[s] = n;
  const visitsToday = prepared(
    db,
    `SELECT count(*) FROM visits v JOIN staff s ON s.id = v.salesperson_id WHERE v.day = ? AND ${staffWhere}`,
  )
    .pluck()
    .get(today, ...params) as number;
  const week = weekStartOf(today);
  const reviewsThisWeek = prepared(
    db,
    `SELECT count(*) FROM weekly_reviews w JOIN staff s ON s.id = w.salesperson_id WHERE w.week_start = ? AND w.submitted_at IS NOT NULL AND ${staffWhere}`,
  )
    .pluck()
    .get(week, ...params) as number;
  return { month: q.month, salespeople, plans: byStatus, plan, actual, dueByNow: due, pipeline, visitsToday, reviewsThisWeek };
}

import { refusal } from '../../shared/contract/result.js';
import { nextId } from '../db/ids.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { allRegionIds, figuresByRegion, figuresOver, regionsOf, runsInForce, type AcceptedRun } from '../readiness/runs.js';
import { distributorInRegions, type RegionScope } from './readScope.js';

/**
 * Signed off means frozen: an approved plan, a commented weekly review and a decided scorecard
 * change only after one of these explicit reopens. The reason travels with the call into the history
 * rows the change writes (see recordCall), so who reopened what and why stays on the record.
 */
export function reopenPlan(db: Db, input: { salespersonId: number; month: string }): { reopened: true } {
  return db.transaction(() => {
    const plan = prepared(db, 'SELECT id, status FROM dev_plans WHERE salesperson_id = ? AND month = ?').get(
      input.salespersonId,
      input.month,
    ) as { id: number; status: string } | undefined;
    if (!plan) throw refusal('not_found', 'devPlanMissing', `There is no development plan for ${input.month}.`, { month: input.month });
    if (plan.status !== 'approved')
      throw refusal(
        'conflict',
        'devPlanNotApproved',
        `The plan for ${input.month} is ${plan.status}, not approved: there is nothing to reopen.`,
        { month: input.month, status: plan.status },
      );
    prepared(db, "UPDATE dev_plans SET status = 'returned', decided_at = NULL, updated_at = ? WHERE id = ?").run(nowIso(), plan.id);
    return { reopened: true as const };
  })();
}

export function reopenReview(db: Db, input: { salespersonId: number; weekStart: string }): { reopened: true } {
  return db.transaction(() => {
    const review = prepared(db, 'SELECT manager_comment AS comment FROM weekly_reviews WHERE salesperson_id = ? AND week_start = ?').get(
      input.salespersonId,
      input.weekStart,
    ) as { comment: string | null } | undefined;
    if (!review?.comment)
      throw refusal(
        'conflict',
        'weeklyReviewNotSigned',
        `The weekly review of ${input.weekStart} has no comment yet: it is not signed off.`,
        { weekStart: input.weekStart },
      );
    prepared(
      db,
      'UPDATE weekly_reviews SET manager_comment = NULL, submitted_at = NULL, updated_at = ? WHERE salesperson_id = ? AND week_start = ?',
    ).run(nowIso(), input.salespersonId, input.weekStart);
    return { reopened: true as const };
  })();
}

export function reopenEvaluation(db: Db, input: { salespersonId: number; month: string }): { reopened: true } {
  return db.transaction(() => {
    const deleted = prepared(db, 'DELETE FROM evaluations WHERE salesperson_id = ? AND month = ?').run(
      input.salespersonId,
      input.month,
    ).changes;
    if (!deleted)
      throw refusal('conflict', 'evaluationNothingDecided', `Nothing was decided for ${input.month} yet: there is nothing to reopen.`, {
        month: input.month,
      });
    return { reopened: true as const };
  })();
}

/**
 * The accepted readiness plan of the caller's regions: its planned shipments stay until a new plan is
 * accepted after this. A plan that also covers regions beyond the caller's stays accepted there: it
 * is kept for those regions as a copy (same moment; its shipments and cases those it wrote there,
 * which the acceptance stamped with its moment, and its short cases theirs), and only the caller's
 * are reopened.
 */
export function reopenReadinessPlan(db: Db, input: { reason: string }, scope: RegionScope = null): { reopened: true } {
  return db.transaction(() => {
    const mine = regionsOf(db, scope);
    const open = new Map<number, AcceptedRun>();
    for (const run of runsInForce(db, mine).values()) if (run.reopenedAt === null) open.set(run.id, run);
    if (!open.size) throw refusal('conflict', 'readinessNothingAccepted', 'No readiness plan is accepted: there is nothing to reopen.');
    const inForce = runsInForce(db, allRegionIds(db));
    for (const run of open.values()) {
      // the other regions this plan is still in force in (not those a newer acceptance replaced there)
      const others = [...inForce].filter(([r, inForceThere]) => inForceThere.id === run.id && !mine.includes(r)).map(([r]) => r);
      if (others.length) {
        // the copy's figures are the other regions' own (a plan accepted before they were kept by
        // region: its shipments and cases counted from the rows it wrote there, its short cases the whole plan's)
        const stored = figuresByRegion(
          prepared(db, 'SELECT by_region FROM readiness_runs WHERE id = ?').pluck().get(run.id) as string | null,
        );
        const kept =
          stored === null ? null : Object.fromEntries(others.filter((r) => stored[String(r)]).map((r) => [String(r), stored[String(r)]!]));
        const sum = kept === null ? null : figuresOver(kept, others);
        prepared(
          db,
          `INSERT INTO readiness_runs (id, created_at, statuses, shipments, cases, short_cases, by_region, regions)
           SELECT ?, r.created_at, r.statuses, coalesce(?, count(s.id)), coalesce(?, sum(s.cases), 0), coalesce(?, r.short_cases), ?, ?
           FROM readiness_runs r LEFT JOIN shipments s ON ? IS NULL AND s.source = 'plan' AND s.created_at = r.created_at
             AND ${distributorInRegions('s.distributor_id', others)}
           WHERE r.id = ? GROUP BY r.id`,
        ).run(
          nextId('readiness_runs'),
          sum?.shipments ?? null,
          sum?.cases ?? null,
          sum?.shortCases ?? null,
          kept === null ? null : JSON.stringify(kept),
          JSON.stringify(others),
          sum === null ? null : 1,
          run.id,
        );
      }
      prepared(db, 'UPDATE readiness_runs SET reopened_at = ?, reopen_reason = ? WHERE id = ?').run(nowIso(), input.reason, run.id);
    }
    return { reopened: true as const };
  })();
}

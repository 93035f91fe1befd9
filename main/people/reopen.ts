import { refusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';

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

/** The accepted readiness plan: its planned shipments stay until a new plan is accepted after this. */
export function reopenReadinessPlan(db: Db, input: { reason: string }): { reopened: true } {
  return db.transaction(() => {
    const run = prepared(db, 'SELECT id, reopened_at AS reopenedAt FROM readiness_runs ORDER BY id DESC LIMIT 1').get() as
      { id: number; reopenedAt: string | null } | undefined;
    if (!run || run.reopenedAt !== null)
      throw refusal('conflict', 'readinessNothingAccepted', 'No readiness plan is accepted: there is nothing to reopen.');
    prepared(db, 'UPDATE readiness_runs SET reopened_at = ?, reopen_reason = ? WHERE id = ?').run(nowIso(), input.reason, run.id);
    return { reopened: true as const };
  })();
}

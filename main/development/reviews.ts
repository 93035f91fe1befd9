import { refusal } from '../../shared/contract/result.js';
import type { WeeklyReview } from '../../shared/contract/development.js';
import { addDays, type IndicatorNumbers, type OutletType, type PlanStatus, type Stage } from '../../shared/domain/development.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { getStaff, monthEnd, monthStart } from './common.js';
import { planNumbers } from './plans.js';
import { periodNumbers, proRata, type WeekStageChange, type WeekVisit } from './weekly.js';
import { staffInRegions, type RegionScope } from '../people/readScope.js';

/**
 * Weekly reviews: the week's numbers come from the visit log and the pipeline, so the salesperson
 * only writes the problems and what worked; the manager adds a comment.
 */
interface ReviewText {
  problems: string | null;
  successes: string | null;
  managerComment: string | null;
  submittedAt: string | null;
  /** JSON of { week, monthToDate } as they stood at submission. */
  submittedNumbers: string | null;
}

const min = (a: string, b: string) => (a < b ? a : b);

export function getReview(db: Db, salespersonId: number, weekStart: string): WeeklyReview {
  const sp = getStaff(db, salespersonId, 'salespersonId');
  return buildReview(db, sp, weekStart);
}

/** `live`: count the figures now even when the review was submitted (to take the submission's snapshot). */
function buildReview(db: Db, sp: { id: number; name: string }, weekStart: string, live = false): WeeklyReview {
  const weekEnd = addDays(weekStart, 6);
  // The review meeting is on Friday: the week belongs to Friday's month.
  const month = addDays(weekStart, 4).slice(0, 7);
  const from = min(weekStart, monthStart(month));
  const to = weekEnd > monthEnd(month) ? weekEnd : monthEnd(month);
  const visits = prepared(
    db,
    'SELECT day, purpose, outlet_type AS outletType, outlet_id AS outletId FROM visits WHERE salesperson_id = ? AND day BETWEEN ? AND ?',
  ).all(sp.id, from, to) as WeekVisit[];
  const changes = (
    prepared(
      db,
      'SELECT day, outlet_type AS outletType, from_stage AS fromStage, to_stage AS toStage, competitor_held AS held FROM pipeline_events WHERE salesperson_id = ? AND day BETWEEN ? AND ?',
    ).all(sp.id, from, to) as Array<{ day: string; outletType: OutletType; fromStage: Stage | null; toStage: Stage; held: number }>
  ).map((c): WeekStageChange => ({
    day: c.day,
    outletType: c.outletType,
    fromStage: c.fromStage,
    toStage: c.toStage,
    competitorHeld: c.held === 1,
  }));
  const plans = new Map<string, IndicatorNumbers>();
  let planStatus: PlanStatus | null = null;
  for (const m of new Set([weekStart.slice(0, 7), weekEnd.slice(0, 7)])) {
    const p = prepared(
      db,
      'SELECT planned_visits AS plannedVisits, new_sub_dealers AS newSubDealers, new_terminals AS newTerminals, competitor_wins AS competitorWins, status FROM dev_plans WHERE salesperson_id = ? AND month = ?',
    ).get(sp.id, m) as
      { plannedVisits: number; newSubDealers: number; newTerminals: number; competitorWins: number; status: PlanStatus } | undefined;
    if (p) plans.set(m, planNumbers(p));
    if (p && m === month) planStatus = p.status;
  }
  const mtdEnd = min(weekEnd, monthEnd(month));
  const { submittedNumbers, ...text } = (prepared(
    db,
    `SELECT problems, successes, manager_comment AS managerComment, submitted_at AS submittedAt, submitted_numbers AS submittedNumbers
     FROM weekly_reviews WHERE salesperson_id = ? AND week_start = ?`,
  ).get(sp.id, weekStart) as ReviewText | undefined) ?? {
    problems: null,
    successes: null,
    managerComment: null,
    submittedAt: null,
    submittedNumbers: null,
  };
  const followupId =
    (prepared(db, 'SELECT min(id) FROM followups WHERE review_salesperson_id = ? AND review_week_start = ?')
      .pluck()
      .get(sp.id, weekStart) as number | null) ?? null;
  const monthPlan = plans.get(month) ?? null;
  // Signed off means frozen: a submitted review shows what the salesperson reported, the actual
  // figures, beside the month's plan as planned; the pro-rata share is only a pace guide while writing.
  const frozen =
    !live && text.submittedAt !== null && submittedNumbers !== null ? (JSON.parse(submittedNumbers) as SubmittedNumbers) : null;
  if (frozen)
    return {
      salespersonId: sp.id,
      salespersonName: sp.name,
      weekStart,
      weekEnd,
      ...frozen,
      weekPlan: null,
      monthToDatePlan: null,
      monthPlan,
      month,
      planStatus,
      ...text,
      asSubmitted: true,
      followupId,
    };
  return {
    salespersonId: sp.id,
    salespersonName: sp.name,
    weekStart,
    weekEnd,
    week: periodNumbers(visits, changes, weekStart, weekEnd),
    weekPlan: plans.size ? proRata(plans, weekStart, weekEnd) : null,
    monthToDate: periodNumbers(visits, changes, monthStart(month), mtdEnd),
    monthToDatePlan: plans.has(month) ? proRata(plans, monthStart(month), mtdEnd) : null,
    monthPlan,
    month,
    planStatus,
    ...text,
    asSubmitted: false,
    followupId,
  };
}

type SubmittedNumbers = Pick<WeeklyReview, 'week' | 'monthToDate'>;

/** Every active salesperson's review for the week (in a region), for the manager's reading. */
export function listReviews(db: Db, weekStart: string, regionId?: number, scope: RegionScope = null): WeeklyReview[] {
  const staff = (
    regionId === undefined
      ? prepared(
          db,
          `SELECT id, name FROM staff WHERE role = 'salesperson' AND active = 1 AND ${staffInRegions('id', scope)} ORDER BY name COLLATE NOCASE`,
        ).all()
      : prepared(
          db,
          "SELECT id, name FROM staff WHERE role = 'salesperson' AND active = 1 AND region_id = ? ORDER BY name COLLATE NOCASE",
        ).all(regionId)
  ) as Array<{ id: number; name: string }>;
  return staff.map((s) => buildReview(db, s, weekStart));
}

export function saveReview(
  db: Db,
  input: { salespersonId: number; weekStart: string; problems: string | null; successes: string | null; submit: boolean },
): WeeklyReview {
  return db.transaction(() => {
    getStaff(db, input.salespersonId, 'salespersonId');
    requireNotCommented(db, input.salespersonId, input.weekStart);
    const now = nowIso();
    // A submission keeps the figures as they stand now (a resubmission, before the manager signs off,
    // takes them again); saving the text alone keeps those of the last submission.
    let numbers: string | null = null;
    if (input.submit) {
      const live = buildReview(db, getStaff(db, input.salespersonId, 'salespersonId'), input.weekStart, true);
      numbers = JSON.stringify({ week: live.week, monthToDate: live.monthToDate } satisfies SubmittedNumbers);
    }
    prepared(
      db,
      `INSERT INTO weekly_reviews (salesperson_id, week_start, problems, successes, submitted_at, submitted_numbers, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (salesperson_id, week_start) DO UPDATE SET problems = excluded.problems, successes = excluded.successes,
         submitted_at = coalesce(excluded.submitted_at, weekly_reviews.submitted_at),
         submitted_numbers = CASE WHEN excluded.submitted_at IS NULL THEN weekly_reviews.submitted_numbers ELSE excluded.submitted_numbers END,
         updated_at = excluded.updated_at`,
    ).run(input.salespersonId, input.weekStart, input.problems, input.successes, input.submit ? now : null, numbers, now);
    return getReview(db, input.salespersonId, input.weekStart);
  })();
}

/** Signed off means frozen: a commented review changes only after weeklyReview.reopen, with a reason. */
function requireNotCommented(db: Db, salespersonId: number, weekStart: string): void {
  const commented = prepared(
    db,
    'SELECT 1 FROM weekly_reviews WHERE salesperson_id = ? AND week_start = ? AND manager_comment IS NOT NULL',
  ).get(salespersonId, weekStart);
  if (commented) {
    throw refusal(
      'conflict',
      'weeklyReviewSignedOff',
      `The weekly review of ${weekStart} is commented and signed off; a regional manager must reopen it, with a reason, before it changes.`,
      { weekStart },
    );
  }
}

export function commentReview(db: Db, input: { salespersonId: number; weekStart: string; managerComment: string | null }): WeeklyReview {
  return db.transaction(() => {
    getStaff(db, input.salespersonId, 'salespersonId');
    requireNotCommented(db, input.salespersonId, input.weekStart);
    prepared(
      db,
      `INSERT INTO weekly_reviews (salesperson_id, week_start, manager_comment, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (salesperson_id, week_start) DO UPDATE SET manager_comment = excluded.manager_comment, updated_at = excluded.updated_at`,
    ).run(input.salespersonId, input.weekStart, input.managerComment, nowIso());
    return getReview(db, input.salespersonId, input.weekStart);
  })();
}

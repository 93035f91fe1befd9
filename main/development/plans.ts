import type { DevPlan, DevPlanInput, PlanSuggestion } from '../../shared/contract/development.js';
import { refusal } from '../../shared/contract/result.js';
import { capCompetitors, type IndicatorNumbers, type PlanStatus } from '../../shared/domain/development.js';
import { monthIndex } from '../../shared/domain/months.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { actualsBySalesperson, getStaff, localToday, monthEnd, monthStart, zeroNumbers } from './common.js';
import { proRata, workingDays } from './weekly.js';
import { staffInRegions, type RegionScope } from '../people/readScope.js';

/**
 * Monthly development plans: what each salesperson commits to for the month (areas, visits, new
 * sub-dealers and terminals, outlets to win from named competitors), drafted by the salesperson,
 * submitted, and approved or returned with a comment by the regional manager.
 */
const PLAN_SELECT = `
  SELECT p.id, p.salesperson_id AS salespersonId, s.name AS salespersonName, s.region_id AS regionId, p.month,
    p.planned_visits AS plannedVisits, p.new_sub_dealers AS newSubDealers, p.new_terminals AS newTerminals,
    p.competitor_wins AS competitorWins, p.note, p.status, p.manager_comment AS managerComment, m.name AS decidedByName,
    p.submitted_at AS submittedAt, p.decided_at AS decidedAt, p.seeded_from AS seededFrom
  FROM dev_plans p JOIN staff s ON s.id = p.salesperson_id LEFT JOIN staff m ON m.id = p.decided_by`;

type PlanRow = Omit<DevPlan, 'areaIds' | 'areaNames' | 'competitors' | 'actual' | 'dueByNow'>;

export const planNumbers = (p: {
  plannedVisits: number;
  newSubDealers: number;
  newTerminals: number;
  competitorWins: number;
}): IndicatorNumbers => ({
  visits: p.plannedVisits,
  newSubDealers: p.newSubDealers,
  newTerminals: p.newTerminals,
  competitorWins: p.competitorWins,
});

/** What the plan owes by `today`: all of it once the month is over, nothing before it starts. */
export function dueBy(plan: IndicatorNumbers, month: string, today: string): IndicatorNumbers {
  if (today < monthStart(month)) return zeroNumbers();
  const to = today < monthEnd(month) ? today : monthEnd(month);
  return proRata(new Map([[month, plan]]), monthStart(month), to);
}

function complete(db: Db, row: PlanRow, actuals: Map<number, IndicatorNumbers>, today: string): DevPlan {
  const areas = prepared(
    db,
    'SELECT a.id, a.name FROM dev_plan_areas x JOIN areas a ON a.id = x.area_id WHERE x.plan_id = ? ORDER BY a.name',
  )
    .raw()
    .all(row.id) as Array<[number, string]>;
  const won = new Map(
    (
      prepared(
        db,
        `SELECT lower(competitor_brand), count(*) FROM pipeline_events
         WHERE salesperson_id = ? AND day BETWEEN ? AND ? AND to_stage = 'signed' AND competitor_held = 1 GROUP BY 1`,
      )
        .raw()
        .all(row.salespersonId, monthStart(row.month), monthEnd(row.month)) as Array<[string | null, number]>
    ).map(([b, n]) => [b ?? '', n]),
  );
  const competitors = (
    prepared(db, 'SELECT brand, outlets FROM dev_plan_competitors WHERE plan_id = ? ORDER BY outlets DESC, brand').all(row.id) as Array<{
      brand: string;
      outlets: number;
    }>
  ).map((c) => ({
    ...c,
    won: won.get(c.brand.toLowerCase()) ?? 0,
  }));
  return {
    ...row,
    areaIds: areas.map(([id]) => id),
    areaNames: areas.map(([, name]) => name),
    competitors,
    actual: actuals.get(row.salespersonId) ?? zeroNumbers(),
    dueByNow: dueBy(planNumbers(row), row.month, today),
  };
}

export function getPlan(db: Db, salespersonId: number, month: string, today = localToday()): DevPlan | null {
  const row = prepared(db, `${PLAN_SELECT} WHERE p.salesperson_id = ? AND p.month = ?`).get(salespersonId, month) as PlanRow | undefined;
  if (!row) return null;
  return complete(db, row, actualsBySalesperson(db, monthStart(month), monthEnd(month), salespersonId), today);
}

export function listPlans(
  db: Db,
  q: { month: string; regionId?: number | undefined; status?: PlanStatus | undefined },
  today = localToday(),
  scope: RegionScope = null,
): DevPlan[] {
  const params: unknown[] = [q.month];
  let sql = `${PLAN_SELECT} WHERE p.month = ? AND ${staffInRegions('p.salesperson_id', scope)}`;
  if (q.regionId !== undefined) {
    sql += ' AND s.region_id = ?';
    params.push(q.regionId);
  }
  if (q.status !== undefined) {
    sql += ' AND p.status = ?';
    params.push(q.status);
  }
  // Waiting for the manager first, then by name.
  const rows = prepared(db, `${sql} ORDER BY p.status = 'submitted' DESC, s.name COLLATE NOCASE`).all(...params) as PlanRow[];
  const actuals = actualsBySalesperson(db, monthStart(q.month), monthEnd(q.month));
  return rows.map((r) => complete(db, r, actuals, today));
}

function requirePlan(db: Db, salespersonId: number, month: string): { id: number; status: PlanStatus; name: string } {
  const row = prepared(
    db,
    'SELECT p.id, p.status, s.name FROM dev_plans p JOIN staff s ON s.id = p.salesperson_id WHERE p.salesperson_id = ? AND p.month = ?',
  ).get(salespersonId, month) as { id: number; status: PlanStatus; name: string } | undefined;
  if (!row) throw refusal('not_found', 'devPlanMissing', `There is no development plan for ${month} yet.`, { month });
  return row;
}

export function savePlan(db: Db, input: DevPlanInput, today = localToday()): DevPlan {
  return db.transaction(() => {
    const sp = getStaff(db, input.salespersonId, 'salespersonId', 'salesperson');
    for (const [i, areaId] of input.areaIds.entries()) {
      const area = prepared(db, 'SELECT name, region_id AS regionId FROM areas WHERE id = ?').get(areaId) as
        { name: string; regionId: number } | undefined;
      if (!area)
        throw refusal('validation', 'recordMissing', `Area #${areaId} does not exist.`, { what: 'Area', id: areaId }, [
          { path: `areaIds.${i}`, message: 'Not found' },
        ]);
      if (area.regionId !== sp.regionId)
        throw refusal(
          'validation',
          'devPlanAreaOutside',
          `${area.name} is outside ${sp.name}'s region.`,
          { area: area.name, name: sp.name },
          [{ path: 'areaIds', message: `${area.name} is in another region` }],
        );
    }
    const competitorWins = input.competitors.reduce((a, c) => a + c.outlets, 0);
    if (competitorWins > input.newSubDealers + input.newTerminals) {
      throw refusal(
        'validation',
        'devPlanCompetitorWins',
        `Outlets to win from competitors (${competitorWins}) cannot exceed the new outlets planned (${input.newSubDealers + input.newTerminals}).`,
        { wins: competitorWins, planned: input.newSubDealers + input.newTerminals },
        [{ path: 'competitors', message: 'More than the new outlets planned' }],
      );
    }
    const existing = prepared(db, 'SELECT id, status FROM dev_plans WHERE salesperson_id = ? AND month = ?').get(
      input.salespersonId,
      input.month,
    ) as { id: number; status: PlanStatus } | undefined;
    if (existing && (existing.status === 'submitted' || existing.status === 'approved')) {
      throw refusal(
        'conflict',
        'devPlanLocked',
        `The plan for ${input.month} is ${existing.status}; the regional manager must return it before it can change.`,
        { month: input.month, status: existing.status },
      );
    }
    const now = nowIso();
    let planId: number;
    if (existing) {
      planId = existing.id;
      prepared(
        db,
        `UPDATE dev_plans SET planned_visits = ?, new_sub_dealers = ?, new_terminals = ?, competitor_wins = ?, note = ?, seeded_from = coalesce(?, seeded_from), updated_at = ? WHERE id = ?`,
      ).run(input.plannedVisits, input.newSubDealers, input.newTerminals, competitorWins, input.note, input.seededFrom, now, planId);
    } else {
      const id = nextId('dev_plans');
      const inserted = Number(
        prepared(
          db,
          `INSERT INTO dev_plans (id, salesperson_id, month, planned_visits, new_sub_dealers, new_terminals, competitor_wins, note, status, seeded_from, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
        ).run(
          id,
          input.salespersonId,
          input.month,
          input.plannedVisits,
          input.newSubDealers,
          input.newTerminals,
          competitorWins,
          input.note,
          input.seededFrom,
          now,
        ).lastInsertRowid,
      );
      planId = id ?? inserted;
    }
    prepared(db, 'DELETE FROM dev_plan_areas WHERE plan_id = ?').run(planId);
    for (const areaId of new Set(input.areaIds))
      prepared(db, 'INSERT INTO dev_plan_areas (plan_id, area_id) VALUES (?, ?)').run(planId, areaId);
    prepared(db, 'DELETE FROM dev_plan_competitors WHERE plan_id = ?').run(planId);
    for (const c of input.competitors)
      prepared(db, 'INSERT INTO dev_plan_competitors (plan_id, brand, outlets) VALUES (?, ?, ?)').run(planId, c.brand, c.outlets);
    return getPlan(db, input.salespersonId, input.month, today)!;
  })();
}

export function submitPlan(db: Db, salespersonId: number, month: string, today = localToday()): DevPlan {
  return db.transaction(() => {
    const plan = requirePlan(db, salespersonId, month);
    if (plan.status !== 'draft' && plan.status !== 'returned')
      throw refusal('conflict', 'devPlanAlready', `The plan for ${month} is already ${plan.status}.`, { month, status: plan.status });
    const row = getPlan(db, salespersonId, month, today)!;
    if (row.plannedVisits + row.newSubDealers + row.newTerminals === 0) {
      throw refusal('validation', 'devPlanEmpty', 'An empty plan cannot be submitted: plan visits or new outlets first.', {}, [
        { path: 'plannedVisits', message: 'Plan something' },
      ]);
    }
    prepared(db, "UPDATE dev_plans SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?").run(
      nowIso(),
      nowIso(),
      plan.id,
    );
    return getPlan(db, salespersonId, month, today)!;
  })();
}

export function decidePlan(
  db: Db,
  input: { salespersonId: number; month: string; decision: 'approve' | 'return'; comment: string | null; managerId?: number | undefined },
  today = localToday(),
): DevPlan {
  return db.transaction(() => {
    const plan = requirePlan(db, input.salespersonId, input.month);
    if (plan.status !== 'submitted')
      throw refusal(
        'conflict',
        'devPlanNotWaiting',
        `${plan.name}'s plan for ${input.month} is ${plan.status}, not waiting for a decision.`,
        { name: plan.name, month: input.month, status: plan.status },
      );
    if (input.managerId !== undefined) getStaff(db, input.managerId, 'managerId', 'regional_manager');
    prepared(db, 'UPDATE dev_plans SET status = ?, manager_comment = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(
      input.decision === 'approve' ? 'approved' : 'returned',
      input.comment,
      input.managerId ?? null,
      nowIso(),
      nowIso(),
      plan.id,
    );
    return getPlan(db, input.salespersonId, input.month, today)!;
  })();
}

const hasTable = (db: Db, name: string) => !!prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);

/**
 * A starting point for the month's plan: the salesperson's areas, a visit rhythm, the competitors
 * whose outlets they are already working, and, when an off-season target plan exists for the
 * region, the new outlets it asks of the salesperson's distributors spread over the months left
 * before the peak.
 */
export function suggestPlan(db: Db, salespersonId: number, month: string): PlanSuggestion {
  const sp = getStaff(db, salespersonId, 'salespersonId', 'salesperson');
  const areaIds = prepared(db, 'SELECT area_id FROM staff_areas WHERE staff_id = ? ORDER BY area_id')
    .pluck()
    .all(salespersonId) as number[];
  const previous = prepared(db, 'SELECT planned_visits FROM dev_plans WHERE salesperson_id = ? AND month < ? ORDER BY month DESC LIMIT 1')
    .pluck()
    .get(salespersonId, month) as number | undefined;
  // Without history: five outlets a working day, a typical development round in a city area.
  const plannedVisits = previous ?? workingDays(month).total * 5;
  const competitors = (
    prepared(
      db,
      `SELECT competitor_brand AS brand, count(*) AS n FROM pipeline
       WHERE owner_id = ? AND competitor_held = 1 AND competitor_brand IS NOT NULL AND stage IN ('prospect', 'contacted', 'negotiating')
       GROUP BY competitor_brand COLLATE NOCASE ORDER BY n DESC LIMIT 5`,
    ).all(salespersonId) as Array<{ brand: string; n: number }>
  ).map((c) => ({ brand: c.brand, outlets: Math.max(1, Math.round(c.n / 3)) }));
  const base = { areaIds, plannedVisits, competitors };
  const none = (reason: NonNullable<PlanSuggestion['reason']>): PlanSuggestion => ({
    available: false,
    source: null,
    newSubDealers: 0,
    newTerminals: 0,
    ...base,
    reason,
    basis: null,
  });
  // The targets feature is optional: seed from it only when its tables are there.
  if (!hasTable(db, 'target_plans') || !hasTable(db, 'target_outlets')) return none('no_targets');
  try {
    const plans = prepared(
      db,
      `SELECT id, name, months, status, substr(created_at, 1, 10) AS createdOn FROM target_plans WHERE region_id = ? ORDER BY status = 'agreed' DESC, season_year DESC, updated_at DESC`,
    ).all(sp.regionId) as Array<{ id: number; name: string; months: string; status: string; createdOn: string }>;
    if (plans.length === 0) return none('no_targets');
    const target = plans.find((p) => (p.months.split(',').sort()[0] ?? '') > month);
    if (!target) return none('no_plan_for_peak');
    const firstPeak = target.months.split(',').sort()[0]!;
    const total =
      (prepared(
        db,
        'SELECT coalesce(sum(o.new_outlets), 0) FROM target_outlets o JOIN distributors d ON d.id = o.distributor_id WHERE o.plan_id = ? AND d.salesperson_id = ?',
      )
        .pluck()
        .get(target.id, salespersonId) as number) ?? 0;
    // Outlets signed since the targets were set, before this month, already count towards them.
    const signedBefore = prepared(
      db,
      "SELECT count(*) FROM pipeline_events WHERE salesperson_id = ? AND to_stage = 'signed' AND day >= ? AND day < ?",
    )
      .pluck()
      .get(salespersonId, target.createdOn, monthStart(month)) as number;
    const monthsLeft = Math.max(1, monthIndex(firstPeak) - monthIndex(month));
    const perMonth = Math.ceil(Math.max(0, total - signedBefore) / monthsLeft);
    // Split like the network in the salesperson's areas: sub-dealers are few beside terminals.
    const [subs, terms] = areaIds.length
      ? (prepared(
          db,
          `SELECT (SELECT count(*) FROM sub_dealers WHERE area_id IN (SELECT area_id FROM staff_areas WHERE staff_id = ?)),
                  (SELECT count(*) FROM terminals WHERE area_id IN (SELECT area_id FROM staff_areas WHERE staff_id = ?))`,
        )
          .raw()
          .get(salespersonId, salespersonId) as [number, number])
      : [1, 9];
    const newSubDealers = Math.round((perMonth * subs) / Math.max(1, subs + terms));
    return {
      available: true,
      source: target.name,
      newSubDealers,
      newTerminals: perMonth - newSubDealers,
      ...base,
      competitors: capCompetitors(competitors, perMonth),
      reason: null,
      basis: { targetOutlets: total, signedBefore, monthsLeft, firstPeakMonth: firstPeak },
    };
  } catch {
    return none('unreadable');
  }
}

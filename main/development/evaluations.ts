import type { EvaluationHistoryRow, Scorecard, ScorecardRow, ScoringSettings } from '../../shared/contract/development.js';
import { ruleRefusal, refusal } from '../../shared/contract/result.js';
import { thisMonth, today } from '../../shared/domain/clock.js';
import { INDICATORS, type Decision, type PlanStatus } from '../../shared/domain/development.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { readRegionRule, readTeamRule, writeRegionRule } from '../system/teamRules.js';
import { requireRow } from '../db/sql.js';
import { actualsBySalesperson, getStaff, monthEnd, monthStart, zeroNumbers } from './common.js';
import { planNumbers } from './plans.js';
import { DEFAULT_SCORING, scorecard } from './scorecard.js';
import { workingDays } from './weekly.js';
import { inRegions, type RegionScope } from '../people/readScope.js';

/**
 * The month-end evaluation: every salesperson of a region scored against their plan, ranked within
 * the region's team, with the manager's reward or penalty decision stored beside a snapshot of the
 * scorecard it was based on.
 */
const SETTINGS_KEY = 'development.scoring';

/** A region's weights and lines: its own once its manager saved them, before that the team's (or the defaults). */
export function getScoringSettings(db: Db, regionId: number): ScoringSettings {
  const team = readTeamRule<Partial<ScoringSettings>>(db, SETTINGS_KEY);
  const own = readRegionRule<Partial<ScoringSettings>>(db, SETTINGS_KEY, regionId);
  return {
    weights: { ...DEFAULT_SCORING.weights, ...(team?.weights ?? {}), ...(own?.weights ?? {}) },
    thresholds: { ...DEFAULT_SCORING.thresholds, ...(team?.thresholds ?? {}), ...(own?.thresholds ?? {}) },
    cap: own?.cap ?? team?.cap ?? DEFAULT_SCORING.cap,
  };
}

/** One region's weights and lines: they score only its salespeople (whose rewards and penalties they decide). */
export function saveScoringSettings(db: Db, input: { regionId: number; settings: ScoringSettings }): ScoringSettings {
  requireRow(db, 'regions', input.regionId, 'regionId', 'Region');
  writeRegionRule(db, SETTINGS_KEY, input.regionId, input.settings);
  return getScoringSettings(db, input.regionId);
}

/** The weights and thresholds a decided month was scored with, per region: they stay with that month. */
function decidedSettings(db: Db, month: string): Map<number, ScoringSettings> {
  const rows = prepared(
    db,
    `SELECT s.region_id AS regionId, e.scorecard FROM evaluations e JOIN staff s ON s.id = e.salesperson_id WHERE e.month = ? ORDER BY e.decided_at`,
  ).all(month) as Array<{ regionId: number; scorecard: string }>;
  const byRegion = new Map<number, ScoringSettings>();
  for (const row of rows) {
    const saved = (JSON.parse(row.scorecard) as { settings?: ScoringSettings }).settings;
    if (saved && !byRegion.has(row.regionId)) byRegion.set(row.regionId, saved);
  }
  return byRegion;
}

/** A month's rewards and penalties are decided only once it has ended (the user's local month). */
export const monthEnded = (month: string): boolean => month < thisMonth();

export function computeScorecard(db: Db, month: string, regionId?: number, scope: RegionScope = null): Scorecard {
  const kept = decidedSettings(db, month);
  // Once a manager decided part of this month, the region's team is scored with the settings of that decision.
  const rules = (
    prepared(db, `SELECT id, name FROM regions WHERE (? IS NULL OR id = ?) AND ${inRegions('id', scope)} ORDER BY name COLLATE NOCASE, id`)
      .raw()
      .all(regionId ?? null, regionId ?? null) as Array<[number, string]>
  ).map(([id, name]) => ({ regionId: id, regionName: name, settings: kept.get(id) ?? getScoringSettings(db, id) }));
  const settingsOf = new Map(rules.map((r) => [r.regionId, r.settings]));
  // Active salespeople, and anyone who had a plan that month even if they have left since.
  const people = prepared(
    db,
    `SELECT s.id, s.name, s.region_id AS regionId, r.name AS regionName,
       p.planned_visits AS plannedVisits, p.new_sub_dealers AS newSubDealers, p.new_terminals AS newTerminals, p.competitor_wins AS competitorWins, p.status
     FROM staff s JOIN regions r ON r.id = s.region_id
     LEFT JOIN dev_plans p ON p.salesperson_id = s.id AND p.month = ?
     WHERE s.role = 'salesperson' AND (s.active = 1 OR p.id IS NOT NULL) AND (? IS NULL OR s.region_id = ?) AND ${inRegions('s.region_id', scope)}
     ORDER BY r.name, s.name COLLATE NOCASE`,
  ).all(month, regionId ?? null, regionId ?? null) as Array<{
    id: number;
    name: string;
    regionId: number;
    regionName: string;
    plannedVisits: number | null;
    newSubDealers: number;
    newTerminals: number;
    competitorWins: number;
    status: PlanStatus | null;
  }>;
  const actuals = actualsBySalesperson(db, monthStart(month), monthEnd(month));
  const decisions = new Map(
    (
      prepared(db, 'SELECT salesperson_id AS id, decision, note, decided_at AS decidedAt FROM evaluations WHERE month = ?').all(
        month,
      ) as Array<{ id: number; decision: Decision; note: string | null; decidedAt: string }>
    ).map((d) => [d.id, d]),
  );
  const byRegion = new Map<number, typeof people>();
  for (const p of people) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p]);
  const rows: ScorecardRow[] = [];
  for (const team of byRegion.values()) {
    const settings = settingsOf.get(team[0]!.regionId) ?? getScoringSettings(db, team[0]!.regionId);
    const input = team.map((p) => ({
      salespersonId: p.id,
      plan:
        p.status === null
          ? null
          : planNumbers({
              plannedVisits: p.plannedVisits ?? 0,
              newSubDealers: p.newSubDealers,
              newTerminals: p.newTerminals,
              competitorWins: p.competitorWins,
            }),
      actual: actuals.get(p.id) ?? zeroNumbers(),
    }));
    const scored = scorecard(input, settings);
    const teamSize = scored.filter((s) => s.rank !== null).length;
    for (const s of scored) {
      const p = team.find((x) => x.id === s.salespersonId)!;
      const i = input.find((x) => x.salespersonId === s.salespersonId)!;
      const d = decisions.get(p.id);
      rows.push({
        salespersonId: p.id,
        salespersonName: p.name,
        regionId: p.regionId,
        regionName: p.regionName,
        planStatus: p.status,
        plan: i.plan,
        actual: i.actual,
        fulfilment: s.fulfilment,
        total: s.total,
        rank: s.rank,
        teamSize,
        suggestion: s.suggestion,
        decision: d?.decision ?? null,
        note: d?.note ?? null,
        decidedAt: d?.decidedAt ?? null,
      });
    }
  }
  return { month, rules, provisional: !monthEnded(month), pace: paceOf(month), rows };
}

/**
 * The share of a month in progress that has passed, in working days (today counted): what its
 * provisional scores are measured against. A reward or penalty line against the whole month's plan
 * would call every salesperson's third day a failure. Null for a month over or not begun.
 */
export function paceOf(month: string): number | null {
  if (monthEnded(month) || month > thisMonth()) return null;
  const { total, elapsed } = workingDays(month, today());
  return total > 0 && elapsed > 0 ? elapsed / total : null;
}

export function decideEvaluation(
  db: Db,
  input: { salespersonId: number; month: string; decision: Decision; note: string | null; managerId?: number | undefined },
): ScorecardRow {
  return db.transaction(() => {
    const sp = getStaff(db, input.salespersonId, 'salespersonId', 'salesperson');
    if (!monthEnded(input.month)) {
      throw ruleRefusal(
        'decideBeforeMonthEnd',
        `Rewards and penalties for ${input.month} are decided once the month has ended; until then the scorecard is provisional.`,
        { month: input.month },
        { path: 'month', message: 'Month not ended' },
      );
    }
    // Signed off means frozen: a decided month changes only after evaluation.reopen, with a reason.
    if (prepared(db, 'SELECT 1 FROM evaluations WHERE salesperson_id = ? AND month = ?').get(input.salespersonId, input.month)) {
      throw refusal(
        'conflict',
        'evaluationDecided',
        `${sp.name}'s ${input.month} is already decided; a regional manager must reopen it, with a reason, before deciding again.`,
        { name: sp.name, month: input.month },
      );
    }
    if (input.managerId !== undefined) getStaff(db, input.managerId, 'managerId', 'regional_manager');
    // A reward or penalty that departs from the numbers needs its reason on the record.
    const card = computeScorecard(db, input.month, sp.regionId);
    const row = card.rows.find((r) => r.salespersonId === input.salespersonId)!;
    if (input.decision !== row.suggestion && input.decision !== 'none' && !input.note) {
      throw refusal(
        'validation',
        'evaluationSayWhy',
        `The scorecard suggests ${row.suggestion === 'none' ? 'no reward or penalty' : `a ${row.suggestion}`}; say why you decide otherwise.`,
        { suggestion: row.suggestion },
        [{ path: 'note', message: 'Say why' }],
      );
    }
    const snapshot = {
      plan: row.plan,
      actual: row.actual,
      fulfilment: row.fulfilment,
      settings: card.rules.find((r) => r.regionId === sp.regionId)?.settings ?? getScoringSettings(db, sp.regionId),
      planStatus: row.planStatus,
      suggestion: row.suggestion,
    };
    prepared(
      db,
      `INSERT INTO evaluations (salesperson_id, month, total, rank, team_size, scorecard, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (salesperson_id, month) DO UPDATE SET total = excluded.total, rank = excluded.rank, team_size = excluded.team_size, scorecard = excluded.scorecard,
         decision = excluded.decision, note = excluded.note, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(
      input.salespersonId,
      input.month,
      row.total,
      row.rank,
      row.teamSize,
      JSON.stringify(snapshot),
      input.decision,
      input.note,
      input.managerId ?? null,
      nowIso(),
    );
    return { ...row, decision: input.decision, note: input.note, decidedAt: nowIso() };
  })();
}

export function evaluationHistory(
  db: Db,
  q: { salespersonId?: number | undefined; regionId?: number | undefined },
  scope: RegionScope = null,
): EvaluationHistoryRow[] {
  return prepared(
    db,
    `SELECT e.salesperson_id AS salespersonId, s.name AS salespersonName, e.month, e.total, e.rank, e.team_size AS teamSize, e.decision, e.note, e.decided_at AS decidedAt
     FROM evaluations e JOIN staff s ON s.id = e.salesperson_id
     WHERE (? IS NULL OR e.salesperson_id = ?) AND (? IS NULL OR s.region_id = ?) AND ${inRegions('s.region_id', scope)}
     ORDER BY e.month DESC, e.rank IS NULL, e.rank, s.name COLLATE NOCASE LIMIT 1000`,
  ).all(q.salespersonId ?? null, q.salespersonId ?? null, q.regionId ?? null, q.regionId ?? null) as EvaluationHistoryRow[];
}

export const INDICATOR_LABELS: Record<(typeof INDICATORS)[number], string> = {
  visits: 'Visits',
  newSubDealers: 'New sub-dealers',
  newTerminals: 'New terminals',
  competitorWins: 'Won from competitors',
};

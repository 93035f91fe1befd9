/** The words of outlet development, shared by the database checks, the contract, the services and the screens. */

export const OUTLET_TYPES = ['sub_dealer', 'terminal'] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];

/** The pipeline runs left to right; `rejected` leaves it from any open stage. */
export const STAGES = ['prospect', 'contacted', 'negotiating', 'signed', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];
export const OPEN_STAGES = ['prospect', 'contacted', 'negotiating'] as const satisfies readonly Stage[];

export const VISIT_PURPOSES = ['develop', 'service', 'collect', 'promotion', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_OUTCOMES = ['no_contact', 'not_interested', 'interested', 'negotiating', 'signed', 'rejected', 'order', 'done'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DECISIONS = ['reward', 'none', 'penalty'] as const;
export type Decision = (typeof DECISIONS)[number];

export const INDICATORS = ['visits', 'newSubDealers', 'newTerminals', 'competitorWins'] as const;
export type Indicator = (typeof INDICATORS)[number];
export type IndicatorNumbers = Record<Indicator, number>;

export const PRIORITIES = [1, 2, 3] as const;

const OPEN_RANK: Record<Stage, number> = { prospect: 0, contacted: 1, negotiating: 2, signed: 3, rejected: -1 };

/**
 * Where a visit's outcome puts a prospect. Visits only move a prospect forward (a talk that goes
 * nowhere does not undo a negotiation); a signed outlet stays signed; a refusal closes the prospect
 * with the visit's note as the reason, and a later positive answer reopens it.
 */
export function stageAfterVisit(current: Stage | null, outcome: VisitOutcome): Stage | null {
  const implied: Stage | null =
    outcome === 'signed'
      ? 'signed'
      : outcome === 'negotiating'
        ? 'negotiating'
        : outcome === 'interested' || outcome === 'not_interested'
          ? 'contacted'
          : outcome === 'rejected'
            ? 'rejected'
            : null;
  if (current === 'signed') return 'signed';
  if (implied === null) return current;
  if (current === null) return implied;
  if (implied === 'rejected') return 'rejected';
  if (current === 'rejected') return outcome === 'not_interested' ? 'rejected' : implied;
  return OPEN_RANK[implied] > OPEN_RANK[current] ? implied : current;
}

// Weekly reviews run Monday to Sunday: the calendar module's weeks.
export { addDays, isMonday, weekStartOf } from './calendar.js';

/**
 * Competitor targets trimmed, most-worked brand first, so that they never ask for more outlets won
 * from competitors than new outlets planned (a plan that did would be refused).
 */
export function capCompetitors<T extends { brand: string; outlets: number }>(list: readonly T[], newOutlets: number): T[] {
  let left = Math.max(0, newOutlets);
  const out: T[] = [];
  for (const c of list) {
    const outlets = Math.min(c.outlets, left);
    if (outlets <= 0) break;
    out.push({ ...c, outlets });
    left -= outlets;
  }
  return out;
}

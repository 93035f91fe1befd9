/**
 * Scheduling checks for the off-season programme, pure: caught before invitations go out.
 */
export interface EventForCheck {
  id: number;
  title: string;
  kind: 'training' | 'trip';
  start: string;
  end: string;
  regionId: number | null;
  capacity: number | null;
  budgetTotalCents: number | null;
  budgetPerPersonCents: number | null;
  actualCostCents: number;
  distributorIds: number[];
  /** Distributors who accepted (or are invited, when nobody answered yet). */
  participants: number;
  staffIds: number[];
}

export type ConflictKind =
  'distributor_double_booked' | 'staff_double_booked' | 'over_capacity' | 'over_budget' | 'places_over_budget' | 'in_peak_season';

export interface Conflict {
  eventId: number;
  kind: ConflictKind;
  /** English, for the command line; the screens word the kind with `params` in the user's language. */
  message: string;
  params: Record<string, string | number>;
  otherEventId?: number;
}

const money = (cents: number) => (cents / 100).toFixed(2);

const overlaps = (a: EventForCheck, b: EventForCheck) => a.start < b.end && b.start < a.end;

/** Peak months of each region, to flag an event inside its region's peak season. */
export function findConflicts(
  events: EventForCheck[],
  peakMonths: Map<number, number[]>,
  names: { distributor(id: number): string; staff(id: number): string },
): Conflict[] {
  const out: Conflict[] = [];
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < a.end; j++) {
      const b = sorted[j]!;
      if (!overlaps(a, b)) continue;
      for (const d of a.distributorIds.filter((x) => b.distributorIds.includes(x))) {
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          out.push({
            eventId: x.id,
            otherEventId: y.id,
            kind: 'distributor_double_booked',
            params: { name: names.distributor(d), other: y.title },
            message: `${names.distributor(d)} is also invited to “${y.title}” at the same time`,
          });
        }
      }
      for (const s of a.staffIds.filter((x) => b.staffIds.includes(x))) {
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          out.push({
            eventId: x.id,
            otherEventId: y.id,
            kind: 'staff_double_booked',
            params: { name: names.staff(s), other: y.title },
            message: `${names.staff(s)} is also needed at “${y.title}” at the same time`,
          });
        }
      }
    }
    if (a.capacity !== null && a.participants > a.capacity) {
      out.push({
        eventId: a.id,
        kind: 'over_capacity',
        params: { participants: a.participants, capacity: a.capacity },
        message: `${a.participants} participants for ${a.capacity} places`,
      });
    }
    const budget = a.budgetTotalCents ?? (a.budgetPerPersonCents !== null ? a.budgetPerPersonCents * a.participants : null);
    if (budget !== null && a.actualCostCents > budget) {
      out.push({
        eventId: a.id,
        kind: 'over_budget',
        params: { cost: money(a.actualCostCents), budget: money(budget) },
        message: `Costs ${money(a.actualCostCents)} exceed the budget of ${money(budget)}`,
      });
    }
    // the plan itself does not fit: every place filled at the per-person cost costs more than the budget
    if (a.capacity !== null && a.budgetPerPersonCents !== null && a.budgetTotalCents !== null) {
      const planned = a.budgetPerPersonCents * a.capacity;
      if (planned > a.budgetTotalCents)
        out.push({
          eventId: a.id,
          kind: 'places_over_budget',
          params: {
            perPerson: money(a.budgetPerPersonCents),
            places: a.capacity,
            planned: money(planned),
            budget: money(a.budgetTotalCents),
          },
          message: `${(a.budgetPerPersonCents / 100).toFixed(2)} per person × ${a.capacity} places = ${(planned / 100).toFixed(2)}, above the budget of ${(a.budgetTotalCents / 100).toFixed(2)}`,
        });
    }
    const peak = a.regionId !== null ? peakMonths.get(a.regionId) : undefined;
    if (peak) {
      if (monthsCovered(a.start, a.end).some((m) => peak.includes(m))) {
        out.push({
          eventId: a.id,
          kind: 'in_peak_season',
          params: {},
          message: 'Falls in the region’s peak season, when nobody has time',
        });
      }
    }
  }
  return out;
}

/** Every calendar month (1-12) an event touches from its start to its end: a trip across the peak is in it. */
function monthsCovered(start: string, end: string): number[] {
  const months: number[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const last = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7));
  for (let guard = 0; y * 12 + m <= last && guard < 13; guard++) {
    months.push(m);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months;
}

/** Trip eligibility: an achievement figure (share of target reached) at or above the threshold. */
export function eligible(achievement: number | null, threshold: number | null): boolean {
  if (threshold === null) return true;
  return achievement !== null && achievement >= threshold;
}

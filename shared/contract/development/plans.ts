/** Monthly development plans: areas, visits and new outlets a salesperson commits to, and the manager's decision. */
import { z } from 'zod';
import { PLAN_STATUSES, type IndicatorNumbers, type PlanStatus } from '../../domain/development.js';
import { mutation, query } from '../define.js';
import { id, optionalText, yearMonth } from '../fields.js';
import { brand, count } from './common.js';

export interface DevPlan {
  id: number;
  salespersonId: number;
  salespersonName: string;
  regionId: number;
  month: string;
  areaIds: number[];
  areaNames: string[];
  plannedVisits: number;
  newSubDealers: number;
  newTerminals: number;
  competitorWins: number;
  competitors: Array<{ brand: string; outlets: number; won: number }>;
  note: string | null;
  status: PlanStatus;
  managerComment: string | null;
  decidedByName: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  seededFrom: string | null;
  /** What has been done in the month so far. */
  actual: IndicatorNumbers;
  /** What the plan owes by today (or the whole plan for a month that is over), pro rata by working days. */
  dueByNow: IndicatorNumbers;
}

export interface PlanSuggestion {
  /** False when no off-season target plan (issue 6's targets) exists to seed from. */
  available: boolean;
  source: string | null;
  newSubDealers: number;
  newTerminals: number;
  plannedVisits: number;
  areaIds: number[];
  competitors: Array<{ brand: string; outlets: number }>;
  /** Why nothing could be seeded from targets, when `available` is false. */
  reason: 'no_targets' | 'no_plan_for_peak' | 'unreadable' | null;
  /** How the new-outlet numbers were reached, when they come from targets. */
  basis: { targetOutlets: number; signedBefore: number; monthsLeft: number; firstPeakMonth: string } | null;
}

export const devPlanInput = z.strictObject({
  salespersonId: id,
  month: yearMonth,
  areaIds: z.array(id).max(50),
  plannedVisits: count,
  newSubDealers: count,
  newTerminals: count,
  competitors: z
    .array(z.strictObject({ brand, outlets: z.int().min(1, 'At least 1').max(10_000) }))
    .max(20)
    .refine((list) => new Set(list.map((c) => c.brand.toLowerCase())).size === list.length, 'Each competitor once'),
  note: optionalText(1000),
  seededFrom: optionalText(200),
});
export type DevPlanInput = z.output<typeof devPlanInput>;

export const devPlanContract = {
  'devPlan.get': query<DevPlan | null>()(z.strictObject({ salespersonId: id, month: yearMonth })),
  'devPlan.list': query<DevPlan[]>()(
    z.strictObject({ month: yearMonth, regionId: id.optional(), status: z.enum(PLAN_STATUSES).optional() }),
  ),
  'devPlan.suggest': query<PlanSuggestion>()(z.strictObject({ salespersonId: id, month: yearMonth })),
  'devPlan.save': mutation<DevPlan>()(devPlanInput),
  'devPlan.submit': mutation<DevPlan>()(z.strictObject({ salespersonId: id, month: yearMonth })),
  'devPlan.decide': mutation<DevPlan>()(
    z
      .strictObject({
        salespersonId: id,
        month: yearMonth,
        decision: z.enum(['approve', 'return']),
        comment: optionalText(1000),
        managerId: id.optional(),
      })
      .superRefine((d, ctx) => {
        if (d.decision === 'return' && !d.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what to change' });
      }),
  ),
} as const;

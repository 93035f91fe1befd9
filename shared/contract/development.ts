import type { ContactLevel } from '../domain/network.js';
import { z } from 'zod';
import { visitPhotoInput } from './visitPhotos.js';
import { exportLanguage } from '../exports/words.js';
import {
  DECISIONS,
  INDICATORS,
  OUTLET_TYPES,
  PLAN_STATUSES,
  STAGES,
  VISIT_OUTCOMES,
  VISIT_PURPOSES,
  isMonday,
} from '../domain/development.js';
import type {
  Decision,
  Indicator,
  IndicatorNumbers,
  OutletType,
  PlanStatus,
  Stage,
  VisitOutcome,
  VisitPurpose,
} from '../domain/development.js';
import { mutation, query } from './define.js';
import { id, isoDate, optionalIsoDate, optionalText, page, search, yearMonth, type Page } from './fields.js';

export interface PipelineItem {
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  /** The outlet's status in the network: a signed prospect is `active`. */
  outletStatus: 'prospect' | 'active' | 'lost';
  channel: string | null;
  areaId: number;
  areaName: string;
  distributorName: string;
  address: string | null;
  stage: Stage;
  stageOn: string;
  rejectReason: string | null;
  /** A refused prospect is asked again on this day (three months after the refusal unless chosen). */
  revisitOn: string | null;
  competitorHeld: boolean;
  competitorBrand: string | null;
  ownerId: number | null;
  ownerName: string | null;
  priority: number;
  estimatedVolume: number | null;
  note: string | null;
  latitude: number | null;
  longitude: number | null;
  lastVisit: string | null;
  visits: number;
}

export interface PipelineList extends Page<PipelineItem> {
  /** Count per stage under the same filters (stage filter aside): the board's column headers. */
  stageCounts: Record<Stage, number>;
}

export interface OutletCandidate {
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  status: 'prospect' | 'active' | 'lost';
  areaName: string;
  distributorName: string;
  competitorBrand: string | null;
  inPipeline: boolean;
  stage: Stage | null;
  hasCoordinates: boolean;
}

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

export interface DayStop {
  position: number;
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  address: string | null;
  areaId: number;
  areaName: string;
  stage: Stage | null;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Distance from the previous stop (or the start point), when both have coordinates. */
  legKm: number | null;
  visit: { id: number; outcome: VisitOutcome; purpose: VisitPurpose } | null;
  /** Who to ask for at the outlet. */
  contacts: Array<{ name: string; role: string | null; level: ContactLevel; phone: string | null }>;
}

export interface DayRoute {
  salespersonId: number;
  salespersonName: string;
  day: string;
  start: { lat: number; lng: number } | null;
  stops: DayStop[];
  km: number | null;
  optimized: boolean;
  /** Stops that could not be placed on the map (no coordinates): kept in the order given, at the end. */
  withoutCoordinates: number;
}

export interface Visit {
  id: number;
  salespersonId: number;
  salespersonName: string;
  day: string;
  outletType: OutletType | 'distributor';
  outletId: number;
  outletName: string;
  purpose: VisitPurpose;
  outcome: VisitOutcome;
  nextStep: string | null;
  nextDate: string | null;
  note: string | null;
  stageBefore: Stage | null;
  stageAfter: Stage | null;
  /** A photo was logged with it (visit.photo reads it). */
  hasPhoto: boolean;
}

export interface WeeklyNumbers extends IndicatorNumbers {
  developVisits: number;
  outletsVisited: number;
  pipelineMoves: number;
  rejected: number;
}

export interface WeeklyReview {
  salespersonId: number;
  salespersonName: string;
  weekStart: string;
  weekEnd: string;
  week: WeeklyNumbers;
  /** The plan pro rata by working days: a pace guide while the review is written; null once submitted. */
  weekPlan: IndicatorNumbers | null;
  monthToDate: WeeklyNumbers;
  monthToDatePlan: IndicatorNumbers | null;
  /** The month's plan as planned (whole numbers), beside the actual figures. */
  monthPlan: IndicatorNumbers | null;
  month: string;
  planStatus: PlanStatus | null;
  problems: string | null;
  successes: string | null;
  managerComment: string | null;
  submittedAt: string | null;
  /** The figures are those the review was submitted with (signed off, not recounted). */
  asSubmitted: boolean;
  /** The follow-up item made from this review's problems, if any. */
  followupId: number | null;
}

export interface ScoringSettings {
  weights: Record<Indicator, number>;
  thresholds: { reward: number; penalty: number };
  cap: number;
}

export interface ScorecardRow {
  salespersonId: number;
  salespersonName: string;
  regionId: number;
  regionName: string;
  planStatus: PlanStatus | null;
  plan: IndicatorNumbers | null;
  actual: IndicatorNumbers;
  fulfilment: Record<Indicator, number | null>;
  total: number | null;
  rank: number | null;
  teamSize: number;
  suggestion: Decision;
  decision: Decision | null;
  note: string | null;
  decidedAt: string | null;
}

export interface Scorecard {
  month: string;
  /** The weights and thresholds the month is scored with: those of its decisions once decided. */
  settings: ScoringSettings;
  /** The month has not ended yet: numbers may still move and nothing can be decided. */
  provisional: boolean;
  rows: ScorecardRow[];
}

export interface EvaluationHistoryRow {
  salespersonId: number;
  salespersonName: string;
  month: string;
  total: number | null;
  rank: number | null;
  teamSize: number | null;
  decision: Decision;
  note: string | null;
  decidedAt: string;
}

export interface DevelopmentDashboard {
  month: string;
  salespeople: number;
  plans: Record<PlanStatus, number>;
  plan: IndicatorNumbers;
  actual: IndicatorNumbers;
  dueByNow: IndicatorNumbers;
  pipeline: Record<Stage, number>;
  visitsToday: number;
  reviewsThisWeek: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

const outletType = z.enum(OUTLET_TYPES);
const count = z.int('Whole number').min(0, 'Cannot be negative').max(100_000, 'At most 100000');
const priority = z.int().min(1, 'Priority 1 (high) to 3 (low)').max(3, 'Priority 1 (high) to 3 (low)');
const brand = z.string().trim().min(1, 'Required').max(80, 'At most 80 characters');
const weekStart = isoDate.refine(isMonday, 'A week starts on a Monday');
const latLng = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const outletKey = { outletType, outletId: id };

const prospectFields = {
  ownerId: id.nullable(),
  priority,
  estimatedVolume: count.nullable(),
  competitorHeld: z.boolean(),
  competitorBrand: optionalText(80),
  note: optionalText(1000),
};

export const pipelineListInput = z.strictObject({
  ownerId: id.optional(),
  areaId: id.optional(),
  stage: z.enum(STAGES).optional(),
  outletType: outletType.optional(),
  competitorHeld: z.boolean().optional(),
  priority: priority.optional(),
  /** Only prospects still being worked (not signed or rejected). */
  openOnly: z.boolean().optional(),
  search,
  sort: z.enum(['priority', 'name', 'stageOn', 'estimatedVolume', 'lastVisit']).default('priority'),
  ...page,
});
export type PipelineListInput = z.output<typeof pipelineListInput>;

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

export const visitInput = z
  .strictObject({
    salespersonId: id,
    day: isoDate,
    outletType: z.enum([...OUTLET_TYPES, 'distributor']),
    outletId: id,
    purpose: z.enum(VISIT_PURPOSES),
    outcome: z.enum(VISIT_OUTCOMES),
    nextStep: optionalText(300),
    nextDate: optionalIsoDate,
    note: optionalText(1000),
    photo: visitPhotoInput.optional(),
  })
  .superRefine((v, ctx) => {
    // A refusal closes the prospect: the reason is what the next salesperson needs to know.
    if (v.outcome === 'rejected' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why they said no' });
    if (v.nextDate && v.nextDate < v.day)
      ctx.addIssue({ code: 'custom', path: ['nextDate'], message: 'The next step comes after the visit' });
  });
export type VisitInput = z.output<typeof visitInput>;

export const scoringInput = z
  .strictObject({
    weights: z.strictObject(
      Object.fromEntries(INDICATORS.map((k) => [k, z.number().min(0, 'Cannot be negative').max(10, 'At most 10')])) as Record<
        Indicator,
        z.ZodNumber
      >,
    ),
    thresholds: z
      .strictObject({ reward: z.number().min(0).max(2), penalty: z.number().min(0).max(2) })
      .refine((t) => t.penalty <= t.reward, { message: 'The penalty line must not be above the reward line', path: ['penalty'] }),
    cap: z.number().min(1, 'At least 100%').max(3, 'At most 300%'),
  })
  .refine((s) => INDICATORS.some((k) => s.weights[k] > 0), { message: 'At least one indicator needs a weight', path: ['weights'] });

export const developmentContract = {
  'development.dashboard': query<DevelopmentDashboard>()(
    z.strictObject({ month: yearMonth, regionId: id.optional(), salespersonId: id.optional() }),
  ),

  'pipeline.list': query<PipelineList>()(pipelineListInput),
  'pipeline.candidates': query<OutletCandidate[]>()(
    z.strictObject({
      outletType: outletType.optional(),
      search,
      areaIds: z.array(id).max(50).optional(),
      includeActive: z.boolean().optional(),
    }),
  ),
  'pipeline.add': mutation<PipelineItem>()(z.strictObject({ ...outletKey, ...prospectFields, day: optionalIsoDate })),
  'pipeline.update': mutation<PipelineItem>()(z.strictObject({ ...outletKey, ...prospectFields })),
  'pipeline.move': mutation<PipelineItem>()(
    z
      .strictObject({
        ...outletKey,
        stage: z.enum(STAGES),
        rejectReason: optionalText(300),
        revisitOn: optionalIsoDate,
        day: optionalIsoDate,
      })
      .superRefine((p, ctx) => {
        if (p.stage === 'rejected' && !p.rejectReason)
          ctx.addIssue({ code: 'custom', path: ['rejectReason'], message: 'Say why they said no' });
      }),
  ),
  'pipeline.remove': mutation<{ removed: true }>()(z.strictObject(outletKey)),

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

  'dayRoute.get': query<DayRoute>()(z.strictObject({ salespersonId: id, day: isoDate })),
  'dayRoute.save': mutation<DayRoute>()(
    z.strictObject({
      salespersonId: id,
      day: isoDate,
      stops: z.array(z.strictObject(outletKey)).max(60, 'At most 60 outlets a day'),
      optimize: z.boolean(),
      start: latLng.nullish().transform((v) => v ?? null),
    }),
  ),
  'dayRoute.export': query<ExportedFile>()(z.strictObject({ salespersonId: id, day: isoDate, language: exportLanguage })),

  'visit.log': mutation<Visit>()(visitInput),
  'visit.list': query<Visit[]>()(
    z.strictObject({
      salespersonId: id.optional(),
      from: isoDate,
      to: isoDate,
      outletType: z.enum([...OUTLET_TYPES, 'distributor']).optional(),
      outletId: id.optional(),
    }),
  ),
  'visit.delete': mutation<{ deleted: true }>()(z.strictObject({ id })),

  'weeklyReview.get': query<WeeklyReview>()(z.strictObject({ salespersonId: id, weekStart })),
  'weeklyReview.list': query<WeeklyReview[]>()(z.strictObject({ weekStart, regionId: id.optional() })),
  'weeklyReview.save': mutation<WeeklyReview>()(
    z.strictObject({
      salespersonId: id,
      weekStart,
      problems: optionalText(4000),
      successes: optionalText(4000),
      submit: z.boolean().default(false),
    }),
  ),
  'weeklyReview.comment': mutation<WeeklyReview>()(z.strictObject({ salespersonId: id, weekStart, managerComment: optionalText(2000) })),

  'evaluation.scorecard': query<Scorecard>()(z.strictObject({ month: yearMonth, regionId: id.optional() })),
  'evaluation.decide': mutation<ScorecardRow>()(
    z.strictObject({
      salespersonId: id,
      month: yearMonth,
      decision: z.enum(DECISIONS),
      note: optionalText(1000),
      managerId: id.optional(),
    }),
  ),
  'evaluation.settings': query<ScoringSettings>()(z.strictObject({})),
  'evaluation.saveSettings': mutation<ScoringSettings>()(scoringInput),
  'evaluation.history': query<EvaluationHistoryRow[]>()(z.strictObject({ salespersonId: id.optional(), regionId: id.optional() })),
  'evaluation.export': query<ExportedFile>()(z.strictObject({ month: yearMonth, regionId: id.optional(), language: exportLanguage })),
} as const;

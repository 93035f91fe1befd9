/** Weekly reviews: the week's figures against the plan's pace, problems, successes and the manager's comment. */
import { z } from 'zod';
import type { IndicatorNumbers, PlanStatus } from '../../domain/development.js';
import { mutation, query } from '../define.js';
import { id, optionalText } from '../fields.js';
import { weekStart } from './common.js';

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

export const weeklyReviewContract = {
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
} as const;

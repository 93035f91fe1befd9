/** The development dashboard: the month's plans against what is done, the pipeline, today's visits. */
import { z } from 'zod';
import type { IndicatorNumbers, PlanStatus, Stage } from '../../domain/development.js';
import { query } from '../define.js';
import { id, yearMonth } from '../fields.js';

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

export const dashboardContract = {
  'development.dashboard': query<DevelopmentDashboard>()(
    z.strictObject({ month: yearMonth, regionId: id.optional(), salespersonId: id.optional() }),
  ),
} as const;

/**
 * The development contract (plans, the prospect pipeline, day routes, visits, weekly reviews, the
 * scorecard), one module per part under development/; this file gathers them so imports elsewhere
 * name one place.
 */
import { dashboardContract } from './development/dashboard.js';
import { pipelineContract } from './development/pipeline.js';
import { devPlanContract } from './development/plans.js';
import { dayRouteContract } from './development/dayRoutes.js';
import { visitContract } from './development/visits.js';
import { weeklyReviewContract } from './development/reviews.js';
import { evaluationContract } from './development/scorecard.js';

export type { ExportedFile } from './development/common.js';
export type { DevelopmentDashboard } from './development/dashboard.js';
export {
  pipelineListInput,
  type OutletCandidate,
  type PipelineItem,
  type PipelineList,
  type PipelineListInput,
} from './development/pipeline.js';
export { devPlanInput, type DevPlan, type DevPlanInput, type PlanSuggestion } from './development/plans.js';
export type { DayRoute, DayStop } from './development/dayRoutes.js';
export { visitInput, type Visit, type VisitInput } from './development/visits.js';
export type { WeeklyNumbers, WeeklyReview } from './development/reviews.js';
export {
  scoringInput,
  type EvaluationHistoryRow,
  type Scorecard,
  type ScorecardRow,
  type ScoringSettings,
} from './development/scorecard.js';

export const developmentContract = {
  ...dashboardContract,
  ...pipelineContract,
  ...devPlanContract,
  ...dayRouteContract,
  ...visitContract,
  ...weeklyReviewContract,
  ...evaluationContract,
} as const;

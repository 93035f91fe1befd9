import type { MethodInput } from '../../shared/contract/index.js';
import { queryKey, useApiQuery, useRecordQuery } from '../api/hooks.js';

type In<K extends Parameters<typeof queryKey>[0]> = MethodInput<K>;

/**
 * Query keys of the development screens (pipeline, plans, day routes, visits, weekly reviews,
 * scorecards); all start with `development`, so a visit or a pipeline move refreshes them together
 * (shared/contract/invalidates.ts).
 */
export const developmentKeys = {
  all: ['development'] as const,
  dashboard: (month: string) => queryKey('development.dashboard', { month }),
  pipeline: (input: In<'pipeline.list'>) => queryKey('pipeline.list', input),
  candidates: (input: In<'pipeline.candidates'>) => queryKey('pipeline.candidates', input),
  plans: (input: In<'devPlan.list'>) => queryKey('devPlan.list', input),
  plan: (input: In<'devPlan.get'>) => queryKey('devPlan.get', input),
  planSuggestion: (input: In<'devPlan.suggest'>) => queryKey('devPlan.suggest', input),
  dayRoute: (input: In<'dayRoute.get'>) => queryKey('dayRoute.get', input),
  dueOutlets: (input: In<'dayRoute.due'>) => queryKey('dayRoute.due', input),
  visits: (input: In<'visit.list'>) => queryKey('visit.list', input),
  review: (input: In<'weeklyReview.get'>) => queryKey('weeklyReview.get', input),
  reviews: (input: In<'weeklyReview.list'>) => queryKey('weeklyReview.list', input),
  scorecard: (input: In<'evaluation.scorecard'>) => queryKey('evaluation.scorecard', input),
  scoreHistory: (input: In<'evaluation.history'>) => queryKey('evaluation.history', input),
};

export const useDevelopmentDashboard = (month: string) => useApiQuery('development.dashboard', { month });
export const usePipeline = (input: In<'pipeline.list'>) => useApiQuery('pipeline.list', input);
/** Outlets matching a search, asked for from the second letter typed. */
export const useOutletCandidates = (search: string, includeActive: boolean | undefined) =>
  useApiQuery('pipeline.candidates', { search, includeActive }, { enabled: search.length >= 2 });
export const useDevPlans = (input: In<'devPlan.list'>) => useApiQuery('devPlan.list', input);
/** One salesperson's plan for the month; nothing is asked until a salesperson is chosen. */
export const useDevPlan = (input: In<'devPlan.get'>, enabled: boolean) => useRecordQuery('devPlan.get', input, { enabled });
export const useDevPlanSuggestion = (input: In<'devPlan.suggest'>) => useApiQuery('devPlan.suggest', input);
export const useDayRoute = (input: In<'dayRoute.get'>) => useRecordQuery('dayRoute.get', input);
export const useDueOutlets = (input: In<'dayRoute.due'>) => useApiQuery('dayRoute.due', input);
export const useVisits = (input: In<'visit.list'>) => useApiQuery('visit.list', input);
export const useVisitPhoto = (input: In<'visit.photo'>) => useApiQuery('visit.photo', input);
export const useWeeklyReview = (input: In<'weeklyReview.get'>, enabled: boolean) => useRecordQuery('weeklyReview.get', input, { enabled });
export const useWeeklyReviews = (input: In<'weeklyReview.list'>) => useApiQuery('weeklyReview.list', input);
export const useScorecard = (input: In<'evaluation.scorecard'>) => useApiQuery('evaluation.scorecard', input);
export const useScoreHistory = (input: In<'evaluation.history'>) => useApiQuery('evaluation.history', input);

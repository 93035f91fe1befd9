import type { developmentContract } from '../../shared/contract/development.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { developmentDashboard } from './dashboard.js';
import { getDayRoute, saveDayRoute } from './dayRoutes.js';
import { computeScorecard, decideEvaluation, evaluationHistory, getScoringSettings, saveScoringSettings } from './evaluations.js';
import { exportDaySheet, exportScorecard } from './export.js';
import { addToPipeline, listPipeline, moveProspect, outletCandidates, removeFromPipeline, updateProspect } from './pipeline.js';
import { decidePlan, getPlan, listPlans, savePlan, submitPlan, suggestPlan } from './plans.js';
import { staffIdOf } from '../people/actor.js';
import { scopeOf } from '../people/readScope.js';
import { commentReview, getReview, listReviews, saveReview } from './reviews.js';
import { deleteVisit, listVisits, logVisit } from './visits.js';

export const developmentHandlers = {
  'development.dashboard': (ctx, q) => developmentDashboard(ctx.db, q, undefined, scopeOf(ctx)),
  'pipeline.list': (ctx, q) => listPipeline(ctx.db, q, scopeOf(ctx)),
  'pipeline.candidates': (ctx, q) => outletCandidates(ctx.db, q, scopeOf(ctx)),
  'pipeline.add': ({ db }, input) => addToPipeline(db, input),
  'pipeline.update': ({ db }, input) => updateProspect(db, input),
  'pipeline.move': ({ db }, input) => moveProspect(db, input),
  'pipeline.remove': ({ db }, { outletType, outletId }) => removeFromPipeline(db, outletType, outletId),
  'devPlan.get': ({ db }, { salespersonId, month }) => getPlan(db, salespersonId, month),
  'devPlan.list': (ctx, q) => listPlans(ctx.db, q, undefined, scopeOf(ctx)),
  'devPlan.suggest': ({ db }, { salespersonId, month }) => suggestPlan(db, salespersonId, month),
  'devPlan.save': ({ db }, input) => savePlan(db, input),
  'devPlan.submit': ({ db }, { salespersonId, month }) => submitPlan(db, salespersonId, month),
  // The decision is the acting manager's, not a picker's choice.
  'devPlan.decide': (ctx, input) => decidePlan(ctx.db, { ...input, managerId: input.managerId ?? staffIdOf(ctx) }),
  'dayRoute.get': ({ db }, { salespersonId, day }) => getDayRoute(db, salespersonId, day),
  'dayRoute.save': ({ db }, input) => saveDayRoute(db, input),
  'dayRoute.export': ({ db }, { salespersonId, day, language }) => exportDaySheet(db, salespersonId, day, language),
  'visit.log': ({ db }, input) => logVisit(db, input),
  'visit.list': (ctx, q) => listVisits(ctx.db, q, scopeOf(ctx)),
  'visit.delete': ({ db }, { id }) => deleteVisit(db, id),
  'weeklyReview.get': ({ db }, { salespersonId, weekStart }) => getReview(db, salespersonId, weekStart),
  'weeklyReview.list': (ctx, { weekStart, regionId }) => listReviews(ctx.db, weekStart, regionId, scopeOf(ctx)),
  'weeklyReview.save': ({ db }, input) => saveReview(db, input),
  'weeklyReview.comment': ({ db }, input) => commentReview(db, input),
  'evaluation.scorecard': (ctx, { month, regionId }) => computeScorecard(ctx.db, month, regionId, scopeOf(ctx)),
  'evaluation.decide': (ctx, input) => decideEvaluation(ctx.db, { ...input, managerId: input.managerId ?? staffIdOf(ctx) }),
  'evaluation.settings': ({ db }, { regionId }) => getScoringSettings(db, regionId),
  'evaluation.saveSettings': ({ db }, input) => saveScoringSettings(db, input),
  'evaluation.history': (ctx, q) => evaluationHistory(ctx.db, q, scopeOf(ctx)),
  'evaluation.export': (ctx, { month, regionId, language }) => exportScorecard(ctx.db, month, regionId, language, scopeOf(ctx)),
} satisfies FeatureHandlers<typeof developmentContract>;

import { thisMonth } from '../../shared/domain/clock.js';
import type { ServiceContext } from '../api/context.js';
import { benchmarkReadiness } from '../readiness/bench.js';
import { benchmarkCascade } from '../targets/bench.js';
import { computeForecastView } from '../forecast/view.js';
import { computeAccounts } from '../accounts/service.js';
import { computeTargetView } from '../targets/service.js';
import { computeScorecard } from '../development/evaluations.js';
import { listPipeline } from '../development/pipeline.js';
import { orderRoute } from '../development/route.js';

/** 60 outlets around a city centre: the most a day route accepts. */
function sixtyStopRoute() {
  const points = Array.from({ length: 60 }, (_, i) => ({
    id: i,
    lat: 45.7 + Math.sin(i * 12.9898) * 0.08,
    lng: 126.6 + Math.cos(i * 78.233) * 0.12,
  }));
  return orderRoute(points, { lat: 45.7, lng: 126.6 });
}

export interface Recompute {
  name: string;
  run(ctx: ServiceContext): unknown | Promise<unknown>;
}

/** Whole-region recomputations (target cascade, readiness plan, segmentation). Each feature adds one. */
export const RECOMPUTES: Recompute[] = [
  { name: 'target cascade (every brand, every distributor x SKU x peak month)', run: ({ db }) => benchmarkCascade(db) },
  { name: 'readiness projection and plan (whole network)', run: ({ db }) => benchmarkReadiness(db) },
  // The screens reuse these until the data changes; this is what the first look after a change costs.
  { name: 'forecast screen for the whole region, first look after a change', run: ({ db }) => computeForecastView(db, {}) },
  {
    name: 'targets grid for the whole plan, first look after a change',
    run: ({ db }) => {
      const planId = db.prepare('SELECT id FROM target_plans ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
      return planId === undefined ? null : computeTargetView(db, planId);
    },
  },
  { name: 'key-account segmentation, churn risks and last season (whole region)', run: ({ db }) => computeAccounts(db) },
  {
    name: 'development: month-end scorecard for every salesperson',
    run: ({ db }) => computeScorecard(db, thisMonth()),
  },
  {
    name: 'development: pipeline board, every prospect (first 500 cards)',
    run: ({ db }) => listPipeline(db, { sort: 'priority', limit: 500, offset: 0 }),
  },
  { name: 'development: ordering a 60-stop day route', run: () => sixtyStopRoute() },
];

import type { ServiceContext } from '../api/context.js';
import { benchmarkReadiness } from '../readiness/bench.js';
import { benchmarkCascade } from '../targets/bench.js';
import { computeForecastView } from '../forecast/view.js';
import { computeAccounts } from '../accounts/service.js';

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
  { name: 'key-account segmentation, churn risks and last season (whole region)', run: ({ db }) => computeAccounts(db) },
];

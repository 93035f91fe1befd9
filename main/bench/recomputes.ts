import type { ServiceContext } from '../api/context.js';
import { computeReadiness } from '../readiness/service.js';

export interface Recompute {
  name: string;
  run(ctx: ServiceContext): unknown | Promise<unknown>;
}

/** Whole-region recomputations (target cascade, readiness plan, segmentation). Each feature adds one. */
export const RECOMPUTES: Recompute[] = [{ name: 'readiness projection and plan (whole network)', run: ({ db }) => computeReadiness(db) }];

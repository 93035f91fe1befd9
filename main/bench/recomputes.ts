import { thisMonth } from '../../shared/domain/clock.js';
import type { ServiceContext } from '../api/context.js';
import { benchmarkCascade } from '../targets/bench.js';
import { screenAfterChange, type Screen } from './one-change.js';
import { editTarget } from '../targets/service.js';
import type { Db } from '../db/open.js';
import type { Level } from '../targets/cascade.js';
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

const UNDO = new Error('undo the benchmark edit');

/**
 * One edit of the latest plan's first distributor, as the targets grid makes it, undone afterwards so
 * that the other figures see the same data: a distributor x SKU (its brand's cells of that distributor
 * move) or a distributor's brand total (the brand's cells of every distributor move).
 */
function oneTargetEdit(db: Db, level: 'sku' | 'distributor'): unknown {
  const first = db
    .prepare(
      `SELECT c.plan_id AS planId, c.distributor_id AS distributorId, c.product_id AS productId, p.brand
       FROM target_cells c JOIN products p ON p.id = c.product_id ORDER BY c.plan_id DESC LIMIT 1`,
    )
    .get() as { planId: number; distributorId: number; productId: number; brand: string } | undefined;
  if (!first) return null;
  const at: Level =
    level === 'sku'
      ? { level: 'sku', distributorId: first.distributorId, productId: first.productId }
      : { level: 'distributor', distributorId: first.distributorId, brand: first.brand };
  const now = db
    .prepare(
      `SELECT sum(c.target) FROM target_cells c JOIN products p ON p.id = c.product_id
       WHERE c.plan_id = ? AND c.distributor_id = ? AND ${level === 'sku' ? 'c.product_id = ?' : 'p.brand = ?'}`,
    )
    .pluck()
    .get(first.planId, first.distributorId, level === 'sku' ? first.productId : first.brand) as number;
  try {
    db.transaction(() => {
      editTarget(db, first.planId, at, Math.max(0, now - 1), true);
      throw UNDO;
    })();
  } catch (error) {
    if (error !== UNDO) throw error;
  }
  return at;
}

export interface Recompute {
  name: string;
  /** Untimed, before: the cached state the recomputation starts from, and the change it follows. */
  prepare?(ctx: ServiceContext): void | Promise<void>;
  /** Its answer; one timed in the query thread (one-change.ts ThreadTimed) gives that time as the figure. */
  run(ctx: ServiceContext): unknown | Promise<unknown>;
  /** Untimed, after: the change undone, so that the other figures see the same data. */
  after?(ctx: ServiceContext): void | Promise<void>;
}

const READINESS_BOARD: Screen = { method: 'readiness.board', input: () => ({}) };
const ACCOUNTS: Screen = { method: 'accounts.overview', input: () => ({}) };

/** Whole-region recomputations (target cascade, readiness plan, segmentation). Each feature adds one. */
export const RECOMPUTES: Recompute[] = [
  { name: 'target cascade (every brand, every distributor x SKU x peak month)', run: ({ db }) => benchmarkCascade(db) },
  { name: 'target cascade after one edit: a distributor x SKU of the latest plan', run: ({ db }) => oneTargetEdit(db, 'sku') },
  {
    name: "target cascade after one edit: a distributor's brand total (the brand's line moves)",
    run: ({ db }) => oneTargetEdit(db, 'distributor'),
  },
  // The screens' recomputations after a change, answered and timed in the query thread as in the app.
  // A forecast change moves the readiness base: the whole network is read and planned again.
  screenAfterChange('readiness projection and plan (whole network)', 'forecast', READINESS_BOARD),
  // After one change the cached parts that it cannot move are reused (main/readiness/computation.ts, main/accounts/service.ts).
  screenAfterChange('readiness after one stock count', 'count', READINESS_BOARD),
  screenAfterChange('readiness after one shipment', 'shipment', READINESS_BOARD),
  // The screens reuse these until the data changes; this is what the first look after a change costs.
  screenAfterChange('forecast screen for the whole region, first look after a change', 'forecast', {
    method: 'forecast.view',
    input: () => ({}),
  }),
  screenAfterChange('targets grid for the whole plan, first look after a change', 'target', {
    method: 'targets.view',
    input: ({ db }) => ({ planId: db.prepare('SELECT max(id) FROM target_plans').pluck().get() as number }),
  }),
  // A history change moves the segmentation's base: every account is segmented and judged again.
  screenAfterChange('key-account segmentation, churn risks and last season (whole region)', 'history', ACCOUNTS),
  screenAfterChange('segmentation after one stock count', 'count', ACCOUNTS),
  screenAfterChange('segmentation after one complaint', 'complaint', ACCOUNTS),
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

import { now, thisMonth, today } from '../../shared/domain/clock.js';
import { weekStartOf } from '../../shared/domain/calendar.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';

export interface ScreenQuery {
  name: string;
  /** Runs the screen's data fetch through the same dispatch the doors use. */
  run(ctx: ServiceContext): Promise<unknown>;
}

function firstId(ctx: ServiceContext, sql: string): number {
  return (ctx.db.prepare(sql).pluck().get() as number | undefined) ?? 1;
}

const viaDispatch = (method: string, input: (ctx: ServiceContext) => unknown) => async (ctx: ServiceContext) => {
  const result = await dispatch(ctx, method, input(ctx));
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
};

/** The benchmark's own target plan for the first region's next season, made once and reused. */
async function benchmarkPlanId(ctx: ServiceContext): Promise<number> {
  const existing = ctx.db.prepare("SELECT id FROM target_plans WHERE name = 'Benchmark plan' ORDER BY id DESC LIMIT 1").pluck().get() as
    number | undefined;
  if (existing !== undefined) return existing;
  const regionId = firstId(ctx, 'SELECT id FROM regions ORDER BY id LIMIT 1');
  const seasonYear = now().getFullYear() + 1;
  const suggestion = (await viaDispatch('targets.suggest', () => ({ regionId, seasonYear }))(ctx)) as {
    brands: Array<{ brand: string; natural: number }>;
  };
  const lines = suggestion.brands.map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) }));
  const plan = (await viaDispatch('targets.create', () => ({
    regionId,
    seasonYear,
    name: 'Benchmark plan',
    basis: 'forecast',
    lines,
    newOutlets: 200,
  }))(ctx)) as { id: number };
  return plan.id;
}

const thisMonday = () => weekStartOf(today());

/**
 * The data each screen fetches when it opens, as the renderer asks for it. Each feature adds its
 * screens here.
 */
export const SCREEN_QUERIES: ScreenQuery[] = [
  { name: 'dashboard: network summary', run: viaDispatch('network.summary', () => ({})) },
  { name: 'distributor list: first page', run: viaDispatch('distributor.list', () => ({ limit: 200 })) },
  {
    name: 'distributor list: sorted by terminals',
    run: viaDispatch('distributor.list', () => ({ limit: 200, sort: 'terminalCount', direction: 'desc' })),
  },
  {
    name: 'distributor page',
    // the largest distributor: the worst case a manager opens
    run: viaDispatch('distributor.get', (ctx) => ({
      id: firstId(ctx, 'SELECT distributor_id FROM sub_dealers GROUP BY distributor_id ORDER BY count(*) DESC LIMIT 1'),
    })),
  },
  {
    name: 'distributor page: the one-page brief (largest)',
    // every section at once: volume, mix, targets, account, readiness, shipments, events, outlets
    run: viaDispatch('distributor.brief', (ctx) => ({
      id: firstId(ctx, 'SELECT distributor_id FROM sub_dealers GROUP BY distributor_id ORDER BY count(*) DESC LIMIT 1'),
    })),
  },
  {
    name: 'distributor page: the one-page brief, a different distributor each run',
    // the 40 largest in turn: the region's computations are warm, the distributor's own reads are not
    run: (() => {
      let turn = 0;
      let ids: number[] | undefined;
      return viaDispatch('distributor.brief', (ctx) => {
        ids ??= ctx.db
          .prepare('SELECT distributor_id FROM sub_dealers GROUP BY distributor_id ORDER BY count(*) DESC LIMIT 40')
          .pluck()
          .all() as number[];
        return { id: ids[turn++ % ids.length] ?? 1 };
      });
    })(),
  },
  { name: 'terminal list: first page', run: viaDispatch('terminal.list', () => ({ limit: 200 })) },
  {
    name: 'terminal list: last page',
    run: viaDispatch('terminal.list', (ctx) => ({ limit: 200, offset: Math.max(0, firstId(ctx, 'SELECT count(*) FROM terminals') - 200) })),
  },
  { name: 'terminal list: search', run: viaDispatch('terminal.list', () => ({ search: 'lotus', limit: 200 })) },
  {
    name: 'terminal list: one distributor',
    run: viaDispatch('terminal.list', (ctx) => ({ distributorId: firstId(ctx, 'SELECT id FROM distributors LIMIT 1'), limit: 200 })),
  },
  { name: 'sub-dealer list: first page', run: viaDispatch('subDealer.list', () => ({ limit: 200 })) },
  { name: 'products', run: viaDispatch('product.list', () => ({})) },
  { name: 'forecast screen: whole region', run: viaDispatch('forecast.view', () => ({})) },
  {
    name: 'forecast screen: one distributor',
    run: viaDispatch('forecast.view', (ctx) => ({ distributorId: firstId(ctx, 'SELECT distributor_id FROM forecast_series LIMIT 1') })),
  },
  { name: 'readiness board', run: viaDispatch('readiness.board', () => ({})) },
  { name: 'key accounts overview', run: viaDispatch('accounts.overview', () => ({})) },
  { name: 'targets: plans list', run: viaDispatch('targets.plans', () => ({})) },
  {
    name: 'targets grid: whole plan',
    run: async (ctx) => {
      const planId = await benchmarkPlanId(ctx);
      return viaDispatch('targets.view', () => ({ planId }))(ctx);
    },
  },
  { name: 'development dashboard: this month', run: viaDispatch('development.dashboard', () => ({ month: thisMonth() })) },
  { name: 'development: pipeline board', run: viaDispatch('pipeline.list', () => ({ limit: 500 })) },
  { name: 'development: weekly reviews of the team', run: viaDispatch('weeklyReview.list', () => ({ weekStart: thisMonday() })) },
  { name: 'development: scorecard', run: viaDispatch('evaluation.scorecard', () => ({ month: thisMonth() })) },
];

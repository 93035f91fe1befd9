import type { forecastContract } from '../../shared/contract/forecast.js';
import { refusal } from '../../shared/contract/result.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { nowIso, prepared } from '../db/open.js';
import { writeSetting } from '../system/preferences.js';
import { historyBounds, setSales } from './history.js';
import { addOverride, deleteOverride } from './overrides.js';
import { forecastView, HISTORY_CHANGED_KEY } from './view.js';
import { distributorInRegions, scopeOf } from '../people/readScope.js';

export const forecastHandlers = {
  'forecast.options': (ctx, { distributorId }) => ({
    brands: prepared(ctx.db, 'SELECT DISTINCT brand FROM products ORDER BY brand').pluck().all() as string[],
    skus: prepared(
      ctx.db,
      `SELECT id, sku, name, brand FROM products p WHERE EXISTS (SELECT 1 FROM sales_history h WHERE h.product_id = p.id AND (? IS NULL OR h.distributor_id = ?)
         AND ${distributorInRegions('h.distributor_id', scopeOf(ctx))})
       ORDER BY brand, name`,
    ).all(distributorId ?? null, distributorId ?? null) as Array<{ id: number; sku: string; name: string; brand: string }>,
    historyMonths: historyBounds(ctx.db),
  }),
  // A person limited to some regions sees their distributors' series only: totals, accuracy, methods.
  'forecast.view': (ctx, scope) => forecastView(ctx.db, { ...scope, regions: scopeOf(ctx) }),
  'forecast.run': ({ jobs }, { force }) => {
    if (jobs.isBusy('forecast.run')) throw refusal('conflict', 'forecastRunning', 'A forecast run is already in progress.');
    return { jobId: jobs.start('forecast.run', { force }) };
  },
  'forecast.override': ({ db }, input) => addOverride(db, { ...input, author: input.author ?? null }),
  'forecast.overrideDelete': ({ db }, { id }) => deleteOverride(db, id),
  'sales.set': ({ db }, input) => {
    const saved = setSales(db, input);
    writeSetting(db, HISTORY_CHANGED_KEY, nowIso());
    return saved;
  },
} satisfies FeatureHandlers<typeof forecastContract>;

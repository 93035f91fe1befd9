import { z } from 'zod';
import { mutation, query } from './define.js';
import { id, optionalText, yearMonth } from './fields.js';

/** A forecast model as codes: the renderer words it (forecast:modelText) in the user's language. */
export type ModelDescription =
  | { kind: 'ets'; season: 'none' | 'additive' | 'multiplicative'; trend: 'none' | 'linear' | 'damped' }
  | { kind: 'croston_sba' | 'profile' | 'seasonal_naive' | 'theta' | 'arima' | 'combination' | 'none' };

export const OVERRIDE_LEVELS = ['region', 'distributor', 'brand', 'sku', 'distributor_sku'] as const;
export type OverrideLevel = (typeof OVERRIDE_LEVELS)[number];

/** What the forecast screen looks at: everything, or narrowed by region, distributor, brand and SKU. */
export const forecastScope = z.strictObject({
  regionId: id.optional(),
  distributorId: id.optional(),
  brand: z.string().trim().min(1).max(80).optional(),
  productId: id.optional(),
});
export type ForecastScope = z.input<typeof forecastScope>;

export interface ForecastOverride {
  id: number;
  level: OverrideLevel;
  regionId: number | null;
  distributorId: number | null;
  productId: number | null;
  brand: string | null;
  label: string;
  month: string;
  mode: 'absolute' | 'percent';
  value: number;
  note: string;
  author: string;
  createdAt: string;
}

export interface ForecastMonth {
  month: string;
  /** Statistical forecast (natural volume), cases. */
  point: number;
  /** Agreed (consensus) number: the statistical one unless an override applies. */
  agreed: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** Actual cases in the same month a year earlier. */
  lastYear: number | null;
}

export interface ForecastRunInfo {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  firstMonth: string;
  horizon: number;
  seriesTotal: number;
  seriesRecomputed: number;
  seconds: number | null;
  workers: number | null;
  /** Average correlation of the series' backtest errors: widens the ranges of totals. */
  residualCorrelation: number | null;
  /** Backtest coverage of the whole total's 80% range (share, 0-1). */
  totalCoverage80: number | null;
}

export interface ForecastView {
  status: 'ok' | 'no_history' | 'not_run';
  seriesCount: number;
  peakMonths: number[];
  history: Array<{ month: string; cases: number }>;
  forecast: ForecastMonth[];
  /** Set when the scope is one distributor x SKU series. */
  model: { method: string; model: string; description: ModelDescription; params: Record<string, number> } | null;
  methods: Array<{ method: string; series: number }>;
  /** Series of the scope forecast after a shock common to their region's series (main/forecast/engine/shock.ts). */
  seriesAfterShock: number;
  /**
   * Backtest accuracy, volume-weighted: the forecast's and seasonal naive's (repeating last season)
   * on the same origins and months, over the series that have both.
   */
  accuracy: { mase: number | null; wape: number | null; naiveMase: number | null; naiveWape: number | null };
  overrides: ForecastOverride[];
  lastRun: ForecastRunInfo | null;
  /** Sales history changed after the last run: the forecast should be run again. */
  stale: boolean;
}

export interface ForecastOptionsResult {
  brands: string[];
  /** SKUs with sales history (for one distributor when asked), for the SKU selector. */
  skus: Array<{ id: number; sku: string; name: string; brand: string }>;
  historyMonths: { first: string | null; last: string | null };
}

export const overrideInput = z
  .strictObject({
    level: z.enum(OVERRIDE_LEVELS),
    regionId: id.optional(),
    distributorId: id.optional(),
    productId: id.optional(),
    brand: z.string().trim().min(1).max(80).optional(),
    month: yearMonth,
    mode: z.enum(['absolute', 'percent']),
    value: z.number().finite().min(-100).max(1e9),
    note: z.string().trim().min(3, 'Say why (at least a few words)').max(500),
    author: optionalText(80),
  })
  .superRefine((o, ctx) => {
    const need: Record<OverrideLevel, Array<keyof typeof o>> = {
      region: ['regionId'],
      distributor: ['distributorId'],
      brand: ['brand'],
      sku: ['productId'],
      distributor_sku: ['distributorId', 'productId'],
    };
    for (const key of need[o.level])
      if (o[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Required for a ${o.level} override` });
    if (o.mode === 'absolute' && o.value < 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Cases cannot be negative' });
  });
export type OverrideInput = z.input<typeof overrideInput>;

export const forecastContract = {
  'forecast.options': query<ForecastOptionsResult>()(z.strictObject({ distributorId: id.optional() })),
  'forecast.view': query<ForecastView>()(forecastScope),
  'forecast.run': mutation<{ jobId: number }>()(z.strictObject({ force: z.boolean().default(false) })),
  'forecast.override': mutation<ForecastOverride>()(overrideInput),
  'forecast.overrideDelete': mutation<{ deleted: true }>()(z.strictObject({ id })),
  'sales.set': mutation<{ saved: true }>()(
    z.strictObject({
      distributorId: id,
      productId: id,
      month: yearMonth,
      cases: z.int().min(0).max(100_000_000),
      revenueCents: z.int().min(0).max(1e15).nullish(),
    }),
  ),
} as const;
